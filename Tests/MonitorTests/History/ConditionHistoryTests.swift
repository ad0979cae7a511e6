import Foundation
import GRDB
import SwitchboardCore
import Testing

@testable import Monitor

/// The time `health.conditions` held an interface DOWN or DEGRADED is kept in the state database
/// beside its checks' buckets, each evaluation's outcome holding until the next, and shows in the
/// interface's 24-hour strip.
@Suite struct ConditionHistoryTests {
    static let lagCondition = HealthCondition(
        when: #"sum(kafka_consumergroup_lag{consumergroup="erp-orders"}) > 10000"#, state: .down,
        reason: "consumer lag {{ $value }}")
    /// The start of a 5-minute bucket.
    static let bucket = Date(timeIntervalSince1970: 1_800_000_000)
    static let landscape = Landscape(
        name: "Conditions", systems: [System(id: "bus", name: "Bus"), System(id: "erp", name: "ERP")],
        interfaces: [
            Interface(
                id: "orders", name: "Orders", from: "bus", to: "erp", kind: .kafka,
                checks: [Check(id: "orders-tcp", probe: .tcp(TCPProbeSettings(address: "127.0.0.1:9")))],
                health: HealthThresholds(conditions: [lagCondition]))
        ])

    static func engine(_ directory: URL) throws -> MonitorEngine {
        try MonitorEngine(landscape: landscape, ruleGroups: [], stateDatabase: StateDatabase(directory: directory))
    }

    /// Sets the lag and evaluates the conditions at `offset` seconds after `bucket`.
    static func evaluate(_ engine: MonitorEngine, lag: Double, at offset: TimeInterval) {
        let time = bucket + offset
        engine.store.append(
            [Sample("kafka_consumergroup_lag", ["consumergroup": "erp-orders"], lag)],
            at: Int64(time.timeIntervalSince1970 * 1000))
        engine.evaluateConditions(now: time)
    }

    static func stored(_ directory: URL) throws -> [ConditionBucket] {
        try StateDatabase(directory: directory).pool.read { db in
            try ConditionBucket.order(Column("bucket_start")).fetchAll(db)
        }
    }

    static func strip(_ engine: MonitorEngine, now: Date) throws -> HistoryStrip {
        let work = MonitorEngine.StatsWork(interface: landscape.interfaces[0], histories: [], throughputOnly: nil)
        return try #require(engine.stats(of: [work], now: now)["orders"]).strip
    }

    static func directory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("sb-condition-history-\(UUID())")
    }

    @Test func aConditionHeldForSixEvaluationsIsStoredAsItsSecondsInTheBucketsItSpans() async throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let engine = try Self.engine(directory)
        // Every 15 s from 4 min into a bucket: DOWN for six evaluations (240 s to 330 s), then clear.
        for step in 0...8 {
            Self.evaluate(engine, lag: step < 6 ? 20000 : 10, at: 240 + 15 * Double(step))
        }
        let now = Self.bucket + 360
        let strip = try Self.strip(engine, now: now)
        #expect(strip.cells.suffix(3) == [.noData, .down, .degraded], "from memory, before any write")
        engine.flushHistory(now: now)
        await engine.shutdown()

        let start = Int64(Self.bucket.timeIntervalSince1970)
        #expect(
            try Self.stored(directory) == [
                ConditionBucket(
                    owner: "interface:orders", start: start, evaluatedSeconds: 60, downSeconds: 60, degradedSeconds: 0),
                ConditionBucket(
                    owner: "interface:orders", start: start + 300, evaluatedSeconds: 60, downSeconds: 30,
                    degradedSeconds: 0),
            ])
        let reopened = try Self.engine(directory)
        defer { Task { await reopened.shutdown() } }
        let after = try Self.strip(reopened, now: now)
        #expect(after.cells.suffix(3) == [.noData, .down, .degraded], "from the state database")
        #expect(after.cells.dropLast(2).allSatisfy { $0 == .noData })
    }

    @Test func aBucketWrittenAgainAfterARestartAddsTheSecondsOfBoth() async throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try Self.engine(directory)
        for offset in [0.0, 15, 30] { Self.evaluate(first, lag: 20000, at: offset) }
        first.flushHistory(now: Self.bucket + 45)
        await first.shutdown()

        let second = try Self.engine(directory)
        Self.evaluate(second, lag: 20000, at: 100)
        Self.evaluate(second, lag: 20000, at: 115)
        Self.evaluate(second, lag: 10, at: 130)
        second.flushHistory(now: Self.bucket + 140)
        let strip = try Self.strip(second, now: Self.bucket + 140)
        await second.shutdown()

        #expect(
            try Self.stored(directory) == [
                ConditionBucket(
                    owner: "interface:orders", start: Int64(Self.bucket.timeIntervalSince1970), evaluatedSeconds: 85,
                    downSeconds: 75, degradedSeconds: 0)
            ], "45 s DOWN before the restart, 30 s DOWN and 10 s clear after")
        #expect(strip.cells.last == .degraded, "DOWN for part of the bucket")
    }

    @Test func closedBucketsAreWrittenWithTheChecksAndTheOpenOneStaysInMemory() async throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let engine = try Self.engine(directory)
        defer { Task { await engine.shutdown() } }
        let history = try #require(engine.history)
        for step in 0...4 { Self.evaluate(engine, lag: 20000, at: 270 + 15 * Double(step)) }
        history.record(checkID: "orders-tcp", startedAt: Self.bucket + 280, up: true, seconds: 0.01)
        let before = history.transactions
        history.write(now: Self.bucket + 331)
        #expect(history.transactions == before + 1, "checks and conditions in one transaction")
        let stored = try Self.stored(directory)
        #expect(stored.map(\.downSeconds) == [30], "the bucket under way is not written yet")
        #expect(try Self.strip(engine, now: Self.bucket + 331).cells.suffix(2) == [.down, .down])
    }

    @Test func aBucketsConditionCellFollowsTheRuleOfFailedRuns() {
        #expect(HistoryCell(evaluatedSeconds: 0, downSeconds: 0, degradedSeconds: 0) == .noData)
        #expect(HistoryCell(evaluatedSeconds: 300, downSeconds: 0, degradedSeconds: 0) == .ok)
        #expect(HistoryCell(evaluatedSeconds: 300, downSeconds: 0, degradedSeconds: 15) == .degraded)
        #expect(HistoryCell(evaluatedSeconds: 300, downSeconds: 15, degradedSeconds: 0) == .degraded)
        #expect(HistoryCell(evaluatedSeconds: 300, downSeconds: 150, degradedSeconds: 150) == .degraded)
        #expect(HistoryCell(evaluatedSeconds: 120, downSeconds: 120, degradedSeconds: 0) == .down)
    }
}

