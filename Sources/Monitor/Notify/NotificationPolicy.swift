import Foundation

/// How alerts are grouped and paced for one receiver, with Alertmanager's meanings:
/// `groupWait` before a new group's first notification, `groupInterval` between notifications of a
/// changed group, `repeatInterval` before an unchanged group is notified again.
public struct NotificationPolicy: Sendable, Hashable {
    public var receiver: String
    public var grouping: AlertGrouping
    public var groupWait: TimeInterval
    public var groupInterval: TimeInterval
    public var repeatInterval: TimeInterval

    public init(
        receiver: String, grouping: AlertGrouping = AlertGrouping(), groupWait: TimeInterval = 30,
        groupInterval: TimeInterval = 300, repeatInterval: TimeInterval = 4 * 3600
    ) {
        self.receiver = receiver
        self.grouping = grouping
        self.groupWait = groupWait
        self.groupInterval = groupInterval
        self.repeatInterval = repeatInterval
    }
}
