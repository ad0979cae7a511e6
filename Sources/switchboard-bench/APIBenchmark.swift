import ArgumentParser
import Foundation
import Logging
import Monitor
import Remote
import Server
import SwitchboardCore
import Synchronization

/// `switchboard-bench api`: the engine's API under a team. A server process serves a synthetic
/// landscape (publishing a new snapshot version every second, as a live engine does) on a Unix
/// socket; this process attaches `--clients` remote consoles (the console's own `RemoteDataSource`),
/// then acknowledges alerts over the API one after another and times each until the last console
/// shows it. The server's CPU and RSS are read from /proc.
struct APIBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api", abstract: "Snapshot fan-out: consoles on the event stream, ack to the last console.")

    @Option(help: "Interfaces in the synthetic landscape.") var interfaces = 10_000
    @Option(help: "Alerts in its queue.") var alerts = 2_000
    @Option(help: "Remote consoles attached.") var clients = 50
    @Option(help: "Acknowledgements timed.") var acks = 40
    @Option(
        help: "Serve the landscape on this socket and print `ready` (the server half; used by the benchmark itself).")
    var serveSocket: String?
    @Option(
        help: ArgumentHelp(
            "Attach the consoles to a running engine's socket instead (`switchboard serve`), hold them "
                + "--hold-seconds, report its RSS and CPU.", valueName: "path"))
    var engineSocket: String?
    @Option(help: "With --engine-socket: how many seconds the consoles stay attached.") var holdSeconds: Double = 60

    func run() async throws {
        if let serveSocket { return try await serve(on: serveSocket) }
        if let engineSocket { return try await hold(engineSocket) }
        let socket = "/tmp/sb-bench-api-\(getpid()).sock"
        let server = try ChildProcess(
            CommandLine.arguments[0],
            ["api", "--serve-socket", socket, "--interfaces", "\(interfaces)", "--alerts", "\(alerts)"])
        defer { server.stop() }
        guard server.readLine() == "ready" else { throw ValidationError("the server half did not start") }
        let idle = ProcessStats.of(pid: server.pid)
        let consoles = (0..<clients).map { RemoteDataSource(endpoint: .socket(path: socket), user: "engineer-\($0)") }
        let attachStarted = ContinuousClock.now
        consoles.forEach { $0.start() }
        var polls = 0
        while !consoles.allSatisfy({ $0.isConnected && $0.snapshot.interfaces.count == interfaces }) {
            try await Task.sleep(for: .milliseconds(5))
            polls += 1
            if polls % 1000 == 0 {
                let attached = consoles.filter { $0.isConnected && $0.snapshot.interfaces.count == interfaces }.count
                FileHandle.standardError.write(
                    Data("attaching: \(attached) of \(clients) consoles hold the snapshot\n".utf8))
            }
        }
        let attachTime = ContinuousClock.now - attachStarted
        // Acks are timed once every console has caught up with the newest version one of them held
        // when the last attached (the attach storm is its own figure).
        let caughtUp = consoles.map(\.snapshot.version).max() ?? 0
        while consoles.contains(where: { $0.snapshot.version < caughtUp }) {
            try await Task.sleep(for: .milliseconds(5))
        }
        let before = ProcessStats.of(pid: server.pid)
        let started = ContinuousClock.now
        var latencies: [Double] = []
        let ids = consoles[0].snapshot.alerts.entries.filter { $0.acknowledgement == nil }.prefix(acks).map(\.id)
        for id in ids {
            let sent = ContinuousClock.now
            let outcome = await consoles[0].perform(.acknowledge(alertID: id, note: "bench", by: "engineer-0"))
            guard outcome.succeeded else { throw ValidationError("ack refused: \(outcome.message)") }
            while !consoles.allSatisfy({ console in
                console.snapshot.alerts.entries.contains { $0.id == id && $0.acknowledgement != nil }
            }) {
                try await Task.sleep(for: .milliseconds(1))
            }
            latencies.append((ContinuousClock.now - sent).seconds)
        }
        let elapsed = (ContinuousClock.now - started).seconds
        let after = ProcessStats.of(pid: server.pid)
        for console in consoles { await console.stop() }
        latencies.sort()
        func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        let bytes = (try? APICoding.encode(consoles[0].snapshot).count) ?? 0
        print(
            """
            api: \(interfaces) interfaces, \(alerts) alerts, \(clients) remote consoles on the socket, \(latencies.count) acks
            snapshot JSON \(String(format: "%.1f", Double(bytes) / 1_048_576)) MB; all consoles attached in \(String(format: "%.2f", attachTime.seconds)) s
            ack to the last console: p50 \(ms(percentile(0.5))) ms, p99 \(ms(percentile(0.99))) ms, max \(ms(latencies.last ?? 0)) ms
            server CPU \(String(format: "%.2f", (after?.cpuSeconds ?? 0) - (before?.cpuSeconds ?? 0))) s over \(String(format: "%.1f", elapsed)) s (\(String(format: "%.0f", 100 * ((after?.cpuSeconds ?? 0) - (before?.cpuSeconds ?? 0)) / max(elapsed, 0.001))) % of a core)
            server RSS idle \(mb(idle?.residentBytes)) MB, with the consoles \(mb(after?.residentBytes)) MB (peak \(mb(after?.peakResidentBytes)) MB)
            """)
    }

    /// `--clients` consoles on a real engine for `--hold-seconds`: its RSS and CPU before and with them.
    private func hold(_ socket: String) async throws {
        let directory = URL(fileURLWithPath: socket).deletingLastPathComponent()
        guard let pid = StateDirectoryLock.holder(directory: directory) else {
            throw ValidationError("no engine's pid in \(directory.path)/engine.lock")
        }
        let idle = ProcessStats.of(pid: pid)
        let consoles = (0..<clients).map { RemoteDataSource(endpoint: .socket(path: socket), user: "engineer-\($0)") }
        consoles.forEach { $0.start() }
        while !consoles.allSatisfy(\.isConnected) { try await Task.sleep(for: .milliseconds(10)) }
        let before = ProcessStats.of(pid: pid)
        try await Task.sleep(for: .seconds(holdSeconds))
        let after = ProcessStats.of(pid: pid)
        let versions = consoles[0].snapshot.version
        for console in consoles { await console.stop() }
        let cpu = (after?.cpuSeconds ?? 0) - (before?.cpuSeconds ?? 0)
        print(
            """
            engine pid \(pid): \(consoles[0].snapshot.interfaces.count) interfaces, \(clients) consoles attached for \(Int(holdSeconds)) s (snapshot version \(versions))
            engine RSS before the consoles \(mb(idle?.residentBytes)) MB, with them \(mb(after?.residentBytes)) MB (peak \(mb(after?.peakResidentBytes)) MB)
            engine CPU with the consoles \(String(format: "%.2f", cpu)) s (\(String(format: "%.0f", 100 * cpu / holdSeconds)) % of a core)
            """)
    }

    private func ms(_ seconds: Double) -> String { String(format: "%.1f", seconds * 1000) }
    private func mb(_ bytes: Int?) -> String { String(format: "%.1f", Double(bytes ?? 0) / 1_048_576) }

    /// The server half: the synthetic engine behind `EngineServer`, until SIGTERM.
    private func serve(on socket: String) async throws {
        let engine = SyntheticEngine(
            ConsoleWorkload.snapshot(systems: 50, interfaces: interfaces, alerts: alerts, now: Date()))
        let host = EngineHost(
            source: engine, info: EngineInfo(pid: getpid(), startedAt: Date(), landscape: "bench", version: "bench"))
        let server = try await EngineServer.start(
            api: EngineAPI(host: host, access: AccessPolicy(tokens: [])),
            listeners: EngineServer.Listeners(socketPath: socket),
            logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        let watching = Task { await host.watch() }
        let ticking = Task {
            while (try? await Task.sleep(for: .seconds(1))) != nil { engine.tick() }
        }
        FileHandle.standardOutput.write(Data("ready\n".utf8))
        try await Task.sleep(for: .seconds(3600))
        ticking.cancel()
        watching.cancel()
        await server.stop()
    }
}

