import PromQL

/// The notation of `input_series` and `exp_samples`: `name{label="value"}` and `0+1x10 _ stale`.
enum SeriesNotation {
    /// Why a series or its values could not be read; `column` is 1-based within the text.
    struct Problem: Error, Equatable {
        var message: String
        var column: Int
    }

    /// `metric{a="b"}`, `{__name__="m", a="b"}`, `metric` or an empty text: the labels, `__name__` included.
    static func labels(_ text: String) throws(Problem) -> Labels {
        var scanner = Array(text.unicodeScalars)[...]
        var column = 1
        var labels = Labels()
        func skipSpaces() {
            while let first = scanner.first, first == " " || first == "\t" {
                scanner = scanner.dropFirst()
                column += 1
            }
        }
        func name() -> String {
            var name = ""
            while let first = scanner.first,
                first.properties.isAlphabetic || first == "_" || first == ":" || ("0"..."9").contains(first)
            {
                name.unicodeScalars.append(first)
                scanner = scanner.dropFirst()
                column += 1
            }
            return name
        }
        skipSpaces()
        let metric = name()
        if !metric.isEmpty { labels[LabelMatcher.metricNameLabel] = metric }
        skipSpaces()
        guard let open = scanner.first else { return labels }
        guard open == "{" else { throw Problem(message: "unexpected \"\(open)\", expected {", column: column) }
        scanner = scanner.dropFirst()
        column += 1
        while true {
            skipSpaces()
            guard let next = scanner.first else {
                throw Problem(message: "unexpected end of input inside braces", column: column)
            }
            if next == "}" {
                scanner = scanner.dropFirst()
                column += 1
                break
            }
            let labelName = name()
            guard !labelName.isEmpty else {
                throw Problem(message: "unexpected \"\(next)\" inside braces, expected a label name", column: column)
            }
            skipSpaces()
            guard scanner.first == "=" else { throw Problem(message: "expected = after \(labelName)", column: column) }
            scanner = scanner.dropFirst()
            column += 1
            skipSpaces()
            labels[labelName] = try quoted(&scanner, column: &column)
            skipSpaces()
            if scanner.first == "," {
                scanner = scanner.dropFirst()
                column += 1
            } else if scanner.first != "}" {
                guard scanner.first != nil else {
                    throw Problem(message: "unexpected end of input inside braces", column: column)
                }
                throw Problem(message: "expected , or } inside braces", column: column)
            }
        }
        skipSpaces()
        guard scanner.isEmpty else { throw Problem(message: "unexpected text after the labels", column: column) }
        return labels
    }

    private static func quoted(_ scanner: inout ArraySlice<Unicode.Scalar>, column: inout Int) throws(Problem)
        -> String
    {
        guard let quote = scanner.first, quote == "\"" || quote == "'" || quote == "`" else {
            throw Problem(message: "expected a quoted label value", column: column)
        }
        let start = column
        scanner = scanner.dropFirst()
        column += 1
        var value = ""
        while let next = scanner.first, next != quote {
            scanner = scanner.dropFirst()
            column += 1
            if next == "\\", quote != "`", let escaped = scanner.first {
                scanner = scanner.dropFirst()
                column += 1
                switch escaped {
                case "n": value += "\n"
                case "t": value += "\t"
                default: value.unicodeScalars.append(escaped)
                }
            } else {
                value.unicodeScalars.append(next)
            }
        }
        guard scanner.first == quote else { throw Problem(message: "unterminated quoted string", column: start) }
        scanner = scanner.dropFirst()
        column += 1
        return value
    }

    /// One value of an expanded sequence: a number, the staleness marker, or nothing (`_`).
    enum Value: Equatable {
        case number(Double)
        case stale
        case missing
    }

    /// `1 2 _ stale 0+10x3 5-1x2 7x2 _x3` expanded: `a+bxn` and `axn` give n+1 values, `_xn` gives n.
    static func values(_ text: String) throws(Problem) -> [Value] {
        var values: [Value] = []
        var column = 1
        for item in text.split(separator: " ", omittingEmptySubsequences: false) {
            defer { column += item.count + 1 }
            guard !item.isEmpty else { continue }
            if item.hasPrefix("{{") {
                throw Problem(message: "native histogram values are not supported: \(item)", column: column)
            }
            values += try expand(item, column: column)
        }
        return values
    }

    /// More values than any test needs, and few enough to hold in memory (`1x9223372036854775807` is not).
    static let maximumRepetitions = 1_000_000

    private static func expand(_ item: Substring, column: Int) throws(Problem) -> [Value] {
        if item == "_" { return [.missing] }
        if item == "stale" { return [.stale] }
        if let number = number(item) { return [.number(number)] }
        guard let x = item.lastIndex(of: "x"), let count = Int(item[item.index(after: x)...]), count >= 0 else {
            throw Problem(message: "bad value \"\(item)\": expected a number, _, stale, a+bxn or axn", column: column)
        }
        guard count < maximumRepetitions else {
            throw Problem(
                message: "bad value \"\(item)\": at most \(maximumRepetitions - 1) repetitions", column: column)
        }
        let head = item[..<x]
        if head == "_" { return Array(repeating: .missing, count: count) }
        if head == "stale" { return Array(repeating: .stale, count: count + 1) }
        if let repeated = number(head) { return Array(repeating: .number(repeated), count: count + 1) }
        // a+b or a-b: the sign that splits them is the last + or - not at the start and not after an e.
        let characters = Array(head)
        guard
            let split = characters.indices.dropFirst().last(where: {
                (characters[$0] == "+" || characters[$0] == "-") && characters[$0 - 1].lowercased() != "e"
            }),
            let start = number(Substring(String(characters[..<split]))),
            let step = number(Substring(String(characters[split...])))
        else {
            throw Problem(message: "bad value \"\(item)\": expected a number, _, stale, a+bxn or axn", column: column)
        }
        return (0...count).map { .number(start + Double($0) * step) }
    }

    private static func number(_ text: Substring) -> Double? {
        switch text {
        case "Inf", "+Inf": return .infinity
        case "-Inf": return -.infinity
        case "NaN": return .nan
        default:
            guard let first = text.first, first.isNumber || first == "-" || first == "+" || first == ".",
                !text.contains("x")
            else {
                return nil
            }
            return Double(text)
        }
    }
}
