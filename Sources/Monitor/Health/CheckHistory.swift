import Foundation
import SwitchboardCore

/// The recent runs of one check in bounded memory: success counts in 5-minute buckets for
/// 24 hours, and the latencies of the last hour.
///
/// At a 10 s interval that is about 1.2 KB of buckets and 2.9 KB of latencies per check.
struct CheckHistory: Sendable {
    static let bucketSeconds = 300
    static let bucketCount = 24 * 3600 / bucketSeconds
    static let latencyWindow: TimeInterval = 3600

    /// Runs of one 5-minute bucket; which bucket a slot holds follows from `newestBucket`.
    private struct Bucket {
        var runs: UInt16 = 0
        var successes: UInt16 = 0
    }

    /// One run in 8 bytes: its start second (since 1970, good until 2106) and its duration, negated
    /// for a failed run.
    private struct LatencyPoint {
        var at: UInt32
        var signedSeconds: Float

        init(at: Int, seconds: Double, up: Bool) {
            self.at = UInt32(clamping: at)
            signedSeconds = up ? Float(seconds) : -Float(seconds)
        }

        var seconds: Float { signedSeconds.magnitude }
        var up: Bool { signedSeconds.sign == .plus }
    }

    /// A ring: the slot of bucket `i` is `i % bucketCount`, for the `bucketCount` buckets up to `newestBucket`.
    private var buckets: [Bucket] = []
    private var newestBucket = Int.min
    private var latencies: [LatencyPoint] = []
    private var latencyCapacity: Int
    private var latencyNext = 0
    private(set) var lastSuccess: Date?
    private(set) var lastFailure: HealthStats.Failure?
    private(set) var consecutiveFailures = 0

    init(interval: Duration) {
        let perHour = Int((Self.latencyWindow / max(interval.seconds, 0.001)).rounded(.up)) + 1
        latencyCapacity = min(max(perHour, 16), 3600)
    }

    mutating func record(_ result: CheckResult) {
        let seconds = Int(result.startedAt.timeIntervalSince1970)
        countRun(inBucket: seconds / Self.bucketSeconds, up: result.up)
        if result.up {
            lastSuccess = result.startedAt
            consecutiveFailures = 0
        } else {
            lastFailure = HealthStats.Failure(
                at: result.startedAt, errorClass: result.errorClass, reason: result.reason)
            consecutiveFailures += 1
        }
        let point = LatencyPoint(at: seconds, seconds: result.durationSeconds, up: result.up)
        if latencies.count < latencyCapacity {
            latencies.append(point)
        } else {
            latencies[latencyNext] = point
            latencyNext = (latencyNext + 1) % latencyCapacity
        }
    }

    private mutating func countRun(inBucket index: Int, up: Bool) {
        if buckets.isEmpty { buckets = [Bucket](repeating: Bucket(), count: Self.bucketCount) }
        if index > newestBucket {
            // Empty the slots of the buckets skipped over and of the new one: they held a day ago.
            let first = newestBucket == .min ? index : max(newestBucket + 1, index - Self.bucketCount + 1)
            for skipped in first...index { buckets[skipped % Self.bucketCount] = Bucket() }
            newestBucket = index
        } else if index <= newestBucket - Self.bucketCount {
            return  // older than the ring reaches
        }
        let slot = index % Self.bucketCount
        buckets[slot].runs &+= 1
        if up { buckets[slot].successes &+= 1 }
    }

    /// Runs and successful runs that started in the last `window` seconds before `now`, to the
    /// bucket: the full buckets of the window plus the one under way.
    func counts(within window: TimeInterval, now: Date) -> (runs: Int, successes: Int) {
        guard !buckets.isEmpty else { return (0, 0) }
        let current = Int(now.timeIntervalSince1970) / Self.bucketSeconds
        let newest = min(current, newestBucket)
        let reach = Int((window / Double(Self.bucketSeconds)).rounded(.up))
        let oldest = max(current - reach, newestBucket - Self.bucketCount + 1)
        guard oldest <= newest else { return (0, 0) }
        var total = (runs: 0, successes: 0)
        for index in oldest...newest {
            let bucket = buckets[index % Self.bucketCount]
            total.runs += Int(bucket.runs)
            total.successes += Int(bucket.successes)
        }
        return total
    }

    /// The newest `limit` runs, oldest first.
    func recentRuns(limit: Int) -> [RecentRun] {
        // Oldest first is `latencyNext` onwards, around the ring; only the newest `limit` are read.
        let count = latencies.count
        return (max(count - limit, 0)..<count).map { offset in
            let point = latencies[(latencyNext + offset) % count]
            return RecentRun(
                at: Date(timeIntervalSince1970: TimeInterval(point.at)), seconds: Double(point.seconds), up: point.up)
        }
    }

    /// Latencies, in seconds, of the runs of the last hour before `now`.
    func latencies(now: Date) -> [Double] {
        let cutoff = Int64(now.timeIntervalSince1970 - Self.latencyWindow)
        return latencies.filter { Int64($0.at) >= cutoff }.map { Double($0.seconds) }
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
