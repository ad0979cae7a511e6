import Foundation
import GRDB
import SwitchboardCore
import Testing

@testable import Monitor

/// The budget left across the window for the detail's chart: cumulative from the window's start,
/// against all of the window's runs, from the history's buckets and the store as the budget counts them.
@Suite struct SLOBudgetTrailTests {
    static let now = SLOBudgetTests.now
    static let interface = SLOBudgetTests.interface(ServiceLevelObjective(objective: 0.99))

    static func history(_ buckets: [(secondsAfterStart: Int64, runs: Int, failures: Int)], window: Int64) throws
        -> HistoryRecorder
    {
        let database = try DatabaseQueue()
        try StateDatabase.migrator([HistoryMigrations.self]).migrate(database)
        let history = HistoryRecorder(database: database)
        let first = CheckBucket.start(of: Int64(now.timeIntervalSince1970) - window)
        try history.store(
            buckets.map {
                CheckBucket(
                    checkID: "c", start: CheckBucket.start(of: first + $0.secondsAfterStart), runs: $0.runs,
                    failures: $0.failures, latencyP50: 0.1, latencyP95: 0.1, latencyMax: 0.1)
            })
        return history
    }

    @Test func aFailureBurstOnDayThreeDropsTheTrailThereAndItEndsAtTheBudgetLeft() throws {
        // 28 days, 99%: 100 runs a day in the history for the 25 days before the store's reach, 10 of them
        // failed on day 3; 1000 good runs in the store. 10 failures of 35 allowed: 71.43% left from day 3 on.
        let slo = ServiceLevelObjective(objective: 0.99)
        let days = (0..<25).map { day in (Int64(day) * 86_400 + 3600, 100, day == 2 ? 10 : 0) }
        let history = try Self.history(days, window: 28 * 86_400)
        let store = SLOBudgetTests.store(runs: 1000, failures: 0)
        let trail = try #require(
            SLOBudgetTrail(store: store, history: history).points(of: Self.interface, slo, now: Self.now))
        #expect(trail.count == 112, "6 hours a step")
        // Day 3 begins at step 8 (2 days of 4 steps); its bucket an hour in is in step 8.
        #expect(trail[..<8].allSatisfy { $0 == 1 })
        #expect(trail[8...].allSatisfy { $0 == 0.7143 })
        let status = SLOEvaluator(store: store, history: history, storeReach: SLORuleFile.longestWindow)
            .status(of: Self.interface, slo, now: Self.now)
        #expect(abs(trail.last! - status.budgetRemaining!) < 1e-4)
    }

    @Test func aBurstInTheStoreShowsAtItsStep() {
        // 1 day, 99%: 1000 runs a minute apart up to now, the first 5 failed, 16h40m ago (86,400 − 60,000 s
        // after the window's start: step 29 of 96 quarter hours). Half the budget is gone from there on.
        let slo = ServiceLevelObjective(objective: 0.99, window: .seconds(86_400))
        let trail = SLOBudgetTrail(store: SLOBudgetTests.store(runs: 1000, failures: 5), history: nil)
            .points(of: Self.interface, slo, now: Self.now)
        #expect(trail?.count == 96)
        #expect(trail?[..<29].allSatisfy { $0 == 1 } == true)
        #expect(trail?[29...].allSatisfy { $0 == 0.5 } == true)
    }

    @Test func overspentGoesBelowZero() throws {
        // 100 runs, 3 failed against 1 allowed: −200%.
        let slo = ServiceLevelObjective(objective: 0.99)
        let history = try Self.history([(86_400, 100, 3)], window: 28 * 86_400)
        let trail = SLOBudgetTrail(store: SeriesStore(), history: history).points(
            of: Self.interface, slo, now: Self.now)
        #expect(trail?.first == 1 && trail?.last == -2)
    }

    @Test func noRunsOrAGoodTotalSLOHaveNoTrail() throws {
        let history = try Self.history([], window: 28 * 86_400)
        let checks = ServiceLevelObjective(objective: 0.99)
        #expect(
            SLOBudgetTrail(store: SeriesStore(), history: history).points(of: Self.interface, checks, now: Self.now)
                == nil)
        let ratio = ServiceLevelObjective(
            objective: 0.99, window: .seconds(86_400), indicator: .ratio(good: "sum(up)", total: "count(up)"))
        let store = SLOBudgetTests.store(runs: 10, failures: 1)
        #expect(SLOBudgetTrail(store: store, history: nil).points(of: Self.interface, ratio, now: Self.now) == nil)
    }

    @Test func theCacheRecomputesOnlyEveryFiveMinutesOrOnceRunsCameInAndEndsAtTheBudgetNow() {
        let cache = SLOBudgetTrailCache(spreading: false)
        var computed = 0
        func read(_ secondsLater: Double, left: Double? = 1, gives points: [Double]? = [1, 1]) -> [Double]? {
            cache.points(of: "orders", now: Self.now.addingTimeInterval(secondsLater), left: left) {
                computed += 1
                return points
            }
        }
        #expect(read(0, left: nil, gives: nil) == nil && computed == 1)
        #expect(read(10, left: nil) == nil && computed == 1, "no runs yet: nothing to recompute")
        #expect(read(20) == [1, 1] && computed == 2, "the first runs came in")
        #expect(
            read(200, left: 0.123456, gives: [0.5, 0.5]) == [1, 0.1235] && computed == 2, "the budget now ends it")
        #expect(read(320, left: 0.5, gives: [0.5, 0.5]) == [0.5, 0.5] && computed == 3)
        #expect(read(100, left: 0.7, gives: [0.7, 0.7]) == [0.7, 0.7] && computed == 4, "a clock set back")
    }

    @Test func theInterfacesRefreshesSpreadOverTheFiveMinutes() {
        // 1,000 interfaces without runs on the first snapshot, all with runs on the next; then a statistics
        // refresh every 30 s.
        let cache = SLOBudgetTrailCache()
        let keys = (0..<1000).map { "interface-\($0)" }
        for key in keys { _ = cache.points(of: key, now: Self.now, left: nil) { nil } }
        for key in keys { _ = cache.points(of: key, now: Self.now, left: 1) { [1] } }
        var perRefresh: [Int] = []
        for tick in 1...10 {
            var computed = 0
            for key in keys {
                _ = cache.points(of: key, now: Self.now.addingTimeInterval(Double(tick) * 30), left: 1) {
                    computed += 1
                    return [1]
                }
            }
            perRefresh.append(computed)
        }
        #expect(perRefresh.reduce(0, +) == 1000, "each refreshed once in the first 5 minutes: \(perRefresh)")
        #expect(perRefresh.allSatisfy { $0 < 200 }, "never most of them at once: \(perRefresh)")
    }
}
