import Foundation
import PromQL
import SwitchboardCore

/// Restoring the alerts' `for` progress after a restart. Prometheus finds it in its `ALERTS_FOR_STATE`
/// series; ours live in memory and start empty, so the pipeline writes them back from the state
/// database before the first evaluation and `ForStateRestore` does the rest as Prometheus does.
extension AlertPipeline {
    /// `ALERTS_FOR_STATE{<labels>} <activeAt in seconds>` for each pending or firing alert, at its
    /// rule's group's last recorded evaluation (less the group's `query_offset`, as the runner writes it).
    /// Alerts of rules that are in no recorded group are left out: they start pending again.
    static func forStateSamples(
        alerts: some Sequence<RuleAlert>, groups: [RuleGroup], lastEvaluations: [RuleGroupKey: Date]
    ) -> [Sample] {
        var lastWritten: [String: Int64] = [:]
        for group in groups {
            guard let evaluated = lastEvaluations[group.key] else { continue }
            let offset = group.queryOffset.map(\.milliseconds) ?? 0
            let time = milliseconds(evaluated) - offset
            for case .alerting(let rule) in group.rules {
                lastWritten[rule.name] = max(lastWritten[rule.name] ?? .min, time)
            }
        }
        return alerts.compactMap { alert in
            guard alert.state != .inactive, let time = lastWritten[alert.ruleName] else { return nil }
            let activeAtSeconds = (alert.activeAt.timeIntervalSince1970).rounded(.down)
            return Sample("ALERTS_FOR_STATE", alert.identityLabels, activeAtSeconds, timestampMilliseconds: time)
        }
    }

    /// The groups whose evaluation moved since `recorded`, with the time of their newest evaluation.
    static func newEvaluations(
        _ status: [RuleGroupStatus], since recorded: [RuleGroupKey: Int64]
    ) -> [RuleGroupKey: Int64] {
        var evaluations: [RuleGroupKey: Int64] = [:]
        for group in status {
            guard let time = group.lastEvaluation, recorded[group.key] != time else { continue }
            evaluations[group.key] = time
        }
        return evaluations
    }

    /// A recorded evaluation time (whole milliseconds, stored as seconds) back in milliseconds.
    private static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}
