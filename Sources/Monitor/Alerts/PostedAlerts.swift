import Foundation
import PromQL

/// The alerts other sources posted, by fingerprint, with Alertmanager's timing: an alert is active
/// from `startsAt` until `endsAt` (or `resolveTimeout` after its last post when it gave none);
/// posting it again refreshes it. Each rule evaluation hands the active ones to the queue beside
/// the rules' alerts, so they are acknowledged, silenced, inhibited and notified alike; one that is
/// no longer active is resolved by the queue as a rule's alert is.
///
/// Kept in memory, as Alertmanager keeps alerts: their senders post them again every evaluation.
public struct PostedAlerts: Sendable {
    /// How long an alert posted without `endsAt` stays active (Alertmanager's `resolve_timeout`).
    public static let resolveTimeout: TimeInterval = 5 * 60
    /// How long an alert is kept after it ended, for the API's `endsAt` and `generatorURL`.
    static let retention: TimeInterval = 15 * 60

    /// One posted alert as last received.
    public struct Received: Sendable, Hashable {
        public var alert: RuleAlert
        public var startsAt: Date
        public var endsAt: Date
        public var updatedAt: Date
        public var generatorURL: String?

        public func isActive(at now: Date) -> Bool { startsAt <= now && now < endsAt }
    }

    public private(set) var received: [AlertID: Received] = [:]
    /// Moves on with every post and adoption: what the API answers of posted alerts may have changed.
    public private(set) var revision: UInt64 = 0

    public init() {}

    /// Takes alerts as posted at `now` (each already valid: `PostedAlert.problem()` is nil).
    public mutating func receive(_ alerts: [PostedAlert], now: Date) {
        revision += 1
        for posted in alerts {
            // An empty value is no label, as in Prometheus.
            var labels = Labels(posted.labels.filter { !$0.value.isEmpty })
            let name = labels[AlertID.alertNameLabel] ?? ""
            labels[AlertID.alertNameLabel] = nil
            var startsAt = posted.startsAt ?? now
            let endsAt = posted.endsAt ?? now.addingTimeInterval(Self.resolveTimeout)
            let alert = RuleAlert(
                ruleName: name, labels: labels, annotations: posted.annotations, state: .firing, activeAt: startsAt,
                firedAt: startsAt)
            // Posted again while active: the same alert, still active since it first started.
            if let previous = received[alert.id], previous.isActive(at: now), previous.startsAt < startsAt {
                startsAt = previous.startsAt
            }
            var kept = alert
            kept.activeAt = startsAt
            kept.firedAt = startsAt
            received[alert.id] = Received(
                alert: kept, startsAt: startsAt, endsAt: max(endsAt, startsAt), updatedAt: now,
                generatorURL: posted.generatorURL)
        }
        forgetEnded(now: now)
    }

    /// Takes over the alerts another engine held (a reload), as they were last posted.
    public mutating func adopt(_ alerts: [AlertID: Received]) {
        revision += 1
        received.merge(alerts) { mine, theirs in mine.updatedAt >= theirs.updatedAt ? mine : theirs }
    }

    /// The alerts active at `now`, as the queue takes them; forgets those long ended.
    public mutating func active(now: Date) -> [RuleAlert] {
        forgetEnded(now: now)
        return received.values.filter { $0.isActive(at: now) }.map(\.alert)
    }

    private mutating func forgetEnded(now: Date) {
        received = received.filter { now.timeIntervalSince($0.value.endsAt) < Self.retention }
    }
}
