/// The `alerting:` section of a config: where alerts are pushed and notified, how they are grouped
/// and paced, which inhibit others, and the planned maintenance windows.
///
/// Keys follow Alertmanager (`route`, `receivers`, `inhibit_rules`) and Prometheus
/// (`alertmanagers`), so their users can copy what they have.
public struct AlertingConfig: Sendable, Equatable {
    /// Alertmanagers every firing alert is pushed to (API v2), as Prometheus pushes them.
    public var alertmanagers: [AlertmanagerTarget]
    /// Grouping and pacing of notifications, and the receiver they go to; nil without receivers.
    public var route: NotificationRoute?
    public var receivers: [NotificationReceiver]
    public var inhibitRules: [InhibitRuleConfig]
    public var maintenanceWindows: [MaintenanceWindowConfig]

    public init(
        alertmanagers: [AlertmanagerTarget] = [], route: NotificationRoute? = nil,
        receivers: [NotificationReceiver] = [], inhibitRules: [InhibitRuleConfig] = [],
        maintenanceWindows: [MaintenanceWindowConfig] = []
    ) {
        self.alertmanagers = alertmanagers
        self.route = route
        self.receivers = receivers
        self.inhibitRules = inhibitRules
        self.maintenanceWindows = maintenanceWindows
    }

    /// The receiver the route sends to.
    public var routedReceiver: NotificationReceiver? {
        route.flatMap { route in receivers.first { $0.name == route.receiver } }
    }
}
