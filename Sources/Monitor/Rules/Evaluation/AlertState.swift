/// Where an alert is in Prometheus' life cycle.
public enum AlertState: String, Sendable, Hashable {
    /// Resolved: the condition stopped; kept for 15 minutes so the resolution is not missed.
    case inactive
    /// The condition holds, but not yet for the rule's `for` duration.
    case pending
    case firing
}

/// Whether a rule's last evaluation worked.
public enum RuleHealth: String, Sendable, Hashable {
    case unknown
    case ok
    case error = "err"
}
