import Foundation
import PromQL
import SwitchboardCore

/// The statistics of the interfaces: counts from the checks' histories, latencies read back from
/// the store, throughput from a scraped counter.
extension MonitorEngine {
    /// What one publish has to bring up to date: an interface and the histories of its checks.
    struct StatsWork: Sendable {
        var interface: Interface
        var histories: [CheckHistory]
        /// New runs arrived: the latencies are read again. Otherwise only the windows moved on.
        var hasNewRuns: Bool
        var known: HealthStats?
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
            let hasNewRuns = state.stale.contains(interface.id)
            let known = state.knowledge.stats[interface.id]
            // Between results only a scraped counter's rate moves.
            guard everything || hasNewRuns || (interface.throughput != nil && known != nil) else { continue }
            work.append(
                StatsWork(
                    interface: interface,
                    histories: interface.checks.compactMap { state.knowledge.histories[$0.id] },
                    hasNewRuns: hasNewRuns, known: known))
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
            if item.hasNewRuns || item.known == nil {
                let runs = item.interface.checks.flatMap { check in
                    labelsOfCheck[check.id].map { StoredRuns.read($0, from: store, since: start, through: end) } ?? []
                }
                let ordered = item.interface.checks.count > 1 ? runs.sorted { $0.at < $1.at } : runs
                stats = HealthStats(histories: item.histories, runs: ordered, now: now)
            } else {
                stats = item.known!.recounted(histories: item.histories, now: now)
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
