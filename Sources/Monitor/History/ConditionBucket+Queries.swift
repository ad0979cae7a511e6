import GRDB

/// The queries over `condition_bucket`; each reads one range of the primary key per owner.
extension ConditionBucket {
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
