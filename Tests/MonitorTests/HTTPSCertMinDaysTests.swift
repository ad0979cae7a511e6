import Monitor
import SwitchboardCore
import TestSupport
import Testing
import X509

@Suite struct HTTPSCertMinDaysTests {
    func probe(port: Int, scheme: String = "https", certMinDays: Int, caFile: String) async -> ProbeOutcome {
        let clients = HTTPClients()
        let settings = HTTPProbeSettings(url: "\(scheme)://localhost:\(port)/health", caFile: caFile)
        let outcome = await HTTPProbe(
            settings: settings, expect: Expectations(certMinDays: certMinDays), clients: clients
        )
        .run(timeout: .seconds(60))
        await clients.shutdown()
        return outcome
    }

    @Test func httpsCheckFailsAssertionWhenTooFewDaysRemain() async throws {
        let certificates = try TestCertificates()
        let leaf = try certificates.leaf(until: 20 * 86_400 + 3_600)
        let server = try await TLSLoopbackServer.start(
            chain: [leaf, certificates.ca], keyPEM: TestCertificates.leafKeyPEM)
        let caFile = try certificates.writeCAFile()
        let tooFew = await probe(port: server.port, certMinDays: 30, caFile: caFile)
        let enough = await probe(port: server.port, certMinDays: 20, caFile: caFile)
        try await server.stop()
        #expect(tooFew.errorClass == .assertion)
        #expect(tooFew.reason.hasPrefix("certificate valid 20 days (until "))
        #expect(tooFew.reason.hasSuffix("fewer than cert_min_days 30"))
        #expect(enough.up)
        #expect(enough.reason == "HTTP 200 OK")
        let expiry = Sample(
            "probe_ssl_earliest_cert_expiry", [:], leaf.notValidAfter.timeIntervalSince1970.rounded(.down))
        #expect(tooFew.samples.contains(expiry) && enough.samples.contains(expiry))
    }

    @Test func plainHTTPCheckWithCertMinDaysIsUnsupported() async throws {
        let server = try await LoopbackServer.start { router in router.get("health") { _, _ in "ok" } }
        let outcome = await probe(port: server.port, scheme: "http", certMinDays: 10, caFile: "/nonexistent")
        await server.stop()
        #expect(!outcome.up)
        #expect(outcome.errorClass == .unsupported)
        #expect(outcome.reason == "cert_min_days needs an https URL")
    }
}
