import PromQL
import SwitchboardCore

/// Restores how long alerts have been pending from `ALERTS_FOR_STATE`, as Prometheus does after a restart.
///
/// Called once after a group's first evaluation: an alert active now whose series was written within
/// the outage tolerance gets its old `activeAt`, moved later by the time the engine was down, and
/// never so early that it would fire within less than the grace period; one that was firing fires again
/// at once with its old `activeAt`. Pending alerts are restored only for rules whose `for` is at least
/// the grace period (as Prometheus); a firing alert is restored whatever its rule's `for`, so that it
/// stays the same alert across the restart.
public struct ForStateRestore: Sendable {
    /// How long the engine may have been down for state to be restored (Prometheus' default 1h).
    public var outageTolerance: Int64 = 3_600_000
    /// The least time an alert still pending waits after a restart (Prometheus' default 10m).
    public var forGracePeriod: Int64 = 600_000

    public init(outageTolerance: Duration = .seconds(3600), forGracePeriod: Duration = .seconds(600)) {
        self.outageTolerance = outageTolerance.milliseconds
        self.forGracePeriod = forGracePeriod.milliseconds
    }

    /// Restores the alerts of `group` at `time` from `source`, then lets it write `ALERTS` series.
    public func restore(_ group: inout RuleGroupEvaluator, from source: any SeriesSource, at time: Int64) {
        group.updateAlertingRules { rule in
            defer { rule.restored = true }
            let hold = rule.holdMilliseconds
            let series = source.select(
                matchers: [.metricName("ALERTS_FOR_STATE"), .equal("alertname", rule.definition.name)],
                from: time - outageTolerance, through: time)
            let byLabels = Dictionary(series.map { ($0.labels, $0) }, uniquingKeysWith: { first, _ in first })
            for alert in rule.alerts {
                guard let last = byLabels[alert.labels]?.samples.last, !last.isStale else { continue }
                let downAt = last.timestampMilliseconds / 1000 * 1000
                var activeAt = Int64(last.value) * 1000
                let remaining = hold - (downAt - activeAt)
                guard remaining <= 0 || hold >= forGracePeriod else { continue }
                if remaining <= 0 {
                    // It was firing; it keeps its `activeAt`.
                } else if remaining < forGracePeriod {
                    activeAt = time + forGracePeriod - hold
                } else {
                    activeAt += time - downAt
                }
                rule.setActiveAt(activeAt, for: alert.labels)
                if remaining <= 0 {
                    // Prometheus fires it again at the next evaluation, leaving it pending for one interval; it
                    // fires now, as that evaluation would, so that the queue never sees it pending.
                    rule.fire(alert.labels, at: time)
                }
            }
        }
    }
}
