import PromQL

/// What the console shows of one rule: its health, last error and alerts. A value, safe to keep.
public struct RuleStatus: Sendable, Equatable {
    public enum Kind: String, Sendable { case alerting, recording }

    public var name: String
    public var kind: Kind
    public var expression: String
    public var health: RuleHealth
    public var lastError: String?
    /// When the rule was last evaluated (milliseconds since 1970).
    public var lastEvaluation: Int64?
    public var lastEvaluationDuration: Duration
    /// Pending, firing and recently resolved alerts, sorted by labels; empty for recording rules.
    public var alerts: [ActiveAlert]
}

/// One group's rules as of its last evaluation.
public struct RuleGroupStatus: Sendable, Equatable {
    public var name: String
    public var file: String
    public var interval: Duration
    public var lastEvaluation: Int64?
    public var lastEvaluationDuration: Duration
    public var rules: [RuleStatus]

    /// Every alert of the group that is pending or firing.
    public var activeAlerts: [ActiveAlert] {
        rules.flatMap(\.alerts).filter { $0.state != .inactive }
    }
}
