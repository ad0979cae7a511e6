/// The sealed chunks of one series in a single byte buffer, oldest first: for each, a header
/// (sample count, payload length, first and last timestamp) and its XOR payload.
///
/// One exactly sized allocation per series rather than one per chunk plus a list of them: at an
/// hour of 10 s samples that is about 230 bytes less per series.
struct SealedChunks: Sendable {
    private(set) var bytes: [UInt8] = []

    /// Sample count (4 bytes), payload length (4), first and last timestamp (8 each), little-endian.
    static let headerSize = 24

    var isEmpty: Bool { bytes.isEmpty }

    init() {}

    /// Chunks from a buffer read back (a checkpoint's); nil unless every header fits the buffer, holds
    /// at least one sample, and the chunks' times increase.
    init?(validating bytes: [UInt8]) {
        self.bytes = bytes
        var offset = 0
        var previousMaxTime = Int64.min
        while offset < bytes.count {
            guard bytes.count - offset >= Self.headerSize else { return nil }
            let count = Int(read(UInt32.self, at: offset))
            let length = Int(read(UInt32.self, at: offset + 4))
            let minTime = Int64(bitPattern: read(UInt64.self, at: offset + 8))
            let maxTime = Int64(bitPattern: read(UInt64.self, at: offset + 16))
            // The first sample takes at least 65 bits, every later one at least 2.
            guard count > 0, count <= length * 4, length <= bytes.count - offset - Self.headerSize, minTime <= maxTime,
                offset == 0 || minTime > previousMaxTime
            else { return nil }
            previousMaxTime = maxTime
            offset += Self.headerSize + length
        }
    }

    /// The newest chunk's last timestamp.
    var maxTime: Int64? { chunks.last?.maxTime }

    /// The chunks, oldest first; their bytes are slices of the shared buffer, not copies.
    var chunks: [XORChunk] {
        var result: [XORChunk] = []
        var offset = 0
        while let (chunk, next) = chunk(at: offset) {
            result.append(chunk)
            offset = next
        }
        return result
    }

    /// The oldest chunk's first timestamp.
    var minTime: Int64? { chunk(at: 0)?.chunk.minTime }

    /// Appends `chunk` and drops the chunks whose samples all precede `cutoff`, in one copy into an
    /// exactly sized buffer; returns how many samples were dropped.
    mutating func append(_ chunk: XORChunk, droppingBefore cutoff: Int64) -> Int {
        let (kept, dropped) = firstKept(cutoff)
        var next: [UInt8] = []
        next.reserveCapacity(bytes.count - kept + Self.headerSize + chunk.bytes.count)
        next.append(contentsOf: bytes[kept...])
        Self.writeHeader(of: chunk, to: &next)
        next.append(contentsOf: chunk.bytes)
        bytes = next
        return dropped
    }

    /// Drops the chunks whose samples all precede `cutoff`; returns how many samples went.
    mutating func drop(before cutoff: Int64) -> Int {
        let (kept, dropped) = firstKept(cutoff)
        if kept > 0 { bytes = Array(bytes[kept...]) }
        return dropped
    }

    /// The offset of the first chunk with a sample at or after `cutoff`, and the samples before it.
    private func firstKept(_ cutoff: Int64) -> (offset: Int, dropped: Int) {
        var offset = 0
        var dropped = 0
        while let (chunk, next) = chunk(at: offset), chunk.maxTime < cutoff {
            dropped += chunk.count
            offset = next
        }
        return (offset, dropped)
    }

    private func chunk(at offset: Int) -> (chunk: XORChunk, next: Int)? {
        guard offset + Self.headerSize <= bytes.count else { return nil }
        let count = Int(read(UInt32.self, at: offset))
        let length = Int(read(UInt32.self, at: offset + 4))
        let start = offset + Self.headerSize
        let chunk = XORChunk(
            bytes: bytes[start..<start + length], count: count,
            minTime: Int64(bitPattern: read(UInt64.self, at: offset + 8)),
            maxTime: Int64(bitPattern: read(UInt64.self, at: offset + 16)))
        return (chunk, start + length)
    }

    private func read<T: FixedWidthInteger & UnsignedInteger>(_: T.Type, at offset: Int) -> T {
        var value: T = 0
        for index in 0..<MemoryLayout<T>.size { value |= T(bytes[offset + index]) << (8 * index) }
        return value
    }

    private static func writeHeader(of chunk: XORChunk, to bytes: inout [UInt8]) {
        func write<T: FixedWidthInteger>(_ value: T) {
            for index in 0..<MemoryLayout<T>.size { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
        }
        write(UInt32(chunk.count))
        write(UInt32(chunk.bytes.count))
        write(UInt64(bitPattern: chunk.minTime))
        write(UInt64(bitPattern: chunk.maxTime))
    }
}
