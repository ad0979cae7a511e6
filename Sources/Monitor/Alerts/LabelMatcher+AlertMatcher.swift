import PromQL
import SwitchboardCore

/// Matchers parsed by `AlertMatcher.parseList` (SwitchboardCore: the one grammar of the config, the
/// console and the CLI) as the PromQL matchers the queue evaluates.
extension LabelMatcher {
    /// The PromQL matcher of a parsed matcher. Both compile regexes with Swift Regex the same way,
    /// so a matcher that parsed does not throw here.
    public init(_ matcher: AlertMatcher) throws(LabelMatcherError) {
        let kind: LabelMatcher.Kind =
            switch matcher.kind {
            case .equal: .equal
            case .notEqual: .notEqual
            case .matchesRegex: .matchesRegex
            case .doesNotMatchRegex: .doesNotMatchRegex
            }
        try self.init(matcher.name, kind, matcher.value)
    }

    /// The PromQL matchers of several parsed matchers.
    public static func alerting(_ matchers: [AlertMatcher]) throws(LabelMatcherError) -> [LabelMatcher] {
        var converted: [LabelMatcher] = []
        for matcher in matchers { converted.append(try LabelMatcher(matcher)) }
        return converted
    }
}

extension AlertMatcher {
    /// The matcher as people write it, from the PromQL matcher the queue evaluates.
    public init(_ matcher: LabelMatcher) {
        let kind: AlertMatcher.Kind =
            switch matcher.kind {
            case .equal: .equal
            case .notEqual: .notEqual
            case .matchesRegex: .matchesRegex
            case .doesNotMatchRegex: .doesNotMatchRegex
            }
        self.init(name: matcher.name, kind: kind, value: matcher.value)
    }
}
