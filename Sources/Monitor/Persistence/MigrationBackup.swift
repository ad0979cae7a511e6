import Foundation
import GRDB

/// Copies the state database aside before a migration changes it, so that a failed or unwanted
/// upgrade can be undone by moving the copy back: `switchboard.sqlite.before-<migration>`.
///
/// Only a database that already holds migrations is copied (a new one has nothing to lose), and
/// only when the migrator has some left to apply. SQLite's backup API takes a consistent copy even
/// while other processes write.
enum MigrationBackup {
    /// The copy's path: the database's, with the first migration about to be applied.
    static func path(of database: String, before migration: String) -> String {
        "\(database).before-\(migration)"
    }

    /// Backs `pool` up when `migrator` would change it; returns the copy's path, or nil when none was needed.
    @discardableResult
    static func ifNeeded(_ pool: DatabasePool, migrator: DatabaseMigrator, path: String) throws -> String? {
        let pending = try pool.read { db -> String? in
            let applied = try migrator.appliedIdentifiers(db)
            guard !applied.isEmpty else { return nil }
            return migrator.migrations.first { !applied.contains($0) }
        }
        guard let pending else { return nil }
        let copy = Self.path(of: path, before: pending)
        try? FileManager.default.removeItem(atPath: copy)
        let destination = try DatabaseQueue(path: copy)
        try pool.backup(to: destination)
        try destination.close()
        return copy
    }
}
