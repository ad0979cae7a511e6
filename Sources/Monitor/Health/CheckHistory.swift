import Foundation
import SwitchboardCore

/// The recent runs of one check in bounded memory: success counts in 5-minute buckets for
/// 24 hours, and the latencies of the last hour.
///
/// At a 10 s interval that is about 2.3 KB of buckets and 4.3 KB of latencies per check.
struct CheckHistory: Sendable {
    static let bucketSeconds = 300
    static let bucketCount = 24 * 3600 / bucketSeconds
    static let latencyWindow: TimeInterval = 3600

    private struct Bucket {
        var index: Int32 = -1
        var runs: UInt16 = 0
        var successes: UInt16 = 0
    }

    private struct LatencyPoint {
        var at: Int64
        var seconds: Float
        var up: Bool
    }

    private var buckets = [Bucket](repeating: Bucket(), count: bucketCount)
    private var latencies: [LatencyPoint] = []
    private var latencyCapacity: Int
    private var latencyNext = 0
    private(set) var lastSuccess: Date?
    private(set) var lastFailure: HealthStats.Failure?
    private(set) var consecutiveFailures = 0

    init(interval: Duration) {
        let perHour = Int((Self.latencyWindow / max(interval.seconds, 0.001)).rounded(.up)) + 1
        latencyCapacity = min(max(perHour, 16), 3600)
        latencies.reserveCapacity(min(latencyCapacity, 64))
    }

    mutating func record(_ result: CheckResult) {
        let seconds = Int(result.startedAt.timeIntervalSince1970)
        let index = Int32(seconds / Self.bucketSeconds)
        let slot = Int(index) % Self.bucketCount
        if buckets[slot].index != index { buckets[slot] = Bucket(index: index) }
        buckets[slot].runs &+= 1
        if result.up {
            buckets[slot].successes &+= 1
            lastSuccess = result.startedAt
            consecutiveFailures = 0
        } else {
            lastFailure = HealthStats.Failure(
                at: result.startedAt, errorClass: result.errorClass, reason: result.reason)
            consecutiveFailures += 1
        }
        let point = LatencyPoint(at: Int64(seconds), seconds: Float(result.durationSeconds), up: result.up)
        if latencies.count < latencyCapacity {
            latencies.append(point)
        } else {
            latencies[latencyNext] = point
            latencyNext = (latencyNext + 1) % latencyCapacity
        }
    }

    /// Runs and successful runs that started in the last `window` seconds before `now`, to the
    /// bucket: the full buckets of the window plus the one under way.
    func counts(within window: TimeInterval, now: Date) -> (runs: Int, successes: Int) {
        let newest = Int32(Int(now.timeIntervalSince1970) / Self.bucketSeconds)
        let oldest = newest - Int32((window / Double(Self.bucketSeconds)).rounded(.up))
        return buckets.reduce(into: (0, 0)) { total, bucket in
            guard bucket.index >= oldest, bucket.index <= newest else { return }
            total.0 += Int(bucket.runs)
            total.1 += Int(bucket.successes)
        }
    }

    /// The newest `limit` runs, oldest first.
    func recentRuns(limit: Int) -> [RecentRun] {
        let chronological = Array(latencies[latencyNext...] + latencies[..<latencyNext])
        return chronological.suffix(limit).map {
            RecentRun(at: Date(timeIntervalSince1970: TimeInterval($0.at)), seconds: Double($0.seconds), up: $0.up)
        }
    }

    /// Latencies, in seconds, of the runs of the last hour before `now`.
    func latencies(now: Date) -> [Double] {
        let cutoff = Int64(now.timeIntervalSince1970 - Self.latencyWindow)
        return latencies.filter { $0.at >= cutoff }.map { Double($0.seconds) }
    }
}

extension HealthStats {
    /// Sums up the histories of the checks of one interface or system.
    init(histories: [CheckHistory], now: Date) {
        func share(_ window: TimeInterval) -> (runs: Int, successes: Int) {
            histories.map { $0.counts(within: window, now: now) }.reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
        }
        func availability(_ counts: (runs: Int, successes: Int)) -> Double? {
            counts.runs == 0 ? nil : Double(counts.successes) / Double(counts.runs)
        }
        let latencies = histories.flatMap { $0.latencies(now: now) }.sorted()
        self.init(
            availability1h: availability(share(3600)), availability24h: availability(share(86400)),
            latencyP50: Self.percentile(0.50, of: latencies), latencyP95: Self.percentile(0.95, of: latencies),
            latencyP99: Self.percentile(0.99, of: latencies),
            errorRate: availability(share(300)).map { 1 - $0 },
            lastSuccess: histories.compactMap(\.lastSuccess).max(),
            lastFailure: histories.compactMap(\.lastFailure).max { $0.at < $1.at },
            consecutiveFailures: histories.map(\.consecutiveFailures).max() ?? 0,
            recentRuns: Array(
                histories.flatMap { $0.recentRuns(limit: Self.recentRunLimit) }.sorted { $0.at < $1.at }
                    .suffix(Self.recentRunLimit)))
    }

    /// How many of the newest runs an interface's statistics carry for its charts.
    static let recentRunLimit = 120

    /// The nearest-rank percentile of sorted values.
    static func percentile(_ quantile: Double, of sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((quantile * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