extension Duration {
    fileprivate var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

/// A landscape that acknowledges what it is told to and publishes a new version every `tick`.
final class SyntheticEngine: DataSource {
    private let current: Mutex<Snapshot>

    init(_ snapshot: Snapshot) {
        current = Mutex(snapshot)
    }

    var snapshot: Snapshot { current.withLock { $0 } }

    /// A new version with the clock moved on, as the engine publishes while data arrives.
    func tick() {
        current.withLock {
            $0.version += 1
            $0.generatedAt = Date()
        }
    }

    func perform(_ command: Command) async -> CommandOutcome {
        guard case .acknowledge(let id, let note, let by) = command else {
            return CommandOutcome(succeeded: false, message: "the synthetic engine only acknowledges")
        }
        return current.withLock { snapshot in
            guard let index = snapshot.alerts.entries.firstIndex(where: { $0.id == id }) else {
                return CommandOutcome(succeeded: false, message: "no alert \(id)")
            }
            snapshot.alerts.entries[index].acknowledgement = AcknowledgementSnapshot(
                by: by, at: Date(), note: note, expiresAt: nil)
            snapshot.version += 1
            return CommandOutcome(succeeded: true, message: "acknowledged \(id)")
        }
    }

    func jobRuns(jobID: String, limit: Int) async throws -> [JobRunSummary] { [] }
    func jobLog(runID: Int64, afterLine: Int, limit: Int) async throws -> JobLogPage? { nil }
    func alertActivity(alertID: String, limit: Int) async throws -> [AlertActivity] { [] }
}
