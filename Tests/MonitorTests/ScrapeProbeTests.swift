import Foundation
import Hummingbird
import NIOCore
import PromQL
import SwitchboardCore
import Synchronization
import TestSupport
import Testing

@testable import Monitor

/// The scrape probe against a real `/metrics` endpoint whose page the test changes between runs.
@Suite struct ScrapeProbeTests {
    final class Page: Sendable {
        private let text = Mutex("")
        var current: String { text.withLock { $0 } }
        func set(_ value: String) { text.withLock { $0 = value } }
    }

    func withTarget(
        _ page: Page, labels: [String: String] = [:], _ body: (ScrapeProbe) async throws -> Void
    ) async throws {
        let server = try await LoopbackServer.start { router in
            router.get("metrics") { _, _ in page.current }
        }
        let clients = HTTPClients()
        let settings = ScrapeProbeSettings(url: server.baseURL + "/metrics", labels: labels)
        try await body(ScrapeProbe(settings: settings, checkID: "broker-metrics", clients: clients))
        await clients.shutdown()
        await server.stop()
    }

    static func sample(_ outcome: ProbeOutcome, _ name: String) -> Sample? {
        outcome.samples.first { $0.name == name }
    }

    @Test func everyLineBecomesASampleWithTheTargetLabels() async throws {
        let page = Page()
        page.set(
            """
            # TYPE kafka_consumergroup_lag gauge
            kafka_consumergroup_lag{group="erp-orders",topic="orders",partition="0"} 1234
            kafka_consumergroup_lag{group="erp-orders",topic="orders",partition="1"} 5 1700000000000
            etl_rows_total{job="nightly",system="dwh"} 9.5e6

            """)
        try await withTarget(page, labels: ["env": "prod"]) { probe in
            let outcome = await probe.run(timeout: .seconds(60))
            #expect(outcome.up)
            #expect(outcome.reason == "3 samples scraped")
            let instance = "127.0.0.1:\(ScrapeProbe.instance(of: probe.settings.url).split(separator: ":")[1])"
            let target: Labels = ["env": "prod", "job": "broker-metrics", "instance": instance]
            #expect(
                outcome.samples.contains(
                    Sample(
                        "kafka_consumergroup_lag",
                        target.merging(["group": "erp-orders", "topic": "orders", "partition": "0"]), 1234)))
            #expect(
                outcome.samples.contains(
                    Sample(
                        "kafka_consumergroup_lag",
                        target.merging(["group": "erp-orders", "topic": "orders", "partition": "1"]), 5,
                        timestampMilliseconds: 1_700_000_000_000)))
            let rows = try #require(Self.sample(outcome, "etl_rows_total"))
            #expect(rows.labels["exported_job"] == "nightly", "a scraped label never overwrites a target label")
            #expect(rows.labels["exported_system"] == "dwh", "nor a label every check sample carries")
            #expect(rows.labels["job"] == "broker-metrics")
            #expect(Self.sample(outcome, "up")?.value == 1)
            #expect(Self.sample(outcome, "scrape_samples_scraped")?.value == 3)
        }
    }

    @Test func malformedLinesFailTheRunWithTheirLineNumbersButValidLinesAreKept() async throws {
        let page = Page()
        page.set("queue_depth 12\nqueue_depth{queue=\"a\" 3\nworkers two\n")
        try await withTarget(page) { probe in
            let outcome = await probe.run(timeout: .seconds(60))
            #expect(!outcome.up)
            #expect(outcome.errorClass == .invalidResponse)
            #expect(outcome.reason.hasPrefix("2 malformed lines in the exposition; line 2: "))
            #expect(Self.sample(outcome, "queue_depth")?.value == 12)
            #expect(Self.sample(outcome, "up")?.value == 0)
        }
    }

    @Test func aSeriesThatDisappearsGetsAStalenessMarker() async throws {
        let page = Page()
        page.set("lag{partition=\"0\"} 1\nlag{partition=\"1\"} 2\n")
        try await withTarget(page) { probe in
            _ = await probe.run(timeout: .seconds(60))
            page.set("lag{partition=\"0\"} 3\n")
            let outcome = await probe.run(timeout: .seconds(60))
            let lags = outcome.samples.filter { $0.name == "lag" }
            #expect(lags.count == 2)
            #expect(lags.contains { $0.labels["partition"] == "0" && $0.value == 3 })
            #expect(lags.contains { $0.labels["partition"] == "1" && $0.isStale })
        }
    }

    @Test func anErrorStatusFailsTheScrapeAndMarksEverySeriesStale() async throws {
        let page = Page()
        page.set("lag 1\n")
        try await withTarget(page) { probe in
            _ = await probe.run(timeout: .seconds(60))
            let broken = ScrapeProbe(
                settings: ScrapeProbeSettings(url: probe.settings.url + "-missing"), checkID: "x",
                clients: probe.clients)
            let outcome = await broken.run(timeout: .seconds(60))
            #expect(outcome.errorClass == .httpStatus)
            #expect(outcome.reason == "HTTP 404 Not Found")
            #expect(Self.sample(outcome, "up")?.value == 0)
        }
    }

    @Test func theEngineStoresEveryScrapedAndProbeSample() async throws {
        let page = Page()
        page.set("kafka_consumergroup_lag{group=\"wms\"} 42\n")
        try await withTarget(page) { probe in
            // A timeout no loaded machine reaches (5 s timed out under a load of 20 on two cores).
            let check = Check(id: "lag", probe: .scrape(probe.settings), interval: .seconds(60), timeout: .seconds(60))
            let landscape = Landscape(
                name: "Test", systems: [System(id: "broker", name: "Broker", checks: [check])], interfaces: [])
            let engine = MonitorEngine(landscape: landscape)
            _ = await engine.runAllOnce()
            await engine.shutdown()
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            let lag = engine.store.latest(matchers: [.metricName("kafka_consumergroup_lag")], at: now)
            #expect(lag.map(\.point.value) == [42])
            #expect(lag.first?.labels["system"] == "broker")
            #expect(lag.first?.labels["check"] == "lag")
            let success = engine.store.latest(
                matchers: [.metricName("probe_success"), .equal("check", "lag")], at: now)
            #expect(success.map(\.point.value) == [1])
        }
    }
}
