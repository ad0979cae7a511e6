import Foundation
import GRDB
import Logging
import PromQL
import SwitchboardCore
import Synchronization

/// Rules → queue → state database → notifications, for the engine: evaluates the rule groups that
/// are due, takes in operator state another process wrote, feeds the alerts to the queue with the
/// landscape's health for topology suppression, records what changed, hands what is due to the
/// notifications, and carries out the operator's writes (each committed before it is reported done).
final class AlertPipeline: Sendable {
    private let runner: RuleGroupRunner
    let store: AlertStateStore?
    private let landscape: Landscape
    let queue: Mutex<AlertQueue>
    /// The database's `data_version` when operator state was last read; only touched under `queue`'s lock.
    private let operatorStateVersion: Mutex<Int?>
    /// Each group's last evaluation recorded in the database (milliseconds since 1970).
    private let recordedEvaluations = Mutex<[RuleGroupKey: Int64]>([:])
    /// The alerts that were pending or firing when the engine last stopped, until the data that decides them arrived.
    private let restart: Mutex<RestartContinuity>
    private let ruleCount: Int
    private let groupCount: Int
    /// The config's receiver and Alertmanagers; `run()` them beside the evaluations.
    let notifications: NotificationDispatcher
    private static let logger = Logger(label: "switchboard.alerts")
    /// The rules whose last evaluation failed, as last logged: a rule's error is logged when it starts or changes.
    private let loggedFailures = Mutex<Set<String>>([])
    /// Alerts other sources posted (Alertmanager's API), taken in beside the rules' at each tick.
    let posted = Mutex(PostedAlerts())

    /// `database` nil keeps the queue in memory only (acknowledgements then end with the process). The
    /// landscape's `alerting:` gives the inhibit rules, maintenance windows and notifications.
    init(groups: [RuleGroup], series: SeriesStore, database: (any DatabaseWriter)?, landscape: Landscape) throws {
        runner = RuleGroupRunner(
            groups: groups, source: series, appender: series, defaultInterval: .seconds(15), awaitingData: true)
        let store = database.map(AlertStateStore.init(writer:))
        self.store = store
        self.landscape = landscape
        let rules = try landscape.alerting.inhibitionRules()
        var queue = try store?.loadQueue(inhibitionRules: rules) ?? AlertQueue(inhibitionRules: rules)
        for window in try landscape.alerting.queueMaintenanceWindows() { queue.maintenanceWindows[window.id] = window }
        if let store {
            // Before the first evaluation, so that the runner restores the alerts' `for` progress from them.
            series.append(
                Self.forStateSamples(
                    alerts: queue.alerts.values, groups: groups, lastEvaluations: try store.ruleEvaluations()))
        }
        operatorStateVersion = Mutex(try store?.dataVersion())
        restart = Mutex(RestartContinuity(restored: queue.alerts.values.filter { $0.state != .inactive }.map(\.id)))
        self.queue = Mutex(queue)
        ruleCount = groups.reduce(0) { $0 + $1.rules.count }
        groupCount = groups.count
        notifications = try NotificationDispatcher(config: landscape.alerting, store: store)
    }

