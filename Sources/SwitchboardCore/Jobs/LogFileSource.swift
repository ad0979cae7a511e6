/// A log file written by another scheduler, split into runs by patterns (POSIX extended regexes).
public struct LogFileSource: Sendable, Equatable {
    public var path: String
    /// A line matching this begins a run.
    public var start: PosixRegex
    /// A line matching this ends the run; without it a run ends where the next begins.
    public var end: PosixRegex?
    /// A run with a line matching this succeeded (unless `failure` matched too).
    public var success: PosixRegex?
    /// A run with a line matching this failed.
    public var failure: PosixRegex?
    /// Group 1 is the run's own id (`run 2024-05-01T02:15`).
    public var runID: PosixRegex?
    /// Group 1 is a record count; the last match of a run counts.
    public var records: PosixRegex?
    /// Group 1 is the level word (ERROR, warn…); without it levels are detected.
    public var level: PosixRegex?
    /// Where to begin in a file that already exists when tailing starts and has no saved position.
    public var readFrom: ReadFrom

    public enum ReadFrom: String, Sendable, Equatable {
        case start, end
    }

    public init(
        path: String, start: PosixRegex, end: PosixRegex? = nil, success: PosixRegex? = nil,
        failure: PosixRegex? = nil, runID: PosixRegex? = nil, records: PosixRegex? = nil,
        level: PosixRegex? = nil, readFrom: ReadFrom = .end
    ) {
        self.path = path
        self.start = start
        self.end = end
        self.success = success
        self.failure = failure
        self.runID = runID
        self.records = records
        self.level = level
        self.readFrom = readFrom
    }
}
