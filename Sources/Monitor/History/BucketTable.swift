import GRDB

/// A table of 5-minute buckets whose primary key is (`key`, `bucket_start`): what the check and the
/// condition buckets share, each query reading one range of the key per check or owner.
struct BucketTable {
    let name: String
    let key: String

    static let checks = BucketTable(name: "check_bucket", key: "check_id")
    static let conditions = BucketTable(name: "condition_bucket", key: "owner")

    /// The keys that have buckets, found by skipping from one to the next in the primary key (a few
    /// steps per key, never a scan of every row).
    func keys(in db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                WITH RECURSIVE ids(id) AS (
                    SELECT MIN(\(key)) FROM \(name)
                    UNION ALL
                    SELECT (SELECT MIN(\(key)) FROM \(name) WHERE \(key) > ids.id) FROM ids
                    WHERE ids.id IS NOT NULL
                )
                SELECT id FROM ids WHERE id IS NOT NULL
                """)
    }

    /// Deletes the buckets that started before `cutoff`; returns how many.
    @discardableResult
    func deleteAll(before cutoff: Int64, in db: Database) throws -> Int {
        var deleted = 0
        for id in try keys(in: db) {
            try db.execute(sql: "DELETE FROM \(name) WHERE \(key) = ? AND bucket_start < ?", arguments: [id, cutoff])
            deleted += db.changesCount
        }
        return deleted
    }
}
