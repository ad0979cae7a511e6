import PromQL

extension StoreCheckpoint {
    /// Reads a checkpoint file's bytes; throws when they are not a whole, undamaged checkpoint of
    /// this format version.
    public init(decoding bytes: [UInt8]) throws(StoreCheckpointError) {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.starts(with: Self.magic) else { throw .notACheckpoint }
        var reader = CheckpointReader(bytes: bytes[...])
        reader.skip(Self.magic.count)
        guard let version = reader.fixed(UInt32.self) else {
            throw .wrongLength(expected: Self.headerSize, actual: bytes.count)
        }
        guard version == Self.formatVersion else { throw .unsupportedVersion(version) }
        guard let length = reader.fixed(UInt64.self), let taken = reader.fixed(UInt64.self),
            let count = reader.fixed(UInt32.self)
        else { throw .wrongLength(expected: Self.headerSize + Self.checksumSize, actual: bytes.count) }
        guard length == UInt64(bytes.count) else {
            throw .wrongLength(expected: Int(clamping: length), actual: bytes.count)
        }
        let body = bytes.count - Self.checksumSize
        guard body >= Self.headerSize else { throw .malformed("a length shorter than the header") }
        var checksumReader = CheckpointReader(bytes: bytes[body...])
        let stored = checksumReader.fixed(UInt32.self) ?? 0
        let computed = CRC32.checksum(bytes[..<body])
        guard stored == computed else { throw .checksumMismatch(stored: stored, computed: computed) }

        reader = CheckpointReader(bytes: bytes[Self.headerSize..<body])
        var series: [Series] = []
        series.reserveCapacity(min(Int(count), body / 8))
        for index in 0..<Int(count) {
            guard let one = reader.series() else { throw .malformed("series \(index + 1) of \(count)") }
            series.append(one)
        }
        guard reader.isAtEnd else { throw .malformed("bytes after the last series") }
        self.init(series: series, takenAtMilliseconds: Int64(bitPattern: taken))
    }
}

/// Reads the checkpoint's fields from a byte buffer; nil when they run past its end or do not hold.
private struct CheckpointReader {
    private let bytes: ArraySlice<UInt8>
    private var offset: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.offset = bytes.startIndex
    }

    var isAtEnd: Bool { offset == bytes.endIndex }

    mutating func skip(_ count: Int) {
        offset += count
    }

    /// One series, its labels sorted with unique names and its chunks' times increasing.
    mutating func series() -> StoreCheckpoint.Series? {
        guard let name = string(), let labelCount = varint(), labelCount <= bytes.endIndex - offset else { return nil }
        var pairs: [Labels.Pair] = []
        pairs.reserveCapacity(labelCount)
        for _ in 0..<labelCount {
            guard let label = string(), let value = string() else { return nil }
            if let last = pairs.last, !(last.name < label) { return nil }
            pairs.append(Labels.Pair(label, value))
        }
        guard let sealedLength = varint(), let sealedBytes = take(sealedLength),
            let sealed = SealedChunks(validating: Array(sealedBytes)), let head = head(after: sealed.maxTime)
        else { return nil }
        return StoreCheckpoint.Series(name: name, labels: Labels(sortedPairs: pairs), sealed: sealed, head: head)
    }

    private mutating func head(after sealedMaxTime: Int64?) -> XORChunkAppender? {
        guard let count = varint() else { return nil }
        if count == 0 { return XORChunkAppender() }
        guard let minTime = fixed(UInt64.self), let maxTime = fixed(UInt64.self), let length = varint(),
            let payload = take(length)
        else { return nil }
        let chunk = XORChunk(
            bytes: payload, count: count, minTime: Int64(bitPattern: minTime), maxTime: Int64(bitPattern: maxTime))
        if let sealedMaxTime, chunk.minTime <= sealedMaxTime { return nil }
        return XORChunkAppender(continuing: chunk)
    }

    mutating func string() -> String? {
        guard let length = varint(), let utf8 = take(length) else { return nil }
        return String(decoding: utf8, as: UTF8.self)
    }

    mutating func varint() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.endIndex, shift < 63 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value <= UInt64(Int32.max) ? Int(value) : nil }
            shift += 7
        }
        return nil
    }

    mutating func fixed<T: FixedWidthInteger & UnsignedInteger>(_: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard bytes.endIndex - offset >= size else { return nil }
        var value: T = 0
        for index in 0..<size { value |= T(bytes[offset + index]) << (8 * index) }
        offset += size
        return value
    }

    private mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, bytes.endIndex - offset >= count else { return nil }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }
}