    /// Evaluates what is due at `now`, updates the queue, and returns what the console shows.
    func tick(now: Date, snapshot: Snapshot) async -> (AlertQueueSnapshot, RulesSummary) {
        let milliseconds = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        if restart.withLock({ $0.dataArrives(checks: snapshot.progress, now: now) }) {
            await runner.dataArrived(at: Self.newestResult(snapshot))
        }
        await runner.evaluateDue(now: milliseconds)
        let status = await runner.status()
        var held: Set<AlertID> = []
        if restart.withLock(\.isHolding) {
            let restoring = await runner.isRestoring
            held = restart.withLock { $0.held(restoring: restoring) }
        }
        let ruleAlerts = status.flatMap { group in
            group.rules.filter { $0.kind == .alerting }.flatMap { rule in
                rule.alerts.map { alert in
                    let ruleAlert = Self.ruleAlert(alert, rule: rule)
                    guard group.file == SLORuleFile.fileName else { return ruleAlert }
                    return SLOBudgetAnnotation.adding(to: ruleAlert, from: snapshot)
                }
            }
        }
        let alerts = ruleAlerts + posted.withLock { $0.active(now: now) }
        let topology = AlertTopology(landscape: landscape, health: Self.health(snapshot))
        let (changes, entries) = queue.withLock { queue in
            takeExternalWrites(into: &queue)
            let changes = queue.update(alerts: alerts, topology: topology, now: now, held: held)
            return (changes, queue.entries)
        }
        let evaluated = Self.newEvaluations(status, since: recordedEvaluations.withLock { $0 })
        do {
            try store?.recordEvaluation(
                changes, evaluatedGroups: evaluated.mapValues { Date(timeIntervalSince1970: Double($0) / 1000) },
                at: now)
            recordedEvaluations.withLock { $0.merge(evaluated) { _, new in new } }
        } catch {
            // The queue on screen stays right; the history of this evaluation is what is lost.
            Self.logger.error("alert history not saved: \(error)")
        }
        notifications.offer(entries, now: now)
        let failing = status.flatMap { group in
            group.rules.compactMap { rule in rule.lastError.map { "\(group.name)/\(rule.name): \($0)" } }
        }
        logRuleErrors(failing)
        return (view(now: now), RulesSummary(groups: groupCount, rules: ruleCount, failing: failing))
    }

    /// When the newest check result of `snapshot` ended (milliseconds since 1970): a run's samples carry
    /// its end or an earlier time, so an evaluation at it or later sees every result that made the data
    /// complete. `Int64.min` when the snapshot carries no results.
    static func newestResult(_ snapshot: Snapshot) -> Int64 {
        let checks = snapshot.interfaces.flatMap(\.checks) + snapshot.systems.flatMap(\.checks)
        let ends = checks.compactMap { $0.last.map { $0.startedAt.addingTimeInterval($0.durationSeconds) } }
        guard let newest = ends.max() else { return .min }
        return Int64((newest.timeIntervalSince1970 * 1000).rounded(.up))
    }

    /// Logs each rule error when it first appears, and when the last one clears.
    private func logRuleErrors(_ failing: [String]) {
        let now = Set(failing)
        let (new, cleared) = loggedFailures.withLock { logged in
            defer { logged = now }
            return (now.subtracting(logged), !logged.isEmpty && now.isEmpty)
        }
        for failure in new.sorted() { Self.logger.error("rule evaluation failed: \(failure)") }
        if cleared { Self.logger.notice("every rule evaluates again") }
    }

    /// Re-reads acknowledgements, silences, notes and maintenance windows when another process (the
    /// command line) committed to the database since the last read; one pragma when nothing changed.
    private func takeExternalWrites(into queue: inout AlertQueue) {
        guard let store else { return }
        do {
            let version = try store.dataVersion()
            guard operatorStateVersion.withLock({ $0 }) != version else { return }
            queue.replaceOperatorState(try store.operatorState())
            operatorStateVersion.withLock { $0 = version }
        } catch {
            Self.logger.error("operator state written by another process not read: \(error)")
        }
    }

    /// The groups and rules, before the first evaluation.
    var summary: RulesSummary { RulesSummary(groups: groupCount, rules: ruleCount) }

    /// The queue as it stands, for a snapshot right after a write.
    func view(now: Date) -> AlertQueueSnapshot {
        queue.withLock { $0.snapshot(now: now) }
    }

