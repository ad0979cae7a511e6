import Foundation
import Logging
import Remote
import Server
import SwitchboardCore
import TestSupport
import Testing

/// `serve --listen … --tls-cert … --tls-key …`: the API over HTTPS, which a console reaches when it
/// trusts the certificate and refuses when it does not.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"), "openssl is not installed"))
struct TLSListenerTests {
    /// A self-signed certificate for 127.0.0.1, made by openssl(1).
    static func certificate(in directory: URL) async throws -> (certificate: String, key: String) {
        let certificate = directory.appending(path: "cert.pem").path
        let key = directory.appending(path: "key.pem").path
        let made = try await ChildProcess.output(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1",
                "-subj", "/CN=switchboard-test", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out",
                certificate,
            ])
        guard made.status == 0 else { throw OpenSSLFailure(description: made.stderr) }
        return (certificate, key)
    }

    @Test func aConsoleThatTrustsTheCertificateAttachesAndOneThatDoesNotIsRefused() async throws {
        let directory = temporaryDirectory("tls")
        defer { try? FileManager.default.removeItem(at: directory) }
        let tls = try await Self.certificate(in: directory)
        let engine = try await EngineFixture.start(tokens: EngineFixture.tokens)
        defer { Task { await engine.stop() } }
        let server = try await EngineServer.start(
            api: EngineAPI(host: engine.host, access: AccessPolicy(tokens: EngineFixture.tokens)),
            listeners: EngineServer.Listeners(tcp: ("127.0.0.1", 0), tls: tls),
            logger: Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() }))
        defer { Task { await server.stop() } }
        let endpoint = try #require(EngineEndpoint("https://127.0.0.1:\(server.tcpPort!)"))

        let trusting = RemoteDataSource(
            endpoint: endpoint, token: "viewer-token-0123456789", user: "vic", trustedCertificates: tls.certificate)
        trusting.start()
        #expect(await eventually { trusting.isConnected })
        #expect(trusting.snapshot.landscape == "fixture")
        await trusting.stop()

        let wary = RemoteDataSource(endpoint: endpoint, token: "viewer-token-0123456789", user: "vic")
        wary.start()
        #expect(
            await eventually {
                if case .disconnected(_, _, let reason) = wary.snapshot.link { return reason != "connecting" }
                return false
            })
        #expect(!wary.isConnected, "a certificate no trusted root signed is refused")
        await wary.stop()
    }

    @Test func unreadableCertificatesAreNamed() async throws {
        let engine = try await EngineFixture.start()
        defer { Task { await engine.stop() } }
        do {
            _ = try await EngineServer.start(
                api: EngineAPI(host: engine.host, access: AccessPolicy(tokens: [])),
                listeners: EngineServer.Listeners(tcp: ("127.0.0.1", 0), tls: ("/nope/cert.pem", "/nope/key.pem")),
                logger: Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() }))
            Issue.record("started with certificates that do not exist")
        } catch let error as ServerError {
            #expect("\(error)".contains("/nope/cert.pem"))
        }
    }
}

struct OpenSSLFailure: Error, CustomStringConvertible {
    var description: String
}
