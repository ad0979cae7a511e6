import Foundation

/// A regular expression a user wrote to find text (a check's `body_regex` and `header_regex`, the
/// console's `/`), in ICU's dialect (`NSRegularExpression`: Perl-like, `\d`, lookaround, Unicode
/// classes), compiled once where it is read and shared from then on.
///
/// ```swift
/// let ready = try TextPattern(#""ready":\s*true"#)
/// ready.matches(#"{"ready": true}"#)  // true
/// ```
public struct TextPattern: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    public let caseInsensitive: Bool
    private let expression: NSRegularExpression

    /// Compiles `pattern`; throws `TextPatternError` with ICU's reason when it is not a regex.
    public init(_ pattern: String, caseInsensitive: Bool = false) throws(TextPatternError) {
        self.pattern = pattern
        self.caseInsensitive = caseInsensitive
        do {
            expression = try NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        } catch {
            throw TextPatternError(pattern: pattern, problem: "\(error.localizedDescription)")
        }
    }

    public var description: String { pattern }

    /// Whether the pattern matches anywhere in `text`.
    public func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The text of the first capture group in the first match, or nil when nothing matched.
    public func firstCapture(in text: String) -> String? {
        guard let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            match.numberOfRanges > 1, let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }

    /// Where the pattern matches in `text`, non-empty matches only.
    public func ranges(in text: String) -> [Range<String.Index>] {
        expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            match.range.length > 0 ? Range(match.range, in: text) : nil
        }
    }

    public static func == (lhs: TextPattern, rhs: TextPattern) -> Bool {
        lhs.pattern == rhs.pattern && lhs.caseInsensitive == rhs.caseInsensitive
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(pattern)
        hasher.combine(caseInsensitive)
    }
}

/// A pattern that is not a regular expression, and why.
public struct TextPatternError: Error, Sendable, Equatable, CustomStringConvertible {
    public var pattern: String
    public var problem: String

    public var description: String { "invalid regular expression /\(pattern)/: \(problem)" }
}

/// A `header_regex` assertion: `Name: regex`, the name compared without case.
public struct HeaderPattern: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var value: TextPattern

    public init(name: String, value: TextPattern) {
        self.name = name
        self.value = value
    }

    /// `Content-Type: ^application/json`; nil when there is no colon, throws when the regex is bad.
    public init?(_ assertion: String) throws(TextPatternError) {
        guard let colon = assertion.firstIndex(of: ":") else { return nil }
        name = assertion[..<colon].trimmingCharacters(in: .whitespaces)
        value = try TextPattern(assertion[assertion.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }

    public var description: String { "\(name): \(value.pattern)" }
}
