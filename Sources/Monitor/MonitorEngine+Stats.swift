import Foundation
import PromQL
import SwitchboardCore

/// The statistics of the interfaces: the checks' runs of the last hour read back from the store,
/// their day from `CheckHistory` (or the persisted history, with 7 and 30 days and the strip:
/// `MonitorEngine+History`), throughput from a scraped counter.
extension MonitorEngine {
    /// What one publish has to bring up to date: an interface and the histories of its checks.
    struct StatsWork: Sendable {
        var interface: Interface
        var histories: [CheckHistory]
        /// The statistics so far, when only a scraped counter's rate is due.
        var throughputOnly: HealthStats?
    }

    /// How long a window an interface's throughput is averaged over.
    static let throughputWindow: TimeInterval = 300

    /// Under the lock: the interfaces with new results, and every interface now and then so that
    /// windows move on; takes the new results as seen.
    func statsDue(_ state: inout State, now: Date) -> [StatsWork] {
        let everything = now.timeIntervalSince(state.statsRefreshedAt) >= Self.statsRefreshInterval
        if everything { state.statsRefreshedAt = now }
        var work: [StatsWork] = []
        for interface in landscape.interfaces {
            let known = state.knowledge.stats[interface.id]
            let full = everything || state.stale.contains(interface.id) || known == nil
            // Between results only a scraped counter's rate moves.
            guard full || interface.throughput != nil else { continue }
            work.append(
                StatsWork(
                    interface: interface,
                    histories: full ? interface.checks.compactMap { state.knowledge.histories[$0.id] } : [],
                    throughputOnly: full ? nil : known))
        }
        state.stale.removeAll(keepingCapacity: true)
        return work
    }

    /// The statistics of each interface of `work`, by interface id.
    func stats(of work: [StatsWork], now: Date) -> [String: HealthStats] {
        let end = Int64(now.timeIntervalSince1970 * 1000)
        let start = end - Int64(HealthStats.latencyWindow * 1000)
        var result: [String: HealthStats] = [:]
        result.reserveCapacity(work.count)
        for item in work {
            var stats: HealthStats
            if let known = item.throughputOnly {
                stats = known
            } else {
                let runs = item.interface.checks.flatMap { check in
                    labelsOfCheck[check.id].map { StoredRuns.read($0, from: store, since: start, through: end) } ?? []
                }
                let ordered = item.interface.checks.count > 1 ? runs.sorted { $0.at < $1.at } : runs
                stats = HealthStats(histories: item.histories, runs: ordered, now: now)
                applyHistory(to: &stats, of: item.interface, now: now)
                stats.slo = sloStatus(of: item.interface, now: now)
            }
            stats.throughputPerSecond = item.interface.throughput.flatMap { throughput($0, now: now) }
            result[item.interface.id] = stats
        }
        return result
    }

    private func throughput(_ source: ThroughputSource, now: Date) -> Double? {
        let matchers =
            [LabelMatcher.metricName(source.metric)] + source.labels.map { LabelMatcher.equal($0.key, $0.value) }
        let end = Int64(now.timeIntervalSince1970 * 1000)
        let series = store.select(matchers: matchers, from: end - Int64(Self.throughputWindow * 1000), through: end)
        return CounterRate.perSecond(series)
    }
}
