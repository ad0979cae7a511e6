/// Appends bits, most significant first, to a growing byte array.
///
/// The writer behind the XOR chunk encoding: each call writes the low `count` bits of a value.
struct BitWriter: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Bits still free in the last byte of `bytes` (0 when a new byte is needed).
    private var freeBits: UInt8 = 0

    init() {}

    init(reservingCapacity capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// How many bits have been written.
    var bitCount: Int { bytes.count * 8 - Int(freeBits) }

    mutating func writeBit(_ bit: Bool) {
        if freeBits == 0 {
            bytes.append(0)
            freeBits = 8
        }
        freeBits -= 1
        if bit { bytes[bytes.count - 1] |= 1 << freeBits }
    }

    /// Writes the low `count` bits of `value` (0 ≤ count ≤ 64), most significant first.
    mutating func write(_ value: UInt64, count: Int) {
        precondition(count >= 0 && count <= 64, "bit count out of range")
        var remaining = count
        while remaining > 0 {
            if freeBits == 0 {
                bytes.append(0)
                freeBits = 8
            }
            let taken = min(Int(freeBits), remaining)
            let shifted = value >> UInt64(remaining - taken)
            let mask: UInt64 = (1 << UInt64(taken)) - 1
            bytes[bytes.count - 1] |= UInt8(truncatingIfNeeded: shifted & mask) << (freeBits - UInt8(taken))
            freeBits -= UInt8(taken)
            remaining -= taken
        }
    }

    /// Writes an unsigned LEB128 varint, 7 bits at a time (as Go's `binary.PutUvarint`).
    mutating func writeUVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            write(rest & 0x7f | 0x80, count: 8)
            rest >>= 7
        }
        write(rest, count: 8)
    }

    /// Writes a signed varint, zig-zag encoded so that small negative numbers stay short.
    mutating func writeVarint(_ value: Int64) {
        writeUVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Gives back unused capacity; for chunks that will not grow any more.
    mutating func shrinkToFit() {
        if bytes.capacity > bytes.count { bytes = Array(bytes) }
    }
}
