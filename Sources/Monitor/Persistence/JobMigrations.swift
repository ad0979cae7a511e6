import GRDB

/// The tables of jobs: runs, their lines, and where each tailed log file was read up to.
///
/// A line's row id is `run id << 32 | line number`, so a run's lines are one range of the table,
/// read in order without a second index.
public enum JobMigrations: StateMigrationSet {
    public static func register(into migrator: inout DatabaseMigrator) {
        migrator.registerMigration("jobs-v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE job_runs (
                        id INTEGER PRIMARY KEY,
                        job_id TEXT NOT NULL,
                        number INTEGER NOT NULL,
                        external_id TEXT,
                        started_at REAL NOT NULL,
                        ended_at REAL,
                        result TEXT NOT NULL,
                        exit_code INTEGER,
                        message TEXT,
                        line_count INTEGER NOT NULL DEFAULT 0,
                        byte_count INTEGER NOT NULL DEFAULT 0,
                        dropped_lines INTEGER NOT NULL DEFAULT 0,
                        records INTEGER,
                        first_error_line INTEGER,
                        UNIQUE (job_id, number)
                    );
                    CREATE TABLE job_lines (
                        id INTEGER PRIMARY KEY,
                        at REAL NOT NULL,
                        stream INTEGER NOT NULL,
                        level INTEGER,
                        text BLOB NOT NULL
                    );
                    CREATE TABLE job_tail_positions (
                        job_id TEXT PRIMARY KEY,
                        device INTEGER NOT NULL,
                        inode INTEGER NOT NULL,
                        offset INTEGER NOT NULL
                    );
                    """)
        }
    }
}
