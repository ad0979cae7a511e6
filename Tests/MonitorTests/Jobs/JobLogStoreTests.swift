import Foundation
import Testing

@testable import Monitor
@testable import SwitchboardCore

@Suite struct JobLogStoreTests {
    let scratch = ScratchDirectory()

    func store() throws -> JobLogStore {
        JobLogStore(database: try StateDatabase(directory: scratch.url))
    }

    static func lines(_ texts: [String], from first: Int = 1) -> [JobLogLine] {
        texts.enumerated().map { index, text in
            JobLogLine(
                number: first + index, time: .iso("2026-03-01T10:00:00Z"), stream: .stdout,
                level: LevelDetector.detect(Array(text.utf8)), bytes: Array(text.utf8))
        }
    }

    @Test func runsAreNumberedPerJob() throws {
        let store = try store()
        let a1 = try store.startRun(jobID: "a", at: .iso("2026-03-01T10:00:00Z"))
        let b1 = try store.startRun(jobID: "b", at: .iso("2026-03-01T10:00:01Z"))
        let a2 = try store.startRun(jobID: "a", at: .iso("2026-03-01T10:00:02Z"))
        let numbers: [Int] = [a1.number, b1.number, a2.number]
        #expect(numbers == [1, 1, 2])
        #expect(try store.run(jobID: "a")?.id == a2.id)
        #expect(try store.run(jobID: "a", number: 1)?.id == a1.id)
    }

    @Test func linesKeepTheirBytesLevelsAndTheFirstError() throws {
        let store = try store()
        let run = try store.startRun(jobID: "a", at: .iso("2026-03-01T10:00:00Z"))
        let escape = "\u{1B}[31mred\u{1B}[0m"
        var lines = Self.lines(["INFO start", "WARN slow", escape, "ERROR boom", "ERROR again"])
        lines.append(
            JobLogLine(number: 6, time: .iso("2026-03-01T10:00:00Z"), stream: .stderr, level: nil, bytes: [0xFF, 0x41]))
        try store.append(runID: run.id, lines: lines, dropped: 3)
        let finished = try #require(
            try store.finishRun(runID: run.id, at: .iso("2026-03-01T10:01:00Z"), result: .failed, exitCode: 2))
        #expect(finished.lineCount == 6 && finished.droppedLines == 3 && finished.firstErrorLine == 4)
        #expect(finished.exitCode == 2 && finished.result == .failed)
        let stored = try store.lines(runID: run.id)
        #expect(stored.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(stored[2].bytes == Array(escape.utf8), "escape sequences are kept as they were")
        #expect(stored[5].bytes == [0xFF, 0x41] && stored[5].stream == .stderr)
        #expect(stored.map(\.level) == [.info, .warn, nil, .error, .error, nil])
    }

    @Test func filtersByRegexLevelAndPosition() throws {
        let store = try store()
        let run = try store.startRun(jobID: "a", at: .iso("2026-03-01T10:00:00Z"))
        try store.append(
            runID: run.id, lines: Self.lines((1...100).map { $0 % 10 == 0 ? "ERROR row \($0)" : "INFO row \($0)" }))
        let errors = try store.lines(runID: run.id, filter: JobLineFilter(minimumLevel: .error))
        #expect(errors.map(\.number) == [10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
        let regex = try PosixRegex("row (5|7)[0-9]$")
        #expect(try store.count(runID: run.id, filter: JobLineFilter(regex: regex)) == 20)
        let after = try store.lines(runID: run.id, filter: JobLineFilter(regex: regex, afterLine: 70, limit: 3))
        #expect(after.map(\.number) == [71, 72, 73])
    }

    @Test func linesOfOneRunNeverShowInAnother() throws {
        let store = try store()
        let first = try store.startRun(jobID: "a", at: .iso("2026-03-01T10:00:00Z"))
        let second = try store.startRun(jobID: "a", at: .iso("2026-03-01T10:00:00Z"))
        try store.append(runID: first.id, lines: Self.lines(["one"]))
        try store.append(runID: second.id, lines: Self.lines(["two", "three"]))
        #expect(try store.lines(runID: first.id).map(\.text) == ["one"])
        #expect(try store.lines(runID: second.id).map(\.text) == ["two", "three"])
    }

    @Test func retentionKeepsTheNewestRunsWithinCountAndSize() throws {
        let store = try store()
        for index in 1...6 {
            let run = try store.startRun(jobID: "a", at: .iso("2026-03-01T10:00:00Z"))
            try store.append(runID: run.id, lines: Self.lines([String(repeating: "x", count: 1000 * index)]))
            try store.finishRun(runID: run.id, at: .iso("2026-03-01T10:00:01Z"), result: .succeeded)
        }
        let deleted = try store.applyRetention(jobID: "a", retention: JobRetention(runs: 4, bytes: 12_000))
        // Newest first: 6000 + 5000 fit in 12000 bytes; run 4 would pass it.
        #expect(deleted == [4, 3, 2, 1])
        #expect(try store.runs(jobID: "a").map(\.number) == [6, 5])
        let gone = try store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM job_lines") }
        #expect(gone == 2)
    }

    @Test func aRunningRunIsNeverDeletedAndAbandonedAfterARestart() throws {
        let store = try store()
        let running = try store.startRun(jobID: "a", at: .iso("2026-03-01T10:00:00Z"))
        try store.append(runID: running.id, lines: Self.lines([String(repeating: "y", count: 5000)]))
        #expect(try store.applyRetention(jobID: "a", retention: JobRetention(runs: 1, bytes: 10)).isEmpty)
        #expect(try store.abandonRunning(at: .iso("2026-03-01T11:00:00Z")) == 1)
        #expect(try store.run(jobID: "a")?.result == .abandoned)
    }
}
