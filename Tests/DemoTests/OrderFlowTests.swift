import Foundation
import Monitor
import SwitchboardCore
import Synchronization
import Testing

@testable import Demo

/// The demo's `order-to-erp` flow, as its config has it, against the demo's shop and ERP: it passes
/// while they are healthy and times out during the timeline's `lost_orders` episode.
@Suite struct OrderFlowTests {
    /// A demo clock that moves on by `step` each time a server reads it, so that the ERP posts an
    /// order after a few lookups whatever the speed of the machine.
    final class SteppingDemoClock: DemoClock {
        private let now: Mutex<Duration>
        let step: Duration

        init(_ start: Duration, step: Duration = .milliseconds(500)) {
            now = Mutex(start)
            self.step = step
        }

        func elapsed() -> Duration {
            now.withLock { now in
                defer { now += step }
                return now
            }
        }
    }

    /// The demo config's flow check, its `within` and `poll` shortened for a test, its timeout lengthened.
    func orderFlow(_ demo: DemoLandscape, within: Duration) throws -> Check {
        let text = try String(contentsOf: DemoConfigTests.examplesFile, encoding: .utf8)
        let landscape = try ConfigLoader(environment: demo.environment).load(yaml: text, file: "demo.yaml")
        let interface = try #require(landscape.interfaces.first { $0.id == "web-orders-shop-erp" })
        var check = try #require(interface.checks.first { $0.id == "order-to-erp" })
        guard case .flow(var flow) = check.probe else {
            Issue.record("order-to-erp is not a flow")
            return check
        }
        #expect(flow.within == .seconds(10) && flow.poll == .seconds(1), "as the demo runs it")
        flow.within = within
        flow.poll = .milliseconds(10)
        check.probe = .flow(flow)
        check.timeout = .seconds(60)  // a busy machine may take longer than the demo's 2 s to answer
        return check
    }

    func run(_ check: Check) async -> ProbeOutcome {
        let clients = HTTPClients()
        defer { Task { await clients.shutdown() } }
        return await ProbeFactory(clients: clients).probe(for: check, target: "ERP").run(timeout: check.timeout)
    }

    /// The first second from which neither the shop nor the ERP has a fault for 15 s.
    func calmMoment(_ timeline: FaultTimeline) throws -> Duration {
        let calm = (0..<240).first { second in
            (second..<(second + 15)).allSatisfy { moment in
                !timeline.activeEpisodes(at: .seconds(moment)).contains { ["shop", "erp"].contains($0.target.system) }
            }
        }
        return .seconds(try #require(calm))
    }

    @Test func theOrderArrivesWhileTheShopAndERPAreHealthy() async throws {
        let timeline = FaultTimeline(seed: 1)
        let clock = SteppingDemoClock(try calmMoment(timeline))
        try await DemoLandscape.withLandscape(seed: 1, clock: clock, hangDuration: .milliseconds(100)) { demo in
            let outcome = await run(try orderFlow(demo, within: .seconds(60)))
            #expect(outcome.up, "\(outcome.reason)")
            #expect(outcome.reason.hasPrefix("order ") && outcome.reason.contains(" in ERP after "))
            #expect((outcome.flow?.steps.last?.attempts ?? 0) >= 2, "404 until the ERP has posted it")
        }
    }

    @Test func theOrderNeverArrivesDuringTheLostOrdersEpisode() async throws {
        let timeline = FaultTimeline(seed: 1)
        let episode = try #require(timeline.episodes.first { $0.kind == .lostOrders })
        let clock = SteppingDemoClock(episode.start + .seconds(1))
        try await DemoLandscape.withLandscape(seed: 1, clock: clock, hangDuration: .milliseconds(100)) { demo in
            let outcome = await run(try orderFlow(demo, within: .milliseconds(300)))
            #expect(!outcome.up && outcome.errorClass == .flowTimeout, "\(outcome.reason)")
            #expect(outcome.reason.hasPrefix("order ") && outcome.reason.hasSuffix(" not in ERP after 300ms"))
        }
    }

    /// Whatever the seed, a new user of `switchboard demo` sees the flow time out within the first five
    /// minutes: the episode is long enough for a run (every 5 s) to start in it, ends early enough for
    /// that run's 10 s to pass, and the shop is up meanwhile, so the run gets as far as the ERP.
    @Test(arguments: Array(UInt64(1)...UInt64(300)))
    func theLostOrdersEpisodeComesEarlyWithTheShopUp(seed: UInt64) throws {
        let timeline = FaultTimeline(seed: seed)
        let episode = try #require(timeline.episodes.first { $0.kind == .lostOrders })
        #expect(episode.duration >= .seconds(5) && episode.end + .seconds(10) < .seconds(300), "\(episode)")
        let shop = timeline.episodes.filter { $0.target.system == "shop" && $0.overlaps(episode) }
        #expect(shop.isEmpty, "\(shop)")
    }

    @Test func theDaysOrderCountsDivergeAfterTheLostOrdersEpisode() async throws {
        // The first seed whose episode leaves 3 s of its day after it (the counts start again each cycle).
        let (seed, episode) = try #require(
            (UInt64(1)...100).lazy.compactMap { seed -> (UInt64, FaultEpisode)? in
                let timeline = FaultTimeline(seed: seed)
                guard let episode = timeline.episodes.first(where: { $0.kind == .lostOrders }),
                    episode.end + .seconds(3) < timeline.cycle
                else { return nil }
                return (seed, episode)
            }.first)
        let clock = ManualDemoClock(episode.start - .seconds(1))
        try await DemoLandscape.withLandscape(seed: seed, clock: clock, hangDuration: .milliseconds(100)) { demo in
            func counts() async throws -> (shop: Int, erp: Int) {
                let shop = try await Fetch.get("http://127.0.0.1:\(demo.ports["shop"]!)/api/orders/count")
                let erp = try await Fetch.get("http://127.0.0.1:\(demo.ports["erp"]!)/api/orders/count")
                return (Fetch.json(shop)?["count"] as? Int ?? -1, Fetch.json(erp)?["count"] as? Int ?? -1)
            }
            /// The ERP's web count on its `/metrics` page, which `orders-reconciled` reads.
            func scrapedERPCount() async throws -> Int? {
                let page = try await Fetch.get("http://127.0.0.1:\(demo.ports["erp"]!)/metrics")
                let line = page.body.split(separator: "\n").first {
                    $0.hasPrefix(#"erp_orders_posted_today{channel="web"} "#)
                }
                return line.flatMap { $0.split(separator: " ").last }.flatMap { Int($0) }
            }
            let before = try await counts()
            #expect(before.shop > 0 && before.shop - before.erp == 2 * TestOrders.ordersPerSecond, "in transit")
            #expect(try await scrapedERPCount() == before.erp)
            clock.set(episode.end + .seconds(3))
            let after = try await counts()
            #expect(try await scrapedERPCount() == after.erp)
            let lost = Int(episode.duration.seconds) * TestOrders.ordersPerSecond
            let behind = after.shop - after.erp - 2 * TestOrders.ordersPerSecond
            #expect(abs(behind - lost) <= TestOrders.ordersPerSecond, "the episode's orders, to a second: \(after)")
        }
    }
}
