/// The small grammars of the test language: durations, numbers, series descriptions and value sequences
/// (the last in ``SeriesNotation``, shared with promtool's rule test files).
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

    /// `1 2 _ 3x2 0+10x3 5-1x2 stale`: one value per step, nil where `_` leaves a gap (see ``SeriesNotation``).
    static func sequence(_ text: Substring) throws(LineError) -> [Double?] {
        do {
            return try SeriesNotation.values(text).map(\.sample)
        } catch {
            // The column within the whole line, as Prometheus' parse errors give it.
            let line = text.base[..<text.startIndex]
            let lineStart = line.lastIndex(of: "\n").map { line.index(after: $0) } ?? line.startIndex
            let column = line.distance(from: lineStart, to: line.endIndex) + error.column
            throw LineError(message: "column \(column): \(error.message)")
        }
    }
}
