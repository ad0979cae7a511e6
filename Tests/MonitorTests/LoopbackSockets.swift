import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// A real Hummingbird server on 127.0.0.1 with an ephemeral port, for probe tests.
///
/// It runs in a `ServiceGroup` and stops gracefully (one second for open requests), because
/// cancelling a Hummingbird server outright can trap in NIO when a connection arrives meanwhile.
struct LoopbackServer {
    let port: Int
    private let task: Task<Void, any Error>
    private let group: ServiceGroup

    var baseURL: String { "http://127.0.0.1:\(port)" }

    static func start(_ routes: (Router<BasicRequestContext>) -> Void) async throws -> LoopbackServer {
        let router = Router()
        routes(router)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "test-server")
        logger.logLevel = .critical
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            }, logger: logger)
        var configuration = ServiceGroupConfiguration(services: [app], logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(1)
        let group = ServiceGroup(configuration: configuration)
        let task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            await group.triggerGracefulShutdown()
            throw ServerError.didNotStart
        }
        return LoopbackServer(port: port, task: task, group: group)
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }

    enum ServerError: Error { case didNotStart }
}

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
