import GRDB

/// The queries over `check_bucket`; each reads one range of the primary key per check.
extension CheckBucket {
    /// The buckets of `checks` from `first` on, oldest first.
    static func fetchAll(of checks: [String], since first: Int64, in db: Database) throws -> [CheckBucket] {
        try CheckBucket.filter(checks.contains(Column("check_id")) && Column("bucket_start") >= first)
            .order(Column("bucket_start"))
            .fetchAll(db)
    }

    /// Runs and failures of `checks` in the buckets from `first` up to (not including) `end`.
    static func count(of checks: [String], from first: Int64, before end: Int64, in db: Database) throws -> RunCount {
        let request: SQLRequest<Row> = """
            SELECT COALESCE(SUM(runs), 0) AS runs, COALESCE(SUM(failures), 0) AS failures FROM check_bucket
            WHERE check_id IN \(checks) AND bucket_start >= \(first) AND bucket_start < \(end)
            """
        guard let row = try request.fetchOne(db) else { return RunCount() }
        return RunCount(runs: row["runs"], failures: row["failures"])
    }

    /// One check's buckets from `first` on, added up: the maximum is exact, p50 and p95 are the
    /// run-weighted means of the buckets' (an approximation; the runs behind them are not kept).
    public static func total(of checkID: String, since first: Int64, in db: Database) throws -> CheckBucket? {
        let request: SQLRequest<CheckBucket> = """
            SELECT check_id, MIN(bucket_start) AS bucket_start, SUM(runs) AS runs, SUM(failures) AS failures,
                SUM(latency_p50 * runs) / SUM(runs) AS latency_p50, SUM(latency_p95 * runs) / SUM(runs) AS latency_p95,
                MAX(latency_max) AS latency_max
            FROM check_bucket WHERE check_id = \(checkID) AND bucket_start >= \(first)
            GROUP BY check_id
            """
        return try request.fetchOne(db)
    }
}
