import Foundation
import SwitchboardCore

/// How one check has fared beyond what the store keeps: success counts in hourly buckets for a
/// day (200 bytes), its last success and failure, and its streak of failures. Its runs of the last
/// hour are the store's (`StoredRuns`).
struct CheckHistory: Sendable {
    static let bucketSeconds = 3600
    /// A day of full buckets and the one under way.
    static let bucketCount = 25

    /// Runs of one hour; which hour a slot holds follows from `newestBucket`.
    private struct Bucket {
        var runs: UInt32 = 0
        var successes: UInt32 = 0
    }

    /// A ring: the slot of bucket `i` is `i % bucketCount`, for the `bucketCount` buckets up to `newestBucket`.
    private var buckets: [Bucket] = []
    private var newestBucket = Int.min
    private(set) var lastSuccess: Date?
    private(set) var lastFailure: HealthStats.Failure?
    private(set) var consecutiveFailures = 0

    init() {}

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
}
