import Foundation
import GRDB
import Testing

@testable import Monitor

@Suite struct StateDatabaseTests {
    @Test func createsTheFileInWALModeWithTheJobTables() throws {
        let scratch = ScratchDirectory()
        let database = try StateDatabase(directory: scratch.url.appending(path: "state"))
        #expect(database.path.hasSuffix("state/switchboard.sqlite"))
        let mode = try database.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let tables = try database.pool.read {
            try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        #expect(tables.contains("job_runs") && tables.contains("job_lines"))
    }

    @Test func reopeningKeepsWhatWasWritten() throws {
        let scratch = ScratchDirectory()
        do {
            let store = JobLogStore(database: try StateDatabase(directory: scratch.url))
            _ = try store.startRun(jobID: "a", at: .iso("2026-03-01T10:00:00Z"))
        }
        let store = JobLogStore(database: try StateDatabase(directory: scratch.url))
        #expect(try store.runs(jobID: "a").map(\.number) == [1])
    }

    @Test func aCorruptFileIsReportedAndLeftAsItWas() throws {
        let scratch = ScratchDirectory()
        let path = scratch.path(StateDatabase.fileName)
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(filePath: path))
        #expect {
            try StateDatabase(directory: scratch.url)
        } throws: { error in
            guard case .corrupt(let reported, _) = error as? StateDatabaseError else { return false }
            return reported == path
        }
        #expect(try Data(contentsOf: URL(filePath: path)) == garbage)
    }

    @Test func aNewerSchemaIsRefused() throws {
        let scratch = ScratchDirectory()
        _ = try StateDatabase(directory: scratch.url)
        let queue = try DatabaseQueue(path: scratch.path(StateDatabase.fileName))
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('jobs-v9')")
        }
        #expect {
            try StateDatabase(directory: scratch.url)
        } throws: { error in
            (error as? StateDatabaseError)
                == .newerSchema(
                    path: scratch.path(StateDatabase.fileName), unknownMigrations: ["jobs-v9"])
        }
    }

    @Test func aDatabaseLockedByAnotherWriterIsReported() throws {
        let scratch = ScratchDirectory()
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let queue = try DatabaseQueue(path: scratch.path(StateDatabase.fileName), configuration: configuration)
        try queue.inDatabase { db in
            try db.execute(sql: "CREATE TABLE other (x)")
            try db.execute(sql: "BEGIN EXCLUSIVE")
        }
        #expect {
            try StateDatabase(directory: scratch.url, busyTimeout: .milliseconds(100))
        } throws: { error in
            (error as? StateDatabaseError) == .locked(path: scratch.path(StateDatabase.fileName))
        }
        try queue.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        #expect(throws: Never.self) { try StateDatabase(directory: scratch.url) }
    }

    @Test func sqliteErrorsAreClassified() {
        let path = "/x/switchboard.sqlite"
        let readOnly = StateDatabaseError(DatabaseError(resultCode: .SQLITE_READONLY), path: path)
        #expect(readOnly == .readOnly(path: path))
        #expect(readOnly.description.contains("read-only"))
        #expect(StateDatabaseError(DatabaseError(resultCode: .SQLITE_BUSY), path: path) == .locked(path: path))
        guard case .corrupt = StateDatabaseError(DatabaseError(resultCode: .SQLITE_NOTADB), path: path) else {
            Issue.record("NOTADB is corrupt")
            return
        }
    }

    @Test func aDirectoryThatCannotBeCreatedIsReported() throws {
        let scratch = ScratchDirectory()
        try Data("x".utf8).write(to: scratch.url.appending(path: "file"))
        #expect {
            try StateDatabase(directory: scratch.url.appending(path: "file/state"))
        } throws: { error in
            guard case .cannotOpen = error as? StateDatabaseError else { return false }
            return true
        }
    }
}
