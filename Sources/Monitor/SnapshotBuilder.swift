import Foundation
import SwitchboardCore

/// Turns the landscape and the newest result of every check into a `Snapshot`. Pure.
struct SnapshotBuilder: Sendable {
    let landscape: Landscape
    let source: String

    func build(results: [String: CheckResult], version: UInt64, now: Date) -> Snapshot {
        let timeouts = Dictionary(
            landscape.allChecks.map { ($0.check.id, $0.check.timeout.seconds) }, uniquingKeysWith: { a, _ in a })
        func statuses(_ checks: [Check]) -> [CheckStatus] {
            checks.map {
                CheckStatus(
                    id: $0.id, kind: $0.probe.kind, target: $0.probe.target,
                    intervalSeconds: $0.interval.seconds, last: results[$0.id])
            }
        }
        let interfaces = landscape.interfaces.map { interface in
            let checks = statuses(interface.checks)
            return InterfaceStatus(
                id: interface.id, name: interface.name, from: interface.from, to: interface.to,
                kind: interface.kind, owner: interface.owner,
                state: HealthEvaluator.state(of: checks, timeouts: timeouts, now: now), checks: checks)
        }
        let systems = landscape.systems.map { system in
            let checks = statuses(system.checks)
            let state: HealthState
            if checks.isEmpty {
                state = Self.state(inbound: interfaces.filter { $0.to == system.id }.map(\.state))
            } else {
                state = HealthEvaluator.state(of: checks, timeouts: timeouts, now: now)
            }
            return SystemStatus(id: system.id, name: system.name, owner: system.owner, state: state, checks: checks)
        }
        let total = landscape.allChecks.count
        let completed = landscape.allChecks.filter { results[$0.check.id] != nil }.count
        return Snapshot(
            version: version, generatedAt: now, landscape: landscape.name, source: source, systems: systems,
            interfaces: interfaces, progress: CheckProgress(completed: completed, total: total))
    }

    /// A system without checks of its own is as healthy as the interfaces that lead to it.
    static func state(inbound: [HealthState]) -> HealthState {
        if inbound.isEmpty || inbound.allSatisfy({ $0 == .unknown }) { return .unknown }
        if inbound.allSatisfy({ $0 == .down }) { return .down }
        if inbound.contains(where: { $0 == .down || $0 == .degraded }) { return .degraded }
        return .ok
    }
}
