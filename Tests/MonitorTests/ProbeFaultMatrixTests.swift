import Foundation
import Hummingbird
import Monitor
import SwitchboardCore
import TestSupport
import Testing

/// Each broken endpoint gives the right error class within the check's timeout.
@Suite struct ProbeFaultMatrixTests {
    static let timeout: Duration = .seconds(1)

    func probe(
        _ url: String, maxBody: Int = HTTPProbeSettings.defaultMaxBodyBytes, timeout: Duration = Self.timeout
    ) async -> ProbeOutcome {
        let clients = HTTPClients()
        let outcome = await HTTPProbe(
            settings: HTTPProbeSettings(url: url, maxBodyBytes: maxBody), expect: Expectations(), clients: clients
        ).run(timeout: timeout)
        await clients.shutdown()
        return outcome
    }

    @Test(arguments: [
        (MisbehavingServer.Behaviour.silent, ProbeErrorClass.timeout),
        (.drip(interval: .milliseconds(100)), .timeout),
        (.reset, .connectionReset),
        (.garbage, .invalidResponse),
    ])
    func brokenServerGivesItsErrorClass(_ behaviour: MisbehavingServer.Behaviour, _ expected: ProbeErrorClass)
        async throws
    {
        let server = try await MisbehavingServer.start(behaviour)
        // A server that answers at once (a reset, garbage) gets all the time a loaded machine needs;
        // only the servers that never finish wait out the short timeout.
        let outcome = await probe(server.url, timeout: expected == .timeout ? Self.timeout : .seconds(60))
        try await server.stop()
        #expect(outcome.errorClass == expected, "reason: \(outcome.reason)")
        #expect(!outcome.reason.isEmpty)
        if expected == .timeout { #expect(outcome.reason == "no answer within 1s") }
    }

    @Test func aFiftyMegabyteBodyIsRefusedAtTheLimit() async throws {
        let server = try await LoopbackServer.start { router in
            router.get("huge") { _, _ in
                Response(
                    status: .ok,
                    body: ResponseBody { writer in
                        for _ in 0..<50 { try await writer.write(ByteBuffer(repeating: 0x61, count: 1 << 20)) }
                        try await writer.finish(nil)
                    })
            }
        }
        let outcome = await probe(server.baseURL + "/huge", maxBody: 1 << 20, timeout: .seconds(20))
        await server.stop()
        #expect(outcome.errorClass == .bodyTooLarge)
        // Streamed without a length: the size is unknown, reading stopped at the limit.
        #expect(outcome.reason == "body larger than the 1 MiB limit (read more than 1 MiB)")
    }

    @Test func anUnresolvableNameIsADNSFailure() async {
        let outcome = await probe("http://no-such-host.switchboard.invalid/health")
        #expect(outcome.errorClass == .dns, "reason: \(outcome.reason)")
    }

    @Test func brokenEndpointsDelayNoOtherCheck() async throws {
        let silent = try await MisbehavingServer.start(.silent)
        let drip = try await MisbehavingServer.start(.drip(interval: .milliseconds(200)))
        let healthy = try await LoopbackServer.start { router in router.get("ok") { _, _ in "ok" } }
        func check(_ id: String, _ url: String, interval: Duration) -> Check {
            Check(id: id, probe: .http(HTTPProbeSettings(url: url)), interval: interval, timeout: .seconds(600))
        }
        let landscape = Landscape(
            name: "faults", systems: [System(id: "a", name: "A"), System(id: "b", name: "B")],
            interfaces: [
                Interface(
                    id: "broken", name: "Broken", from: "a", to: "b", kind: .rest,
                    checks: [
                        check("silent", silent.url, interval: .seconds(10)),
                        check("drip", drip.url, interval: .seconds(10)),
                    ]),
                Interface(
                    id: "fine", name: "Fine", from: "b", to: "a", kind: .rest,
                    checks: [check("fine", healthy.baseURL + "/ok", interval: .milliseconds(200))]),
            ])
        let engine = MonitorEngine(landscape: landscape)
        let running = Task { await engine.run() }
        var fineRuns = 0
        var brokenFinished = false
        // Only a failing test waits this long; the broken checks' timeout (600 s) is far beyond it.
        let deadline = Date().addingTimeInterval(300)
        var lastSeen: Date?
        while fineRuns < 3, Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
            let snapshot = engine.snapshot
            if let last = snapshot.interfaces[1].checks[0].last?.startedAt, last != lastSeen {
                lastSeen = last
                fineRuns += 1
            }
            brokenFinished = brokenFinished || snapshot.interfaces[0].checks.contains { $0.last != nil }
        }
        running.cancel()
        await running.value
        try await silent.stop()
        try await drip.stop()
        await healthy.stop()
        #expect(fineRuns >= 3, "the healthy check kept its schedule")
        #expect(!brokenFinished, "while both broken checks were still waiting for their timeout")
    }
}
