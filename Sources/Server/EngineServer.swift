import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle
import SwitchboardCore

/// The engine's listeners: the state directory's Unix socket (mode 0660: its group decides who
/// may connect) and, on request, TCP. Both serve the same `EngineAPI`.
public final class EngineServer: Sendable {
    /// Where to listen.
    public struct Listeners: Sendable {
        public var socketPath: String?
        public var tcp: (host: String, port: Int)?
        /// The TCP listener's certificate chain and key (PEM files); nil serves plain HTTP.
        public var tls: (certificate: String, key: String)?

        public init(
            socketPath: String? = nil, tcp: (host: String, port: Int)? = nil,
            tls: (certificate: String, key: String)? = nil
        ) {
            self.socketPath = socketPath
            self.tcp = tcp
            self.tls = tls
        }
    }

    /// The default TCP port of `serve --listen`.
    public static let defaultPort = 9470

    private let group: ServiceGroup
    private let running: Task<Void, Never>
    /// The TCP port actually bound (`--listen 127.0.0.1:0` picks one); nil without TCP.
    public let tcpPort: Int?

    private init(group: ServiceGroup, running: Task<Void, Never>, tcpPort: Int?) {
        self.group = group
        self.running = running
        self.tcpPort = tcpPort
    }

    /// Binds every listener and returns once all of them accept connections.
    public static func start(api: EngineAPI, listeners: Listeners, logger: Logger) async throws -> EngineServer {
        if let tcp = listeners.tcp, !Self.isLoopback(tcp.host), api.access.isOpen {
            throw ServerError.tokensRequired(host: tcp.host)
        }
        let (events, continuation) = AsyncStream.makeStream(of: Result<Int?, ServerError>.self)
        var services: [any Service] = []
        if let path = listeners.socketPath {
            try prepareSocket(at: path)
            services.append(
                Application(
                    router: api.router(for: .socket),
                    configuration: ApplicationConfiguration(
                        address: .unixDomainSocket(path: path), serverName: "switchboard"),
                    onServerRunning: { _ in
                        chmod(path, 0o660)
                        continuation.yield(.success(nil))
                    }, logger: logger))
        }
        if let tcp = listeners.tcp {
            services.append(
                Application(
                    router: api.router(for: .tcp), server: try server(tls: listeners.tls),
                    configuration: ApplicationConfiguration(
                        address: .hostname(tcp.host, port: tcp.port), serverName: "switchboard"),
                    onServerRunning: { channel in continuation.yield(.success(channel.localAddress?.port)) },
                    logger: logger))
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: services, logger: logger))
        let running = Task {
            do {
                try await group.run()
            } catch {
                continuation.yield(.failure(.couldNotListen("\(error)")))
            }
            continuation.finish()
        }
        var started = 0
        var port: Int?
        for await event in events {
            switch event {
            case .success(let bound):
                started += 1
                port = bound ?? port
            case .failure(let error):
                await group.triggerGracefulShutdown()
                await running.value
                throw error
            }
            if started == services.count { break }
        }
        return EngineServer(group: group, running: running, tcpPort: port)
    }

    /// Closes the listeners (open event streams end) and waits until they are closed.
    public func stop() async {
        await group.triggerGracefulShutdown()
        await running.value
    }

    /// HTTP, or HTTPS with the listener's certificate; unreadable files are refused by name.
    private static func server(tls: (certificate: String, key: String)?) throws -> HTTPServerBuilder {
        guard let tls else { return .http1() }
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(tls.certificate).map {
                NIOSSLCertificateSource.certificate($0)
            }
            let key = try NIOSSLPrivateKey(file: tls.key, format: .pem)
            return try .tls(
                .http1(),
                tlsConfiguration: .makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key)))
        } catch {
            throw ServerError.tlsUnusable(certificate: tls.certificate, key: tls.key, reason: "\(error)")
        }
    }

    /// `localhost`, 127.0.0.0/8 or ::1.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// A socket left by an engine that died is removed (the caller holds the state lock, so no live
    /// engine serves it); a path too long for a socket address is refused with its length.
    private static func prepareSocket(at path: String) throws {
        guard path.utf8.count < 108 else { throw ServerError.socketPathTooLong(path) }
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
    }
}

/// Why the server did not start.
public enum ServerError: Error, CustomStringConvertible, Sendable {
    case tokensRequired(host: String)
    case socketPathTooLong(String)
    case couldNotListen(String)
    case tlsUnusable(certificate: String, key: String, reason: String)

    public var description: String {
        switch self {
        case .tokensRequired(let host):
            "refusing to listen on \(host) without tokens: anyone who reaches it could acknowledge and silence. "
                + "Add server.tokens to the config (and prefer --tls-cert/--tls-key), or listen on 127.0.0.1"
        case .socketPathTooLong(let path):
            "the socket path \(path) is \(path.utf8.count) bytes; Unix sockets allow 107: use a shorter --state-dir or --socket"
        case .couldNotListen(let why): "could not listen: \(why)"
        case .tlsUnusable(let certificate, let key, let reason):
            "--tls-cert \(certificate) / --tls-key \(key) cannot be used: \(reason)"
        }
    }
}
