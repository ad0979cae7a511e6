/// A maintenance window written in the config: alerts matching its matchers are muted while it is open.
public struct MaintenanceWindowConfig: Sendable, Equatable {
    public var name: String
    public var matchers: [AlertMatcher]
    public var schedule: MaintenanceSchedule
    public var comment: String

    public init(name: String, matchers: [AlertMatcher], schedule: MaintenanceSchedule, comment: String = "") {
        self.name = name
        self.matchers = matchers
        self.schedule = schedule
        self.comment = comment
    }
}
