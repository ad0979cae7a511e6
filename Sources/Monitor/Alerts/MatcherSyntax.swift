import PromQL
import SwitchboardCore

/// Parses one Alertmanager-style matcher: `name=value`, `name!="value"`, `name=~regex`, `name!~regex`.
///
/// The value may be double-quoted (with `\"`, `\\` and `\n` escapes); regexes are anchored at both ends.
/// The syntax is `AlertMatcher.parse`'s (SwitchboardCore, where the config loader reads matchers too);
/// this gives the PromQL matcher the queue evaluates.
public enum MatcherSyntax {
    public static func parse(_ text: String) throws(MatcherSyntaxError) -> LabelMatcher {
        let parsed: AlertMatcher
        do {
            parsed = try AlertMatcher.parse(text)
        } catch {
            throw MatcherSyntaxError(input: text, column: error.column, expected: error.expected)
        }
        do {
            return try labelMatcher(parsed)
        } catch {
            throw MatcherSyntaxError(
                input: text, column: text.count - parsed.value.count + 1,
                expected: "a valid regular expression (\(error.description))")
        }
    }

    /// Parses every matcher; the first bad one throws, naming its position among the arguments.
    public static func parseAll(_ texts: [String]) throws(MatcherSyntaxError) -> [LabelMatcher] {
        var matchers: [LabelMatcher] = []
        for (position, text) in texts.enumerated() {
            do {
                matchers.append(try parse(text))
            } catch {
                var located = error
                located.argument = position + 1
                throw located
            }
        }
        return matchers
    }

    /// A matcher read by the config loader (whose regex already compiled) as the PromQL matcher.
    public static func labelMatcher(_ matcher: AlertMatcher) throws(LabelMatcherError) -> LabelMatcher {
        let kind: LabelMatcher.Kind =
            switch matcher.kind {
            case .equal: .equal
            case .notEqual: .notEqual
            case .matchesRegex: .matchesRegex
            case .doesNotMatchRegex: .doesNotMatchRegex
            }
        return try LabelMatcher(matcher.name, kind, matcher.value)
    }
}

/// A matcher that does not parse: which one, at which column, and what was expected there.
public struct MatcherSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var input: String
    /// 1-based column in `input`.
    public var column: Int
    public var expected: String
    /// 1-based position among several matchers, when parsed with `parseAll`.
    public var argument: Int?

    public init(input: String, column: Int, expected: String, argument: Int? = nil) {
        self.input = input
        self.column = column
        self.expected = expected
        self.argument = argument
    }

    public var description: String {
        let which = argument.map { "matcher \($0) " } ?? "matcher "
        return "\(which)`\(input)`, column \(column): expected \(expected)"
    }
}
