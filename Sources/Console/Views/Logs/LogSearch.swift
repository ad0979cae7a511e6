import SwitchboardCore

/// A `/` search in a log: a regular expression (ICU, as every `/` of the console), case-insensitive
/// unless the pattern has a capital letter (smart case, as in less and vim); compiled once.
struct LogSearch: Sendable {
    var pattern: String { expression.pattern }
    private let expression: TextPattern

    /// nil when the pattern is not a regular expression.
    init?(_ pattern: String) {
        guard !pattern.isEmpty,
            let expression = try? TextPattern(pattern, caseInsensitive: !pattern.contains(where: \.isUppercase))
        else {
            return nil
        }
        self.expression = expression
    }

    func matches(_ text: String) -> Bool {
        expression.matches(text)
    }

    /// Where the pattern matches, in characters of `text`; empty matches are left out.
    func ranges(in text: String) -> [Range<Int>] {
        expression.ranges(in: text).map { range in
            let start = text.distance(from: text.startIndex, to: range.lowerBound)
            return start..<(start + text[range].count)
        }
    }

    /// The number of the next line after `line` (or before it, going back) that matches, wrapping
    /// around the end; nil when no line matches.
    func next(in lines: [(number: Int, text: String)], after line: Int?, forward: Bool) -> Int? {
        guard !lines.isEmpty else { return nil }
        let ordered = forward ? lines : Array(lines.reversed())
        let start =
            line.map { current in
                ordered.firstIndex { forward ? $0.number > current : $0.number < current } ?? ordered.count
            } ?? 0
        for offset in 0..<ordered.count {
            let candidate = ordered[(start + offset) % ordered.count]
            if matches(candidate.text) { return candidate.number }
        }
        return nil
    }
}
