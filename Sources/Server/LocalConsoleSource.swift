import Foundation
import SwitchboardCore

/// What the console of the process that runs the engine reads: the engine, with the consoles
/// attached to it in its snapshots and itself on their presence board. Its writes are announced
/// on the event stream like anyone's, so attached consoles see them at once.
public final class LocalConsoleSource: DataSource {
    private let host: EngineHost
    private let user: String
    private let console = "local-\(getpid())"

    public init(host: EngineHost, user: String) {
        self.host = host
        self.user = user
    }

    public var snapshot: Snapshot { host.snapshot }

    public func perform(_ command: Command) async -> CommandOutcome {
        await host.perform(command, by: Caller(name: user, role: .admin))
    }

    public func jobRuns(jobID: String, limit: Int) async throws -> [JobRunSummary] {
        try await host.source.jobRuns(jobID: jobID, limit: limit)
    }

    public func jobLog(runID: Int64, afterLine: Int, limit: Int) async throws -> JobLogPage? {
        try await host.source.jobLog(runID: runID, afterLine: afterLine, limit: limit)
    }

    public func alertActivity(alertID: String, limit: Int) async throws -> [AlertActivity] {
        try await host.source.alertActivity(alertID: alertID, limit: limit)
    }

    public func reportPresence(viewing: String) {
        let report = PresenceReport(console: console, user: user, viewing: viewing)
        if host.presence.report(report, user: user, pinned: true) { host.announcePresence() }
    }
}
