import GRDB

/// The alert queue's tables: versioned migrations, registered into the state database's migrator.
///
/// Times are Unix seconds (REAL); label sets, annotations and matchers are JSON text.
public enum AlertMigrations: StateMigrationSet {
    /// Every identifier starts with this, so that another area's migrations are never taken for ours.
    public static let prefix = "alerts-"
    static let identifiers = ["alerts-v1", "alerts-v2", "alerts-v3"]

    public static func register(into migrator: inout DatabaseMigrator) {
        migrator.registerMigration("alerts-v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE alert (
                        id TEXT PRIMARY KEY NOT NULL,
                        rule_name TEXT NOT NULL,
                        labels TEXT NOT NULL,
                        annotations TEXT NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('pending', 'firing', 'inactive')),
                        active_at REAL NOT NULL,
                        fired_at REAL,
                        resolved_at REAL,
                        value REAL NOT NULL,
                        updated_at REAL NOT NULL
                    );
                    CREATE INDEX alert_state ON alert(state);
                    CREATE TABLE alert_acknowledgement (
                        alert_id TEXT PRIMARY KEY NOT NULL,
                        acknowledged_by TEXT NOT NULL,
                        acknowledged_at REAL NOT NULL,
                        note TEXT NOT NULL,
                        expires_at REAL,
                        sticky INTEGER NOT NULL,
                        severity INTEGER NOT NULL
                    );
                    CREATE TABLE alert_silence (
                        id TEXT PRIMARY KEY NOT NULL,
                        matchers TEXT NOT NULL,
                        starts_at REAL NOT NULL,
                        ends_at REAL NOT NULL,
                        created_by TEXT NOT NULL,
                        comment TEXT NOT NULL
                    );
                    CREATE TABLE alert_note (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        alert_id TEXT NOT NULL,
                        written_by TEXT NOT NULL,
                        written_at REAL NOT NULL,
                        text TEXT NOT NULL
                    );
                    CREATE INDEX alert_note_alert ON alert_note(alert_id);
                    CREATE TABLE alert_maintenance_window (
                        id TEXT PRIMARY KEY NOT NULL,
                        name TEXT NOT NULL,
                        matchers TEXT NOT NULL,
                        schedule TEXT NOT NULL,
                        created_by TEXT NOT NULL,
                        comment TEXT NOT NULL
                    );
                    CREATE TABLE alert_audit (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at REAL NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        target TEXT NOT NULL,
                        detail TEXT NOT NULL
                    );
                    CREATE TABLE alert_history (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        alert_id TEXT NOT NULL,
                        at REAL NOT NULL,
                        from_state TEXT,
                        to_state TEXT,
                        ack_cleared TEXT
                    );
                    CREATE INDEX alert_history_alert ON alert_history(alert_id, at);
                    CREATE TABLE alert_notification (
                        receiver TEXT NOT NULL,
                        group_key TEXT NOT NULL,
                        firing TEXT NOT NULL,
                        resolved TEXT NOT NULL,
                        notified_at REAL NOT NULL,
                        PRIMARY KEY (receiver, group_key)
                    );
                    """)
        }
        // When each rule group last evaluated, so that a restart can restore the alerts' `for` progress.
        migrator.registerMigration("alerts-v2") { db in
            try db.execute(
                sql: """
                    CREATE TABLE alert_rule_evaluation (
                        file TEXT NOT NULL,
                        group_name TEXT NOT NULL,
                        evaluated_at REAL NOT NULL,
                        PRIMARY KEY (file, group_name)
                    );
                    """)
        }
        // What only the engine computes of an alert's muting (`EngineMuting`), for `alerts list`: a row per
        // inhibited or suppressed alert; `inhibited_by` is a JSON array of alert ids.
        migrator.registerMigration("alerts-v3") { db in
            try db.execute(
                sql: """
                    CREATE TABLE alert_engine_muting (
                        alert_id TEXT PRIMARY KEY NOT NULL,
                        inhibited_by TEXT NOT NULL,
                        suppressed_under TEXT,
                        suppression_reason TEXT
                    );
                    """)
        }
    }

    /// Whether the database holds alert migrations this build does not know: written by a newer Switchboard.
    public static func unknownMigrations(_ db: Database) throws -> [String] {
        guard try db.tableExists("grdb_migrations") else { return [] }
        let applied = try String.fetchAll(
            db, sql: "SELECT identifier FROM grdb_migrations WHERE identifier LIKE ? ORDER BY identifier",
            arguments: [prefix + "%"])
        return applied.filter { !identifiers.contains($0) }
    }
}
