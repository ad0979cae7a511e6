import NIOCore
import NIOPosix
import NIOSSL
import X509

/// A TLS server on 127.0.0.1 that presents a given chain and answers every request with `HTTP 200 ok`,
/// enough for a TLS handshake probe and for an https check.
struct TLSLoopbackServer {
    let channel: any Channel
    var port: Int { channel.localAddress!.port! }

    static func start(chain: [Certificate], keyPEM: String) async throws -> TLSLoopbackServer {
        let certificates = try chain.map {
            NIOSSLCertificateSource.certificate(
                try NIOSSLCertificate(bytes: Array($0.serializeAsPEM().pemString.utf8), format: .pem))
        }
        let key = try NIOSSLPrivateKey(bytes: Array(keyPEM.utf8), format: .pem)
        let context = try NIOSSLContext(
            configuration: .makeServerConfiguration(certificateChain: certificates, privateKey: .privateKey(key)))
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                    try channel.pipeline.syncOperations.addHandler(OKResponder())
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return TLSLoopbackServer(channel: channel)
    }

    func stop() async throws {
        try await channel.close()
    }

    /// Answers the first bytes of a request with a complete response, then closes.
    private final class OKResponder: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let response = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: response))).whenComplete { _ in
                bound.value.close(promise: nil)
            }
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }
}
