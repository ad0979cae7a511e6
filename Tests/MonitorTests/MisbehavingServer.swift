import NIOCore
import NIOPosix

/// A TCP server on 127.0.0.1 that misbehaves in one chosen way, as broken endpoints do.
struct MisbehavingServer {
    enum Behaviour: Sendable {
        /// Accepts, reads, never answers.
        case silent
        /// Sends the status line and headers, then one body byte every `interval`.
        case drip(interval: TimeAmount)
        /// Accepts and resets the connection (RST, not FIN).
        case reset
        /// Answers something that is not HTTP.
        case garbage
    }

    let channel: any Channel
    var port: Int { channel.localAddress!.port! }
    var url: String { "http://127.0.0.1:\(port)/health" }

    static func start(_ behaviour: Behaviour) async throws -> MisbehavingServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Handler(behaviour: behaviour))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return MisbehavingServer(channel: channel)
    }

    func stop() async throws {
        try await channel.close()
    }

    private final class Handler: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let behaviour: Behaviour

        init(behaviour: Behaviour) { self.behaviour = behaviour }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch behaviour {
            case .silent:
                break
            case .drip(let interval):
                let head = "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\nContent-Type: text/plain\r\n\r\n"
                context.writeAndFlush(NIOAny(ByteBuffer(string: head)), promise: nil)
                let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
                context.eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { task in
                    let context = loopBound.value
                    guard context.channel.isActive else { return task.cancel() }
                    context.writeAndFlush(NIOAny(ByteBuffer(string: "x")), promise: nil)
                }
            case .reset:
                let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
                let options = context.channel as! any SocketOptionProvider
                options.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in
                    loopBound.value.close(promise: nil)
                }
            case .garbage:
                context.writeAndFlush(
                    NIOAny(ByteBuffer(string: "SSH-2.0-OpenSSH_9.2\r\n\u{0}\u{1}binary")), promise: nil)
                context.close(promise: nil)
            }
        }
    }
}
