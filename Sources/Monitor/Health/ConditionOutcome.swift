import SwitchboardCore

/// What the `health.conditions` of one interface or system say at one evaluation: `.ok` when none
/// matches, else the worst matching state and that condition's rendered reason.
struct ConditionOutcome: Sendable, Equatable {
    var state: HealthState
    var reason: String?

    static let clear = ConditionOutcome(state: .ok, reason: nil)

    /// The checks' state joined with this outcome: the worse of the two (DOWN > DEGRADED > UNKNOWN
    /// > OK), so that no condition makes an UNKNOWN interface look OK. Without checks the
    /// conditions alone decide.
    func joined(withChecks checks: HealthState, hasChecks: Bool) -> HealthState {
        guard hasChecks else { return state }
        return checks.severity >= state.severity ? checks : state
    }

    /// The reason to show beside `joined`: the condition's, unless the checks are worse than it.
    func reason(joinedWithChecks checks: HealthState, hasChecks: Bool) -> String? {
        guard let reason else { return nil }
        return !hasChecks || state.severity >= checks.severity ? reason : nil
    }
}
