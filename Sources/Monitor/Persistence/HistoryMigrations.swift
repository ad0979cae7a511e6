import GRDB

/// The long history of checks: one row per check and 5-minute bucket, kept `history.retention`.
///
/// The primary key (check, bucket) is the table itself (`WITHOUT ROWID`): a check's buckets are one
/// range of the B-tree, read in order and deleted by range without a second index.
public enum HistoryMigrations: StateMigrationSet {
    public static func register(into migrator: inout DatabaseMigrator) {
        migrator.registerMigration("history-v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE check_bucket (
                        check_id TEXT NOT NULL,
                        bucket_start INTEGER NOT NULL,
                        runs INTEGER NOT NULL,
                        failures INTEGER NOT NULL,
                        latency_p50 REAL NOT NULL,
                        latency_p95 REAL NOT NULL,
                        latency_max REAL NOT NULL,
                        PRIMARY KEY (check_id, bucket_start)
                    ) WITHOUT ROWID;
                    """)
        }
    }
}
