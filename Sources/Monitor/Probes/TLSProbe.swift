import Foundation
import NIOSSL
import SwitchboardCore
import X509

/// Connects, completes a TLS handshake and inspects the certificate chain: is it trusted, valid for the
/// name, and how long until it expires.
///
/// The expiry is read even from a chain that does not verify, so that an expired or self-signed
/// certificate still reports `probe_ssl_earliest_cert_expiry` beside its `tls` failure.
public struct TLSProbe: Probe {
    public let settings: TLSProbeSettings
    public let expect: Expectations
    public let trustRoots: TrustRoots

    public init(settings: TLSProbeSettings, expect: Expectations = Expectations(), trustRoots: TrustRoots = .system) {
        self.settings = settings
        self.expect = expect
        self.trustRoots = trustRoots
    }

    public func run(timeout: Duration) async -> ProbeOutcome {
        let outcome = await withTimeout(timeout) { await self.inspect(timeout: timeout) }
        return outcome ?? .failure(.timeout, ProbeWords.timedOut(timeout, awaiting: "TLS handshake"))
    }

    private func inspect(timeout: Duration) async -> ProbeOutcome {
        guard let (host, port) = TCPProbe.split(settings.address) else {
            return .failure(.invalidResponse, "invalid address \(settings.address)")
        }
        let session: TLSHandshake.Session
        do {
            session = try await TLSHandshake(host: host, port: port, serverName: settings.serverName)
                .perform(connectTimeout: timeout)
        } catch is CancellationError {
            return .failure(.timeout, ProbeWords.timedOut(timeout, awaiting: "TLS handshake"))
        } catch {
            let (errorClass, reason) = ProbeError.classify(error, timeout: timeout)
            return .failure(errorClass, reason)
        }
        return await judge(session, identity: settings.serverName ?? host, now: Date())
    }

    /// Turns what the handshake saw into an outcome: trust first, then `cert_min_days`.
    func judge(_ session: TLSHandshake.Session, identity: String, now: Date) async -> ProbeOutcome {
        guard let summary = CertificateChainSummary(chain: session.chain) else {
            return .failure(.tls, "the server presented no certificate")
        }
        var samples = [summary.expirySample]
        if let version = session.version {
            samples.append(Sample("probe_tls_version_info", ["version": version.displayName], 1))
        }
        let roots: CertificateStore
        do {
            roots = try trustRoots.store()
        } catch {
            return .failure(.tls, "cannot read trust roots: \(error)", samples: samples)
        }
        let verification = CertificateVerification(roots: roots, identity: identity)
        if let problem = await verification.problem(with: session.chain, at: now) {
            return .failure(.tls, "\(problem); \(summary.subject), issuer \(summary.issuer)", samples: samples)
        }
        if let problem = CertificateExpiryAssertion(minDays: expect.certMinDays).problem(summary, at: now) {
            return .failure(.assertion, problem, samples: samples)
        }
        return .success(summary.validity(at: now), samples: samples)
    }
}

/// `expect.cert_min_days`: at least this many whole days must remain before the earliest expiry.
struct CertificateExpiryAssertion {
    let minDays: Int?

    func problem(_ summary: CertificateChainSummary, at now: Date) -> String? {
        guard let minDays, summary.daysLeft(at: now) < minDays else { return nil }
        return "\(summary.validity(at: now)): fewer than cert_min_days \(minDays)"
    }
}
