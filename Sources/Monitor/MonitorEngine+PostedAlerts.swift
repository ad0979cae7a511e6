import Foundation
import SwitchboardCore

/// What Alertmanager's API needs of the engine beyond the snapshot: alerts posted by other sources,
/// and the maintenance windows it shows as silences.
extension MonitorEngine {
    /// Whether the engine keeps an alert queue (it evaluates alert rules) that posted alerts can join.
    public var hasAlertQueue: Bool { alerting != nil }

    /// Takes alerts posted by another source (each valid); they join the queue at the next rule tick,
    /// within a second. False when the engine keeps no queue.
    public func receive(_ alerts: [PostedAlert], now: Date = Date()) -> Bool {
        guard let alerting else { return false }
        alerting.posted.withLock { $0.receive(alerts, now: now) }
        return true
    }

    /// The posted alerts as last received, by alert id (ended ones kept a while).
    public func postedAlerts() -> [AlertID: PostedAlerts.Received] {
        alerting?.posted.withLock { $0.received } ?? [:]
    }

    /// Moves on whenever alerts are posted: with the snapshot's version, what the API's alerts depend on.
    public var postedRevision: UInt64 {
        alerting?.posted.withLock { $0.revision } ?? 0
    }

    /// Takes over the posted alerts of the engine this one replaces (a reload), so that they and
    /// their acknowledgements carry over as the rules' alerts do.
    public func adoptPostedAlerts(_ alerts: [AlertID: PostedAlerts.Received]) {
        alerting?.posted.withLock { $0.adopt(alerts) }
    }

    /// The queue's maintenance windows: the config's and those added with `maintenance add`.
    public func maintenanceWindows() -> [MaintenanceWindow] {
        guard let alerting else { return [] }
        return alerting.queue.withLock { Array($0.maintenanceWindows.values) }.sorted { $0.id < $1.id }
    }
}
