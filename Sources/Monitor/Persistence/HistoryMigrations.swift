import GRDB

/// The long history: one row per check and 5-minute bucket (v1), and one per owner of
/// `health.conditions` and bucket (v2), kept `history.retention`.
///
/// The primary key (check or owner, bucket) is the table itself (`WITHOUT ROWID`): one check's or
/// owner's buckets are one range of the B-tree, read in order and deleted by range without a
/// second index.
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
        migrator.registerMigration("history-v2") { db in
            try db.execute(
                sql: """
                    CREATE TABLE condition_bucket (
                        owner TEXT NOT NULL,
                        bucket_start INTEGER NOT NULL,
                        evaluated_seconds REAL NOT NULL,
                        down_seconds REAL NOT NULL,
                        degraded_seconds REAL NOT NULL,
                        PRIMARY KEY (owner, bucket_start)
                    ) WITHOUT ROWID;
                    """)
        }
    }
}
