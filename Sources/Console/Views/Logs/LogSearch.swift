import Foundation

/// A `/` search in a log: a regular expression, case-insensitive unless the pattern has a
/// capital letter (smart case, as in less and vim).
struct LogSearch: Sendable {
    let pattern: String
    private let expression: NSRegularExpression

    /// nil when the pattern is not a regular expression.
    init?(_ pattern: String) {
        let options: NSRegularExpression.Options =
            pattern.contains(where: \.isUppercase) ? [] : [.caseInsensitive]
        guard !pattern.isEmpty, let expression = try? NSRegularExpression(pattern: pattern, options: options) else {
            return nil
        }
        self.pattern = pattern
        self.expression = expression
    }

    func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Where the pattern matches, in characters of `text`; empty matches are left out.
    func ranges(in text: String) -> [Range<Int>] {
        expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard match.range.length > 0, let range = Range(match.range, in: text) else { return nil }
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
