import Testing

@testable import Monitor

extension StoreTests {
    @Suite struct BitStream {
        @Test func fieldsOfEveryWidthReadBackAsWritten() {
            var generator = SeededGenerator(seed: 7)
            var fields: [(value: UInt64, width: Int)] = []
            for _ in 0..<2000 {
                let width = Int.random(in: 0...64, using: &generator)
                let mask: UInt64 = width == 64 ? .max : (1 << UInt64(width)) - 1
                fields.append((generator.next() & mask, width))
            }
            var writer = BitWriter()
            for field in fields { writer.write(field.value, count: field.width) }
            #expect(writer.bitCount == fields.reduce(0) { $0 + $1.width })
            var reader = BitReader(writer.bytes)
            for field in fields { #expect(reader.read(field.width) == field.value) }
            #expect(reader.bitsLeft < 8)
        }

        @Test func bitsAreWrittenMostSignificantFirst() {
            var writer = BitWriter()
            writer.writeBit(true)
            writer.write(0b01, count: 2)
            writer.write(0x1F, count: 5)
            writer.writeBit(true)
            #expect(writer.bytes == [0b1011_1111, 0b1000_0000])
        }

        @Test(arguments: [Int64.min, -1_000_000, -64, -1, 0, 1, 63, 64, 1_700_000_000_000, Int64.max])
        func varintsRoundTrip(value: Int64) {
            var writer = BitWriter()
            writer.writeBit(true)  // unaligned on purpose
            writer.writeVarint(value)
            writer.writeUVarint(UInt64(bitPattern: value))
            var reader = BitReader(writer.bytes)
            #expect(reader.readBit() == true)
            #expect(reader.readVarint() == value)
            #expect(reader.readUVarint() == UInt64(bitPattern: value))
        }

        @Test func smallVarintsTakeOneByte() {
            var writer = BitWriter()
            writer.writeVarint(-64)
            writer.writeVarint(63)
            #expect(writer.bytes.count == 2)
        }

        @Test func readingPastTheEndGivesNilInsteadOfTrapping() {
            var reader = BitReader([0xFF])
            #expect(reader.read(6) == 0b11_1111)
            #expect(reader.read(3) == nil)
            #expect(reader.read(2) == 0b11)
            #expect(reader.readBit() == nil)
            #expect(BitReader([0x80, 0x80]).readingVarint() == nil)
        }
    }
}

extension BitReader {
    fileprivate func readingVarint() -> Int64? {
        var copy = self
        return copy.readVarint()
    }
}
