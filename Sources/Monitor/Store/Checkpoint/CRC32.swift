/// CRC-32 (IEEE 802.3, the polynomial of zlib, gzip and PNG), to detect a torn or damaged checkpoint.
///
/// ```swift
/// var crc = CRC32()
/// crc.update(bytes)
/// let checksum = crc.value   // CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926
/// ```
///
/// No package the project depends on directly offers one, and a checksum needs no cryptography:
/// this is the classic table-driven algorithm, sliced by eight so a file of tens of megabytes
/// takes a few milliseconds.
struct CRC32 {
    private var state: UInt32 = 0xFFFF_FFFF

    init() {}

    var value: UInt32 { ~state }

    static func checksum(_ bytes: some Collection<UInt8>) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }

    mutating func update(_ bytes: some Collection<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil { Array(bytes).withUnsafeBytes { update($0) } }
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var crc = state
        var index = 0
        Self.table.withUnsafeBufferPointer { table in
            while bytes.count - index >= 8 {
                let low = crc ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian
                let high = bytes.loadUnaligned(fromByteOffset: index + 4, as: UInt32.self).littleEndian
                crc =
                    table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
                    ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ table[1 * 256 + Int((high >> 16) & 0xFF)] ^ table[Int(high >> 24)]
                index += 8
            }
            while index < bytes.count {
                crc = table[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
                index += 1
            }
        }
        state = crc
    }

    /// Eight tables of 256: the first the byte-at-a-time table of the reflected polynomial, each next
    /// one the previous advanced by a zero byte.
    private static let table: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 8 * 256)
        for byte in 0..<256 {
            var crc = UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            table[byte] = crc
        }
        for slice in 1..<8 {
            for byte in 0..<256 {
                let previous = table[(slice - 1) * 256 + byte]
                table[slice * 256 + byte] = (previous >> 8) ^ table[Int(previous & 0xFF)]
            }
        }
        return table
    }()
}
