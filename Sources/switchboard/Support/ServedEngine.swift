import Foundation
import Logging
import Monitor
import Server
import SwitchboardCore
import Synchronization

/// The engine of a state directory owned by this process: its lock held, the engine polling, its
/// API served on the directory's socket (and TCP for `serve --listen`). Every other console and
/// command on the directory attaches to it; `stop()` ends all of it and gives the lock back.
final class ServedEngine: Sendable {
    let host: EngineHost
    let server: EngineServer
    private let lock: StateDirectoryLock
    private let running: RunningEngine
    private let watching: Task<Void, Never>

    private init(
        host: EngineHost, server: EngineServer, lock: StateDirectoryLock, running: RunningEngine,
        watching: Task<Void, Never>
    ) {
        self.host = host
        self.server = server
        self.lock = lock
        self.running = running
        self.watching = watching
    }

    /// Builds the engine from `plan`, starts it and serves it. With `replan`, a reload re-reads the
    /// config (throwing when it is invalid: the running engine stays).
    static func start(
        plan: EnginePlan, stateDirectory: String, lock: StateDirectoryLock, listeners: EngineServer.Listeners,
        logger: Logger, replan: (@Sendable () throws -> EnginePlan)? = nil
    ) async throws -> ServedEngine {
        let engine = try EngineFactory.engine(plan, stateDirectory: stateDirectory)
        let running = RunningEngine(engine, plan: plan, stateDirectory: stateDirectory)
        let info = EngineInfo(
            pid: getpid(), startedAt: Date(), landscape: engine.landscape.name, version: Switchboard.version)
        let host = EngineHost(source: engine, info: info)
        host.onJobPush(ServedEngine.pushHandler(engine))
        if let replan {
            host.onReload { await running.reload(replan, host: host, logger: logger) }
        }
        let server: EngineServer
        do {
            server = try await EngineServer.start(
                api: EngineAPI(host: host, access: AccessPolicy(tokens: plan.landscape.server.tokens)),
                listeners: listeners, logger: logger)
        } catch {
            await running.stop()
            throw error
        }
        let watching = Task { await host.watch() }
        return ServedEngine(host: host, server: server, lock: lock, running: running, watching: watching)
    }

    /// The engine's push ingestion behind the API's push routes; nil without jobs.
    static func pushHandler(_ engine: MonitorEngine) -> EngineHost.JobPushHandler? {
        guard let push = engine.jobs?.push else { return nil }
        return { method, path, body in
            let answer = push.handle(JobPushRequest(method: method, path: path, body: body))
            return (answer.status, answer.body)
        }
    }

    /// Closes the listeners, stops the engine (its last checkpoint written) and releases the lock.
    func stop() async {
        host.events.close()
        await server.stop()
        watching.cancel()
        await running.stop()
        withExtendedLifetime(lock) {}
    }
}

/// The engine being run and the task that runs it, replaced as a whole by a reload.
final class RunningEngine: Sendable {
    private struct Current {
        var plan: EnginePlan
        var task: Task<Void, Never>
    }

    private let current: Mutex<Current>
    private let stateDirectory: String
    /// One reload at a time.
    private let reloading = Mutex(false)

    init(_ engine: MonitorEngine, plan: EnginePlan, stateDirectory: String) {
        self.stateDirectory = stateDirectory
        current = Mutex(Current(plan: plan, task: Task { await engine.run() }))
    }

    func stop() async {
        let task = current.withLock { $0.task }
        task.cancel()
        await task.value
    }

    /// Reads the config as it is now and swaps a new engine in. An invalid config is refused before
    /// anything stops. The old engine stops first, so that its last checkpoint and history are on
    /// disk for the new one to load: alerts, acknowledgements and the history of checks that still
    /// exist carry over as they do across a restart.
    func reload(_ replan: @Sendable () throws -> EnginePlan, host: EngineHost, logger: Logger) async
        -> EngineHost.ReloadOutcome
    {
        let busy = reloading.withLock { busy in
            defer { busy = true }
            return busy
        }
        guard !busy else { return EngineHost.ReloadOutcome(succeeded: false, message: "a reload is already under way") }
        defer { reloading.withLock { $0 = false } }
        let plan: EnginePlan
        do {
            plan = try replan()
        } catch {
            logger.error("reload refused, the running config stays: the new config is invalid (errors above)")
            return EngineHost.ReloadOutcome(
                succeeded: false, message: "the config is invalid (its errors are in the log); the running config stays"
            )
        }
        await stop()
        let previous = current.withLock { $0.plan }
        let posted = (host.source as? MonitorEngine)?.postedAlerts() ?? [:]
        for (candidate, isNew) in [(plan, true), (previous, false)] {
            guard let engine = try? EngineFactory.engine(candidate, stateDirectory: stateDirectory) else { continue }
            engine.adoptPostedAlerts(posted)
            current.withLock { $0 = Current(plan: candidate, task: Task { await engine.run() }) }
            host.replace(engine)
            host.onJobPush(ServedEngine.pushHandler(engine))
            guard isNew else {
                logger.error("reload failed: the new engine could not be built; the previous config runs again")
                return EngineHost.ReloadOutcome(succeeded: false, message: "the new engine could not be built")
            }
            let checks = plan.landscape.allChecks.count
            logger.info(
                "reloaded: \(checks) checks, \(plan.ruleGroups.count) rule groups, \(plan.landscape.jobs.count) jobs")
            return EngineHost.ReloadOutcome(succeeded: true, message: "reloaded: \(checks) checks")
        }
        logger.critical("reload failed and the previous config could not be started again; the engine is stopped")
        return EngineHost.ReloadOutcome(succeeded: false, message: "no engine could be started; see the log")
    }
}
