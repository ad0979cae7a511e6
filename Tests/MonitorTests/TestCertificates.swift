import Foundation
import X509

/// Certificates made for one test run: a CA, a leaf it signs for `localhost`, an expired leaf and a
/// self-signed leaf, with validity relative to now. The keys are fixed test keys (P-256, PKCS#8).
struct TestCertificates {
    let ca: Certificate
    /// PEM of the CA, to trust as a `ca_file`.
    let caPEM: String

    static let caKeyPEM = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgyecIKI2RSXSbU488
        OuHXPkVyZmYaSUOIeaLfNyzHpNShRANCAARgN9OvX2KNWVVDo9ZVL2lFZTTepp/8
        Qy63/qNpWwE3OUXmb4D0oeybPk+vd0unjVMqN48Mxmv+ho6h3k1fRRaA
        -----END PRIVATE KEY-----
        """
    static let leafKeyPEM = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgzXRijnzrB4HOI2m6
        ai65pQTWBNfHA4MMRU1i+E2eVCGhRANCAATNvWACxLlb8LGf3RcpwD1BM8KnoLOm
        1S6amJhsGzccslAzLpq3erU9KIU3wEZAAhNLf+ULEfNfy0VOFByL4B/p
        -----END PRIVATE KEY-----
        """

    init() throws {
        let key = try Certificate.PrivateKey(pemEncoded: Self.caKeyPEM)
        let name = try DistinguishedName { CommonName("Switchboard Test CA") }
        ca = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: key.publicKey,
            notValidBefore: Date() - 86_400, notValidAfter: Date() + 3_650 * 86_400, issuer: name, subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                KeyUsage(keyCertSign: true)
            }, issuerPrivateKey: key)
        caPEM = try ca.serializeAsPEM().pemString
    }

    /// A leaf for `localhost` signed by the CA, valid from `from` to `until` (seconds from now).
    func leaf(validFrom from: TimeInterval = -86_400, until: TimeInterval) throws -> Certificate {
        let key = try Certificate.PrivateKey(pemEncoded: Self.leafKeyPEM)
        return try Certificate(
            version: .v3, serialNumber: .init(), publicKey: key.publicKey,
            notValidBefore: Date() + from, notValidAfter: Date() + until, issuer: ca.subject,
            subject: try DistinguishedName { CommonName("localhost") }, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Self.leafExtensions(),
            issuerPrivateKey: try Certificate.PrivateKey(pemEncoded: Self.caKeyPEM))
    }

    /// A leaf for `localhost` that signs itself.
    func selfSigned() throws -> Certificate {
        let key = try Certificate.PrivateKey(pemEncoded: Self.leafKeyPEM)
        let name = try DistinguishedName { CommonName("localhost") }
        return try Certificate(
            version: .v3, serialNumber: .init(), publicKey: key.publicKey, notValidBefore: Date() - 86_400,
            notValidAfter: Date() + 90 * 86_400, issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Self.leafExtensions(), issuerPrivateKey: key)
    }

    static func leafExtensions() throws -> Certificate.Extensions {
        try Certificate.Extensions {
            Critical(BasicConstraints.notCertificateAuthority)
            KeyUsage(digitalSignature: true)
            try ExtendedKeyUsage([.serverAuth])
            SubjectAlternativeNames([.dnsName("localhost")])
        }
    }

    /// Writes the CA's PEM to a new file in a temporary folder and returns its path.
    func writeCAFile() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("ca.pem")
        try caPEM.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}
