/// Where a job stands, most urgent first when several apply.
public enum JobState: String, Sendable, Equatable, Codable, CaseIterable {
    /// A run is under way.
    case running
    /// A whole expected slot passed without a run starting.
    case missed
    /// The expected run has not started (or not finished) by its expected time plus grace.
    case late
    /// The last run failed.
    case failed
    /// The last run succeeded.
    case succeeded
    /// No run yet and none overdue.
    case waiting
}

/// How a run ended.
public enum JobRunResult: String, Sendable, Equatable, Codable {
    case running
    case succeeded
    case failed
    /// Killed after its timeout.
    case timedOut = "timed_out"
    /// The program could not be started (no such program, not executable).
    case notStarted = "not_started"
    /// Switchboard stopped while it ran, or a log file ended without the run's end line.
    case abandoned

    /// Whether this counts as a failure for `switchboard_job_runs_total{result}`.
    public var isFailure: Bool { self != .succeeded && self != .running }
}

/// The severity of a log line, detected from the usual words and formats.
public enum LogLevel: Int, Sendable, Equatable, Comparable, Codable, CaseIterable {
    case debug = 1
    case info = 2
    case warn = 3
    case error = 4

    public var name: String {
        switch self {
        case .debug: "DEBUG"
        case .info: "INFO"
        case .warn: "WARN"
        case .error: "ERROR"
        }
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
