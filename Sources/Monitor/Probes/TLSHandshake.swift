import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS
import Synchronization
import X509

/// Connects over TCP, completes a TLS handshake and closes, keeping the chain the server presented.
///
/// Verification is left to the caller (`CertificateVerification`): the handshake accepts any chain so
/// that a monitor can read the expiry of a certificate that does not verify, and say why it does not.
struct TLSHandshake {
    let host: String
    let port: Int
    /// The name sent as SNI; nil sends none (IP addresses cannot be sent as SNI).
    let serverName: String?

    /// What the handshake saw.
    struct Session: Sendable {
        /// The presented chain, leaf first.
        var chain: [Certificate]
        var version: TLSVersion?
    }

    init(host: String, port: Int, serverName: String?) {
        self.host = host
        self.port = port
        let name = serverName ?? host
        self.serverName = IPAddressLiteral.isAddress(name) ? nil : name
    }

    func perform(connectTimeout: Duration) async throws -> Session {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .noHostnameVerification
        let context = try NIOSSLContext(configuration: configuration)
        let presented = Mutex<[[UInt8]]>([])
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let completed = loop.makePromise(of: Void.self)
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: loop)
                .connectTimeout(.nanoseconds(connectTimeout.nanoseconds))
                .channelInitializer { [serverName] channel in
                    channel.eventLoop.makeCompletedFuture {
                        let tls = try NIOSSLClientHandler(
                            context: context, serverHostname: serverName,
                            customVerificationCallback: { certificates, verdict in
                                let der = certificates.compactMap { try? $0.toDERBytes() }
                                presented.withLock { $0 = der }
                                verdict.succeed(.certificateVerified)
                            })
                        try channel.pipeline.syncOperations.addHandler(tls)
                        try channel.pipeline.syncOperations.addHandler(HandshakeCompletion(completed))
                    }
                }
                .connect(host: host, port: port).get()
        } catch {
            completed.fail(error)
            throw error
        }
        defer { channel.close(promise: nil) }
        try await withTaskCancellationHandler {
            try await completed.futureResult.get()
        } onCancel: {
            channel.close(promise: nil)
        }
        let version = try await channel.nioSSL_tlsVersion().get()
        let chain = try presented.withLock { $0 }.map { try Certificate(derEncoded: $0) }
        return Session(chain: chain, version: version)
    }
}

/// Completes a promise when the TLS handshake has finished, or fails it when the channel errs or closes first.
private final class HandshakeCompletion: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    let promise: EventLoopPromise<Void>

    init(_ promise: EventLoopPromise<Void>) { self.promise = promise }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event {
            promise.succeed()
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        promise.fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(ChannelError.eof)
        context.fireChannelInactive()
    }
}

/// Tells IP address literals from host names.
enum IPAddressLiteral {
    static func isAddress(_ text: String) -> Bool {
        (try? SocketAddress(ipAddress: text, port: 0)) != nil
    }
}

extension TLSVersion {
    /// The name blackbox_exporter uses in `probe_tls_version_info{version="TLS 1.3"}`.
    var displayName: String {
        switch self {
        case .tlsv1: "TLS 1.0"
        case .tlsv11: "TLS 1.1"
        case .tlsv12: "TLS 1.2"
        case .tlsv13: "TLS 1.3"
        }
    }
}
