import Foundation
import Hummingbird
import PromQL
import SwitchboardCore
import Synchronization
import TestSupport
import Testing

@testable import Monitor

@Suite struct MonitorEngineTests {
    func landscape(_ base: String) -> Landscape {
        let hung = Check(
            id: "hung", probe: .http(HTTPProbeSettings(url: base + "/hang")), interval: .seconds(180),
            timeout: .seconds(600))
        let fast = Check(
            id: "fast", probe: .http(HTTPProbeSettings(url: base + "/ok")), interval: .milliseconds(200),
            timeout: .seconds(120))
        return Landscape(
            name: "Test", systems: [System(id: "erp", name: "ERP"), System(id: "crm", name: "CRM")],
            interfaces: [
                Interface(id: "slow-link", name: "Slow", from: "erp", to: "crm", kind: .soap, checks: [hung]),
                Interface(id: "fast-link", name: "Fast", from: "crm", to: "erp", kind: .rest, checks: [fast]),
            ])
    }

    @Test func aHungEndpointDelaysNoOtherCheck() async throws {
        let server = try await LoopbackServer.start { router in
            router.get("ok") { _, _ in "ok" }
            router.get("hang") { _, _ in
                try await Task.sleep(for: .seconds(300))
                return "late"
            }
        }
        let engine = MonitorEngine(landscape: landscape(server.baseURL))
        let running = Task { await engine.run() }
        var snapshot = engine.snapshot
        // Only a failing test waits this long; the hung check's timeout (600 s) is far beyond it.
        let deadline = Date().addingTimeInterval(300)
        while snapshot.interfaces[1].checks[0].last == nil, Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
            snapshot = engine.snapshot
        }
        running.cancel()
        await running.value
        await server.stop()
        #expect(snapshot.interfaces[1].state == .ok)
        #expect(snapshot.interfaces[0].checks[0].last == nil, "the hung check cannot have finished yet")
        #expect(snapshot.interfaces[0].state == .unknown)
        #expect(snapshot.progress == CheckProgress(completed: 1, total: 2))
    }

    @Test func checkNowRunsTheInterfaceChecksAndPublishes() async throws {
        let server = try await LoopbackServer.start { router in
            router.get("ok") { _, _ in "ok" }
            router.get("hang") { _, _ in Response(status: .badGateway) }
        }
        let engine = MonitorEngine(landscape: landscape(server.baseURL))
        let before = engine.snapshot.version
        let outcome = await engine.perform(.checkNow(target: "slow-link"))
        await engine.shutdown()
        await server.stop()
        #expect(outcome == CommandOutcome(succeeded: false, message: "checked slow-link: 0 up, 1 down"), "a ✘, not a ✔")
        let after = engine.snapshot
        #expect(after.version > before)
        #expect(after.interfaces[0].state == .down)
        #expect(after.interfaces[0].reason == "HTTP 502 Bad Gateway (expected 2xx)")
        #expect(after.system("crm")?.state == .down, "CRM's only inbound interface is down")
        #expect(after.interfaces[0].history.map { [$0.from, $0.to] } == [[.unknown, .down]])
        #expect(after.interfaces[0].stats.consecutiveFailures == 1)
        #expect(after.interfaces[0].stats.lastFailure?.errorClass == .httpStatus)
        #expect(after.interfaces[0].stats.availability1h == 0)
        // The run's latency is read back from the store's samples.
        #expect(after.interfaces[0].stats.recentRuns.map(\.up) == [false])
        let p50 = try #require(after.interfaces[0].stats.latencyP50)
        #expect(abs(p50 - (after.interfaces[0].stats.recentRuns.first?.seconds ?? -1)) < 1e-6)
    }

    @Test func runAllOnceReportsEveryCheckInConfigOrder() async throws {
        let server = try await LoopbackServer.start { router in
            router.get("ok") { _, _ in "ok" }
            router.get("hang") { _, _ in "fine" }
        }
        let engine = MonitorEngine(landscape: landscape(server.baseURL))
        let reports = await engine.runAllOnce()
        await engine.shutdown()
        await server.stop()
        #expect(reports.map(\.owned.check.id) == ["hung", "fast"])
        #expect(reports.allSatisfy { $0.result.up })
        #expect(engine.snapshot.progress.isComplete)
    }
}

@Suite struct CheckRunnerTests {
    @Test func everyRunIsLabelledAndNamedAsBlackboxExporterNamesIt() async throws {
        let server = try await LoopbackServer.start { router in router.get("ok") { _, _ in "ok" } }
        let clients = HTTPClients()
        let check = Check(
            id: "crm-health", probe: .http(HTTPProbeSettings(url: server.baseURL + "/ok")), interval: .seconds(60),
            timeout: .seconds(60))
        let owned = OwnedCheck(check: check, system: "crm", interface: "erp-crm")
        let run = await CheckRunner(owned: owned, probe: ProbeFactory(clients: clients).probe(for: check))
            .run(lateness: .milliseconds(3))
        await clients.shutdown()
        await server.stop()
        let labels: Labels = ["system": "crm", "interface": "erp-crm", "check": "crm-health", "kind": "http"]
        #expect(
            run.samples.first
                == Sample("probe_success", labels, 1, timestampMilliseconds: run.samples[0].timestampMilliseconds))
        #expect(
            run.samples.map(\.name).prefix(3) == ["probe_success", "probe_duration_seconds", "probe_http_status_code"])
        #expect(run.samples.allSatisfy { $0.labels.merging(labels) == $0.labels && $0.timestampMilliseconds != nil })
        #expect(run.lateness == .milliseconds(3))
    }
}
