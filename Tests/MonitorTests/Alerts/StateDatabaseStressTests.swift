import Foundation
import GRDB
import SwitchboardCore
import Testing

@testable import Monitor

/// The state database shared by several processes (consoles, the command line, the engine): writes wait
/// for each other instead of failing with "database is locked"; a full or read-only database refuses the
/// write with a clear error and the queue stays as it was; a migration first copies the file aside.
@Suite struct StateDatabaseStressTests {
    typealias P = PipelineFixture

    static func directory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sb-stress-\(UUID().uuidString)").path
    }

    /// A pipeline whose one alert fires, and the alert's id.
    static func firing(_ directory: String? = nil) async throws -> (P, String) {
        let fixture = try P(alerting: AlertingConfig(), directory: directory)
        let entry = try #require(await fixture.tick(0, ["feed": 0]).entries.first)
        return (fixture, entry.id)
    }

    @Test func writersOnSeparateConnectionsWaitForEachOther() async throws {
        let directory = Self.directory()
        let (fixture, id) = try await Self.firing(directory)
        // Another process's connection (the engine's state database) holds a write transaction for a while,
        // and eight writers of their own connections and the pipeline write meanwhile. Each runs on a thread
        // of its own: they block in SQLite's busy handler, which must not hold Swift's few pool threads.
        let other = try StateDatabase(directory: URL(filePath: directory))
        let writers = 8
        let outcomes = await Self.onThreads(
            [
                {
                    do {
                        try other.pool.write { db in
                            try db.execute(sql: "CREATE TABLE IF NOT EXISTS busy_marker (x)")
                            try db.execute(sql: "INSERT INTO busy_marker VALUES (1)")
                            Thread.sleep(forTimeInterval: 1)
                        }
                        return CommandOutcome(succeeded: true, message: "")
                    } catch {
                        return CommandOutcome(succeeded: false, message: "\(error)")
                    }
                },
                { fixture.pipeline.perform(.acknowledge(alertID: id, note: "mine", by: "ana"), now: P.t0) },
            ]
                + (0..<writers).map { writer in
                    {
                        do {
                            let store = AlertStateStore(writer: try AlertDatabase.open(directory: directory))
                            var queue = try store.loadQueue()
                            queue.recompute(now: P.t0)
                            let (note, audit) = try queue.addNote(
                                id, by: "w\(writer)", text: "note \(writer)", now: P.t0)
                            try store.recordNote(note, audit: audit)
                            return CommandOutcome(succeeded: true, message: "")
                        } catch {
                            return CommandOutcome(succeeded: false, message: "\(error)")
                        }
                    }
                })
        let failures = outcomes.filter { !$0.succeeded }.map(\.message)
        #expect(failures.isEmpty, "\(failures)")
        let queue = try fixture.store.loadQueue()
        #expect(queue.notes.values.joined().count == writers)
        #expect(queue.acknowledgements.values.first?.by == "ana")
    }

    /// Runs each body on a thread of its own and returns their outcomes once all have ended.
    static func onThreads(_ bodies: [@Sendable () -> CommandOutcome]) async -> [CommandOutcome] {
        await withTaskGroup(of: CommandOutcome.self) { group in
            for body in bodies {
                group.addTask {
                    await withCheckedContinuation { continuation in
                        Thread { continuation.resume(returning: body()) }.start()
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test func aFullDiskRefusesTheWriteAndTheQueueStaysAsItWas() async throws {
        let (fixture, id) = try await Self.firing()
        let pages = try await fixture.database.write { db in
            let count = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            // The writer connection may not grow the file past what it has: SQLite then answers SQLITE_FULL.
            try db.execute(sql: "PRAGMA max_page_count = \(count)")
            return count
        }
        #expect(pages > 0)
        let note = String(repeating: "x", count: 200_000)
        let outcome = fixture.pipeline.perform(.acknowledge(alertID: id, note: note, by: "ana"), now: P.t0)
        #expect(!outcome.succeeded)
        #expect(outcome.message.contains("full; nothing was written"), "\(outcome.message)")
        #expect(fixture.pipeline.view(now: P.t0).entries.first?.acknowledgement == nil)
        #expect(try fixture.store.loadQueue().acknowledgements.isEmpty)
    }

    @Test func aReadOnlyDatabaseRefusesTheWrite() async throws {
        let directory = Self.directory()
        _ = try await Self.firing(directory)
        var configuration = Configuration()
        configuration.readonly = true
        let readOnly = try DatabasePool(path: directory + "/" + AlertDatabase.fileName, configuration: configuration)
        let store = AlertStateStore(writer: readOnly)
        var queue = try store.loadQueue()
        queue.recompute(now: P.t0)
        let id = try #require(queue.alerts.keys.first)
        let (ack, audit) = try queue.acknowledge(id.rawValue, by: "ana", note: "mine", now: P.t0)
        #expect(throws: AlertStoreError.readOnly(path: directory + "/" + AlertDatabase.fileName)) {
            try store.recordAcknowledgement(ack, audit: audit)
        }
        #expect(try store.loadQueue().acknowledgements.isEmpty)
    }

    @Test func aMigrationCopiesTheDatabaseAsideFirst() throws {
        let directory = Self.directory()
        let path = directory + "/" + StateDatabase.fileName
        // A database from an older switchboard: only the jobs' tables.
        do {
            let old = try StateDatabase(directory: URL(filePath: directory), migrations: [JobMigrations.self])
            try old.pool.write { db in try db.execute(sql: "CREATE TABLE marker (x)") }
        }
        _ = try StateDatabase(directory: URL(filePath: directory))
        let next = try #require(StateDatabase.migrator(StateMigrations.all).migrations.first { $0.hasPrefix("alerts") })
        let copy = MigrationBackup.path(of: path, before: next)
        #expect(FileManager.default.fileExists(atPath: copy))
        let copied = try DatabaseQueue(path: copy).read { db in
            (try db.tableExists("marker"), try db.tableExists("alert"))
        }
        #expect(copied == (true, false), "the copy is the database as it was before the migration")
        // A database already up to date is not copied again.
        try FileManager.default.removeItem(atPath: copy)
        _ = try StateDatabase(directory: URL(filePath: directory))
        #expect(!FileManager.default.fileExists(atPath: copy))
    }

    @Test func aNewDatabaseIsNotCopied() throws {
        let directory = Self.directory()
        _ = try StateDatabase(directory: URL(filePath: directory))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(!files.contains { $0.contains(".before-") })
    }
}
