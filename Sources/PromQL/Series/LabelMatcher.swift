import Foundation

/// One condition of a series selector, as in PromQL's `{job="api", code=~"5.."}`.
///
/// The name `__name__` matches the metric name. A label a series does not have counts as the empty
/// string, so `team=""` selects the series without a `team` label and `team!=""` those with one.
/// Regular expressions are anchored at both ends and `.` matches a newline, as in Prometheus.
public struct LabelMatcher: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case equal = "="
        case notEqual = "!="
        case matchesRegex = "=~"
        case doesNotMatchRegex = "!~"
    }

    public let name: String
    public let kind: Kind
    public let value: String

    /// The label name that stands for the metric name.
    public static let metricNameLabel = "__name__"

    /// A matcher; throws `LabelMatcherError.invalidRegex` when a regex kind is given a pattern that does not compile.
    public init(_ name: String, _ kind: Kind, _ value: String) throws(LabelMatcherError) {
        self.name = name
        self.kind = kind
        self.value = value
        if kind == .matchesRegex || kind == .doesNotMatchRegex {
            _ = try MatcherPredicate(pattern: value)
        }
    }

    public static func equal(_ name: String, _ value: String) -> LabelMatcher {
        LabelMatcher(unchecked: name, .equal, value)
    }

    public static func notEqual(_ name: String, _ value: String) -> LabelMatcher {
        LabelMatcher(unchecked: name, .notEqual, value)
    }

    /// `name=~pattern`; throws when the pattern is not a valid regular expression.
    public static func matching(_ name: String, _ pattern: String) throws(LabelMatcherError) -> LabelMatcher {
        try LabelMatcher(name, .matchesRegex, pattern)
    }

    /// `name!~pattern`; throws when the pattern is not a valid regular expression.
    public static func notMatching(_ name: String, _ pattern: String) throws(LabelMatcherError) -> LabelMatcher {
        try LabelMatcher(name, .doesNotMatchRegex, pattern)
    }

    /// `__name__="metric"`.
    public static func metricName(_ name: String) -> LabelMatcher {
        .equal(metricNameLabel, name)
    }

    private init(unchecked name: String, _ kind: Kind, _ value: String) {
        self.name = name
        self.kind = kind
        self.value = value
    }

    public var description: String {
        "\(name)\(kind.rawValue)\"\(Labels.escape(value))\""
    }
}

public enum LabelMatcherError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidRegex(pattern: String, reason: String)

    public var description: String {
        switch self {
        case .invalidRegex(let pattern, let reason): "invalid regular expression \"\(pattern)\": \(reason)"
        }
    }
}

/// A matcher compiled for one query: what a label value must be for the matcher to hold.
///
/// `Regex` is not `Sendable`, so matchers keep their pattern and each query compiles its own.
/// Common patterns take a fast path instead of the regex engine: literals, `a|b|c`, `.*` and `.+`.
package struct CompiledMatcher {
    package let name: String
    private let predicate: MatcherPredicate
    private let negated: Bool

    package init(_ matcher: LabelMatcher) {
        name = matcher.name
        switch matcher.kind {
        case .equal, .notEqual: predicate = .equals(matcher.value)
        // LabelMatcher's initializer has compiled the pattern once already.
        case .matchesRegex, .doesNotMatchRegex: predicate = (try? MatcherPredicate(pattern: matcher.value)) ?? .never
        }
        negated = matcher.kind == .notEqual || matcher.kind == .doesNotMatchRegex
    }

    package func matches(_ value: String) -> Bool {
        predicate.matches(value) != negated
    }

    /// Whether a series without this label (an empty value) passes.
    package var matchesEmpty: Bool { matches("") }
}

enum MatcherPredicate {
    case equals(String)
    case oneOf(Set<String>)
    case any
    case nonEmpty
    case never
    case regex(Regex<AnyRegexOutput>)

    init(pattern: String) throws(LabelMatcherError) {
        if pattern == ".*" {
            self = .any
        } else if pattern == ".+" {
            self = .nonEmpty
        } else if let literals = Self.literalAlternatives(pattern) {
            self = literals.count == 1 ? .equals(literals[0]) : .oneOf(Set(literals))
        } else {
            do {
                self = .regex(try RegexNesting.anchoredRegex(pattern))
            } catch {
                throw .invalidRegex(pattern: pattern, reason: "\(error)")
            }
        }
    }

    func matches(_ value: String) -> Bool {
        switch self {
        case .equals(let literal): value == literal
        case .oneOf(let literals): literals.contains(value)
        case .any: true
        case .nonEmpty: !value.isEmpty
        case .never: false
        case .regex(let regex): (try? regex.wholeMatch(in: value)) != nil
        }
    }

    /// `a|b|c` when every alternative is plain text (no regex syntax); nil otherwise.
    static func literalAlternatives(_ pattern: String) -> [String]? {
        let special: Set<Character> = ["\\", ".", "^", "$", "*", "+", "?", "(", ")", "[", "]", "{", "}"]
        guard !pattern.contains(where: special.contains) else { return nil }
        return pattern.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    }
}
