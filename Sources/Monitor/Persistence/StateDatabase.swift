import Foundation
import GRDB
import SwitchboardCore

/// The SQLite database of everything that must survive a restart (job runs and their lines,
/// alert state, the checks' 5-minute history): `<state-dir>/switchboard.sqlite` in WAL mode,
/// behind a pool of connections.
///
/// ```swift
/// let database = try StateDatabase(directory: URL(filePath: stateDirectory))
/// try database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM job_runs") }
/// ```
///
/// Each area registers its tables as migrations (`JobMigrations`, `AlertMigrations`,
/// `HistoryMigrations`); they are applied in order when the database opens, after the file is copied
/// aside (`MigrationBackup`). A database that is locked by another process, read-only, full, corrupt
/// or written by a newer Switchboard is reported as a `StateDatabaseError`; it is never replaced.
/// Several processes share it: writes wait up to `busyTimeout` for another's transaction rather
/// than failing at once.
public final class StateDatabase: Sendable {
    public static let fileName = "switchboard.sqlite"

    public let path: String
    public let pool: DatabasePool

    /// Opens (creating if needed) the database in `directory` and applies the migrations.
    public init(
        directory: URL, migrations: [any StateMigrationSet.Type] = StateMigrations.all,
        busyTimeout: Duration = .seconds(10)
    ) throws(StateDatabaseError) {
        path = directory.appending(path: Self.fileName).path
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotOpen(path: path, reason: "cannot create \(directory.path): \(error.localizedDescription)")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout.seconds)
        configuration.prepareDatabase { db in
            // A write reported done is on disk, not only in the OS cache: an acknowledgement made in the
            // console survives a power loss as one made with the CLI does. Job lines are written in batches
            // (every 0.2 s at most), so the extra fsync per commit is cheap.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StateDatabaseError(error, path: path)
        }
        try migrate(Self.migrator(migrations))
    }

    /// The migrator made of every area's migrations, in the order given.
    public static func migrator(_ migrations: [any StateMigrationSet.Type]) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for area in migrations { area.register(into: &migrator) }
        return migrator
    }

    private func migrate(_ migrator: DatabaseMigrator) throws(StateDatabaseError) {
        do {
            let unknown = try pool.read { db in
                try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)
            }
            guard unknown.isEmpty else {
                throw StateDatabaseError.newerSchema(path: path, unknownMigrations: unknown.sorted())
            }
            try MigrationBackup.ifNeeded(pool, migrator: migrator, path: path)
            try migrator.migrate(pool)
        } catch let error as StateDatabaseError {
            throw error
        } catch {
            throw StateDatabaseError(error, path: path)
        }
    }
}

/// The tables of one area of Switchboard, as migrations with stable, area-prefixed identifiers
/// (`jobs-v1`, `alerts-v1`). A released migration is never changed; a later one alters its tables.
public protocol StateMigrationSet {
    static func register(into migrator: inout DatabaseMigrator)
}

/// The migration sets of every area, in the order they are applied.
public enum StateMigrations {
    public static var all: [any StateMigrationSet.Type] {
        [JobMigrations.self, AlertMigrations.self, HistoryMigrations.self]
    }
}
