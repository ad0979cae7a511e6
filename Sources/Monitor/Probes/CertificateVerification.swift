import Foundation
import X509

/// Verifies a presented chain against trust roots and the name it was reached by, and says in words
/// why a chain fails (`certificate has expired`, `self-signed certificate`, …).
///
/// The TLS handshake accepts any chain so that the expiry can be read from certificates that do not
/// verify; this is where the verification it skipped happens, with swift-certificates' RFC 5280 verifier.
struct CertificateVerification: Sendable {
    let roots: CertificateStore
    /// The name the chain must be valid for: a host name or an IP address.
    let identity: String

    /// Why the chain does not verify at `now`, or nil when it does. Validity dates are checked here against
    /// `now`; the RFC 5280 verifier that checks trust and names uses the current time.
    func problem(with chain: [Certificate], at now: Date) async -> String? {
        guard let leaf = chain.first else { return "the server presented no certificate" }
        if let expired = chain.first(where: { $0.notValidAfter < now }) {
            let whose = expired == leaf ? "" : " (\(CertificateChainSummary.shortName(expired.subject)) in the chain)"
            return "certificate has expired\(whose) on \(CertificateChainSummary.day(expired.notValidAfter))"
        }
        if let early = chain.first(where: { $0.notValidBefore > now }) {
            return "certificate is not yet valid (from \(CertificateChainSummary.day(early.notValidBefore)))"
        }
        let intermediates = CertificateStore(chain.dropFirst())
        if await verifies(leaf, intermediates, checkingIdentity: true) { return nil }
        if await verifies(leaf, intermediates, checkingIdentity: false) {
            return "certificate is not valid for \(identity) (\(CertificateChainSummary.shortName(leaf.subject)))"
        }
        if leaf.subject == leaf.issuer {
            return "self-signed certificate (\(CertificateChainSummary.shortName(leaf.subject)))"
        }
        let issuer = CertificateChainSummary.shortName((chain.last ?? leaf).issuer)
        return "certificate signed by unknown authority (\(issuer))"
    }

    private func verifies(
        _ leaf: Certificate, _ intermediates: CertificateStore, checkingIdentity: Bool
    ) async -> Bool {
        let isAddress = IPAddressLiteral.isAddress(identity)
        var verifier = Verifier(rootCertificates: roots) {
            RFC5280Policy()
            if checkingIdentity {
                ServerIdentityPolicy(serverHostname: isAddress ? nil : identity, serverIP: isAddress ? identity : nil)
            }
        }
        if case .validCertificate = await verifier.validate(leaf: leaf, intermediates: intermediates) {
            return true
        }
        return false
    }
}

/// Where trusted root certificates come from.
public enum TrustRoots: Sendable, Equatable {
    /// The operating system's store (`/etc/ssl/certs` on Debian).
    case system
    /// The certificates of a PEM file (a `ca_file`), instead of the system's.
    case pemFile(String)

    func store() throws -> CertificateStore {
        switch self {
        case .system:
            return CertificateStore.systemTrustRoots
        case .pemFile(let path):
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let blocks = text.components(separatedBy: "-----END CERTIFICATE-----").dropLast()
            return CertificateStore(try blocks.map { try Certificate(pemEncoded: $0 + "-----END CERTIFICATE-----") })
        }
    }
}
