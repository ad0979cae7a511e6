import Foundation
import SwitchboardCore

/// The engine's use of the persisted 5-minute history (`HistoryRecorder`): results are recorded in
/// `record(_:)`, closed buckets written every `HistoryRecorder.writeInterval` by a task of `run()`,
/// the open ones on shutdown, and the long windows read back at most once a minute per interface.
extension MonitorEngine {
    /// Writes the closed buckets (and deletes expired ones) until the task is cancelled.
    func writeHistory(_ history: HistoryRecorder) async {
        while (try? await Task.sleep(for: HistoryRecorder.writeInterval)) != nil {
            history.write(now: Date())
        }
    }

    /// Writes every bucket still in memory, the open ones included (shutdown).
    func flushHistory(now: Date = Date()) {
        history?.write(now: now, includingOpen: true)
    }

    /// Takes the 24-hour availability (when the history has runs in it, so that it survives a
    /// restart), the 7- and 30-day availability and the strip from the history of the interface's
    /// checks (the strip with its conditions' time too), read at most once every
    /// `HistoryRecorder.summaryMaxAge`.
    func applyHistory(to stats: inout HealthStats, of interface: Interface, now: Date) {
        guard let history,
            let summary = history.cachedSummary(
                of: interface.id, checks: interface.checks.map(\.id),
                conditionOwner: ConditionBucket.owner(.interface(interface.id)), now: now)
        else { return }
        if let day = summary.availability(.day) { stats.availability24h = day }
        stats.availability7d = summary.availability(.week)
        stats.availability30d = summary.availability(.month)
        stats.strip = summary.strip
    }
}
