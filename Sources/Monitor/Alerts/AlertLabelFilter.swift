import PromQL
import SwitchboardCore

/// Matchers a client typed (the API's `filter=`, `amtool alert query`), compiled once to select
/// alerts and silences by their labels: every matcher must hold, a missing label counts as empty.
public struct AlertLabelFilter {
    private let matchers: [CompiledMatcher]

    /// Throws when a regex does not compile (`AlertMatcher.parseList` has already checked them).
    public init(_ matchers: [AlertMatcher]) throws(LabelMatcherError) {
        self.matchers = try LabelMatcher.alerting(matchers).map(CompiledMatcher.init)
    }

    public func matches(_ labels: [LabelPair]) -> Bool {
        matchers.allSatisfy { matcher in matcher.matches(labels.first { $0.name == matcher.name }?.value ?? "") }
    }

    /// Whether `pattern`, anchored as Alertmanager anchors the `receiver` filter, matches `text`.
    public static func regex(_ pattern: String, matches text: String) throws(LabelMatcherError) -> Bool {
        CompiledMatcher(try LabelMatcher("receiver", .matchesRegex, pattern)).matches(text)
    }
}
