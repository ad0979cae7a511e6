import Demo
import Foundation
import PromQL
import SwitchboardCore
import Testing

@testable import Monitor

/// The demo's SLO burns its budget within the first five minutes: its interface's checks run against
/// the real demo systems on the demo's clock (five seconds a step), their samples feed the generated
/// SLO rules, and the page-severity SLOBurnRate fires during the fault, all on simulated time.
@Suite struct DemoSLOTests {
    static let t0 = Date(timeIntervalSince1970: 1_900_000_000)

    @Test func thePagingBurnRateAlertFiresDuringTheDemosFirstFault() async throws {
        let clock = ManualDemoClock(.zero)
        try await DemoLandscape.withLandscape(seed: 1, clock: clock) { demo in
            let landscape = try ConfigLoader(environment: demo.environment).load(
                file: try DemoLandscape.configFileURL().path)
            let interface = try #require(landscape.interfaces.first { $0.slo != nil }, "the demo has an SLO")
            let store = SeriesStore(retention: .seconds(4 * 86_400))
            let pipeline = try AlertPipeline(
                groups: try SLORuleFile(landscape: landscape).groups(), series: store, database: nil,
                landscape: landscape)
            let clients = HTTPClients()
            let factory = ProbeFactory(clients: clients)
            // A generous timeout: on a busy machine only the demo's fault may fail a run, never the wait.
            let runners = interface.checks.map { check in
                var check = check
                check.timeout = .seconds(60)
                return CheckRunner(
                    owned: OwnedCheck(check: check, system: interface.to, interface: interface.id),
                    probe: factory.probe(for: check))
            }
            var snapshot = Snapshot.empty()
            snapshot.progress = CheckProgress(completed: 1, total: 1)
            var firedAt: Int?
            var budget: Double?
            for second in stride(from: 0, through: 300, by: 5) where firedAt == nil {
                clock.set(.seconds(second))
                let at = Int64((Self.t0.timeIntervalSince1970 + Double(second)) * 1000)
                for runner in runners {
                    _ = store.append(await runner.run(sampleTime: at).samples, at: at)
                }
                let queue = await pipeline.tick(now: Self.t0.addingTimeInterval(Double(second)), snapshot: snapshot).0
                let paging = queue.entries.filter {
                    $0.name == "SLOBurnRate" && $0.state == .firing
                        && $0.labels.contains(LabelPair("severity", "page"))
                }
                if !paging.isEmpty {
                    firedAt = second
                    let slo = try #require(interface.slo)
                    budget =
                        SLOEvaluator(store: store, history: nil, storeReach: .seconds(3 * 86_400))
                        .status(of: interface, slo, now: Self.t0.addingTimeInterval(Double(second)))
                        .budgetRemaining
                }
            }
            await clients.shutdown()
            let fired = try #require(firedAt, "no paging SLOBurnRate in five minutes:\n\(demo.timeline)")
            #expect(
                demo.timeline.episode(system: "erp", path: "/soap/PaymentPosting", at: .seconds(fired)) != nil,
                "fired at \(fired) s, during the ERP's SOAP fault:\n\(demo.timeline)")
            #expect((budget ?? 1) < 0, "minutes of history, most of them failed: the budget is overspent")
        }
    }
}
