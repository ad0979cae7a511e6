import PromQL

/// An Alertmanager inhibition rule: while a firing alert matches `sourceMatchers`, alerts matching
/// `targetMatchers` that carry the same values for every `equal` label are inhibited.
public struct InhibitionRule: Sendable, Hashable {
    public var sourceMatchers: [LabelMatcher]
    public var targetMatchers: [LabelMatcher]
    /// Labels whose values must be equal in source and target (a label both lack counts as equal).
    public var equal: [String]

    public init(sourceMatchers: [LabelMatcher], targetMatchers: [LabelMatcher], equal: [String] = []) {
        self.sourceMatchers = sourceMatchers
        self.targetMatchers = targetMatchers
        self.equal = equal
    }
}
