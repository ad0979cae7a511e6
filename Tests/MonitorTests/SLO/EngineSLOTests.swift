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
        // Nine good runs in the last nine seconds, oldest first (the store takes samples in order): every
        // window from 5m up holds all ten runs however long the failed run below takes on a busy machine.
        for second in (1...9).reversed() {
            _ = engine.store.append(
                [Sample("probe_success", ["interface": "orders", "check": "orders-cmd", "system": "erp"], 1)],
                at: now - Int64(second) * 1000)
        }
        let before = engine.snapshot.version
        _ = await engine.runAllOnce()
        let snapshot = engine.snapshot
        let slo = try #require(snapshot.interfaces[0].stats.slo)
        // 1 failure in 10 runs: an SLI of 90% against 99%, nine budgets overspent, and a burn rate of 10
        // over every window: below 14.4 (1h/5m), above 6 (6h/30m, which pages).
        #expect(abs((slo.sli ?? 0) - 0.9) < 1e-9)
        #expect(abs((slo.budgetRemaining ?? 0) + 9) < 1e-9)
        for pair in slo.pairs {
            #expect(abs((pair.longRate ?? 0) - 10) < 1e-9 && abs((pair.shortRate ?? 0) - 10) < 1e-9, "\(pair)")
        }
        #expect(!slo.pairs[0].isBurning && slo.pairs[1].isBurning)
        #expect(slo.burning == "page")
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
