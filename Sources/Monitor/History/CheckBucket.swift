import GRDB
import SwitchboardCore

/// Five minutes of one check: how many runs started in it, how many failed, and their latencies.
public struct CheckBucket: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "check_bucket"
    public static let seconds = Int64(HistoryStrip.bucketSeconds)

    public var checkID: String
    /// Epoch seconds, a multiple of `seconds`.
    public var start: Int64
    public var runs: Int
    public var failures: Int
    /// Latency percentiles and maximum of the bucket's runs, in seconds.
    public var latencyP50: Double
    public var latencyP95: Double
    public var latencyMax: Double

    enum CodingKeys: String, CodingKey {
        case checkID = "check_id"
        case start = "bucket_start"
        case runs, failures
        case latencyP50 = "latency_p50"
        case latencyP95 = "latency_p95"
        case latencyMax = "latency_max"
    }

    public init(
        checkID: String, start: Int64, runs: Int, failures: Int, latencyP50: Double, latencyP95: Double,
        latencyMax: Double
    ) {
        self.checkID = checkID
        self.start = start
        self.runs = runs
        self.failures = failures
        self.latencyP50 = latencyP50
        self.latencyP95 = latencyP95
        self.latencyMax = latencyMax
    }

    /// The start of the bucket that holds `second` (epoch seconds).
    public static func start(of second: Int64) -> Int64 {
        second - ((second % seconds) + seconds) % seconds
    }

    /// Adds the bucket to the one already stored for the same check and start, or inserts it: runs
    /// and failures add up, the maximum is the larger one, and p50/p95 become the run-weighted mean
    /// of the two (an approximation: the values behind the stored percentiles are gone).
    public func merge(into db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO check_bucket
                    (check_id, bucket_start, runs, failures, latency_p50, latency_p95, latency_max)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (check_id, bucket_start) DO UPDATE SET
                    runs = runs + excluded.runs,
                    failures = failures + excluded.failures,
                    latency_p50 = (latency_p50 * runs + excluded.latency_p50 * excluded.runs)
                        / MAX(runs + excluded.runs, 1),
                    latency_p95 = (latency_p95 * runs + excluded.latency_p95 * excluded.runs)
                        / MAX(runs + excluded.runs, 1),
                    latency_max = MAX(latency_max, excluded.latency_max)
                """)
        try statement.execute(arguments: [checkID, start, runs, failures, latencyP50, latencyP95, latencyMax])
    }

    /// This bucket and `other` (same check) as one, merged the way `merge(into:)` merges them.
    func merged(with other: CheckBucket) -> CheckBucket {
        let total = runs + other.runs
        func weighted(_ mine: Double, _ theirs: Double) -> Double {
            total == 0 ? max(mine, theirs) : (mine * Double(runs) + theirs * Double(other.runs)) / Double(total)
        }
        return CheckBucket(
            checkID: checkID, start: start, runs: total, failures: failures + other.failures,
            latencyP50: weighted(latencyP50, other.latencyP50), latencyP95: weighted(latencyP95, other.latencyP95),
            latencyMax: max(latencyMax, other.latencyMax))
    }
}
