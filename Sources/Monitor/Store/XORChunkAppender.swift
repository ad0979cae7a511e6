import PromQL

/// Writes samples into an `XORChunk`, one at a time; the chunk the store is still filling.
///
/// Every series has one, so the narrow fields come right after the writer's, in its spare bytes.
struct XORChunkAppender: Sendable {
    private var writer = BitWriter(reservingCapacity: 32)
    private var samples: UInt16 = 0
    /// The window of the last value written with explicit leading and trailing zeros (both 0 before:
    /// the first value sets it, as no XOR has 64 leading zeros).
    private var windowLeading: UInt8 = 0
    private var windowTrailing: UInt8 = 0
    private var hasWindow = false
    private(set) var minTime: Int64 = 0
    private(set) var maxTime: Int64 = 0
    private(set) var lastValue: Double = 0
    private var lastDelta: Int64 = 0

    var count: Int { Int(samples) }

    init() {}

    /// An appender that continues `chunk` (a head chunk read back from a checkpoint) by writing its
    /// samples again, so that it holds the same bytes and goes on as the one that wrote them would;
    /// nil when the chunk does not decode to its count and times, or its times do not increase.
    init?(continuing chunk: XORChunk) {
        guard chunk.count <= Int(UInt16.max) else { return nil }
        var iterator = chunk.makeIterator()
        while let point = iterator.next() {
            guard count == 0 || point.timestampMilliseconds > maxTime else { return nil }
            append(point.timestampMilliseconds, point.value)
        }
        guard count == chunk.count, count == 0 || (minTime == chunk.minTime && maxTime == chunk.maxTime) else {
            return nil
        }
    }

    /// Bytes written so far.
    var byteCount: Int { writer.bytes.count }

    /// What has been written so far, as a chunk that shares the bytes until the appender writes again.
    var chunk: XORChunk {
        XORChunk(bytes: writer.bytes, count: count, minTime: minTime, maxTime: maxTime)
    }

    /// The finished chunk, its spare capacity given back; the appender should not be used after.
    mutating func seal() -> XORChunk {
        writer.shrinkToFit()
        return chunk
    }

    /// Appends a sample. The chunk can hold any sequence of timestamps; the store keeps them increasing.
    mutating func append(_ timestamp: Int64, _ value: Double) {
        switch count {
        case 0:
            writer.writeVarint(timestamp)
            writer.write(value.bitPattern, count: 64)
            minTime = timestamp
        case 1:
            lastDelta = timestamp &- maxTime
            writer.writeVarint(lastDelta)
            writeValue(value)
        default:
            let delta = timestamp &- maxTime
            writeDeltaOfDelta(delta &- lastDelta)
            lastDelta = delta
            writeValue(value)
        }
        maxTime = timestamp
        lastValue = value
        samples += 1
    }

    private mutating func writeDeltaOfDelta(_ dod: Int64) {
        if dod == 0 {
            writer.writeBit(false)
            return
        }
        for bucket in TimestampBucket.buckets where TimestampBucket.fits(dod, bits: bucket.payloadBits) {
            writer.write(bucket.control, count: bucket.controlBits)
            writer.write(UInt64(bitPattern: dod), count: bucket.payloadBits)
            return
        }
        writer.write(0b1111, count: 4)
        writer.write(UInt64(bitPattern: dod), count: 64)
    }

    private mutating func writeValue(_ value: Double) {
        let xor = value.bitPattern ^ lastValue.bitPattern
        if xor == 0 {
            writer.writeBit(false)
            return
        }
        writer.writeBit(true)
        let leading = min(xor.leadingZeroBitCount, 31)
        let trailing = xor.trailingZeroBitCount
        if hasWindow, leading >= Int(windowLeading), trailing >= Int(windowTrailing) {
            writer.writeBit(false)
            let significant = 64 - Int(windowLeading) - Int(windowTrailing)
            writer.write(xor >> UInt64(windowTrailing), count: significant)
            return
        }
        let significant = 64 - leading - trailing
        writer.writeBit(true)
        writer.write(UInt64(leading), count: 5)
        // 64 significant bits do not fit 6 bits; they are written as 0, which cannot occur otherwise.
        writer.write(UInt64(significant & 63), count: 6)
        writer.write(xor >> UInt64(trailing), count: significant)
        (windowLeading, windowTrailing, hasWindow) = (UInt8(leading), UInt8(trailing), true)
    }
}

/// Reads the samples of an `XORChunk` in order; stops early (without trapping) on truncated bytes.
struct XORChunkIterator: IteratorProtocol {
    private var reader: BitReader
    private let count: Int
    private var read = 0
    private var timestamp: Int64 = 0
    private var delta: Int64 = 0
    private var valueBits: UInt64 = 0
    private var window = (leading: 0, trailing: 0)

    init(bytes: ArraySlice<UInt8>, count: Int) {
        self.reader = BitReader(bytes)
        self.count = count
    }

    mutating func next() -> SamplePoint? {
        guard read < count, let point = readNext() else { return nil }
        read += 1
        return point
    }

    private mutating func readNext() -> SamplePoint? {
        switch read {
        case 0:
            guard let first = reader.readVarint(), let bits = reader.read(64) else { return nil }
            timestamp = first
            valueBits = bits
        case 1:
            guard let firstDelta = reader.readVarint(), readValue() else { return nil }
            delta = firstDelta
            timestamp = timestamp &+ delta
        default:
            guard let dod = readDeltaOfDelta(), readValue() else { return nil }
            delta = delta &+ dod
            timestamp = timestamp &+ delta
        }
        return SamplePoint(timestamp, Double(bitPattern: valueBits))
    }

    private mutating func readDeltaOfDelta() -> Int64? {
        var controlBits = 0
        while controlBits < 4 {
            guard let bit = reader.readBit() else { return nil }
            if !bit { break }
            controlBits += 1
        }
        if controlBits == 0 { return 0 }
        if controlBits == 4 { return reader.read(64).map { Int64(bitPattern: $0) } }
        let payloadBits = TimestampBucket.buckets[controlBits - 1].payloadBits
        return reader.read(payloadBits).map { TimestampBucket.decode($0, bits: payloadBits) }
    }

    /// Reads one XOR-encoded value into `valueBits`; false when the bytes ran out.
    private mutating func readValue() -> Bool {
        guard let changed = reader.readBit() else { return false }
        if !changed { return true }
        guard let newWindow = reader.readBit() else { return false }
        if newWindow {
            guard let leading = reader.read(5), let length = reader.read(6) else { return false }
            let significant = length == 0 ? 64 : Int(length)
            // Damaged bytes (a checkpoint made by hand) can claim more bits than a value has.
            guard Int(leading) + significant <= 64 else { return false }
            window = (Int(leading), 64 - Int(leading) - significant)
        }
        let significant = 64 - window.leading - window.trailing
        guard let bits = reader.read(significant) else { return false }
        valueBits ^= bits << UInt64(window.trailing)
        return true
    }
}
