import PromQL
import SwitchboardCore

/// Parses Alertmanager-style matchers (`name=value`, `name!="value"`, `name=~regex`, `name!~regex`)
/// into the PromQL matchers the queue evaluates.
///
/// The syntax and its errors are `AlertMatcher.parse`'s (SwitchboardCore, where the config loader
/// reads matchers too): values may be double-quoted (with `\"`, `\\` and `\n` escapes), regexes are
/// anchored at both ends.
public enum MatcherSyntax {
    public static func parse(_ text: String) throws(MatcherSyntaxError) -> LabelMatcher {
        try labelMatcher(AlertMatcher.parse(text), text: text)
    }

    /// Parses every matcher; the first bad one throws, naming its position among the arguments.
    public static func parseAll(_ texts: [String]) throws(MatcherSyntaxError) -> [LabelMatcher] {
        let parsed = try AlertMatcher.parseAll(texts)
        var matchers: [LabelMatcher] = []
        for (position, matcher) in parsed.enumerated() {
            do {
                matchers.append(try labelMatcher(matcher, text: texts[position]))
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

    /// The PromQL matcher, or the error of a regex PromQL refuses, at the value's column in `text`.
    private static func labelMatcher(_ matcher: AlertMatcher, text: String) throws(MatcherSyntaxError)
        -> LabelMatcher
    {
        do {
            return try labelMatcher(matcher)
        } catch {
            throw MatcherSyntaxError(
                input: text, column: text.count - matcher.value.count + 1,
                expected: "a valid regular expression (\(error.description))")
        }
    }
}

/// A matcher that does not parse: which one, at which column, and what was expected there.
public typealias MatcherSyntaxError = AlertMatcherError
