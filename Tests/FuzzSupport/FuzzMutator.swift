/// Turns one input into a nearby one: bit flips, byte inserts and deletes, chunks duplicated, moved
/// or cut, two inputs spliced, tokens of the parser's language inserted (once or many times over,
/// for deep nesting), and numbers swapped for ones at the edges of their types.
public struct FuzzMutator: Sendable {
    /// Valid inputs to splice from.
    public var corpus: [[UInt8]]
    /// Tokens of the parser's language (`(`, `{{`, `&a`, `# TYPE`).
    public var dictionary: [[UInt8]]
    /// Inputs are cut to this many bytes.
    public var maximumLength: Int

    public init(corpus: [[UInt8]], dictionary: [[UInt8]], maximumLength: Int = 64 * 1024) {
        self.corpus = corpus
        self.dictionary = dictionary + Self.numbers
        self.maximumLength = maximumLength
    }

    /// Numbers at the edges: overflow, underflow, infinities, not-a-number.
    static let numbers: [[UInt8]] = [
        "0", "-1", "-0", "1e309", "-1e309", "4.9e-324", "1e-400", "NaN", "Inf", "-Inf", "+Inf", "0x",
        "0xffffffffffffffffff",
        "2147483648", "4294967296", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "-9223372036854775809", "18446744073709551616", "99999999999999999999999999999", "1e18", "1e19", "9e18",
    ].map { Array($0.utf8) }

    /// Bytes that often mean something: NUL, controls, quotes, brackets, the start of multi-byte UTF-8, invalid UTF-8.
    static let interestingBytes: [UInt8] = [
        0x00, 0x09, 0x0A, 0x0D, 0x20, 0x22, 0x27, 0x5C, 0x7B, 0x7D, 0x28, 0x29, 0x5B, 0x5D, 0x3A, 0x2C, 0x7F, 0x80,
        0xBF, 0xC0, 0xC3, 0xE2, 0xF0, 0xF4, 0xFF,
    ]

    /// One to four stacked mutations of `input`.
    public func mutate(_ input: [UInt8], random: inout FuzzRandom) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + random.below(4)) {
            mutateOnce(&bytes, random: &random)
        }
        if bytes.count > maximumLength { bytes.removeLast(bytes.count - maximumLength) }
        return bytes
    }

    private func mutateOnce(_ bytes: inout [UInt8], random: inout FuzzRandom) {
        let position = random.below(bytes.count + 1)
        switch random.below(13) {
        case 0 where !bytes.isEmpty:
            bytes[position % bytes.count] ^= 1 << UInt8(random.below(8))
        case 1 where !bytes.isEmpty:
            bytes[position % bytes.count] = random.element(of: Self.interestingBytes)
        case 2:
            let byte = random.oneIn(2) ? random.element(of: Self.interestingBytes) : UInt8(random.below(256))
            bytes.insert(byte, at: position)
        case 3 where !bytes.isEmpty:
            let start = position % bytes.count
            bytes.removeSubrange(start..<min(bytes.count, start + random.smallCount(upTo: 8)))
        case 4:
            let chunk = randomChunk(bytes, random: &random)
            bytes.removeSubrange(chunk)
        case 5:
            let chunk = Array(bytes[randomChunk(bytes, random: &random)])
            bytes.insert(contentsOf: chunk, at: random.below(bytes.count + 1))
        case 6:
            let range = randomChunk(bytes, random: &random)
            let chunk = Array(bytes[range])
            bytes.removeSubrange(range)
            bytes.insert(contentsOf: chunk, at: random.below(bytes.count + 1))
        case 7:
            bytes.removeSubrange(position...)
        case 8 where !corpus.isEmpty:
            let other = random.element(of: corpus)
            bytes = Array(bytes[..<position]) + other[random.below(other.count + 1)...]
        case 9:
            bytes.insert(contentsOf: random.element(of: dictionary), at: position)
        case 10:
            bytes.replaceSubrange(randomChunk(bytes, random: &random), with: random.element(of: dictionary))
        case 11:
            let token = random.element(of: dictionary)
            let times = random.smallCount(upTo: 5_000)
            bytes.insert(contentsOf: Array([[UInt8]](repeating: token, count: times).joined()), at: position)
        default:
            replaceNumber(&bytes, random: &random)
        }
    }

    /// A random range of at most a quarter of the input (at least one byte when there is one).
    private func randomChunk(_ bytes: [UInt8], random: inout FuzzRandom) -> Range<Int> {
        guard !bytes.isEmpty else { return 0..<0 }
        let start = random.below(bytes.count)
        let length = random.smallCount(upTo: max(1, bytes.count / 4))
        return start..<min(bytes.count, start + length)
    }

    /// Replaces the run of digits at a random place with a number at the edge of a type.
    private func replaceNumber(_ bytes: inout [UInt8], random: inout FuzzRandom) {
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let digits = bytes.indices.filter { isDigit(bytes[$0]) }
        guard !digits.isEmpty else {
            bytes.insert(contentsOf: random.element(of: Self.numbers), at: random.below(bytes.count + 1))
            return
        }
        var start = random.element(of: digits)
        var end = start
        while start > 0, isDigit(bytes[start - 1]) { start -= 1 }
        while end < bytes.count, isDigit(bytes[end]) { end += 1 }
        bytes.replaceSubrange(start..<end, with: random.element(of: Self.numbers))
    }
}
