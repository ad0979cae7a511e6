/// Reads bits, most significant first, from bytes written by `BitWriter`.
///
/// Every read returns nil when the bytes run out, so a truncated chunk ends instead of trapping.
struct BitReader {
    private let bytes: ArraySlice<UInt8>
    /// Index of the next bit to read, from the start of the slice.
    private var position = 0

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    init(_ bytes: [UInt8]) {
        self.bytes = bytes[...]
    }

    var bitsLeft: Int { bytes.count * 8 - position }

    mutating func readBit() -> Bool? {
        guard position < bytes.count * 8 else { return nil }
        let byte = bytes[bytes.startIndex + (position >> 3)]
        let bit = byte & (0x80 >> UInt8(position & 7)) != 0
        position += 1
        return bit
    }

    /// Reads `count` bits (0 ≤ count ≤ 64) into the low bits of the result.
    mutating func read(_ count: Int) -> UInt64? {
        precondition(count >= 0 && count <= 64, "bit count out of range")
        guard count <= bitsLeft else { return nil }
        var result: UInt64 = 0
        var remaining = count
        while remaining > 0 {
            let offset = position & 7
            let available = 8 - offset
            let taken = min(available, remaining)
            let byte = UInt64(bytes[bytes.startIndex + (position >> 3)])
            let bits = (byte >> UInt64(available - taken)) & ((1 << UInt64(taken)) - 1)
            result = (result << UInt64(taken)) | bits
            position += taken
            remaining -= taken
        }
        return result
    }

    /// Reads an unsigned LEB128 varint; nil when truncated or longer than ten bytes.
    mutating func readUVarint() -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        for _ in 0..<10 {
            guard let byte = read(8) else { return nil }
            result |= (byte & 0x7f) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        return nil
    }

    mutating func readVarint() -> Int64? {
        guard let zigzag = readUVarint() else { return nil }
        return Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
    }
}
