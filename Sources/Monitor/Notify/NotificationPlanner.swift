import Foundation
import PromQL

/// Decides when each group is notified, following Alertmanager's timing: a new group waits `groupWait`;
/// then every `groupInterval` it is notified if an alert started firing or resolved since the last
/// notification; an unchanged group is notified again after `repeatInterval` while any of its firing
/// alerts is unacknowledged. Muted alerts are left out; a resolution is notified only if the alert was
/// notified as firing. A group whose alerts are all muted (or pending again) is not notified.
public struct NotificationPlanner: Sendable {
    public let policy: NotificationPolicy
    private var flushes: [String: Date] = [:]
    /// What each group was last notified with, by group key.
    public private(set) var notified: [String: NotifiedGroup]

    public init(policy: NotificationPolicy, notified: [String: NotifiedGroup] = [:]) {
        self.policy = policy
        self.notified = notified
    }

    /// The notifications due at `now`. Call `markSent` for each one delivered.
    public mutating func due(_ entries: [QueueEntry], now: Date) -> [AlertNotification] {
        var due: [AlertNotification] = []
        var seen: Set<String> = []
        for (labels, members) in policy.grouping.groups(entries) {
            let key = "{}:" + labels.description
            seen.insert(key)
            let last = notified[key]
            let firing = members.filter { $0.state == .firing && !$0.isMuted }
            let resolved = members.filter { $0.isResolved && last?.firing.contains($0.id) == true }
            if flushes[key] == nil {
                guard !firing.isEmpty || last != nil else { continue }
                // A new group waits group_wait. One notified before a restart is new to this planner too
                // (as an aggregation group is to a restarted Alertmanager): it waits group_wait, so the rules
                // can find its alerts again, and keeps its pace.
                flushes[key] = max(
                    now.addingTimeInterval(policy.groupWait),
                    last?.at.addingTimeInterval(policy.groupInterval) ?? .distantPast)
            }
            guard let flush = flushes[key], flush <= now else { continue }
            flushes[key] = now.addingTimeInterval(policy.groupInterval)
            if needsNotification(firing: firing, resolved: resolved, last: last, now: now) {
                due.append(
                    AlertNotification(
                        receiver: policy.receiver, groupKey: key, groupLabels: labels, firing: firing,
                        resolved: resolved))
            } else if firing.isEmpty && resolved.isEmpty {
                flushes[key] = nil
            }
        }
        for key in flushes.keys where !seen.contains(key) { flushes[key] = nil }
        for key in notified.keys where !seen.contains(key) { notified[key] = nil }
        return due
    }

    /// Records a delivered notification.
    public mutating func markSent(_ notification: AlertNotification, at now: Date) {
        if notification.firing.isEmpty {
            notified[notification.groupKey] = nil
        } else {
            notified[notification.groupKey] = NotifiedGroup(
                firing: Set(notification.firing.map(\.id)), resolved: Set(notification.resolved.map(\.id)), at: now)
        }
    }

    private func needsNotification(
        firing: [QueueEntry], resolved: [QueueEntry], last: NotifiedGroup?, now: Date
    ) -> Bool {
        guard let last else { return !firing.isEmpty }
        let firingIDs = Set(firing.map(\.id))
        if !firingIDs.isSubset(of: last.firing) { return true }
        // Nothing fires unmuted and nothing resolved (silenced, or pending again after a restart): nothing
        // to say, as Alertmanager says nothing; the group keeps what it was notified of.
        if firing.isEmpty { return !resolved.isEmpty }
        if !Set(resolved.map(\.id)).isSubset(of: last.resolved) { return true }
        let unacknowledged = firing.contains { $0.acknowledgement == nil }
        return unacknowledged && now >= last.at.addingTimeInterval(policy.repeatInterval)
    }
}
