/// A scheduled command whose runs Switchboard tracks (ETL loads, syncs, file transfers).
public struct Job: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    /// A 5-field cron expression, when the job runs on a calendar.
    public var schedule: String?
    /// A fixed interval, when the job runs periodically.
    public var interval: Duration?
    public var command: [String]
    public var system: String?

    public init(
        id: String, name: String, schedule: String? = nil, interval: Duration? = nil,
        command: [String], system: String? = nil
    ) {
        self.id = id
        self.name = name
        self.schedule = schedule
        self.interval = interval
        self.command = command
        self.system = system
    }
}
