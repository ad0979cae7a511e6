import Foundation
import PromQL
import SwitchboardCore
import Testing

@testable import Monitor

/// The engine works out the SLO status of each interface with an SLO into its statistics, keeps
/// the longest burn-rate window in its store, and loads the generated SLO rules.
@Suite struct EngineSLOTests {
    static func landscape(slo: ServiceLevelObjective?) -> Landscape {
        var orders = Interface(
            id: "orders", name: "Orders", from: "shop", to: "erp", kind: .rest,
            checks: [Check(id: "orders-cmd", probe: .command(CommandProbeSettings(arguments: ["/bin/false"])))])
        orders.slo = slo
        return Landscape(
            name: "t", systems: [System(id: "shop", name: "Shop"), System(id: "erp", name: "ERP")],
            interfaces: [orders])
    }

    @Test func aFailedRunAfterNineGoodOnesShowsInTheBudgetAndBurnRates() async throws {
        let engine = MonitorEngine(landscape: Self.landscape(slo: ServiceLevelObjective(objective: 0.99)))
        defer { Task { await engine.shutdown() } }
        #expect(engine.store.retentionMilliseconds > 3 * 86_400_000, "the store keeps the 3d window")
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        // Five good runs 6 to 9.5 minutes ago and four in the last 40 s, oldest first (the store takes samples
        // in order): the windows hold the same runs however late a loaded machine makes the failed run below.
        for secondsAgo in [570, 540, 480, 420, 360, 40, 30, 20, 10] {
            _ = engine.store.append(
                [Sample("probe_success", ["interface": "orders", "check": "orders-cmd", "system": "erp"], 1)],
                at: now - Int64(secondsAgo) * 1000)
        }
        let before = engine.snapshot.version
        _ = await engine.runAllOnce()
        let snapshot = engine.snapshot
        let slo = try #require(snapshot.interfaces[0].stats.slo)
        // 1 failure in 10 runs: an SLI of 90% against 99%, nine budgets overspent.
        #expect(abs((slo.sli ?? 0) - 0.9) < 1e-9)
        #expect(abs((slo.budgetRemaining ?? 0) + 9) < 1e-9)
        // The chart's trail: untouched for 28 days, then spent with the same runs.
        #expect(slo.budgetTrail?.first == 1 && slo.budgetTrail?.last == -9)
        // Over 5 minutes 1 of 5 runs failed (burn rate 20), over the hour 1 of 10 (10): the 1h/5m pair stays below 14.4.
        #expect(abs((slo.pairs[0].shortRate ?? 0) - 20) < 1e-9)
        #expect(abs((slo.pairs[0].longRate ?? 0) - 10) < 1e-9)
        #expect(!slo.pairs[0].isBurning)
        // Over 6h and 30m alike 1 of 10 runs failed (10, above 6): the 6h/30m pair pages.
        #expect(slo.pairs[1].isBurning && slo.burning == "page")
        #expect(snapshot.version > before)
    }

    @Test func withoutAnSLOTheStoreKeepsItsHourAndTheStatsNoStatus() async throws {
        let engine = MonitorEngine(landscape: Self.landscape(slo: nil))
        defer { Task { await engine.shutdown() } }
        #expect(engine.store.retentionMilliseconds == 3_600_000)
        _ = await engine.runAllOnce()
        #expect(engine.snapshot.interfaces[0].stats.slo == nil)
    }
}
