import Foundation
import GRDB
import SwitchboardCore
import Testing

@testable import Monitor

/// Buckets, percentiles, batching, merging after a restart, retention and failed writes.
@Suite struct HistoryRecorderTests {
    /// A multiple of 300: the start of a bucket.
    static let base = Date(timeIntervalSince1970: 1_800_000_000)

    static func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try StateDatabase.migrator([HistoryMigrations.self]).migrate(queue)
        return queue
    }

    static func rows(_ db: some DatabaseReader) throws -> [CheckBucket] {
        try db.read { try CheckBucket.order(Column("check_id"), Column("bucket_start")).fetchAll($0) }
    }

    @Test func aClosedBucketHoldsItsRunsFailuresAndPercentiles() throws {
        let db = try Self.database()
        let history = HistoryRecorder(database: db)
        for run in 0..<30 {
            history.record(
                checkID: "a", startedAt: Self.base.addingTimeInterval(Double(run * 10)), up: run % 10 != 0,
                seconds: Double(run + 1) / 10)
        }
        history.record(checkID: "a", startedAt: Self.base.addingTimeInterval(301), up: true, seconds: 0.2)
        #expect(history.write(now: Self.base.addingTimeInterval(302)))
        let rows = try Self.rows(db)
        #expect(
            rows == [
                CheckBucket(
                    checkID: "a", start: 1_800_000_000, runs: 30, failures: 3, latencyP50: 1.5, latencyP95: 2.9,
                    latencyMax: 3.0)
            ], "the open bucket stays in memory")
    }

    @Test func aFastCheckKeepsABoundedSampleAndTheExactMaximum() throws {
        let db = try Self.database()
        let history = HistoryRecorder(database: db)
        for run in 0..<3000 {
            history.record(
                checkID: "fast", startedAt: Self.base.addingTimeInterval(Double(run) / 10), up: true,
                seconds: Double(run % 1000 + 1) / 1000)
        }
        history.write(now: Self.base.addingTimeInterval(300))
        let bucket = try #require(try Self.rows(db).first)
        #expect(bucket.runs == 3000)
        #expect(bucket.latencyMax == 1.0)
        #expect(abs(bucket.latencyP50 - 0.5) < 0.2)
        #expect(bucket.latencyP95 > 0.7)
    }

    @Test func bucketsAreWrittenInBatchesNotOnePerResult() throws {
        let db = try Self.database()
        let history = HistoryRecorder(database: db)
        for second in stride(from: 0, to: 900, by: 10) {
            let at = Self.base.addingTimeInterval(Double(second))
            for check in 0..<100 { history.record(checkID: "c\(check)", startedAt: at, up: true, seconds: 0.1) }
            history.write(now: at.addingTimeInterval(5))
        }
        history.write(now: Self.base.addingTimeInterval(900), includingOpen: true)
        #expect(try Self.rows(db).count == 300)
        #expect(try Self.rows(db).allSatisfy { $0.runs == 30 })
        #expect(history.transactions == 3, "one transaction per closing of the buckets, for 9,000 results")
    }

    @Test func aRestartMidBucketMergesBothParts() throws {
        let db = try Self.database()
        let before = HistoryRecorder(database: db)
        for run in 0..<10 {
            before.record(
                checkID: "a", startedAt: Self.base.addingTimeInterval(Double(run * 10)), up: run >= 2, seconds: 1)
        }
        #expect(before.write(now: Self.base.addingTimeInterval(100), includingOpen: true))
        let after = HistoryRecorder(database: db)
        for run in 10..<30 {
            after.record(checkID: "a", startedAt: Self.base.addingTimeInterval(Double(run * 10)), up: true, seconds: 4)
        }
        #expect(after.write(now: Self.base.addingTimeInterval(300)))
        #expect(
            try Self.rows(db) == [
                CheckBucket(
                    checkID: "a", start: 1_800_000_000, runs: 30, failures: 2, latencyP50: 3, latencyP95: 3,
                    latencyMax: 4)
            ], "runs and failures add up; p50 and p95 are the run-weighted means (10×1 + 20×4) / 30")
    }

    @Test func flushingTwiceNeverCountsARunTwice() throws {
        let db = try Self.database()
        let history = HistoryRecorder(database: db)
        history.record(checkID: "a", startedAt: Self.base, up: true, seconds: 1)
        history.write(now: Self.base.addingTimeInterval(10), includingOpen: true)
        history.write(now: Self.base.addingTimeInterval(20), includingOpen: true)
        history.record(checkID: "a", startedAt: Self.base.addingTimeInterval(30), up: false, seconds: 1)
        history.write(now: Self.base.addingTimeInterval(40), includingOpen: true)
        #expect(
            try Self.rows(db).map { RunCount(runs: $0.runs, failures: $0.failures) } == [RunCount(runs: 2, failures: 1)]
        )
    }

    @Test func bucketsOlderThanTheRetentionAreDeleted() throws {
        let db = try Self.database()
        let now = Self.base
        try db.write { db in
            for check in ["a", "b"] {
                for day in [1, 34, 36, 60] {
                    try CheckBucket(
                        checkID: check, start: Int64(now.timeIntervalSince1970) - Int64(day * 86400), runs: 1,
                        failures: 0, latencyP50: 1, latencyP95: 1, latencyMax: 1
                    ).merge(into: db)
                }
            }
        }
        let history = HistoryRecorder(database: db, retention: .seconds(35 * 86400))
        #expect(history.write(now: now))
        let days = try Self.rows(db).map { (Int64(now.timeIntervalSince1970) - $0.start) / 86400 }
        #expect(days == [34, 1, 34, 1])
    }

    @Test func aFailedWriteKeepsTheBucketsUntilAWriteSucceeds() throws {
        let db = try Self.database()
        let history = HistoryRecorder(database: db)
        for run in 0..<30 {
            history.record(
                checkID: "a", startedAt: Self.base.addingTimeInterval(Double(run * 10)), up: true, seconds: 1)
        }
        try db.write { try $0.execute(sql: "ALTER TABLE check_bucket RENAME TO moved_away") }
        #expect(!history.write(now: Self.base.addingTimeInterval(300)))
        #expect(!history.write(now: Self.base.addingTimeInterval(310)))
        try db.write { try $0.execute(sql: "ALTER TABLE moved_away RENAME TO check_bucket") }
        #expect(history.write(now: Self.base.addingTimeInterval(320)))
        #expect(try Self.rows(db).map(\.runs) == [30])
    }
}
