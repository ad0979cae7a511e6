import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// A real Hummingbird server on 127.0.0.1 with an ephemeral port, for the tests of probes and commands.
///
/// It runs in a `ServiceGroup` and stops gracefully (one second for open requests), because
/// cancelling a Hummingbird server outright can trap in NIO when a connection arrives meanwhile.
public struct LoopbackServer: Sendable {
    public let port: Int
    private let task: Task<Void, any Error>
    private let group: ServiceGroup

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public static func start(_ routes: (Router<BasicRequestContext>) -> Void) async throws -> LoopbackServer {
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

    /// Runs `body` with a server of `routes`, and stops it however `body` ends.
    public static func serving(
        _ routes: (Router<BasicRequestContext>) -> Void, _ body: (LoopbackServer) async throws -> Void
    ) async throws {
        let server = try await start(routes)
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }

    public enum ServerError: Error { case didNotStart }
}
