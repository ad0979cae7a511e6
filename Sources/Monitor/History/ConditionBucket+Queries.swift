import GRDB

/// The queries over `condition_bucket`; each reads one range of the primary key per owner.
extension ConditionBucket {
    /// The owners that have buckets, skipping from one to the next in the primary key.
    static func owners(in db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                WITH RECURSIVE ids(id) AS (
                    SELECT MIN(owner) FROM condition_bucket
                    UNION ALL
                    SELECT (SELECT MIN(owner) FROM condition_bucket WHERE owner > ids.id) FROM ids
                    WHERE ids.id IS NOT NULL
                )
                SELECT id FROM ids WHERE id IS NOT NULL
                """)
    }

    /// Deletes the buckets that started before `cutoff`; returns how many.
    @discardableResult
    static func deleteAll(before cutoff: Int64, in db: Database) throws -> Int {
        var deleted = 0
        for owner in try owners(in: db) {
            try db.execute(
                sql: "DELETE FROM condition_bucket WHERE owner = ? AND bucket_start < ?", arguments: [owner, cutoff])
            deleted += db.changesCount
        }
        return deleted
    }

    /// The buckets of `owner` from `first` on, oldest first.
    static func fetchAll(of owner: String, since first: Int64, in db: Database) throws -> [ConditionBucket] {
        try ConditionBucket.filter(Column("owner") == owner && Column("bucket_start") >= first)
            .order(Column("bucket_start"))
            .fetchAll(db)
    }

    /// One owner's buckets from `first` on, added up; nil without any.
    public static func total(of owner: String, since first: Int64, in db: Database) throws -> ConditionBucket? {
        let request: SQLRequest<ConditionBucket> = """
            SELECT owner, MIN(bucket_start) AS bucket_start, SUM(evaluated_seconds) AS evaluated_seconds,
                SUM(down_seconds) AS down_seconds, SUM(degraded_seconds) AS degraded_seconds
            FROM condition_bucket WHERE owner = \(owner) AND bucket_start >= \(first)
            GROUP BY owner
            """
        return try request.fetchOne(db)
    }
}
