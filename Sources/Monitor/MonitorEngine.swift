import Foundation
import SwitchboardCore
import Synchronization

/// The in-process monitoring engine: runs the checks of a landscape and publishes snapshots.
///
/// ```swift
/// let engine = MonitorEngine(landscape: landscape)
/// let task = Task { await engine.run() }   // until cancelled
/// let now = engine.snapshot                // from any thread
/// ```
public final class MonitorEngine: DataSource {
    public let landscape: Landscape
    private let builder: SnapshotBuilder
    private let clients: HTTPClients
    private let runners: [CheckRunner]
    private let maxConcurrentProbes: Int
    private let state: Mutex<State>

    private struct State {
        var results: [String: CheckResult] = [:]
        var snapshot: Snapshot
    }

    /// How often the snapshot is refreshed when no result arrives, so staleness shows.
    static let heartbeat: Duration = .seconds(1)

    public init(landscape: Landscape, source: String = "in-process", maxConcurrentProbes: Int = 64) {
        self.landscape = landscape
        self.builder = SnapshotBuilder(landscape: landscape, source: source)
        self.clients = HTTPClients()
        let factory = ProbeFactory(clients: clients)
        self.runners = landscape.allChecks.map { CheckRunner(owned: $0, probe: factory.probe(for: $0.check)) }
        self.maxConcurrentProbes = maxConcurrentProbes
        let first = builder.build(results: [:], version: 1, now: Date())
        self.state = Mutex(State(snapshot: first))
    }

    public var snapshot: Snapshot {
        state.withLock { $0.snapshot }
    }

    /// Polls every check on its schedule until the calling task is cancelled, then closes connections.
    public func run() async {
        let scheduler = ProbeScheduler(runners: runners, maxConcurrentProbes: maxConcurrentProbes)
        await withDiscardingTaskGroup { group in
            group.addTask { await scheduler.run { self.record($0) } }
            group.addTask {
                while (try? await Task.sleep(for: Self.heartbeat)) != nil {
                    self.publish()
                }
            }
        }
        await clients.shutdown()
    }

    /// Runs every check once, all at the same time within the concurrency bound, in config order.
    public func runAllOnce() async -> [CheckReport] {
        let limit = ConcurrencyLimit(maxConcurrentProbes)
        let results = await withTaskGroup(of: (Int, CheckResult).self) { group in
            for (index, runner) in runners.enumerated() {
                group.addTask { (index, await limit.run { await runner.run() }) }
            }
            var collected: [Int: CheckResult] = [:]
            for await (index, result) in group {
                collected[index] = result
                record(result)
            }
            return collected
        }
        return runners.indices.map { CheckReport(owned: runners[$0].owned, result: results[$0]!) }
    }

    /// Closes the HTTP connections of an engine that was used without `run()`.
    public func shutdown() async {
        await clients.shutdown()
    }

    public func perform(_ command: Command) async -> CommandOutcome {
        switch command {
        case .checkNow(let target):
            let selected = runners.filter { $0.owned.interface == target || $0.owned.system == target }
            guard !selected.isEmpty else {
                return CommandOutcome(succeeded: false, message: "nothing to check for \(target)")
            }
            let results = await withTaskGroup(of: CheckResult.self) { group in
                for runner in selected { group.addTask { await runner.run() } }
                return await group.reduce(into: []) { $0.append($1) }
            }
            results.forEach(record)
            let down = results.filter { !$0.up }.count
            return CommandOutcome(
                succeeded: true,
                message: "checked \(target): \(results.count - down) up, \(down) down")
        }
    }

    private func record(_ result: CheckResult) {
        state.withLock { state in
            state.results[result.checkID] = result
            state.snapshot = next(after: state.snapshot, results: state.results)
        }
    }

    private func publish() {
        state.withLock { state in
            state.snapshot = next(after: state.snapshot, results: state.results)
        }
    }

    /// A fresh snapshot; its version moves on only when what it shows has changed.
    private func next(after previous: Snapshot, results: [String: CheckResult]) -> Snapshot {
        var snapshot = builder.build(results: results, version: previous.version, now: Date())
        if snapshot.systems != previous.systems || snapshot.interfaces != previous.interfaces
            || snapshot.progress != previous.progress
        {
            snapshot.version += 1
        }
        return snapshot
    }
}
