/// Reads the tokens of one exposition line from its UTF-8 bytes.
///
/// Positions are indices into the whole body, so a token can be compared with one of an earlier
/// line without copying it (the parser reuses the strings of repeated names and labels that way).
struct ExpositionScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position: Int
    let end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>) {
        self.bytes = bytes
        self.position = line.lowerBound
        self.end = line.upperBound
    }

    var atEnd: Bool { position >= end }

    /// The next byte, or 0 at the end of the line (a NUL never starts a valid token).
    var next: UInt8 { position < end ? bytes[position] : 0 }

    mutating func skipBlanks() {
        while position < end, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
            position += 1
        }
    }

    /// Consumes `byte` if it comes next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard position < end, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`; empty when none starts here.
    mutating func readMetricName() -> Range<Int> {
        readName(allowsColon: true)
    }

    /// `[a-zA-Z_][a-zA-Z0-9_]*`; empty when none starts here.
    mutating func readLabelName() -> Range<Int> {
        readName(allowsColon: false)
    }

    private mutating func readName(allowsColon: Bool) -> Range<Int> {
        let start = position
        while position < end {
            let byte = bytes[position]
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            let allowed = isLetter || byte == UInt8(ascii: "_") || (allowsColon && byte == UInt8(ascii: ":"))
            guard allowed || (isDigit && position > start) else { break }
            position += 1
        }
        return start..<position
    }

    /// The bytes up to the next blank or the end of the line.
    mutating func readToken() -> Range<Int> {
        let start = position
        while position < end, bytes[position] != UInt8(ascii: " "), bytes[position] != UInt8(ascii: "\t") {
            position += 1
        }
        return start..<position
    }

    /// The rest of the line.
    mutating func readRest() -> Range<Int> {
        defer { position = end }
        return position..<end
    }

    /// After an opening quote: the raw bytes up to the closing quote, which is consumed; nil when
    /// the line ends first. `escaped` says whether a backslash occurs, so decoding can skip it.
    mutating func readQuoted() -> (raw: Range<Int>, escaped: Bool)? {
        let start = position
        var escaped = false
        while position < end {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                defer { position += 1 }
                return (start..<position, escaped)
            case UInt8(ascii: "\\"):
                escaped = true
                position += 2
            default:
                position += 1
            }
        }
        position = end
        return nil
    }

    /// Whether two ranges hold the same bytes.
    func same(_ lhs: Range<Int>, _ rhs: Range<Int>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var left = lhs.lowerBound
        var right = rhs.lowerBound
        while left < lhs.upperBound {
            if bytes[left] != bytes[right] { return false }
            left += 1
            right += 1
        }
        return true
    }

    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range])
    }

    /// The bytes as a string; nil when they are not valid UTF-8.
    func string(_ range: Range<Int>) -> String? {
        String(validating: slice(range), as: UTF8.self)
    }

    /// Text for a problem report: invalid UTF-8 is replaced, not refused.
    func text(_ range: Range<Int>) -> String {
        String(decoding: slice(range), as: UTF8.self)
    }

    /// Decodes `\\`, `\n` and, when `quotes` (label values, not help texts), `\"`; any other
    /// escape is kept as written, as Prometheus does. Nil when not valid UTF-8.
    func unescaped(_ range: Range<Int>, quotes: Bool) -> String? {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < range.upperBound {
                switch bytes[index + 1] {
                case UInt8(ascii: "\\"): decoded.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "\"") where quotes: decoded.append(UInt8(ascii: "\""))
                case UInt8(ascii: "n"): decoded.append(UInt8(ascii: "\n"))
                default: decoded.append(contentsOf: [byte, bytes[index + 1]])
                }
                index += 2
            } else {
                decoded.append(byte)
                index += 1
            }
        }
        return String(validating: decoded, as: UTF8.self)
    }
}
