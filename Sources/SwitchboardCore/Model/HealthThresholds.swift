/// When the checks of an interface or system count as DEGRADED or DOWN (its `health:` block).
public struct HealthThresholds: Sendable, Equatable {
    /// A check counts as down only after this many failed runs in a row; fewer make it DEGRADED.
    public var downAfter: Int
    /// A passing run slower than this makes the interface DEGRADED.
    public var degradedLatency: Duration?
    /// PromQL conditions over the store that make the interface or system DEGRADED or DOWN.
    public var conditions: [HealthCondition]

    public init(downAfter: Int = 1, degradedLatency: Duration? = nil, conditions: [HealthCondition] = []) {
        self.downAfter = downAfter
        self.degradedLatency = degradedLatency
        self.conditions = conditions
    }
}
