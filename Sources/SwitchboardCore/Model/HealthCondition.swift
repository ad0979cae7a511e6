/// One entry of `health.conditions`: while the PromQL expression `when` returns anything, the
/// interface or system is at least `state`, with `reason` (a template over `$value` and `$labels`).
public struct HealthCondition: Sendable, Equatable {
    /// A PromQL expression (instant vector or scalar), checked at load.
    public var when: String
    /// `.down` or `.degraded`.
    public var state: HealthState
    /// A Go text/template, rendered with the first matching sample's `$value` and `$labels`.
    public var reason: String
    /// Where `reason` is written, for template errors found after load.
    public var reasonLocation: SourceLocation?

    public init(when: String, state: HealthState, reason: String, reasonLocation: SourceLocation? = nil) {
        self.when = when
        self.state = state
        self.reason = reason
        self.reasonLocation = reasonLocation
    }
}
