import Demo
import Foundation
import SwitchboardCore
import Testing

@testable import Monitor

/// The demo's `health.conditions` fire during their fault episodes: an engine over the demo config
/// scrapes the broker's pages at moments of the demo's manual clock and evaluates its conditions.
@Suite struct DemoConditionsTests {
    /// The interface whose lag condition watches each consumer group.
    static let lagInterfaces = [
        "crm-order-events": "order-events-crm", "mes-production-orders": "prod-order-events-mes",
        "erp-shipment-events": "shipment-events-erp",
    ]

    static func withEngine(
        seed: UInt64, clock: ManualDemoClock, _ body: @Sendable (DemoLandscape, MonitorEngine) async throws -> Void
    ) async throws {
        try await DemoLandscape.withLandscape(seed: seed, clock: clock) { demo in
            var landscape = try ConfigLoader(environment: demo.environment).load(
                file: try DemoLandscape.configFileURL(environment: [:]).path)
            // The demo's 2 s timeouts are for a live console; a loaded test machine gets longer.
            for index in landscape.systems.indices {
                for check in landscape.systems[index].checks.indices {
                    landscape.systems[index].checks[check].timeout = .seconds(120)
                }
            }
            #expect(HealthConditionTemplates.errors(in: landscape).isEmpty)
            let engine = MonitorEngine(landscape: landscape)
            do {
                try await body(demo, engine)
            } catch {
                await engine.shutdown()
                throw error
            }
            await engine.shutdown()
        }
    }

    /// Whether the broker's scrape `id` brought its page in at its newest run.
    static func scraped(_ engine: MonitorEngine, _ id: String) -> Bool {
        engine.snapshot.system("broker")?.checks.first { $0.id == id }?.last?.up == true
    }

    static func state(_ engine: MonitorEngine, _ id: String) -> InterfaceStatus? {
        engine.snapshot.interfaces.first { $0.id == id }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func aLagEpisodeTurnsItsInterfaceDownWithinFiveMinutesAndBack(seed: UInt64) async throws {
        let timeline = FaultTimeline(seed: seed)
        let episode = try #require(timeline.episodes.first { $0.kind == .consumerLag })
        // The condition is evaluated every 15 s and the broker scraped every 5 s.
        #expect(episode.start + .seconds(20) < .seconds(300), "the first lag episode starts at \(episode.start)")
        let group = try #require(episode.target.consumerGroup)
        let id = try #require(Self.lagInterfaces[group])
        let clock = ManualDemoClock(episode.start + .seconds(10))
        try await Self.withEngine(seed: seed, clock: clock) { _, engine in
            _ = await engine.perform(.checkNow(target: "broker"))
            #expect(Self.scraped(engine, "broker-metrics"))
            engine.evaluateConditions(now: Date())
            let lagging = try #require(Self.state(engine, id))
            #expect(lagging.state == .down)
            #expect(lagging.reason?.hasPrefix("consumer group \(group) is ") == true, "\(lagging.reason ?? "")")
            #expect(lagging.reason?.hasSuffix(" messages behind") == true)

            clock.set(episode.end + .seconds(5))
            _ = await engine.perform(.checkNow(target: "broker"))
            engine.evaluateConditions(now: Date())
            #expect(Self.state(engine, id)?.reason?.contains("messages behind") != true)
            #expect(Self.state(engine, id)?.state != .down)
        }
    }

    @Test func deadLettersTurnTheGoodsReceiptsDegradedWhileTheQueueFills() async throws {
        let timeline = FaultTimeline(seed: 1)
        let episode = try #require(timeline.episodes.first { $0.kind == .deadLetters })
        let clock = ManualDemoClock(episode.start - .seconds(2))
        try await Self.withEngine(seed: 1, clock: clock) { _, engine in
            _ = await engine.perform(.checkNow(target: "broker"))
            engine.evaluateConditions(now: Date())
            #expect(Self.state(engine, "goods-receipts-mes-wms")?.state != .degraded, "nothing dead-lettered yet")

            clock.set(episode.start + .seconds(20))
            _ = await engine.perform(.checkNow(target: "broker"))
            #expect(Self.scraped(engine, "broker-rabbitmq-metrics"))
            engine.evaluateConditions(now: Date())
            let filling = try #require(Self.state(engine, "goods-receipts-mes-wms"))
            #expect(filling.state == .degraded)
            #expect(filling.reason?.hasSuffix("goods receipts dead-lettered in the last minute") == true)
        }
    }
}
