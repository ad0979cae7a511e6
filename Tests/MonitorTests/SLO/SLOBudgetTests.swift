import Foundation
import GRDB
import SwitchboardCore
import Testing

@testable import Monitor

/// The error budget left: 1 − (1 − SLI)/(1 − objective), over the store alone or, for a window
/// longer than the store reaches, with the history's older buckets.
@Suite struct SLOBudgetTests {
    static let now = Date(timeIntervalSince1970: 1_900_000_200)

    static func interface(_ slo: ServiceLevelObjective) -> Interface {
        var interface = Interface(
            id: "orders", name: "Orders", from: "shop", to: "erp", kind: .rest,
            checks: [Check(id: "c", probe: .tcp(TCPProbeSettings(address: "127.0.0.1:9")))])
        interface.slo = slo
        return interface
    }

    /// `runs` runs of check `c`, one a minute up to `now`, the first `failures` of them failed.
    static func store(runs: Int, failures: Int) -> SeriesStore {
        let store = SeriesStore(retention: .seconds(4 * 86_400))
        for run in 0..<runs {
            let at = Int64((now.timeIntervalSince1970 - Double((runs - run) * 60)) * 1000)
            _ = store.append(
                [Sample("probe_success", ["interface": "orders", "check": "c"], run < failures ? 0 : 1)], at: at)
        }
        return store
    }

    @Test func halfTheBudgetIsLeftWhenHalfOfItFailed() {
        // 99% over 1d: 1000 runs may see 10 failures; 5 did, so half of the budget is left.
        let slo = ServiceLevelObjective(objective: 0.99, window: .seconds(86_400))
        let evaluator = SLOEvaluator(
            store: Self.store(runs: 1000, failures: 5), history: nil, storeReach: .seconds(3 * 86_400))
        let status = evaluator.status(of: Self.interface(slo), slo, now: Self.now)
        #expect(abs((status.sli ?? 0) - 0.995) < 1e-9)
        #expect(abs((status.budgetRemaining ?? 0) - 0.5) < 1e-9)
        #expect(status.burning == nil)
    }

    @Test func aWindowLongerThanTheStoreAddsTheHistorysOlderBuckets() throws {
        // 99% over 28d: 1000 runs ten days ago with 10 failures (history), 1000 recent runs without (store):
        // 10 failures in 2000 runs, half of the 1% budget.
        let database = try DatabaseQueue()
        try StateDatabase.migrator([HistoryMigrations.self]).migrate(database)
        let history = HistoryRecorder(database: database)
        let tenDaysAgo = CheckBucket.start(of: Int64(Self.now.timeIntervalSince1970) - 10 * 86_400)
        try history.store([
            CheckBucket(
                checkID: "c", start: tenDaysAgo, runs: 1000, failures: 10, latencyP50: 0.1, latencyP95: 0.1,
                latencyMax: 0.1),
            // A bucket inside the store's reach is the store's to count, not counted twice.
            CheckBucket(
                checkID: "c", start: CheckBucket.start(of: Int64(Self.now.timeIntervalSince1970) - 3600), runs: 60,
                failures: 60, latencyP50: 0.1, latencyP95: 0.1, latencyMax: 0.1),
        ])
        let slo = ServiceLevelObjective(objective: 0.99)
        let evaluator = SLOEvaluator(
            store: Self.store(runs: 1000, failures: 0), history: history, storeReach: .seconds(3 * 86_400))
        let status = evaluator.status(of: Self.interface(slo), slo, now: Self.now)
        #expect(abs((status.budgetRemaining ?? 0) - 0.5) < 1e-9)
    }

    @Test func noRunsNoBudgetFigure() {
        let slo = ServiceLevelObjective(objective: 0.99)
        let status = SLOEvaluator(store: SeriesStore(), history: nil, storeReach: .seconds(3600))
            .status(of: Self.interface(slo), slo, now: Self.now)
        #expect(status.budgetRemaining == nil && status.sli == nil)
        #expect(status.pairs.allSatisfy { $0.longRate == nil })
    }
}
