/// Prometheus' series notation, in one place: the values of a `load` line in a PromQL `.test` file,
/// of an expected series after `eval`, and of an `input_series` in a promtool rule test file
/// (promtool writes those into a `load` command, so the two are one grammar upstream too).
///
/// `0+10x3 5-1x2 7x2 _ _x3 stale -Inf NaN 1e3`, items separated by any whitespace, as
/// `series_item` in Prometheus' `promql/parser/generated_parser.y` reads them:
/// - `a+bxn`, `a-bxn`: n+1 values `a`, `a+b`, … — each the previous one plus `b` (`$1 += $2`), not
///   `a + i*b`, so the eighth value of `0.1+0.1x10` is 0.7999999999999999 (not 0.8) as in Prometheus;
/// - `axn`: n+1 copies of `a`; `stale` and `stalexn` are the staleness marker;
/// - `_`: one missing value; `_xn`: n missing values (not n+1);
/// - a number: decimal with an optional sign, fraction and exponent, or `Inf` / `NaN` in any case;
///   no hexadecimal (upstream refuses it here: `0x5` reads as `0` repeated 5 times).
///
/// A count is at most ``maximumRepetitions`` - 1 (upstream has no bound and runs out of memory).
/// Native histogram values (`{{schema:0 …}}`) are not supported and say so.
public enum SeriesNotation {
    /// Why a text could not be read; `column` is 1-based, in characters, within the text.
    public struct Problem: Error, Equatable, Sendable {
        public var message: String
        public var column: Int

        public init(message: String, column: Int) {
            self.message = message
            self.column = column
        }
    }

    /// One value of an expanded sequence: a number, the staleness marker, or nothing (`_`).
    public enum Value: Equatable, Sendable {
        case number(Double)
        case stale
        case missing

        /// The sample value: the number, ``Swift/Double/staleMarker``, or nil where `_` leaves a gap.
        public var sample: Double? {
            switch self {
            case .number(let number): number
            case .stale: .staleMarker
            case .missing: nil
            }
        }
    }

    /// More values than any test needs, and few enough to hold in memory (`1x9223372036854775807` is not).
    public static let maximumRepetitions = 1_000_000

    /// The values of `text`, expanded: one per evaluation step.
    public static func values(_ text: some StringProtocol) throws(Problem) -> [Value] {
        var values: [Value] = []
        var column = 1
        var rest = Substring(text)
        while let start = rest.firstIndex(where: { !$0.isWhitespace }) {
            column += rest.distance(from: rest.startIndex, to: start)
            let end = rest[start...].firstIndex(where: \.isWhitespace) ?? rest.endIndex
            let item = rest[start..<end]
            if item.hasPrefix("{{") {
                throw Problem(message: "native histogram values are not supported: \(item)", column: column)
            }
            values += try expand(item, column: column)
            column += item.count
            rest = rest[end...]
        }
        return values
    }

    private static func expand(_ item: Substring, column: Int) throws(Problem) -> [Value] {
        let expected = "expected a number, _, stale, a+bxn or axn"
        func problem(_ message: String, at index: Substring.Index) -> Problem {
            Problem(
                message: "bad value \"\(item)\": \(message)",
                column: column + item.distance(from: item.startIndex, to: index))
        }
        var head = item
        var count: Int?
        if let x = item.lastIndex(of: "x") {
            let digits = item[item.index(after: x)...]
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw problem("expected a count of repetitions after x", at: digits.startIndex)
            }
            guard let repetitions = Int(digits), repetitions < maximumRepetitions else {
                throw problem("at most \(maximumRepetitions - 1) repetitions", at: digits.startIndex)
            }
            head = item[..<x]
            count = repetitions
        }
        if head == "_" { return Array(repeating: .missing, count: count ?? 1) }
        guard let (start, rest) = leadingValue(head) else { throw problem(expected, at: head.startIndex) }
        var value = start
        if rest.isEmpty {
            return Array(repeating: value.isStaleMarker ? .stale : .number(value), count: (count ?? 0) + 1)
        }
        guard let sign = rest.first, sign == "+" || sign == "-", let (step, end) = leadingValue(rest), end.isEmpty
        else { throw problem(expected, at: rest.startIndex) }
        guard let count else { throw problem("a\(sign)b needs a count: a\(sign)bxn", at: item.endIndex) }
        // Prometheus accumulates (`$1 += $2`): float rounding matches it only this way.
        var result: [Value] = []
        result.reserveCapacity(count + 1)
        for _ in 0...count {
            result.append(value.isStaleMarker ? .stale : .number(value))
            value += step
        }
        return result
    }

    /// The number (or `stale`) at the start of `text`, and the text after it.
    private static func leadingValue(_ text: Substring) -> (Double, Substring)? {
        var body = text
        var sign = 1.0
        if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        if let first = body.first, first.isLetter {
            let word = body.prefix { $0.isLetter }
            let rest = body[word.endIndex...]
            if word == "stale" { return body.startIndex == text.startIndex ? (.staleMarker, rest) : nil }
            switch word.lowercased() {
            case "inf": return (sign * .infinity, rest)
            case "nan": return (.nan, rest)
            default: return nil
            }
        }
        let digits = body.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        var end = digits.endIndex
        if let e = body[end...].first, e == "e" || e == "E" {
            var exponent = body.index(after: end)
            if exponent < body.endIndex, body[exponent] == "+" || body[exponent] == "-" {
                exponent = body.index(after: exponent)
            }
            let exponentDigits = body[exponent...].prefix { $0.isASCII && $0.isNumber }
            if !exponentDigits.isEmpty { end = exponentDigits.endIndex }
        }
        guard digits.contains(where: \.isNumber), let number = Double(body[..<end]) else { return nil }
        return (sign * number, body[end...])
    }
}
