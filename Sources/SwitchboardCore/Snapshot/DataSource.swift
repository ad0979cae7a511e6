/// Where the console gets its data and sends its commands: the in-process engine or a daemon.
public protocol DataSource: Sendable {
    /// The newest snapshot. Cheap and safe to call from any thread, including the UI loop.
    var snapshot: Snapshot { get }

    /// Performs a command and reports what happened.
    func perform(_ command: Command) async -> CommandOutcome

    /// The newest runs of a job, newest first; none when the job is unknown.
    func jobRuns(jobID: String, limit: Int) async throws -> [JobRunSummary]

    /// The run as it is now and its lines numbered above `afterLine`, at most `limit`, in order;
    /// nil when the run is unknown (deleted by retention, or never existed).
    func jobLog(runID: Int64, afterLine: Int, limit: Int) async throws -> JobLogPage?

    /// An alert's history and the operator actions on it, newest first, at most `limit`.
    func alertActivity(alertID: String, limit: Int) async throws -> [AlertActivity]

    /// Tells the engine what this console has open (`alerts`, `alert:<id>`…), for presence.
    func reportPresence(viewing: String)

    /// The newest operator actions, newest first, at most `limit`.
    func auditTrail(limit: Int) async throws -> [AuditTrailEntry]
}

extension DataSource {
    /// A data source without an alert queue has no trail.
    public func auditTrail(limit: Int) async throws -> [AuditTrailEntry] { [] }

    /// An engine in this process has no one else to tell.
    public func reportPresence(viewing: String) {}
}

/// A run and a slice of its lines, as the Logs view fetches them while following.
public struct JobLogPage: Sendable, Equatable, Codable {
    public var run: JobRunSummary
    public var lines: [JobLogLine]

    public init(run: JobRunSummary, lines: [JobLogLine]) {
        self.run = run
        self.lines = lines
    }
}
