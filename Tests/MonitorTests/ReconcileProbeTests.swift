import Foundation
import Hummingbird
import SwitchboardCore
import Synchronization
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
