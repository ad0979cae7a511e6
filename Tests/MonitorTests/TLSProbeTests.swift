import Foundation
import Monitor
import SwitchboardCore
import TestSupport
import Testing
import X509

@Suite struct TLSProbeTests {
    let certificates: TestCertificates

    init() throws {
        certificates = try TestCertificates()
    }

    func probe(
        _ server: TLSLoopbackServer, expect: Expectations = Expectations(), trusting roots: TrustRoots? = nil
    ) async throws -> ProbeOutcome {
        let settings = TLSProbeSettings(address: "127.0.0.1:\(server.port)", serverName: "localhost")
        let trust = try roots ?? .pemFile(certificates.writeCAFile())
        return await TLSProbe(settings: settings, expect: expect, trustRoots: trust).run(timeout: .seconds(60))
    }

    func serving(_ chain: [Certificate], _ body: (TLSLoopbackServer) async throws -> Void) async throws {
        let server = try await TLSLoopbackServer.start(chain: chain, keyPEM: TestCertificates.leafKeyPEM)
        do {
            try await body(server)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    @Test func trustedChainIsUpWithDaysLeftAndExpirySample() async throws {
        let leaf = try certificates.leaf(until: 30 * 86_400 + 3_600)
        try await serving([leaf, certificates.ca]) { server in
            let outcome = try await probe(server)
            #expect(outcome.up)
            #expect(outcome.reason.hasPrefix("certificate valid 30 days (until "))
            #expect(outcome.reason.hasSuffix("CN=localhost, issuer CN=Switchboard Test CA"))
            let expiry = outcome.samples.first { $0.name == "probe_ssl_earliest_cert_expiry" }
            #expect(expiry?.value == leaf.notValidAfter.timeIntervalSince1970.rounded(.down))
            #expect(outcome.samples.contains(Sample("probe_tls_version_info", ["version": "TLS 1.3"], 1)))
        }
    }

    @Test func expiredCertificateIsTLSFailureThatStillReportsExpiry() async throws {
        let leaf = try certificates.leaf(validFrom: -30 * 86_400, until: -2 * 86_400)
        try await serving([leaf, certificates.ca]) { server in
            let outcome = try await probe(server)
            #expect(outcome.errorClass == .tls)
            #expect(outcome.reason.hasPrefix("certificate has expired on "))
            #expect(outcome.samples.contains { $0.name == "probe_ssl_earliest_cert_expiry" })
        }
    }

    @Test func selfSignedCertificateIsTLSFailure() async throws {
        try await serving([try certificates.selfSigned()]) { server in
            let outcome = try await probe(server)
            #expect(outcome.errorClass == .tls)
            #expect(outcome.reason.hasPrefix("self-signed certificate"))
        }
    }

    @Test func chainFromUntrustedCAIsTLSFailureUnderSystemRoots() async throws {
        try await serving([try certificates.leaf(until: 90 * 86_400), certificates.ca]) { server in
            let outcome = try await probe(server, trusting: .system)
            #expect(outcome.errorClass == .tls)
            #expect(outcome.reason.hasPrefix("certificate signed by unknown authority (CN=Switchboard Test CA)"))
        }
    }

    @Test func wrongServerNameIsTLSFailure() async throws {
        try await serving([try certificates.leaf(until: 90 * 86_400), certificates.ca]) { server in
            let settings = TLSProbeSettings(address: "127.0.0.1:\(server.port)", serverName: "erp.example")
            let outcome = await TLSProbe(settings: settings, trustRoots: .pemFile(try certificates.writeCAFile()))
                .run(timeout: .seconds(60))
            #expect(outcome.errorClass == .tls)
            #expect(outcome.reason.hasPrefix("certificate is not valid for erp.example"))
        }
    }

    @Test func fewerDaysThanCertMinDaysIsAssertion() async throws {
        try await serving([try certificates.leaf(until: 10 * 86_400 + 3_600), certificates.ca]) { server in
            let outcome = try await probe(server, expect: Expectations(certMinDays: 14))
            #expect(outcome.errorClass == .assertion)
            #expect(outcome.reason.contains("certificate valid 10 days"))
            #expect(outcome.reason.hasSuffix("fewer than cert_min_days 14"))
            let enough = try await probe(server, expect: Expectations(certMinDays: 10))
            #expect(enough.up)
        }
    }

    @Test func refusedPortIsConnectionRefused() async throws {
        let refusing = try RefusingPort()
        let outcome = await TLSProbe(settings: TLSProbeSettings(address: "127.0.0.1:\(refusing.port)"))
            .run(timeout: .seconds(60))
        withExtendedLifetime(refusing) {}
        #expect(outcome.errorClass == .connectionRefused)
    }

    @Test func plainTCPServerThatNeverHandshakesTimesOut() async throws {
        let server = try await BannerServer.start(banner: "")
        let outcome = await TLSProbe(settings: TLSProbeSettings(address: "127.0.0.1:\(server.port)"))
            .run(timeout: .milliseconds(300))
        try await server.stop()
        #expect(outcome.errorClass == .timeout)
    }
}
