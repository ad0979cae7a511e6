import Foundation
import PromQL
import SwitchboardCore
import Testing

@testable import Monitor

/// The generated SLO rules in the alert pipeline on a synthetic clock: a fast burn pages, a slow one
/// only opens a ticket, and recovery resolves the page.
@Suite struct SLOBurnRateAlertTests {
    static let t0 = Date(timeIntervalSince1970: 1_900_000_000)

    static let landscape: Landscape = {
        var orders = Interface(id: "orders", name: "Orders", from: "shop", to: "erp", kind: .rest)
        orders.slo = ServiceLevelObjective(objective: 0.995)
        return Landscape(
            name: "t", systems: [System(id: "shop", name: "Shop"), System(id: "erp", name: "ERP")],
            interfaces: [orders])
    }()

    /// A pipeline over the SLO rules of `landscape` and the store it reads.
    struct Fixture {
        let store = SeriesStore(retention: .seconds(4 * 86_400))
        let pipeline: AlertPipeline

        init() throws {
            pipeline = try AlertPipeline(
                groups: try SLORuleFile(landscape: SLOBurnRateAlertTests.landscape).groups(), series: store,
                database: nil, landscape: SLOBurnRateAlertTests.landscape)
        }

        /// One run a minute of the orders check from `start` for `minutes`; `failing(i)` says which fail.
        func feed(from start: TimeInterval, minutes: Int, failing: (Int) -> Bool) {
            for minute in 0..<minutes {
                let at = Int64((SLOBurnRateAlertTests.t0.timeIntervalSince1970 + start + Double(minute * 60)) * 1000)
                _ = store.append(
                    [
                        Sample(
                            "probe_success", ["interface": "orders", "check": "c", "system": "shop"],
                            failing(minute) ? 0 : 1)
                    ],
                    at: at)
            }
        }

        /// The firing SLOBurnRate alerts after an evaluation at `seconds`, as `severity long/short`.
        func firing(at seconds: TimeInterval) async -> Set<String> {
            var snapshot = Snapshot.empty()
            snapshot.progress = CheckProgress(completed: 1, total: 1)
            let queue = await pipeline.tick(
                now: SLOBurnRateAlertTests.t0.addingTimeInterval(seconds), snapshot: snapshot
            ).0
            return Set(
                queue.entries.filter { $0.name == SLORuleFile.alertName && $0.state == .firing }.map { entry in
                    let label = { (name: String) in entry.labels.first { $0.name == name }?.value ?? "?" }
                    return "\(label("severity")) \(label("long_window"))/\(label("short_window")) \(label("interface"))"
                })
        }
    }

    @Test func aFastBurnPagesAndRecoveryResolvesThePage() async throws {
        let fixture = try Fixture()
        fixture.feed(from: 0, minutes: 120) { _ in false }
        #expect(await fixture.firing(at: 120 * 60).isEmpty)
        // Ten minutes of failures: 10 of the last 60 runs fail, a burn rate of 33 over 1h and 200 over 5m.
        fixture.feed(from: 120 * 60, minutes: 10) { _ in true }
        let burning = await fixture.firing(at: 130 * 60)
        #expect(burning.contains("page 1h/5m orders"))
        #expect(burning.contains("page 6h/30m orders"))
        // Forty minutes of success: both short windows of the paging pairs are clean again.
        fixture.feed(from: 130 * 60, minutes: 40) { _ in false }
        let after = await fixture.firing(at: 170 * 60)
        #expect(!after.contains { $0.hasPrefix("page") }, "\(after)")
    }

    @Test func aSlowBurnOnlyOpensATicket() async throws {
        let fixture = try Fixture()
        // One run in forty fails: 2.5% against a budget of 0.5%, a burn rate of 5 everywhere.
        fixture.feed(from: 0, minutes: 8 * 60) { $0 % 40 == 39 }
        let burning = await fixture.firing(at: 8 * 3600)
        #expect(burning == ["ticket 24h/2h orders", "ticket 3d/6h orders"])
    }

    @Test func theAlertCarriesItsBurnRateAndSeverity() async throws {
        let fixture = try Fixture()
        fixture.feed(from: 0, minutes: 60) { $0 >= 50 }
        var snapshot = Snapshot.empty()
        snapshot.progress = CheckProgress(completed: 1, total: 1)
        let queue = await fixture.pipeline.tick(now: Self.t0.addingTimeInterval(3600), snapshot: snapshot).0
        let page = try #require(
            queue.entries.first { entry in entry.labels.contains(LabelPair("long_window", "1h")) })
        // 10 of 60 runs failed: an error ratio of 1/6 over a budget of 0.005.
        #expect(page.annotations["description"]?.hasPrefix("Burn rate 33.3 over 1h") == true)
        #expect(page.labels.contains(LabelPair("severity", "page")))
        #expect(page.labels.contains(LabelPair("short_window", "5m")))
        #expect(page.annotations[SLOBudgetAnnotation.name] == nil, "the snapshot has no SLO status yet")
    }

    @Test func theAlertCarriesTheBudgetItsInterfaceHasLeft() async throws {
        let fixture = try Fixture()
        fixture.feed(from: 0, minutes: 60) { $0 >= 50 }
        var snapshot = Snapshot.empty()
        snapshot.progress = CheckProgress(completed: 1, total: 1)
        var orders = InterfaceStatus(
            id: "orders", name: "Orders", from: "shop", to: "erp", kind: .rest, owner: nil, state: .down, checks: [])
        orders.stats.slo = SLOStatus(
            objective: 0.995, windowSeconds: 28 * 86_400, sli: 0.99, budgetRemaining: -1.0625, pairs: [])
        snapshot.interfaces = [orders]
        let queue = await fixture.pipeline.tick(now: Self.t0.addingTimeInterval(3600), snapshot: snapshot).0
        let pages = queue.entries.filter { $0.name == SLORuleFile.alertName }
        #expect(!pages.isEmpty)
        // As Prometheus' humanizePercentage prints the recorded budget in the printed rule file.
        #expect(pages.allSatisfy { $0.annotations[SLOBudgetAnnotation.name] == "-106.2%" }, "\(pages)")
    }
}
