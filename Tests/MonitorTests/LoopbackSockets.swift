import Foundation
import NIOCore
import NIOPosix

/// A port on 127.0.0.1 that refuses connections: bound by a socket that never listens, so that no
/// other test can be given the same port while this one uses it.
final class RefusingPort: Sendable {
    let port: Int
    private let descriptor: Int32

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard descriptor >= 0, bound else { throw POSIXError(.EADDRNOTAVAIL) }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit {
        close(descriptor)
    }
}

/// A plain TCP server on 127.0.0.1 that greets every connection with a banner, like SMTP or FTP.
struct BannerServer {
    let channel: any Channel
    var port: Int { channel.localAddress!.port! }

    static func start(banner: String) async throws -> BannerServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Greeter(banner: banner))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return BannerServer(channel: channel)
    }

    func stop() async throws {
        try await channel.close()
    }

    private final class Greeter: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let banner: String

        init(banner: String) { self.banner = banner }

        func channelActive(context: ChannelHandlerContext) {
            context.writeAndFlush(NIOAny(ByteBuffer(string: banner)), promise: nil)
        }
    }
}
