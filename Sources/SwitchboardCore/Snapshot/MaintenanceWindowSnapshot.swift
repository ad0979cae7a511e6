import Foundation

/// A maintenance window as the console and the command line show it.
public struct MaintenanceWindowSnapshot: Sendable, Equatable, Codable, Identifiable {
    /// What a window is doing at the time of the snapshot.
    public enum State: String, Sendable, Equatable, Codable {
        /// Open now: matching alerts are muted.
        case open
        /// Not open now, but it will open (a weekly window, or a one-off one still to come).
        case closed
        /// A one-off window that has closed for good.
        case over
    }

    /// A UUID for windows added at run time, `config:<name>` for the config's.
    public var id: String
    public var name: String
    public var matchers: [AlertMatcher]
    public var schedule: MaintenanceSchedule
    public var createdBy: String
    public var comment: String
    public var state: State

    public init(
        id: String, name: String, matchers: [AlertMatcher], schedule: MaintenanceSchedule, createdBy: String,
        comment: String, state: State
    ) {
        self.id = id
        self.name = name
        self.matchers = matchers
        self.schedule = schedule
        self.createdBy = createdBy
        self.comment = comment
        self.state = state
    }
}
