/// An action the console asks the data source to perform.
public enum Command: Sendable, Equatable {
    /// Run every check of one interface or system now, outside its schedule.
    case checkNow(target: String)
    /// Take an alert: `by` is the operator's name, `note` why or what is being done.
    case acknowledge(alertID: String, note: String, by: String)
    /// Give an alert back to the queue.
    case unacknowledge(alertID: String, by: String)
    /// Add a free-text note to an alert.
    case note(alertID: String, text: String, by: String)
    /// Silence every alert the matchers select for a while; the matchers are parsed where they are
    /// typed (`AlertMatcher.parseList("{alertname=\"X\", system=~\"erp|crm\"}")`), so they arrive valid.
    case silence(matchers: [AlertMatcher], duration: Duration, comment: String, by: String)
    /// End a silence now.
    case expireSilence(id: String, by: String)
    /// Start a job now, outside its schedule.
    case runJob(id: String)
    /// Plan a maintenance window: alerts its matchers select are muted while it is open.
    case addMaintenance(MaintenanceWindowConfig, by: String)
    /// Remove a maintenance window that was added at run time (the config's stay).
    case removeMaintenance(id: String, by: String)

    /// Whether the command changes shared state (refused in read-only mode).
    public var isWrite: Bool {
        switch self {
        case .checkNow: false
        case .acknowledge, .unacknowledge, .note, .silence, .expireSilence, .runJob, .addMaintenance,
            .removeMaintenance:
            true
        }
    }
}

/// What became of a command, to be shown to the user.
public struct CommandOutcome: Sendable, Equatable, Codable {
    /// Whether the outcome is good news, as the console's ✔ or ✘ says: a check run now with a check down is not.
    public var succeeded: Bool
    public var message: String

    public init(succeeded: Bool, message: String) {
        self.succeeded = succeeded
        self.message = message
    }
}
