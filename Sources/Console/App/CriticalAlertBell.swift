import SwitchboardCore

/// Decides when `--bell` rings: a critical alert starts firing, not acknowledged and not muted.
/// Alerts already firing when the console starts do not ring; one that resolves and fires
/// again does.
struct CriticalAlertBell: Sendable {
    private var ringing: Set<String>?

    /// Takes the newest queue; true when a critical alert joined the ringing ones.
    mutating func update(_ alerts: AlertQueueSnapshot) -> Bool {
        let now = Set(
            alerts.entries.filter {
                $0.state == .firing && $0.severity == "critical" && $0.acknowledgement == nil && $0.muting.isEmpty
            }.map(\.id))
        defer { ringing = now }
        guard let ringing else { return false }
        return !now.subtracting(ringing).isEmpty
    }
}
