import Foundation

/// Splits a query into tokens, keeping each token's line and column.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// Every token of the text, ending with `.end`.
    static func tokenize(_ text: String) throws(PromQLError) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var position: SourcePosition { SourcePosition(line: line, column: column) }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func skipSpaceAndComments() {
        while let scalar = peek() {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                advance()
            } else if scalar == "#" {
                while let next = peek(), next != "\n" { advance() }
            } else {
                return
            }
        }
    }

    mutating func next() throws(PromQLError) -> Token {
        skipSpaceAndComments()
        let start = position
        guard let scalar = peek() else { return Token(kind: .end, position: start) }
        func single(_ kind: Token.Kind) -> Token {
            advance()
            return Token(kind: kind, position: start)
        }
        func pair(_ second: Unicode.Scalar, _ both: Token.Kind, else alone: Token.Kind?) throws(PromQLError) -> Token {
            advance()
            if peek() == second {
                advance()
                return Token(kind: both, position: start)
            }
            guard let alone else {
                throw PromQLError(
                    .syntax, at: start, "unexpected character after \"\(scalar)\", expected \"\(second)\"")
            }
            return Token(kind: alone, position: start)
        }
        switch scalar {
        case "(": return single(.leftParen)
        case ")": return single(.rightParen)
        case "{": return single(.leftBrace)
        case "}": return single(.rightBrace)
        case "[": return single(.leftBracket)
        case "]": return single(.rightBracket)
        case ",": return single(.comma)
        case "@": return single(.at)
        case "+": return single(.plus)
        case "-": return single(.minus)
        case "*": return single(.times)
        case "/": return single(.divide)
        case "%": return single(.modulo)
        case "^": return single(.power)
        case "=":
            advance()
            if peek() == "=" {
                advance()
                return Token(kind: .equal, position: start)
            }
            if peek() == "~" {
                advance()
                return Token(kind: .regexMatch, position: start)
            }
            return Token(kind: .assign, position: start)
        case "!":
            advance()
            if peek() == "=" {
                advance()
                return Token(kind: .notEqual, position: start)
            }
            if peek() == "~" {
                advance()
                return Token(kind: .regexNoMatch, position: start)
            }
            throw PromQLError(.syntax, at: start, "unexpected character after \"!\", expected \"=\" or \"~\"")
        case "<": return try pair("=", .lessOrEqual, else: .less)
        case ">": return try pair("=", .greaterOrEqual, else: .greater)
        case "\"", "'", "`": return Token(kind: .string(try lexString(quote: scalar)), position: start)
        default: break
        }
        if Self.isDigit(scalar) || (scalar == "." && peek(1).map(Self.isDigit) == true) {
            return try lexNumberOrDuration(start: start)
        }
        if scalar == ":" && !(peek(1).map(Self.isIdentifierStart) ?? false) {
            return single(.colon)
        }
        if Self.isIdentifierStart(scalar) {
            var name = ""
            while let next = peek(), Self.isIdentifierPart(next) {
                name.unicodeScalars.append(next)
                advance()
            }
            return Token(kind: .identifier(name), position: start)
        }
        throw PromQLError(.syntax, at: start, "unexpected character \"\(scalar)\"")
    }

    /// The longest duration accepted, 10,000 years in milliseconds, so that time arithmetic cannot overflow.
    static let maximumDuration: Int64 = 10_000 * 31_536_000_000

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "_" || scalar == ":"
    }

    static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || isDigit(scalar)
    }

    private mutating func lexNumberOrDuration(start: SourcePosition) throws(PromQLError) -> Token {
        let begin = index
        if peek() == "0", let x = peek(1), x == "x" || x == "X" {
            advance()
            advance()
            var digits = ""
            while let next = peek(), next.properties.isASCIIHexDigit {
                digits.unicodeScalars.append(next)
                advance()
            }
            guard let value = UInt64(digits, radix: 16) else {
                throw PromQLError(
                    .syntax, at: start, "bad hexadecimal number, expected hexadecimal digits after \"0x\"")
            }
            return Token(kind: .number(Double(value)), position: start)
        }
        // A duration is digits followed by a unit, possibly repeated: 1h30m.
        if let duration = scanDuration() {
            guard duration <= Self.maximumDuration else {
                throw PromQLError(.syntax, at: start, "duration out of range, expected at most 10000y")
            }
            return Token(kind: .duration(duration), position: start)
        }
        index = begin
        var text = ""
        func take() {
            text.unicodeScalars.append(peek()!)
            advance()
        }
        while let next = peek(), Self.isDigit(next) { take() }
        if peek() == "." { take() }
        while let next = peek(), Self.isDigit(next) { take() }
        if let e = peek(), e == "e" || e == "E",
            let after = peek(1),
            Self.isDigit(after) || ((after == "+" || after == "-") && peek(2).map(Self.isDigit) == true)
        {
            take()
            if peek() == "+" || peek() == "-" { take() }
            while let next = peek(), Self.isDigit(next) { take() }
        }
        if let next = peek(), Self.isIdentifierPart(next) || next == "." {
            throw PromQLError(.syntax, at: start, "bad number or duration syntax: \"\(text)\(next)\"")
        }
        guard let value = Double(text) else {
            throw PromQLError(.syntax, at: start, "bad number \"\(text)\"")
        }
        return Token(kind: .number(value), position: start)
    }

    /// Reads `(\d+unit)+` at the current place and returns milliseconds; leaves the place unchanged when it is not one.
    private mutating func scanDuration() -> Int64? {
        let saved = (index, line, column)
        var total: Int64 = 0
        var parts = 0
        var lastUnitRank = Int.max
        while let first = peek(), Self.isDigit(first) {
            var offset = 0
            var number: Int64 = 0
            while let digit = peek(offset), Self.isDigit(digit) {
                number = min(number * 10 + Int64(digit.value - 48), Self.maximumDuration + 1)
                offset += 1
            }
            let unit: (length: Int, milliseconds: Int64, rank: Int)?
            switch (peek(offset), peek(offset + 1)) {
            case ("m", "s"): unit = (2, 1, 0)
            case ("s", _): unit = (1, 1000, 1)
            case ("m", _): unit = (1, 60_000, 2)
            case ("h", _): unit = (1, 3_600_000, 3)
            case ("d", _): unit = (1, 86_400_000, 4)
            case ("w", _): unit = (1, 604_800_000, 5)
            case ("y", _): unit = (1, 31_536_000_000, 6)
            default: unit = nil
            }
            guard let unit, unit.rank < lastUnitRank else { break }
            if let after = peek(offset + unit.length),
                after != ":" && Self.isIdentifierPart(after) && !Self.isDigit(after)
            {
                break
            }
            for _ in 0..<(offset + unit.length) { advance() }
            let (product, overflow) = number.multipliedReportingOverflow(by: unit.milliseconds)
            let limit = Self.maximumDuration + 1
            total = overflow ? limit : min(total + min(product, limit), limit)
            lastUnitRank = unit.rank
            parts += 1
        }
        if parts == 0 {
            (index, line, column) = saved
            return nil
        }
        return total
    }

    private mutating func lexString(quote: Unicode.Scalar) throws(PromQLError) -> String {
        let start = position
        advance()
        // Bytes, because `\xff` may write a byte that is not UTF-8; such a string decodes with U+FFFD in it.
        var bytes: [UInt8] = []
        while true {
            guard let scalar = peek() else {
                throw PromQLError(.syntax, at: start, "unterminated quoted string, expected \(quote)")
            }
            if scalar == quote {
                advance()
                return String(decoding: bytes, as: UTF8.self)
            }
            if scalar == "\n" && quote != "`" {
                throw PromQLError(
                    .syntax, at: start, "unterminated quoted string, expected \(quote) before the line ends")
            }
            if scalar == "\\" && quote != "`" {
                let escapePosition = position
                advance()
                try lexEscape(quote: quote, at: escapePosition, into: &bytes)
                continue
            }
            bytes.append(contentsOf: String(scalar).utf8)
            advance()
        }
    }

    private mutating func lexEscape(quote: Unicode.Scalar, at start: SourcePosition, into bytes: inout [UInt8])
        throws(PromQLError)
    {
        guard let scalar = peek() else {
            throw PromQLError(.syntax, at: start, "escape sequence not terminated")
        }
        advance()
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "a": "\u{07}", "b": "\u{08}", "f": "\u{0C}", "n": "\n", "r": "\r", "t": "\t", "v": "\u{0B}", "\\": "\\",
        ]
        if let replacement = simple[scalar] ?? (scalar == quote ? quote : nil) {
            bytes.append(contentsOf: String(replacement).utf8)
            return
        }
        switch scalar {
        case "x":
            bytes.append(UInt8(try lexNumber(digits: 2, radix: 16, at: start)))
        case "u", "U":
            let value = try lexNumber(digits: scalar == "u" ? 4 : 8, radix: 16, at: start)
            guard let result = Unicode.Scalar(value) else {
                throw PromQLError(.syntax, at: start, "escape sequence is an invalid Unicode code point")
            }
            bytes.append(contentsOf: String(result).utf8)
        case "0"..."7":
            var value = scalar.value - 48
            for _ in 0..<2 {
                guard let digit = peek(), digit >= "0" && digit <= "7" else {
                    throw PromQLError(.syntax, at: start, "bad octal escape, expected three octal digits")
                }
                value = value * 8 + digit.value - 48
                advance()
            }
            guard value < 256 else { throw PromQLError(.syntax, at: start, "octal escape value > 255") }
            bytes.append(UInt8(value))
        default:
            throw PromQLError(.syntax, at: start, "unknown escape sequence \"\\\(scalar)\"")
        }
    }

    private mutating func lexNumber(digits: Int, radix: Int, at start: SourcePosition) throws(PromQLError) -> UInt32 {
        var text = ""
        for _ in 0..<digits {
            guard let digit = peek(), digit.properties.isASCIIHexDigit else {
                throw PromQLError(.syntax, at: start, "bad escape, expected \(digits) hexadecimal digits")
            }
            text.unicodeScalars.append(digit)
            advance()
        }
        return UInt32(text, radix: radix)!
    }
}
