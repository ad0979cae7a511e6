import Foundation
import SwitchboardCore

extension HealthStats {
    /// Sums up the histories of the checks of one interface or system, with their runs of the last
    /// hour (`StoredRuns`), oldest first.
    init(histories: [CheckHistory], runs: [RecentRun], now: Date) {
        func share(_ window: TimeInterval) -> (runs: Int, successes: Int) {
            histories.map { $0.counts(within: window, now: now) }.reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
        }
        func availability(_ counts: (runs: Int, successes: Int)) -> Double? {
            counts.runs == 0 ? nil : Double(counts.successes) / Double(counts.runs)
        }
        let latencies = runs.map(\.seconds).sorted()
        self.init(
            availability1h: availability(share(3600)), availability24h: availability(share(86400)),
            latencyP50: Self.percentile(0.50, of: latencies), latencyP95: Self.percentile(0.95, of: latencies),
            latencyP99: Self.percentile(0.99, of: latencies),
            errorRate: availability(share(300)).map { 1 - $0 },
            lastSuccess: histories.compactMap(\.lastSuccess).max(),
            lastFailure: histories.compactMap(\.lastFailure).max { $0.at < $1.at },
            consecutiveFailures: histories.map(\.consecutiveFailures).max() ?? 0,
            recentRuns: Array(runs.suffix(Self.recentRunLimit)))
    }

    /// The same statistics with the counts of `histories` brought up to `now`; the latencies and runs
    /// stay as they were (they change only with a new run).
    func recounted(histories: [CheckHistory], now: Date) -> HealthStats {
        var stats = HealthStats(histories: histories, runs: [], now: now)
        stats.latencyP50 = latencyP50
        stats.latencyP95 = latencyP95
        stats.latencyP99 = latencyP99
        stats.recentRuns = recentRuns
        stats.throughputPerSecond = throughputPerSecond
        return stats
    }

    /// How far back the latency percentiles reach.
    static let latencyWindow: TimeInterval = 3600

    /// How many of the newest runs an interface's statistics carry for its charts.
    static let recentRunLimit = 120

    /// The nearest-rank percentile of sorted values.
    static func percentile(_ quantile: Double, of sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((quantile * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
