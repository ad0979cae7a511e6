import Foundation
import SwitchboardCore

/// Turns the landscape and what the engine knows of each check into a `Snapshot`. Pure.
struct SnapshotBuilder: Sendable {
    let landscape: Landscape
    let source: String
    private let timeouts: [String: Double]
    /// The id of every check, so that progress is counted without listing the landscape's checks again.
    private let checkIDs: [String]

    init(landscape: Landscape, source: String) {
        self.landscape = landscape
        self.source = source
        checkIDs = landscape.allChecks.map(\.check.id)
        timeouts = Dictionary(
            landscape.allChecks.map { ($0.check.id, $0.check.longestRun.seconds) },
            uniquingKeysWith: { first, _ in first }
        )
    }

    /// What the engine has learnt so far, by check id (results, histories) or interface id (stats, changes).
    struct Knowledge: Sendable {
        var results: [String: CheckResult] = [:]
        var histories: [String: CheckHistory] = [:]
        var stats: [String: HealthStats] = [:]
        var changes: [String: [StateChange]] = [:]
        var alerts = AlertQueueSnapshot.empty
        var rules: RulesSummary?
        var jobs: [JobStatus] = []
        /// What the `health.conditions` said at their last evaluation; absent before the first.
        var conditions: [HealthConditionEvaluator.Owner: ConditionOutcome] = [:]
    }

    /// When each interface of the last build may change without a new result (a fresh result going
    /// stale), by index in the landscape; `.distantPast` where it must be built again.
    typealias StableUntil = [Date]

    /// Builds the snapshot. With `previous`, an interface outside `changed` whose state cannot have
    /// moved since (`stableUntil` still ahead) is taken from it as it was instead of being built again.
    func build(
        _ knowledge: Knowledge, version: UInt64, now: Date, previous: Snapshot? = nil, changed: Set<String> = [],
        stableUntil: inout StableUntil
    ) -> Snapshot {
        func statuses(_ checks: [Check], on interface: Interface? = nil) -> [CheckStatus] {
            checks.map { check in
                CheckStatus(
                    id: check.id, kind: check.probe.kind, target: check.probe.target,
                    intervalSeconds: check.interval.seconds, last: knowledge.results[check.id],
                    path: interface.flatMap { landscape.flowPath(of: check, on: $0)?.systems })
            }
        }
        func state(_ checks: [CheckStatus], _ thresholds: HealthThresholds) -> HealthState {
            let streaks = Dictionary(
                checks.map { ($0.id, knowledge.histories[$0.id]?.consecutiveFailures ?? 1) },
                uniquingKeysWith: { first, _ in first })
            return HealthEvaluator.state(
                of: checks, thresholds: thresholds, consecutiveFailures: streaks, timeouts: timeouts, now: now)
        }
        if stableUntil.count != landscape.interfaces.count {
            stableUntil = StableUntil(repeating: .distantPast, count: landscape.interfaces.count)
        }
        let reusable = previous.map { $0.interfaces.count == landscape.interfaces.count } ?? false
        let interfaces = landscape.interfaces.enumerated().map { index, interface in
            if reusable, let previous, now < stableUntil[index], !changed.contains(interface.id) {
                return previous.interfaces[index]
            }
            let checks = statuses(interface.checks, on: interface)
            stableUntil[index] = stateStableUntil(checks, builtAt: now)
            let (joined, conditionReason) = Self.join(
                state(checks, interface.health), hasChecks: !checks.isEmpty,
                knowledge.conditions[.interface(interface.id)])
            return InterfaceStatus(
                id: interface.id, name: interface.name, from: interface.from, to: interface.to,
                kind: interface.kind, owner: interface.owner, state: joined, checks: checks,
                stats: knowledge.stats[interface.id] ?? HealthStats(), history: knowledge.changes[interface.id] ?? [],
                conditionReason: conditionReason)
        }
        let systems = landscape.systems.map { system in
            let checks = statuses(system.checks)
            let own =
                checks.isEmpty
                ? Self.state(inbound: interfaces.filter { $0.to == system.id }.map(\.state))
                : state(checks, system.health)
            let (joined, conditionReason) = Self.join(own, hasChecks: true, knowledge.conditions[.system(system.id)])
            return SystemStatus(
                id: system.id, name: system.name, owner: system.owner, state: joined, checks: checks,
                dependsOn: system.dependsOn, conditionReason: conditionReason)
        }
        let completed = checkIDs.reduce(0) { $0 + (knowledge.results[$1] != nil ? 1 : 0) }
        return Snapshot(
            version: version, generatedAt: now, landscape: landscape.name, source: source, systems: systems,
            interfaces: interfaces, progress: CheckProgress(completed: completed, total: checkIDs.count),
            alerts: knowledge.alerts, rules: knowledge.rules, jobs: knowledge.jobs)
    }

    /// One snapshot without reuse (the first, and tests).
    func build(_ knowledge: Knowledge, version: UInt64, now: Date) -> Snapshot {
        var stableUntil = StableUntil()
        return build(knowledge, version: version, now: now, stableUntil: &stableUntil)
    }

    /// Until when `HealthEvaluator` gives these checks the same state: the moment the first of their
    /// fresh results goes stale. Results that are already stale, and missing ones, stay so until a
    /// new result arrives, which marks the interface changed.
    func stateStableUntil(_ checks: [CheckStatus], builtAt now: Date) -> Date {
        var until = Date.distantFuture
        for check in checks {
            guard let last = check.last else { continue }
            let expiry = last.startedAt.addingTimeInterval(2 * check.intervalSeconds + (timeouts[check.id] ?? 0))
            if expiry > now, expiry < until { until = expiry }
        }
        return until
    }

    /// The checks' state joined with the conditions' outcome, and the condition's reason where it decides.
    static func join(_ checks: HealthState, hasChecks: Bool, _ outcome: ConditionOutcome?) -> (HealthState, String?) {
        guard let outcome else { return (checks, nil) }
        return (
            outcome.joined(withChecks: checks, hasChecks: hasChecks),
            outcome.reason(joinedWithChecks: checks, hasChecks: hasChecks)
        )
    }

    /// A system without checks of its own is as healthy as the interfaces that lead to it.
    static func state(inbound: [HealthState]) -> HealthState {
        if inbound.isEmpty || inbound.allSatisfy({ $0 == .unknown }) { return .unknown }
        if inbound.allSatisfy({ $0 == .down }) { return .down }
        if inbound.contains(where: { $0 == .down || $0 == .degraded }) { return .degraded }
        return .ok
    }
}
