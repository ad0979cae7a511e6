import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// A Prometheus `/metrics` page on 127.0.0.1 with the text a test gives, for the commands that scrape.
///
/// It runs in a `ServiceGroup` and stops gracefully, because cancelling a Hummingbird server outright
/// can trap in NIO when a connection arrives meanwhile.
final class MetricsPageServer: Sendable {
    let port: Int
    private let task: Task<Void, any Error>
    private let group: ServiceGroup

    var url: String { "http://127.0.0.1:\(port)/metrics" }

    private init(port: Int, task: Task<Void, any Error>, group: ServiceGroup) {
        self.port = port
        self.task = task
        self.group = group
    }

    /// Serves `page` at `/metrics` while `body` runs.
    static func serving(_ page: String, _ body: (MetricsPageServer) async throws -> Void) async throws {
        let server = try await start(page: page)
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    static func start(page: String) async throws -> MetricsPageServer {
        let router = Router()
        router.get("metrics") { _, _ -> String in page }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "metrics-page")
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
            throw POSIXError(.EADDRNOTAVAIL)
        }
        return MetricsPageServer(port: port, task: task, group: group)
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }
}
