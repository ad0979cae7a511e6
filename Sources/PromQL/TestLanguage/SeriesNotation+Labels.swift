/// The series side of the notation: `metric{a="b"}` as promtool's `input_series` and `exp_samples` write it.
extension SeriesNotation {
    /// `metric{a="b"}`, `{__name__="m", a="b"}`, `metric` or an empty text: the labels, `__name__` included.
    public static func labels(_ text: String) throws(Problem) -> Labels {
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
}