    /// An operator's write: committed to the database first, then applied to the queue the console
    /// sees; refused with the reason otherwise, leaving the queue as it was.
    func perform(_ command: Command, now: Date = Date()) -> CommandOutcome {
        do {
            switch command {
            case .acknowledge(let id, let note, let by):
                let ack = try change {
                    try $0.acknowledge(id, by: by, note: note, now: now)
                } persist: {
                    try self.store?.recordAcknowledgement($0.0, audit: $0.1)
                }.0
                return CommandOutcome(succeeded: true, message: "acknowledged \(ack.alertID.rawValue) as \(by)")
            case .unacknowledge(let id, let by):
                let alert = try change {
                    try $0.unacknowledge(id, by: by, now: now)
                } persist: {
                    try self.store?.recordUnacknowledgement($0.0, audit: $0.1)
                }.0
                return CommandOutcome(succeeded: true, message: "\(alert.rawValue) is back in the queue")
            case .note(let id, let text, let by):
                let note = try change {
                    try $0.addNote(id, by: by, text: text, now: now)
                } persist: {
                    try self.store?.recordNote($0.0, audit: $0.1)
                }.0
                return CommandOutcome(succeeded: true, message: "note added to \(note.alertID.rawValue)")
            case .silence(let matchers, let duration, let comment, let by):
                let silence = try Silence(
                    matchers: try LabelMatcher.alerting(matchers), startsAt: now,
                    endsAt: now.addingTimeInterval(duration.seconds),
                    createdBy: by, comment: comment)
                _ = try change {
                    $0.addSilence(silence, now: now)
                } persist: {
                    try self.store?.recordSilence(silence, audit: $0)
                }
                return CommandOutcome(
                    succeeded: true, message: "silenced \(silence.matchersDescription) as \(silence.id.prefix(8))")
            case .expireSilence(let id, let by):
                let expired = try change {
                    try $0.expireSilence(id, by: by, now: now)
                } persist: {
                    try self.store?.recordSilence($0.0, audit: $0.1)
                }.0
                return CommandOutcome(succeeded: true, message: "silence \(expired.id.prefix(8)) expired")
            case .addMaintenance(let config, let by):
                let window = try MaintenanceWindow(config, createdBy: by)
                _ = try change {
                    $0.addMaintenanceWindow(window, now: now)
                } persist: {
                    try self.store?.recordMaintenanceWindow(window, audit: $0)
                }
                return CommandOutcome(
                    succeeded: true, message: "maintenance window \(window.name) planned as \(window.id.prefix(8))")
            case .removeMaintenance(let id, let by):
                let removed = try change { queue in
                    let id = try queue.resolveMaintenanceWindowID(id)
                    return (id, try queue.removeMaintenanceWindow(id, by: by, now: now))
                } persist: {
                    try self.store?.recordMaintenanceWindowRemoval($0.0, audit: $0.1)
                }
                return CommandOutcome(succeeded: true, message: "maintenance window \(removed.1.detail) removed")
            case .checkNow, .runJob:
                return CommandOutcome(succeeded: false, message: "not an alert command")
            }
        } catch {
            return CommandOutcome(succeeded: false, message: "\(error)")
        }
    }

    /// Applies `body` to a copy of the queue, persists its result, and only then keeps the copy.
    private func change<T>(_ body: (inout AlertQueue) throws -> T, persist: (T) throws -> Void) throws -> T {
        try queue.withLock { queue in
            var copy = queue
            let result = try body(&copy)
            try persist(result)
            queue = copy
            return result
        }
    }

    private static func ruleAlert(_ alert: ActiveAlert, rule: RuleStatus) -> RuleAlert {
        var labels = alert.labels
        let name = labels[AlertID.alertNameLabel] ?? rule.name
        labels[AlertID.alertNameLabel] = nil
        func date(_ milliseconds: Int64?) -> Date? {
            milliseconds.map { Date(timeIntervalSince1970: Double($0) / 1000) }
        }
        let state: RuleAlert.State =
            switch alert.state {
            case .pending: .pending
            case .firing: .firing
            case .inactive: .inactive
            }
        return RuleAlert(
            ruleName: name, labels: labels,
            annotations: Dictionary(
                alert.annotations.pairs.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }),
            state: state, activeAt: date(alert.activeAt)!, firedAt: date(alert.firedAt),
            resolvedAt: date(alert.resolvedAt), value: alert.value)
    }

    /// What topology suppression needs of every system and interface: whether its checks say DOWN.
    /// Only nodes with checks of their own: a system without checks shows the state of the interfaces that
    /// lead to it, so taking it as down would fold those interfaces' alerts under their own failure.
    private static func health(_ snapshot: Snapshot) -> [AlertTopology.NodeID: AlertTopology.NodeHealth] {
        var health: [AlertTopology.NodeID: AlertTopology.NodeHealth] = [:]
        for interface in snapshot.interfaces where !interface.checks.isEmpty {
            health[.interface(interface.id)] = AlertTopology.NodeHealth(isDown: interface.state == .down)
        }
        for system in snapshot.systems where !system.checks.isEmpty {
            health[.system(system.id)] = AlertTopology.NodeHealth(isDown: system.state == .down)
        }
        return health
    }
}
