import Foundation
import PromQL

/// One notification of one group to one receiver: its firing alerts and the ones resolved since the last.
public struct AlertNotification: Sendable, Hashable {
    public var receiver: String
    /// Alertmanager's form: `{}:{alertname="Down"}`.
    public var groupKey: String
    public var groupLabels: Labels
    public var firing: [QueueEntry]
    public var resolved: [QueueEntry]

    public init(receiver: String, groupKey: String, groupLabels: Labels, firing: [QueueEntry], resolved: [QueueEntry]) {
        self.receiver = receiver
        self.groupKey = groupKey
        self.groupLabels = groupLabels
        self.firing = firing
        self.resolved = resolved
    }
}

/// What was last notified for a group, so that a restart does not notify it again.
public struct NotifiedGroup: Sendable, Hashable {
    public var firing: Set<AlertID>
    public var resolved: Set<AlertID>
    public var at: Date

    public init(firing: Set<AlertID>, resolved: Set<AlertID>, at: Date) {
        self.firing = firing
        self.resolved = resolved
        self.at = at
    }
}
