extension StoreCheckpoint {
    /// The checkpoint as the bytes of its file, checksum included.
    public func encoded() -> [UInt8] {
        var writer = CheckpointWriter(capacity: estimatedSize)
        writer.append(Self.magic)
        writer.fixed(Self.formatVersion)
        let lengthOffset = writer.bytes.count
        writer.fixed(UInt64(0))
        writer.fixed(UInt64(bitPattern: takenAtMilliseconds))
        writer.fixed(UInt32(series.count))
        for series in series { writer.write(series) }
        writer.patch(UInt64(writer.bytes.count + Self.checksumSize), at: lengthOffset)
        writer.fixed(CRC32.checksum(writer.bytes))
        return writer.bytes
    }

    /// Enough for the chunks and a typical series' name and labels, so the buffer grows rarely.
    private var estimatedSize: Int {
        series.reduce(Self.headerSize + Self.checksumSize) { $0 + $1.sealed.bytes.count + $1.head.byteCount + 128 }
    }
}

/// Appends the checkpoint's fields to a byte buffer.
private struct CheckpointWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ series: StoreCheckpoint.Series) {
        string(series.name)
        varint(series.labels.pairs.count)
        for pair in series.labels.pairs {
            string(pair.name)
            string(pair.value)
        }
        varint(series.sealed.bytes.count)
        append(series.sealed.bytes)
        let head = series.head.chunk
        varint(head.count)
        guard head.count > 0 else { return }
        fixed(UInt64(bitPattern: head.minTime))
        fixed(UInt64(bitPattern: head.maxTime))
        varint(head.bytes.count)
        append(head.bytes)
    }

    mutating func append(_ data: some Collection<UInt8>) {
        bytes.append(contentsOf: data)
    }

    mutating func string(_ string: String) {
        varint(string.utf8.count)
        bytes.append(contentsOf: string.utf8)
    }

    mutating func varint(_ value: Int) {
        var rest = UInt64(value)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func fixed<T: FixedWidthInteger & UnsignedInteger>(_ value: T) {
        for index in 0..<MemoryLayout<T>.size { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
    }

    mutating func patch(_ value: UInt64, at offset: Int) {
        for index in 0..<8 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }
}
