/// The small grammars of the test language: durations, numbers, series descriptions and value sequences.
enum TestValues {
    typealias LineError = TestScript.LineError

    /// `0`, `50m`, `1h30m`, `10s53ms`: milliseconds.
    static func duration(_ text: Substring) throws(LineError) -> Int64 {
        if text == "0" { return 0 }
        guard let tokens = try? Lexer.tokenize(String(text)), tokens.count == 2 else {
            throw LineError(message: "bad duration \"\(text)\", expected a duration such as 5m")
        }
        switch tokens[0].kind {
        case .duration(let milliseconds): return milliseconds
        case .number(let seconds) where seconds == seconds.rounded(): return Int64(seconds * 1000)
        default: throw LineError(message: "bad duration \"\(text)\", expected a duration such as 5m")
        }
    }

    /// A number as Go's ParseFloat reads it, or nil.
    static func number(_ text: Substring) -> Double? {
        var body = text
        var sign = 1.0
        if body.first == "-" || body.first == "+" {
            sign = body.first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        switch body.lowercased() {
        case "inf", "infinity": return sign * .infinity
        case "nan": return .nan
        default: break
        }
        guard let first = body.first, first.isNumber || first == "." else { return nil }
        if body.hasPrefix("0x") || body.hasPrefix("0X") {
            return UInt64(body.dropFirst(2), radix: 16).map { sign * Double($0) }
        }
        return Double(body).map { sign * $0 }
    }

    /// `name{label="value", …}` at the start of a line, and the rest of the line.
    static func seriesDescription(_ text: Substring) throws(LineError) -> (String?, Labels, Substring) {
        var end = text.startIndex
        var depth = 0
        var quote: Character?
        var escaped = false
        while end < text.endIndex {
            let character = text[end]
            if let open = quote {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == open {
                    quote = nil
                }
            } else if character == "\"" || character == "'" || character == "`" {
                quote = character
            } else if character == "{" {
                depth += 1
            } else if character == "}" {
                depth -= 1
                if depth == 0 {
                    end = text.index(after: end)
                    break
                }
            } else if character.isWhitespace && depth == 0 {
                break
            }
            end = text.index(after: end)
        }
        let description = text[..<end]
        let rest = text[end...].trimmingWhitespace()
        let tokens: [Token]
        do {
            tokens = try Lexer.tokenize(String(description))
        } catch {
            throw LineError(message: "bad series description: \(error.message)")
        }
        var index = 0
        var name: String?
        if case .identifier(let identifier) = tokens[0].kind {
            name = identifier
            index = 1
        }
        var labels = Labels()
        if tokens[index].kind == .leftBrace {
            index += 1
            while tokens[index].kind != .rightBrace {
                let label: String
                switch tokens[index].kind {
                case .identifier(let text), .string(let text): label = text
                default: throw LineError(message: "expected a label name in \"\(description)\"")
                }
                if tokens[index + 1].kind != .assign, case .string(let metric) = tokens[index].kind {
                    name = metric
                    index += 1
                } else {
                    guard tokens[index + 1].kind == .assign, case .string(let value) = tokens[index + 2].kind else {
                        throw LineError(message: "expected label=\"value\" in \"\(description)\"")
                    }
                    if label == LabelMatcher.metricNameLabel { name = value } else { labels[label] = value }
                    index += 3
                }
                if tokens[index].kind == .comma { index += 1 }
                guard index < tokens.count - 1 else {
                    throw LineError(message: "unclosed braces in \"\(description)\"")
                }
            }
            index += 1
        }
        guard tokens[index].kind == .end else {
            throw LineError(message: "unexpected text in series description \"\(description)\"")
        }
        return (name, labels, rest)
    }

    /// `1 2 _ 3x2 0+10x3 5-1x2 stale`: one value per step, nil where `_` leaves a gap.
    static func sequence(_ text: Substring) throws(LineError) -> [Double?] {
        var values: [Double?] = []
        for item in text.split(whereSeparator: \.isWhitespace) {
            values += try expand(item)
        }
        return values
    }

    private static func expand(_ item: Substring) throws(LineError) -> [Double?] {
        let bad = LineError(message: "bad value \"\(item)\", expected a number, _, stale, axn or a+bxn")
        var body = item
        var repeatCount: Int?
        if let x = body.lastIndex(of: "x"), let count = Int(body[body.index(after: x)...]) {
            repeatCount = count
            body = body[..<x]
        }
        if body == "_" { return Array(repeating: nil, count: repeatCount ?? 1) }
        if body == "stale" { return Array(repeating: .staleMarker, count: (repeatCount ?? 0) + 1) }
        guard let repeatCount else {
            guard let value = number(body) else { throw bad }
            return [value]
        }
        // Split "a+b" or "a-b" at the sign that does not start the text or follow an exponent.
        var split: Substring.Index?
        var index = body.index(after: body.startIndex)
        while index < body.endIndex {
            let character = body[index]
            let previous = body[body.index(before: index)]
            if (character == "+" || character == "-") && previous != "e" && previous != "E" {
                split = index
                break
            }
            index = body.index(after: index)
        }
        guard let split else {
            guard let value = number(body) else { throw bad }
            return Array(repeating: value, count: repeatCount + 1)
        }
        guard var value = number(body[..<split]), let increment = number(body[split...]) else { throw bad }
        var result: [Double?] = [value]
        for _ in 0..<repeatCount {
            value += increment
            result.append(value)
        }
        return result
    }
}
