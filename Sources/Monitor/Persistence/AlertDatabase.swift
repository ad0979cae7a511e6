import Foundation
import GRDB

/// Opens the state database for the alert queue: `<directory>/switchboard.sqlite`, WAL, migrated.
///
/// Stands in for the shared state database until the areas are merged; every failure is an
/// `AlertStoreError` that names the file, and nothing is ever deleted or replaced.
public enum AlertDatabase {
    public static let fileName = "switchboard.sqlite"

    public static func open(directory: String, busyTimeout: TimeInterval = 10) throws -> DatabasePool {
        let path = directory + "/" + fileName
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw AlertStoreError.cannotOpen(
                path: path, reason: "cannot create the directory: \(error.localizedDescription)")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // An acknowledgement reported as saved must be on disk, not only in the OS cache.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return try AlertStoreError.mapping(path: path) {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try pool.read { db in
                let check = try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "no answer"
                guard check == "ok" else { throw AlertStoreError.corrupt(path: path, reason: check) }
                let unknown = try AlertMigrations.unknownMigrations(db)
                guard unknown.isEmpty else { throw AlertStoreError.newerVersion(path: path, migrations: unknown) }
            }
            var migrator = DatabaseMigrator()
            AlertMigrations.register(into: &migrator)
            try MigrationBackup.ifNeeded(pool, migrator: migrator, path: path)
            try migrator.migrate(pool)
            return pool
        }
    }
}
