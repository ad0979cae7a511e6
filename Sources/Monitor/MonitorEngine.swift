import Foundation
import GRDB
import Logging
import PromQL
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
    let state: Mutex<State>
    /// How late scheduled runs started, for the benchmark and `/metrics`.
    public let lateness = LatenessRecorder()
    /// Every sample the probes produced (probe_success, probe_http_*, scraped series), for rules and charts.
    public let store: SeriesStore
    /// Rules, the alert queue and its persistence; nil when no rule groups are loaded.
    let alerting: AlertPipeline?
    /// The landscape's jobs, their runs and logs; nil without jobs or a state database.
    public let jobs: JobEngine?
    /// The checks' 5-minute history in the state database; nil without one.
    let history: HistoryRecorder?
    /// The SLOs' budget trails, recomputed every few minutes.
    let budgetTrails = SLOBudgetTrailCache()
    /// Interface ids by check id, to know whose statistics a result changes.
    private let interfacesOfCheck: [String: String]
    /// The labels of every check's samples, by check id, to read its runs back from the store.
    let labelsOfCheck: [String: Labels]
    /// Writes the store to the state directory; nil without one.
    private let checkpointer: StoreCheckpointer?
    /// The `health.conditions` of the landscape, evaluated every `conditionInterval`.
    let conditions: HealthConditionEvaluator

    struct State {
        var knowledge = SnapshotBuilder.Knowledge()
        var snapshot: Snapshot
        /// Interfaces with results not yet reflected in their statistics.
        var stale: Set<String> = []
        var statsRefreshedAt = Date.distantPast
        var compactedAt = Date()
        /// Which interfaces of `snapshot` the next build may take as they are, and until when.
        var stableUntil = SnapshotBuilder.StableUntil()
        /// Interfaces whose condition outcome moved since the last build.
        var conditionsChanged: Set<String> = []
    }

    /// How often the snapshot is rebuilt while polling: results arriving in between are coalesced
    /// into one snapshot, and staleness shows even when nothing arrives.
    static let publishInterval: Duration = .milliseconds(200)
    /// How often every interface's statistics are recomputed, so that windows move on.
    static let statsRefreshInterval: TimeInterval = 30
    /// How many state changes an interface keeps for its timeline.
    static let historyLimit = 50
    /// How often the rule engine looks for groups that are due.
    static let ruleTick: Duration = .seconds(1)
    /// How often chunks older than the store's retention are dropped.
    static let compactionInterval: TimeInterval = 60
    /// How often the store is checkpointed to the state directory: what a `kill -9` can lose at most.
    public static let checkpointInterval: Duration = .seconds(120)

    /// `retention` bounds how far back the store keeps samples. Nothing is persisted (`switchboard
    /// check`, tests); an engine with a `StateDatabase` keeps its state.
    public convenience init(
        landscape: Landscape, source: String = "in-process", maxConcurrentProbes: Int = 64,
        retention: Duration = .seconds(3600)
    ) {
        let store = SeriesStore(retention: Self.storeRetention(retention, for: landscape))
        self.init(
            landscape: landscape, source: source, maxConcurrentProbes: maxConcurrentProbes, store: store, alerting: nil)
    }

    /// An engine that also evaluates `ruleGroups` over its store and runs the alert queue, and runs
    /// the landscape's jobs, both kept in `stateDatabase`; throws when the persisted state cannot be read.
    /// The store is checkpointed beside the database and loaded from there before the first evaluation.
    public convenience init(
        landscape: Landscape, ruleGroups: [RuleGroup], stateDatabase: StateDatabase,
        source: String = "in-process", maxConcurrentProbes: Int = 64, retention: Duration = .seconds(3600)
    ) throws {
        let store = SeriesStore(retention: Self.storeRetention(retention, for: landscape))
        let ruleGroups = try Self.ruleGroups(ruleGroups, for: landscape)
        let checkpointer = StoreCheckpointer(directory: URL(filePath: stateDatabase.path).deletingLastPathComponent())
        checkpointer.load(into: store)
        let alerting =
            ruleGroups.isEmpty
            ? nil
            : try AlertPipeline(groups: ruleGroups, series: store, database: stateDatabase.pool, landscape: landscape)
        let jobs =
            landscape.jobs.isEmpty ? nil : try JobEngine(jobs: landscape.jobs, store: store, database: stateDatabase)
        let history = HistoryRecorder(database: stateDatabase.pool, retention: landscape.history.retention)
        self.init(
            landscape: landscape, source: source, maxConcurrentProbes: maxConcurrentProbes, store: store,
            alerting: alerting, jobs: jobs, history: history, checkpointer: checkpointer)
    }

    /// An engine with rules and an alert queue over any database (tests), without jobs.
    convenience init(landscape: Landscape, ruleGroups: [RuleGroup], alertDatabase: (any DatabaseWriter)?) throws {
        let store = SeriesStore(retention: Self.storeRetention(.seconds(3600), for: landscape))
        let alerting = try AlertPipeline(
            groups: try Self.ruleGroups(ruleGroups, for: landscape), series: store, database: alertDatabase,
            landscape: landscape)
        self.init(
            landscape: landscape, source: "in-process", maxConcurrentProbes: 64, store: store, alerting: alerting,
            jobs: nil)
    }

    private init(
        landscape: Landscape, source: String, maxConcurrentProbes: Int, store: SeriesStore, alerting: AlertPipeline?,
        jobs: JobEngine? = nil, history: HistoryRecorder? = nil, checkpointer: StoreCheckpointer? = nil
    ) {
        self.landscape = landscape
        self.history = history
        self.store = store
        self.checkpointer = checkpointer
        self.alerting = alerting
        self.jobs = jobs
        self.builder = SnapshotBuilder(landscape: landscape, source: source)
        self.conditions = HealthConditionEvaluator(landscape: landscape)
        self.clients = HTTPClients()
        let factory = ProbeFactory(clients: clients)
        self.runners = landscape.allChecks.map { owned in
            let target = landscape.systems.first { $0.id == owned.system }?.name
            return CheckRunner(owned: owned, probe: factory.probe(for: owned.check, target: target))
        }
        self.maxConcurrentProbes = maxConcurrentProbes
        self.labelsOfCheck = Dictionary(
            runners.map { ($0.owned.check.id, $0.labels) }, uniquingKeysWith: { first, _ in first })
        self.interfacesOfCheck = Dictionary(
            landscape.interfaces.flatMap { interface in interface.checks.map { ($0.id, interface.id) } },
            uniquingKeysWith: { first, _ in first })
        var knowledge = SnapshotBuilder.Knowledge()
        if let alerting {
            knowledge.alerts = alerting.view(now: Date())
            knowledge.rules = alerting.summary
        }
        for owned in landscape.allChecks {
            knowledge.histories[owned.check.id] = CheckHistory()
        }
        // The jobs are listed from the first snapshot on, before their first status tick.
        if let jobs { knowledge.jobs = jobs.statuses() }
        let first = builder.build(knowledge, version: 1, now: Date())
        self.state = Mutex(State(knowledge: knowledge, snapshot: first))
    }

    public var snapshot: Snapshot {
        state.withLock { $0.snapshot }
    }

    /// Polls every check on its schedule until the calling task is cancelled, then writes a last
    /// checkpoint of the store (with a state directory) and closes connections.
    public func run() async {
        let scheduler = ProbeScheduler(
            runners: runners, maxConcurrentProbes: maxConcurrentProbes, executors: clients.executors)
        await withDiscardingTaskGroup { group in
            group.addTask { await scheduler.run { self.record($0) } }
            if let jobs {
                group.addTask { await jobs.run() }
                group.addTask {
                    while (try? await Task.sleep(for: Self.ruleTick)) != nil {
                        let statuses = jobs.statuses()
                        self.state.withLock { $0.knowledge.jobs = statuses }
                    }
                }
            }
            if let alerting {
                group.addTask { await alerting.notifications.run() }
                group.addTask {
                    while (try? await Task.sleep(for: Self.ruleTick)) != nil {
                        let (alerts, rules) = await alerting.tick(now: Date(), snapshot: self.snapshot)
                        self.state.withLock {
                            $0.knowledge.alerts = alerts
                            $0.knowledge.rules = rules
                        }
                    }
                }
            }
            if !conditions.isEmpty { group.addTask { await self.runConditions() } }
            group.addTask {
                while (try? await Task.sleep(for: Self.publishInterval)) != nil {
                    self.publish()
                }
            }
            if let history { group.addTask { await self.writeHistory(history) } }
            if checkpointer != nil {
                group.addTask {
                    while (try? await Task.sleep(for: Self.checkpointInterval)) != nil {
                        await self.writeCheckpoint()
                    }
                }
            }
        }
        flushHistory()
        await writeCheckpoint()
        await clients.shutdown()
    }

    /// Writes the store's checkpoint to the state directory (off the caller's thread), logging a
    /// failure; does nothing without a state directory.
    public func writeCheckpoint() async {
        guard let checkpointer else { return }
        do {
            try await checkpointer.write(store)
        } catch {
            Self.logger.warning("could not write the series checkpoint \(checkpointer.fileURL.path): \(error)")
        }
    }

    private static let logger = Logger(label: "switchboard.store")

    /// Runs every check once, all at the same time within the concurrency bound, in config order;
    /// `progress` hears (finished, total) after each check.
    public func runAllOnce(progress: (@Sendable (Int, Int) -> Void)? = nil) async -> [CheckReport] {
        let limit = ConcurrencyLimit(maxConcurrentProbes)
        let runs = await withTaskGroup(of: (Int, ProbeRun).self) { group in
            for (index, runner) in runners.enumerated() {
                group.addTask { (index, await limit.run { await runner.run() }) }
            }
            var collected: [Int: ProbeRun] = [:]
            for await (index, run) in group {
                collected[index] = run
                record(run)
                progress?(collected.count, runners.count)
            }
            return collected
        }
        publish()
        return runners.indices.map { CheckReport(owned: runners[$0].owned, result: runs[$0]!.result) }
    }

    /// Closes the HTTP connections of an engine that was used without `run()`.
    public func shutdown() async {
        flushHistory()
        await clients.shutdown()
    }

    public func perform(_ command: Command) async -> CommandOutcome {
        switch command {
        case .checkNow(let target):
            let selected = runners.filter { $0.owned.interface == target || $0.owned.system == target }
            guard !selected.isEmpty else {
                return CommandOutcome(succeeded: false, message: "nothing to check for \(target)")
            }
            let runs = await withTaskGroup(of: ProbeRun.self) { group in
                for runner in selected { group.addTask { await runner.run() } }
                return await group.reduce(into: []) { $0.append($1) }
            }
            runs.forEach(record)
            publish()
            let results = runs.map(\.result)
            let down = results.filter { !$0.up }.count
            // Not "the checks ran": the console marks the outcome ✔ or ✘, and a check that is down is no ✔.
            return CommandOutcome(
                succeeded: down == 0, message: "checked \(target): \(results.count - down) up, \(down) down")
        case .acknowledge, .unacknowledge, .note, .silence, .expireSilence, .addMaintenance, .removeMaintenance:
            guard let alerting else {
                return CommandOutcome(succeeded: false, message: "no alert rules are loaded, so there is no queue")
            }
            let outcome = alerting.perform(command)
            state.withLock { $0.knowledge.alerts = alerting.view(now: Date()) }
            publish()
            return outcome
        case .runJob(let id):
            guard let jobs else { return CommandOutcome(succeeded: false, message: "no jobs run in this engine") }
            return switch jobs.runNow(id) {
            case .started: CommandOutcome(succeeded: true, message: "\(id) started")
            case .queued: CommandOutcome(succeeded: true, message: "\(id) queued behind its running run")
            case .alreadyRunning: CommandOutcome(succeeded: false, message: "\(id) is already running")
            case .unknownJob: CommandOutcome(succeeded: false, message: "no job \(id)")
            case .notACommand: CommandOutcome(succeeded: false, message: "\(id) is run by something else")
            }
        }
    }

    private func record(_ run: ProbeRun) {
        if let lateness = run.lateness { self.lateness.record(lateness) }
        let result = run.result
        store.append(run.samples, at: Int64(result.startedAt.timeIntervalSince1970 * 1000))
        history?.record(result)
        state.withLock { state in
            state.knowledge.results[result.checkID] = result
            state.knowledge.histories[result.checkID]?.record(result)
            if let interface = interfacesOfCheck[result.checkID] { state.stale.insert(interface) }
        }
    }

    /// Rebuilds the snapshot from what is known now; its version moves on only when what it shows changed.
    func publish(now: Date = Date()) {
        let compact = state.withLock { state in
            guard now.timeIntervalSince(state.compactedAt) >= Self.compactionInterval else { return false }
            state.compactedAt = now
            return true
        }
        if compact {
            store.compact(now: Int64(now.timeIntervalSince1970 * 1000))
            ProcessMemory.returnFreePages()
        }
        // The statistics read the store, so they are worked out outside the lock that results take.
        let due = state.withLock { statsDue(&$0, now: now) }
        let refreshed = stats(of: due, now: now)
        state.withLock { state in
            for (id, stats) in refreshed { state.knowledge.stats[id] = stats }
            var snapshot = builder.build(
                state.knowledge, version: state.snapshot.version, now: now, previous: state.snapshot,
                changed: Set(refreshed.keys).union(state.conditionsChanged), stableUntil: &state.stableUntil)
            state.conditionsChanged = []
            recordChanges(from: state.snapshot, to: &snapshot, in: &state.knowledge, now: now)
            if !snapshot.showsTheSame(as: state.snapshot) { snapshot.version += 1 }
            state.snapshot = snapshot
        }
    }

    /// Appends a `StateChange` for every interface whose state differs from the previous snapshot's.
    private func recordChanges(
        from previous: Snapshot, to snapshot: inout Snapshot, in knowledge: inout SnapshotBuilder.Knowledge, now: Date
    ) {
        for index in snapshot.interfaces.indices {
            let interface = snapshot.interfaces[index]
            guard index < previous.interfaces.count, previous.interfaces[index].state != interface.state else {
                continue
            }
            var changes = knowledge.changes[interface.id] ?? []
            changes.append(
                StateChange(
                    at: now, from: previous.interfaces[index].state, to: interface.state, reason: interface.reason))
            if changes.count > Self.historyLimit { changes.removeFirst(changes.count - Self.historyLimit) }
            knowledge.changes[interface.id] = changes
            snapshot.interfaces[index].history = changes
        }
    }
}
