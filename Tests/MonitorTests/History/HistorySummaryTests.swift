import Foundation
import GRDB
import SwitchboardCore
import Testing

@testable import Monitor

/// Availability over 1 h, 24 h, 7 d and 30 d, and the 24-hour strip, from stored and open buckets.
@Suite struct HistorySummaryTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000 + 150)
    static let current: Int64 = 1_800_000_000

    /// Stores a bucket of check `check` that started `ago` seconds before the current bucket.
    static func store(_ check: String, ago: Int64, runs: Int, failures: Int, in db: some DatabaseWriter) throws {
        try db.write { db in
            try CheckBucket(
                checkID: check, start: current - ago, runs: runs, failures: failures, latencyP50: 0.1,
                latencyP95: 0.2, latencyMax: 0.3
            ).merge(into: db)
        }
    }

    @Test func windowsAddUpTheBucketsOfEveryCheckOfAnInterface() throws {
        let db = try HistoryRecorderTests.database()
        try Self.store("a", ago: 300, runs: 10, failures: 1, in: db)  // last hour
        try Self.store("b", ago: 600, runs: 10, failures: 0, in: db)  // last hour, the other check
        try Self.store("a", ago: 2 * 86400, runs: 10, failures: 10, in: db)  // the week
        try Self.store("b", ago: 10 * 86400, runs: 20, failures: 0, in: db)  // the month
        try Self.store("a", ago: 40 * 86400, runs: 50, failures: 50, in: db)  // beyond every window
        try Self.store("other", ago: 300, runs: 10, failures: 10, in: db)  // not the interface's
        let history = HistoryRecorder(database: db)
        history.record(checkID: "a", startedAt: Self.now, up: false, seconds: 0.1)  // open, in memory
        let summary = try history.summary(of: ["a", "b"], now: Self.now)
        #expect(summary.counts[.hour] == RunCount(runs: 21, failures: 2))
        #expect(summary.counts[.day] == RunCount(runs: 21, failures: 2))
        #expect(summary.counts[.week] == RunCount(runs: 31, failures: 12))
        #expect(summary.counts[.month] == RunCount(runs: 51, failures: 12))
        #expect(summary.availability(.month) == 39.0 / 51.0)
    }

    @Test func theStripHasACellPerFiveMinutesWithItsState() throws {
        let db = try HistoryRecorderTests.database()
        try Self.store("a", ago: 300, runs: 10, failures: 0, in: db)
        try Self.store("a", ago: 600, runs: 10, failures: 3, in: db)
        try Self.store("a", ago: 900, runs: 10, failures: 10, in: db)
        try Self.store("a", ago: 86400, runs: 10, failures: 10, in: db)  // just outside the 24 hours
        let history = HistoryRecorder(database: db)
        let cells = try history.summary(of: ["a"], now: Self.now).strip.cells
        #expect(cells.count == 288)
        #expect(Array(cells.suffix(4)) == [.down, .degraded, .ok, .noData])
        #expect(cells.dropLast(4).allSatisfy { $0 == .noData })
    }

    @Test func aBucketWaitingToBeWrittenIsCountedOnce() throws {
        let db = try HistoryRecorderTests.database()
        let history = HistoryRecorder(database: db)
        history.record(checkID: "a", startedAt: Self.now.addingTimeInterval(-300), up: true, seconds: 0.1)
        history.record(checkID: "a", startedAt: Self.now, up: true, seconds: 0.1)  // closes the one before
        #expect(try history.summary(of: ["a"], now: Self.now).counts[.day] == RunCount(runs: 2))
        history.write(now: Self.now)
        #expect(try history.summary(of: ["a"], now: Self.now).counts[.day] == RunCount(runs: 2))
    }

    /// Between two reads of the database the cached figures still take every result, and a bucket
    /// written in between is counted once: not lost with the memory, not twice with the database.
    @Test func theCachedSummaryMovesWithEveryResultAndCountsWrittenBucketsOnce() throws {
        let db = try HistoryRecorderTests.database()
        let history = HistoryRecorder(database: db)
        history.record(checkID: "a", startedAt: Self.now.addingTimeInterval(-600), up: true, seconds: 0.1)
        history.write(now: Self.now.addingTimeInterval(-300))
        history.record(checkID: "a", startedAt: Self.now.addingTimeInterval(-300), up: true, seconds: 0.1)
        #expect(history.cachedSummary(of: "i", checks: ["a"], now: Self.now)?.counts[.day] == RunCount(runs: 2))
        // Within the cache's age: a failure arrives, the bucket before is written, another failure arrives.
        history.record(checkID: "a", startedAt: Self.now, up: false, seconds: 0.1)
        history.write(now: Self.now.addingTimeInterval(1))
        history.record(checkID: "a", startedAt: Self.now.addingTimeInterval(2), up: false, seconds: 0.1)
        let later = history.cachedSummary(of: "i", checks: ["a"], now: Self.now.addingTimeInterval(3))
        #expect(later?.counts[.day] == RunCount(runs: 4, failures: 2))
        #expect(later?.counts[.month] == RunCount(runs: 4, failures: 2))
        // And after the cache has aged, the same figures from a new read.
        let reread = history.cachedSummary(of: "i", checks: ["a"], now: Self.now.addingTimeInterval(61))
        #expect(reread?.counts[.day] == RunCount(runs: 4, failures: 2))
    }
}
