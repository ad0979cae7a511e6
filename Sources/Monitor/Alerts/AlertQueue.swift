import Foundation
import PromQL

/// The on-call engineer's queue: the rule engine's alerts with acknowledgements, silences, maintenance
/// windows, inhibition and topology suppression applied on top.
///
/// A value: `update(alerts:topology:now:)` after each rule evaluation, the operator actions in
/// `AlertQueue+Actions`, and `entries` for what to show and notify. Persistence records what they return.
public struct AlertQueue: Sendable {
    /// The alerts the queue tracks, resolved ones included until `resolvedRetention` has passed.
    public private(set) var alerts: [AlertID: RuleAlert] = [:]
    public internal(set) var acknowledgements: [AlertID: Acknowledgement] = [:]
    public internal(set) var silences: [String: Silence] = [:]
    public internal(set) var notes: [AlertID: [AlertNote]] = [:]
    public internal(set) var maintenanceWindows: [String: MaintenanceWindow] = [:]
    public var inhibitionRules: [InhibitionRule]
    /// How long a resolved alert stays in the queue (Prometheus keeps them 15 minutes).
    public var resolvedRetention: TimeInterval
    /// The queue as of the last evaluation, most urgent first.
    public internal(set) var entries: [QueueEntry] = []
    /// The topology of the last evaluation, reused when an operator action recomputes the queue.
    public private(set) var topology = AlertTopology()

    public init(inhibitionRules: [InhibitionRule] = [], resolvedRetention: TimeInterval = 15 * 60) {
        self.inhibitionRules = inhibitionRules
        self.resolvedRetention = resolvedRetention
    }

    /// A queue restored from persisted state; call `recompute(now:)` or `update` before reading `entries`.
    public init(
        alerts: [RuleAlert], acknowledgements: [Acknowledgement], silences: [Silence], notes: [AlertNote],
        maintenanceWindows: [MaintenanceWindow], inhibitionRules: [InhibitionRule] = [],
        resolvedRetention: TimeInterval = 15 * 60
    ) {
        self.init(inhibitionRules: inhibitionRules, resolvedRetention: resolvedRetention)
        for alert in alerts { self.alerts[alert.id] = alert }
        for ack in acknowledgements { self.acknowledgements[ack.alertID] = ack }
        for silence in silences { self.silences[silence.id] = silence }
        for note in notes { self.notes[note.alertID, default: []].append(note) }
        for window in maintenanceWindows { self.maintenanceWindows[window.id] = window }
    }

    /// Takes the alerts of one rule evaluation: records state changes, resolves alerts the rules no longer
    /// report, clears acknowledgements that no longer hold, and recomputes every entry.
    ///
    /// `held`: alerts restored after a restart whose data has not arrived yet. Until it has, one the rules
    /// do not report keeps its stored state instead of resolving, and one stored as firing that the rules
    /// report pending (its rule's `for` restarting) stays firing: a restart never resolves an alert.
    public mutating func update(
        alerts incoming: [RuleAlert], topology: AlertTopology, now: Date, held: Set<AlertID> = []
    ) -> AlertQueueChanges {
        var changes = AlertQueueChanges()
        var next: [AlertID: RuleAlert] = [:]
        next.reserveCapacity(incoming.count)
        for alert in incoming {
            let id = alert.id
            // Rules that differ only in severity (a warning and a critical threshold) give one alert: the worst.
            if let other = next[id], Self.outranks(other, alert) { continue }
            next[id] = alert
        }
        for id in held {
            guard let stored = alerts[id], stored.state != .inactive else { continue }
            if let reported = next[id], reported.state == .firing || stored.state == .pending { continue }
            next[id] = stored
        }
        for (id, var alert) in next {
            let previous = alerts[id]
            if let previous, previous.state == .firing, alert.state == .firing, previous.labels == alert.labels,
                previous.firedAt != alert.firedAt || previous.activeAt != alert.activeAt
            {
                // Still the same firing alert (the rules fire a restored one again after a restart): it keeps
                // the times it became active and first fired.
                alert.activeAt = previous.activeAt
                alert.firedAt = previous.firedAt ?? alert.firedAt
                next[id] = alert
            }
            if previous?.state != alert.state {
                changes.history.append(
                    AlertHistoryEvent(alertID: id, at: now, change: .state(from: previous?.state, to: alert.state)))
                changes.changedAlerts.append(alert)
            } else if previous?.activeAt != alert.activeAt || previous?.labels != alert.labels {
                // Its `for` progress restored after a restart, or the other severity of its rule: the row follows.
                changes.changedAlerts.append(alert)
            }
        }
        for (id, alert) in alerts where next[id] == nil {
            if alert.state != .inactive {
                var resolved = alert
                resolved.state = .inactive
                resolved.resolvedAt = now
                next[id] = resolved
                changes.history.append(
                    AlertHistoryEvent(alertID: id, at: now, change: .state(from: alert.state, to: .inactive)))
                changes.changedAlerts.append(resolved)
            } else {
                next[id] = alert
            }
        }
        for (id, alert) in next where alert.state == .inactive {
            if let resolvedAt = alert.resolvedAt, now.timeIntervalSince(resolvedAt) >= resolvedRetention {
                next[id] = nil
                changes.removedAlerts.append(id)
            }
        }
        alerts = next
        self.topology = topology
        clearAcknowledgementsThatNoLongerHold(now: now, into: &changes)
        let before = Dictionary(entries.map { ($0.id, $0.engineMuting) }, uniquingKeysWith: { first, _ in first })
        recompute(now: now)
        for entry in entries where before[entry.id] != entry.engineMuting {
            changes.changedEngineMuting[entry.id] = entry.engineMuting
        }
        return changes
    }

    /// Recomputes every entry from the current alerts and operator state, with the last topology.
    public mutating func recompute(now: Date) {
        let evaluation = QueueEvaluation(queue: self, now: now)
        entries = evaluation.entries()
    }

    /// The entry of one alert, as of the last evaluation.
    public func entry(_ id: AlertID) -> QueueEntry? {
        entries.first { $0.id == id }
    }

    /// Whether `lhs` wins over `rhs` when both have one id: the more severe, then firing over pending.
    static func outranks(_ lhs: RuleAlert, _ rhs: RuleAlert) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        return lhs.state == .firing || rhs.state == .inactive
    }

    private mutating func clearAcknowledgementsThatNoLongerHold(now: Date, into changes: inout AlertQueueChanges) {
        for (id, ack) in acknowledgements {
            let reason: Acknowledgement.Clearing?
            if let alert = alerts[id], alert.state != .inactive {
                if let expiry = ack.expiresAt, expiry <= now {
                    reason = .expired
                } else if !ack.sticky && alert.severity > ack.severity {
                    reason = .severityRose
                } else {
                    reason = nil
                }
            } else {
                reason = .resolved
            }
            guard let reason else { continue }
            acknowledgements[id] = nil
            changes.clearedAcknowledgements.append(id)
            changes.history.append(AlertHistoryEvent(alertID: id, at: now, change: .acknowledgementCleared(reason)))
        }
    }
}
