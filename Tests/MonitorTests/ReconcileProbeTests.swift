import Foundation
import Hummingbird
import SwitchboardCore
import Synchronization
import TestSupport
import Testing

@testable import Monitor

/// A reconcile compares a count in two real servers on loopback, with an injected clock for its grace.
@Suite struct ReconcileProbeTests {
    /// `/shop/count` answers `shop`, `/erp/count` answers `erp`, as set by the test.
    final class Counts: Sendable {
        let values = Mutex((shop: 1204.0, erp: 1204.0))
    }

    func withServer(_ counts: Counts, _ body: (LoopbackServer) async throws -> Void) async throws {
        let server = try await LoopbackServer.start { router in
            router.get("shop/count") { _, _ -> String in
                #"{"orders": {"today": \#(counts.values.withLock { $0.shop })}}"#
            }
            router.get("erp/count") { _, _ -> String in #"{"count": \#(counts.values.withLock { $0.erp })}"# }
            router.get("erp/broken") { _, _ -> String in #"{"count": "many"}"# }
            // The ERP's count split by channel, and an unrelated series of the same name.
            router.get("erp/metrics") { _, _ -> String in
                let erp = counts.values.withLock { $0.erp }
                return """
                    # TYPE erp_orders_posted_total counter
                    erp_orders_posted_total{channel="web",region="north"} \(erp - 200)
                    erp_orders_posted_total{channel="web",region="south"} 200
                    erp_orders_posted_total{channel="edi",region="north"} 5000
                    erp_orders_failed_total{channel="web"} 3

                    """
            }
        }
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    func settings(_ server: LoopbackServer, target: String = "/erp/count", tolerance: ReconcileTolerance)
        throws -> ReconcileProbeSettings
    {
        ReconcileProbeSettings(
            source: ReconcileQuery(
                name: "shop", request: HTTPProbeSettings(url: server.baseURL + "/shop/count"),
                value: try JSONAssertionParser.parse("$.orders.today").get()),
            target: ReconcileQuery(
                name: "ERP", request: HTTPProbeSettings(url: server.baseURL + target),
                value: try JSONAssertionParser.parse("$.count").get()),
            tolerance: tolerance, grace: .seconds(600), what: "orders today")
    }

    @Test func countsApartLongerThanTheGraceAreAMismatchNamingBoth() async throws {
        let counts = Counts()
        let clock = Mutex(Date(timeIntervalSince1970: 1_700_000_000))
        try await withServer(counts) { server in
            let clients = HTTPClients()
            defer { Task { await clients.shutdown() } }
            let probe = ReconcileProbe(
                settings: try settings(server, tolerance: .absolute(5)), clients: clients,
                now: { clock.withLock { $0 } })
            let agreeing = await probe.run(timeout: .seconds(30))
            #expect(agreeing.up && agreeing.reason == "shop 1,204 orders today, ERP 1,204 (tolerance 5)")

            counts.values.withLock { $0.erp = 1187 }
            let apart = await probe.run(timeout: .seconds(30))
            #expect(apart.up, "within the grace")
            #expect(apart.reason == "shop 1,204 orders today, ERP 1,187 (17 apart, tolerance 5) for 0s (grace 10m)")
            clock.withLock { $0 += 12 * 60 }
            let mismatch = await probe.run(timeout: .seconds(30))
            #expect(!mismatch.up && mismatch.errorClass == .reconcileMismatch)
            #expect(mismatch.reason == "shop 1,204 orders today, ERP 1,187 (17 apart, tolerance 5) for 12m")
            #expect(mismatch.samples.first { $0.name == "reconcile_difference" }?.value == 17)

            counts.values.withLock { $0.erp = 1200 }
            #expect(await probe.run(timeout: .seconds(30)).up, "back within the tolerance")
            counts.values.withLock { $0.erp = 1187 }
            #expect(await probe.run(timeout: .seconds(30)).up, "the grace starts again")
        }
    }

    @Test func aPercentToleranceIsOfTheLargerCount() async throws {
        let counts = Counts()
        counts.values.withLock { $0.erp = 1187 }
        try await withServer(counts) { server in
            let clients = HTTPClients()
            defer { Task { await clients.shutdown() } }
            let probe = ReconcileProbe(settings: try settings(server, tolerance: .percent(2)), clients: clients)
            let outcome = await probe.run(timeout: .seconds(30))
            #expect(outcome.up && outcome.reason == "shop 1,204 orders today, ERP 1,187 (tolerance 2%)")
        }
    }

    @Test func aSideWithoutANumberFailsNamingIt() async throws {
        try await withServer(Counts()) { server in
            let clients = HTTPClients()
            defer { Task { await clients.shutdown() } }
            let probe = ReconcileProbe(
                settings: try settings(server, target: "/erp/broken", tolerance: .absolute(0)), clients: clients)
            let outcome = await probe.run(timeout: .seconds(30))
            #expect(!outcome.up && outcome.errorClass == .assertion && outcome.reason == "ERP: $.count is not a number")
        }
    }

    /// The shop's JSON count against the ERP's scraped series.
    func seriesSettings(_ server: LoopbackServer, series: String, grace: Duration = .seconds(600)) throws
        -> ReconcileProbeSettings
    {
        ReconcileProbeSettings(
            source: ReconcileQuery(
                name: "shop", request: HTTPProbeSettings(url: server.baseURL + "/shop/count"),
                value: try JSONAssertionParser.parse("$.orders.today").get()),
            target: ReconcileQuery(
                name: "ERP", scrape: ScrapeProbeSettings(url: server.baseURL + "/erp/metrics"),
                series: try SeriesSelector(parsing: series)),
            tolerance: .percent(2), grace: grace, what: "orders today")
    }

    @Test func aScrapedSideIsTheSumOfTheMatchingSamples() async throws {
        let counts = Counts()
        let clock = Mutex(Date(timeIntervalSince1970: 1_700_000_000))
        try await withServer(counts) { server in
            let clients = HTTPClients()
            defer { Task { await clients.shutdown() } }
            let probe = ReconcileProbe(
                settings: try seriesSettings(server, series: #"erp_orders_posted_total{channel="web"}"#),
                clients: clients, now: { clock.withLock { $0 } })
            let agreeing = await probe.run(timeout: .seconds(30))
            #expect(agreeing.up && agreeing.reason == "shop 1,204 orders today, ERP 1,204 (tolerance 2%)")

            counts.values.withLock { $0.erp = 1100 }
            #expect(await probe.run(timeout: .seconds(30)).up, "within the grace")
            clock.withLock { $0 += 11 * 60 }
            let mismatch = await probe.run(timeout: .seconds(30))
            #expect(!mismatch.up && mismatch.errorClass == .reconcileMismatch)
            #expect(mismatch.reason == "shop 1,204 orders today, ERP 1,100 (104 apart, tolerance 2%) for 11m")
        }
    }

    @Test func labelMatchersChooseTheSamplesThatAddUp() async throws {
        try await withServer(Counts()) { server in
            let clients = HTTPClients()
            defer { Task { await clients.shutdown() } }
            let cases: [(series: String, erp: String)] = [
                (#"erp_orders_posted_total{channel!="edi"}"#, "1,204"),
                (#"erp_orders_posted_total{channel=~"web|edi", region="north"}"#, "6,004"),
                (#"erp_orders_posted_total{region!~"s.*"}"#, "6,004"),
                (#"{__name__=~"erp_orders_.*", channel="web"}"#, "1,207"),
                ("erp_orders_posted_total", "6,204"),
            ]
            for (series, erp) in cases {
                let probe = ReconcileProbe(
                    settings: try seriesSettings(server, series: series, grace: .zero), clients: clients)
                let outcome = await probe.run(timeout: .seconds(30))
                #expect(
                    outcome.reason.hasPrefix("shop 1,204 orders today, ERP \(erp) "), "\(series): \(outcome.reason)")
            }
        }
    }

    @Test func aSelectorMatchingNoSampleFailsNamingTheSideAndTheSelector() async throws {
        try await withServer(Counts()) { server in
            let clients = HTTPClients()
            defer { Task { await clients.shutdown() } }
            let probe = ReconcileProbe(
                settings: try seriesSettings(server, series: #"erp_orders_posted_total{channel="fax"}"#),
                clients: clients)
            let outcome = await probe.run(timeout: .seconds(30))
            #expect(!outcome.up && outcome.errorClass == .assertion)
            #expect(outcome.reason == #"ERP: no sample matches erp_orders_posted_total{channel="fax"}"#)
        }
    }

    @Test func anUnreachablePageFailsNamingTheSide() async throws {
        try await withServer(Counts()) { server in
            let clients = HTTPClients()
            defer { Task { await clients.shutdown() } }
            var settings = try seriesSettings(server, series: "erp_orders_posted_total")
            settings.target = ReconcileQuery(
                name: "ERP", scrape: ScrapeProbeSettings(url: server.baseURL + "/erp/missing"),
                series: try SeriesSelector(parsing: "erp_orders_posted_total"))
            let outcome = await ReconcileProbe(settings: settings, clients: clients).run(timeout: .seconds(30))
            #expect(!outcome.up && outcome.errorClass == .httpStatus && outcome.reason.hasPrefix("ERP: HTTP 404"))
        }
    }

    @Test func aMismatchLeavesTheInterfaceDegraded() {
        let now = Date()
        let check = CheckStatus(
            id: "r", kind: "reconcile", target: "t", intervalSeconds: 60,
            last: CheckResult(
                checkID: "r", up: false, startedAt: now, durationSeconds: 0.1, errorClass: .reconcileMismatch,
                reason: "apart"))
        #expect(HealthEvaluator.state(of: [check], consecutiveFailures: ["r": 5], now: now) == .degraded)
    }
}
