import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// A simulated integration landscape on loopback: one real HTTP server per system, all
/// misbehaving on the same seeded, repeating timeline of faults.
///
/// ```swift
/// let demo = try await DemoLandscape.start(seed: 1)
/// let config = try DemoLandscape.configFileURL()      // examples/demo.yaml, as shipped
/// // load `config` with `demo.environment` for its ${DEMO_…} references, monitor, …
/// await demo.shutdown()
/// ```
///
/// The servers run as the services of one `ServiceGroup`; ``shutdown()`` shuts them down
/// gracefully (no new connections; connections already accepted are served or closed) and
/// cancels what still runs after a second, such as requests hanging on purpose.
public final class DemoLandscape: Sendable {
    public let seed: UInt64
    public let timeline: FaultTimeline
    public let clock: any DemoClock
    /// Bound port of each system's server, by system id.
    public let ports: [String: Int]
    /// Where the simulated external tool writes its log (`$DEMO_JOB_LOG_DIR`).
    public let jobLogDirectory: URL
    private let group: ServiceGroup
    private let servers: Task<Void, Never>
    private let externalTool: Task<Void, Never>

    /// How long shutdown waits for open requests before cancelling them.
    static let shutdownGrace: Duration = .seconds(1)

    private init(
        seed: UInt64, timeline: FaultTimeline, clock: any DemoClock, ports: [String: Int], group: ServiceGroup,
        servers: Task<Void, Never>, jobLogDirectory: URL
    ) {
        self.jobLogDirectory = jobLogDirectory
        let tool = ExternalToolLog(directory: jobLogDirectory, seed: seed)
        self.externalTool = Task { await tool.run() }
        self.seed = seed
        self.timeline = timeline
        self.clock = clock
        self.ports = ports
        self.group = group
        self.servers = servers
    }

    deinit {
        servers.cancel()
        externalTool.cancel()
    }

    /// Starts every system's server and returns once all of them accept connections.
    ///
    /// - Parameters:
    ///   - seed: Selects the fault timeline; the same seed gives the same faults.
    ///   - clock: The time the timeline is read at; by default the time since this call.
    ///   - hangDuration: How long a hanging endpoint holds a request.
    ///   - logger: Logger of the HTTP servers; by default they log nothing, so that they
    ///     cannot write over the console's screen.
    public static func start(
        seed: UInt64 = 1, clock: (any DemoClock)? = nil, hangDuration: Duration = .seconds(60), logger: Logger? = nil
    ) async throws -> DemoLandscape {
        let clock = clock ?? RunningDemoClock()
        let timeline = FaultTimeline(seed: seed)
        let logger = logger ?? Logger(label: "switchboard.demo", factory: { _ in SwiftLogNoOpLogHandler() })
        let (events, continuation) = AsyncStream.makeStream(of: ServerEvent.self)
        let services: [any Service] = DemoSystem.all.map { system in
            let simulation = SimulationContext(
                system: system, seed: seed, clock: clock, timeline: timeline, hangDuration: hangDuration)
            return SystemServer.application(simulation, logger: logger) { port in
                continuation.yield(.running(system.id, port: port))
            }
        }
        var configuration = ServiceGroupConfiguration(services: services, logger: logger)
        configuration.maximumGracefulShutdownDuration = shutdownGrace
        let group = ServiceGroup(configuration: configuration)
        let servers = Task {
            do {
                try await group.run()
            } catch {
                continuation.yield(.stopped("demo", reason: "\(error)"))
            }
            continuation.finish()
        }
        var ports: [String: Int] = [:]
        for await event in events {
            switch event {
            case .running(let system, let port):
                ports[system] = port
            case .stopped(let system, let reason):
                await group.triggerGracefulShutdown()
                await servers.value
                throw DemoError.serverDidNotStart(system: system, reason: reason)
            }
            if ports.count == DemoSystem.all.count { break }
        }
        guard ports.count == DemoSystem.all.count else {
            await group.triggerGracefulShutdown()
            await servers.value
            throw CancellationError()
        }
        let jobLogs = FileManager.default.temporaryDirectory.appending(
            path: "switchboard-demo-\(ProcessInfo.processInfo.processIdentifier)-\(seed)")
        return DemoLandscape(
            seed: seed, timeline: timeline, clock: clock, ports: ports, group: group, servers: servers,
            jobLogDirectory: jobLogs)
    }

    /// Runs `body` with a started landscape and shuts it down afterwards, also when `body` throws.
    public static func withLandscape<Result: Sendable>(
        seed: UInt64 = 1, clock: (any DemoClock)? = nil, hangDuration: Duration = .seconds(60),
        _ body: (DemoLandscape) async throws -> Result
    ) async throws -> Result {
        let demo = try await start(seed: seed, clock: clock, hangDuration: hangDuration)
        do {
            let result = try await body(demo)
            await demo.shutdown()
            return result
        } catch {
            await demo.shutdown()
            throw error
        }
    }

    /// Stops every server and waits until they and their requests have ended. Safe to call twice.
    public func shutdown() async {
        externalTool.cancel()
        await group.triggerGracefulShutdown()
        await servers.value
    }

    /// The variables `examples/demo.yaml` refers to: `DEMO_<SYSTEM>_URL` (`http://127.0.0.1:41234`)
    /// and `DEMO_<SYSTEM>_ADDR` (`127.0.0.1:41234`) for each system.
    public var environment: [String: String] {
        var environment: [String: String] = [:]
        for system in DemoSystem.all {
            guard let port = ports[system.id] else { continue }
            environment[system.urlVariable] = "http://127.0.0.1:\(port)"
            environment[system.addressVariable] = "127.0.0.1:\(port)"
        }
        environment[Self.jobLogDirectoryVariable] = jobLogDirectory.path
        return environment
    }

    /// The variable naming the folder of the simulated external tool's log.
    public static let jobLogDirectoryVariable = "DEMO_JOB_LOG_DIR"

    /// Base URL of one system's server (`http://127.0.0.1:41234`).
    public func baseURL(of system: String) -> String? {
        ports[system].map { "http://127.0.0.1:\($0)" }
    }

    /// The faults under way now, by the landscape's clock.
    public func currentFaults() -> [FaultEpisode] {
        timeline.activeEpisodes(at: clock.elapsed())
    }
}

/// What a system's server reports to ``DemoLandscape/start(seed:clock:hangDuration:logger:)``.
private enum ServerEvent: Sendable {
    case running(String, port: Int)
    case stopped(String, reason: String)
}
