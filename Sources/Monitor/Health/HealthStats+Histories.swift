import Foundation
import SwitchboardCore

extension HealthStats {
    /// The statistics of one interface or system: availability over the last hour, error rate over
    /// the last 5 minutes and latencies from its checks' `runs` of the last hour (`StoredRuns`,
    /// oldest first), availability over the day from their `histories`.
    init(histories: [CheckHistory], runs: [RecentRun], now: Date) {
        func share(of runs: some Collection<RecentRun>) -> Double? {
            runs.isEmpty ? nil : Double(runs.count(where: \.up)) / Double(runs.count)
        }
        let day = histories.map { $0.counts(within: 86400, now: now) }.reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
        let hourAgo = now.addingTimeInterval(-Self.latencyWindow)
        let lastHour = runs.drop(while: { $0.at < hourAgo })
        let fiveMinutesAgo = now.addingTimeInterval(-300)
        let latencies = lastHour.map(\.seconds).sorted()
        self.init(
            availability1h: share(of: lastHour), availability24h: day.0 == 0 ? nil : Double(day.1) / Double(day.0),
            latencyP50: Self.percentile(0.50, of: latencies), latencyP95: Self.percentile(0.95, of: latencies),
            latencyP99: Self.percentile(0.99, of: latencies),
            errorRate: share(of: lastHour.drop(while: { $0.at < fiveMinutesAgo })).map { 1 - $0 },
            lastSuccess: histories.compactMap(\.lastSuccess).max(),
            lastFailure: histories.compactMap(\.lastFailure).max { $0.at < $1.at },
            consecutiveFailures: histories.map(\.consecutiveFailures).max() ?? 0,
            recentRuns: Array(lastHour.suffix(Self.recentRunLimit)))
    }

    /// How far back the availability and latency percentiles reach.
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