/// The recorder's part: failed writes, retention and the hold limit, on an in-memory database.
@Suite struct ConditionRecorderTests {
    static let base = ConditionHistoryTests.bucket

    static func rows(_ db: some DatabaseReader) throws -> [ConditionBucket] {
        try db.read { try ConditionBucket.order(Column("owner"), Column("bucket_start")).fetchAll($0) }
    }

    @Test func aFailedWriteKeepsTheConditionSecondsUntilAWriteSucceeds() throws {
        let db = try HistoryRecorderTests.database()
        let history = HistoryRecorder(database: db)
        for step in 0...20 { history.record(conditions: ["system:erp": .degraded], at: Self.base + 15 * Double(step)) }
        try db.write { try $0.execute(sql: "ALTER TABLE condition_bucket RENAME TO moved_away") }
        #expect(!history.write(now: Self.base + 300))
        history.record(conditions: ["system:erp": .degraded], at: Self.base + 315)
        #expect(!history.write(now: Self.base + 600))
        try db.write { try $0.execute(sql: "ALTER TABLE moved_away RENAME TO condition_bucket") }
        #expect(history.write(now: Self.base + 601))
        #expect(try Self.rows(db).map(\.degradedSeconds) == [300, 15], "nothing lost, nothing counted twice")
    }

    @Test func anOutcomeHoldsAtMostAMinuteWithoutANextEvaluation() throws {
        let db = try HistoryRecorderTests.database()
        let history = HistoryRecorder(database: db)
        history.record(conditions: ["interface:orders": .down], at: Self.base)
        history.record(conditions: ["interface:orders": .ok], at: Self.base + 3600)
        history.write(now: Self.base + 3600, includingOpen: true)
        #expect(try Self.rows(db).map(\.downSeconds) == [60], "a suspended process does not count its hour")
    }

    @Test func conditionBucketsOlderThanTheRetentionAreDeleted() throws {
        let db = try HistoryRecorderTests.database()
        let now = Int64(Self.base.timeIntervalSince1970)
        try HistoryRecorder(database: db).store(
            [],
            conditions: [1, 34, 36, 60].map {
                ConditionBucket(
                    owner: "interface:orders", start: now - Int64($0 * 86400), evaluatedSeconds: 300, downSeconds: 300,
                    degradedSeconds: 0)
            })
        #expect(HistoryRecorder(database: db, retention: .seconds(35 * 86400)).write(now: Self.base))
        #expect(try Self.rows(db).map { (now - $0.start) / 86400 } == [34, 1])
    }
}
