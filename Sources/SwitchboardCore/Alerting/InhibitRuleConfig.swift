/// An inhibition rule as Alertmanager writes it: while an alert matching `sourceMatchers` fires,
/// alerts matching `targetMatchers` with equal values for every `equal` label are inhibited.
public struct InhibitRuleConfig: Sendable, Equatable {
    public var sourceMatchers: [AlertMatcher]
    public var targetMatchers: [AlertMatcher]
    public var equal: [String]

    public init(sourceMatchers: [AlertMatcher], targetMatchers: [AlertMatcher], equal: [String] = []) {
        self.sourceMatchers = sourceMatchers
        self.targetMatchers = targetMatchers
        self.equal = equal
    }
}
