import SwitchboardCore

/// The `budget_left` annotation of the engine's `SLOBurnRate` alerts: the interface's error budget
/// left, as the printed rule file's `query` template renders it in Prometheus (`42.13%`). The engine
/// reads the budget from the interface's `SLOStatus` (store plus history) instead of a recorded series.
enum SLOBudgetAnnotation {
    static let name = "budget_left"

    /// `alert` with the budget its interface has left in `snapshot`; unchanged when the snapshot has none yet.
    static func adding(to alert: RuleAlert, from snapshot: Snapshot) -> RuleAlert {
        guard let interface = alert.labels["interface"],
            let remaining = snapshot.interfaces.first(where: { $0.id == interface })?.stats.slo?.budgetRemaining
        else { return alert }
        var alert = alert
        alert.annotations[name] = Humanize.percentage(remaining)
        return alert
    }
}
