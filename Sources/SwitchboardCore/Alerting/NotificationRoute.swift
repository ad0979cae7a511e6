/// Alertmanager's root route: the receiver notifications go to, and how alerts are grouped and paced.
public struct NotificationRoute: Sendable, Equatable {
    public var receiver: String
    /// Labels that make a group; `[]` puts every alert in one group, `["..."]` each alert in its own.
    public var groupBy: [String]
    /// How long a new group waits before its first notification.
    public var groupWait: Duration
    /// How long a group waits before it is notified of alerts that started firing or resolved.
    public var groupInterval: Duration
    /// How long before an unchanged group with unacknowledged firing alerts is notified again.
    public var repeatInterval: Duration

    public static let defaultGroupWait: Duration = .seconds(30)
    public static let defaultGroupInterval: Duration = .seconds(300)
    public static let defaultRepeatInterval: Duration = .seconds(4 * 3600)

    public init(
        receiver: String, groupBy: [String] = [], groupWait: Duration = defaultGroupWait,
        groupInterval: Duration = defaultGroupInterval, repeatInterval: Duration = defaultRepeatInterval
    ) {
        self.receiver = receiver
        self.groupBy = groupBy
        self.groupWait = groupWait
        self.groupInterval = groupInterval
        self.repeatInterval = repeatInterval
    }
}
