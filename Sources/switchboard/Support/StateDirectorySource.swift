import Foundation
import Logging
import Monitor
import Remote
import Server
import SwitchboardCore
import Synchronization

/// The console's data on a state directory: the engine this process runs there, or the one another
/// process runs, attached over the directory's socket. When that other engine goes away (its
/// console quit, `serve` stopped, the process died), this console takes the directory's lock and
/// runs the engine itself, so a team never loses its engine because one engineer went home; the
/// other attached consoles find it on the same socket. A read-only console never takes over.
final class StateDirectorySource: DataSource {
    private enum Current {
        case served(ServedEngine, LocalConsoleSource)
        case attached(RemoteDataSource)
    }

    private let directory: URL
    private let user: String
    private let takesOver: Bool
    private let plan: @Sendable () async throws -> EnginePlan
    private let current: Mutex<Current>
    private let watcher = Mutex<Task<Void, Never>?>(nil)
    private static let logger = Logger(label: "switchboard.server")
    /// How long the engine must be unreachable before this console tries to take over.
    static let takeOverAfter: Duration = .seconds(1)

    private init(
        directory: URL, user: String, takesOver: Bool, plan: @escaping @Sendable () async throws -> EnginePlan,
        current: Current
    ) {
        self.directory = directory
        self.user = user
        self.takesOver = takesOver
        self.plan = plan
        self.current = Mutex(current)
    }

    /// Runs the directory's engine when none runs, else attaches to it (always, when `readOnly`).
    static func open(
        stateDirectory: String, user: String, readOnly: Bool, plan: @escaping @Sendable () async throws -> EnginePlan
    ) async throws -> StateDirectorySource {
        let directory = URL(fileURLWithPath: stateDirectory)
        let current: Current =
            if !readOnly, let served = try await serve(directory, user: user, plan: plan) {
                served
            } else {
                attach(directory, user: user)
            }
        let source = StateDirectorySource(
            directory: directory, user: user, takesOver: !readOnly, plan: plan, current: current)
        source.watcher.withLock { $0 = Task { await source.watch() } }
        return source
    }

    /// Stops following or running the engine (the lock released when this process held it).
    func close() async {
        let task = watcher.withLock { $0 }
        task?.cancel()
        await task?.value
        switch current.withLock({ $0 }) {
        case .served(let engine, _): await engine.stop()
        case .attached(let remote): await remote.stop()
        }
    }

    private var source: any DataSource {
        switch current.withLock({ $0 }) {
        case .served(_, let local): local
        case .attached(let remote): remote
        }
    }

    var snapshot: Snapshot { source.snapshot }
    func perform(_ command: Command) async -> CommandOutcome { await source.perform(command) }
    func jobRuns(jobID: String, limit: Int) async throws -> [JobRunSummary] {
        try await source.jobRuns(jobID: jobID, limit: limit)
    }
    func jobLog(runID: Int64, afterLine: Int, limit: Int) async throws -> JobLogPage? {
        try await source.jobLog(runID: runID, afterLine: afterLine, limit: limit)
    }
    func alertActivity(alertID: String, limit: Int) async throws -> [AlertActivity] {
        try await source.alertActivity(alertID: alertID, limit: limit)
    }
    func reportPresence(viewing: String) { source.reportPresence(viewing: viewing) }
    func auditTrail(limit: Int) async throws -> [AuditTrailEntry] { try await source.auditTrail(limit: limit) }

    /// While attached, takes the engine over once it has been unreachable for `takeOverAfter` and
    /// the directory's lock is free (exactly one waiting console gets it).
    private func watch() async {
        guard takesOver else { return }
        var unreachableSince: ContinuousClock.Instant?
        while (try? await Task.sleep(for: .milliseconds(250))) != nil {
            guard case .attached(let remote) = current.withLock({ $0 }) else { return }
            if remote.isConnected {
                unreachableSince = nil
                continue
            }
            let since = unreachableSince ?? .now
            unreachableSince = since
            guard since.duration(to: .now) >= Self.takeOverAfter else { continue }
            do {
                guard let served = try await Self.serve(directory, user: user, plan: plan) else { continue }
                current.withLock { $0 = served }
                await remote.stop()
                Self.logger.notice("the engine on \(directory.path) went away: this console runs it now")
                return
            } catch {
                Self.logger.error("cannot take over the engine on \(directory.path): \(error)")
                unreachableSince = nil
            }
        }
    }

    /// Takes the lock and runs the engine; nil when another live process holds the lock.
    private static func serve(
        _ directory: URL, user: String, plan: @Sendable () async throws -> EnginePlan
    ) async throws -> Current? {
        guard let lock = try ConsoleRunner.lock(directory) else { return nil }
        let served = try await ServedEngine.start(
            plan: try await plan(), stateDirectory: directory.path, lock: lock,
            listeners: EngineServer.Listeners(
                socketPath: directory.appending(path: StateDirectoryLock.socketName).path),
            logger: logger)
        return .served(served, LocalConsoleSource(host: served.host, user: user))
    }

    private static func attach(_ directory: URL, user: String) -> Current {
        let remote = RemoteDataSource(
            endpoint: .socket(path: StateDirectoryLock.socketPath(directory: directory)), user: user)
        remote.start()
        return .attached(remote)
    }
}
