import Foundation

/// One job as the console and `switchboard jobs list` show it.
public struct JobStatus: Sendable, Equatable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var system: String?
    /// `command`, `log_file` or `push`.
    public var source: String
    /// The schedule as written (`*/5 * * * *`, `every 30s`), if any.
    public var schedule: String?
    public var state: JobState
    public var lastRun: JobRunSummary?
    /// When the last successful run ended.
    public var lastSuccess: Date?
    /// When the next run is due.
    public var nextRun: Date?
    /// When the overdue run was expected to start; set while late or missed.
    public var expectedAt: Date?
    /// Expected slots that passed without a run since monitoring began (at most a few hundred counted).
    public var missedRuns: Int
    /// The running or last run took longer than the SLA.
    public var overSLA: Bool

    public init(
        id: String, name: String, system: String? = nil, source: String, schedule: String? = nil,
        state: JobState, lastRun: JobRunSummary? = nil, lastSuccess: Date? = nil, nextRun: Date? = nil,
        expectedAt: Date? = nil, missedRuns: Int = 0, overSLA: Bool = false
    ) {
        self.id = id
        self.name = name
        self.system = system
        self.source = source
        self.schedule = schedule
        self.state = state
        self.lastRun = lastRun
        self.lastSuccess = lastSuccess
        self.nextRun = nextRun
        self.expectedAt = expectedAt
        self.missedRuns = missedRuns
        self.overSLA = overSLA
    }

    /// Late or missed: the job is behind its schedule.
    public var isLate: Bool { state == .late || state == .missed }
}

/// One run of a job, without its lines.
public struct JobRunSummary: Sendable, Equatable, Codable, Identifiable {
    /// Unique across jobs (the database's row id).
    public var id: Int64
    public var jobID: String
    /// 1, 2, 3… per job; what `--run N` takes.
    public var number: Int
    /// The job's own id for the run (from a log file or a push), if it has one.
    public var externalID: String?
    public var startedAt: Date
    public var endedAt: Date?
    public var result: JobRunResult
    public var exitCode: Int?
    /// Why a run failed when there is no output to tell (`no such program: etl-load`).
    public var message: String?
    public var lineCount: Int
    public var byteCount: Int
    /// Lines not stored because the run wrote faster than the rate limit.
    public var droppedLines: Int
    public var records: Int?
    /// The line number (1-based) of the first ERROR line.
    public var firstErrorLine: Int?

    public init(
        id: Int64, jobID: String, number: Int, externalID: String? = nil, startedAt: Date, endedAt: Date? = nil,
        result: JobRunResult, exitCode: Int? = nil, message: String? = nil, lineCount: Int = 0,
        byteCount: Int = 0, droppedLines: Int = 0, records: Int? = nil, firstErrorLine: Int? = nil
    ) {
        self.id = id
        self.jobID = jobID
        self.number = number
        self.externalID = externalID
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.result = result
        self.exitCode = exitCode
        self.message = message
        self.lineCount = lineCount
        self.byteCount = byteCount
        self.droppedLines = droppedLines
        self.records = records
        self.firstErrorLine = firstErrorLine
    }

    /// How long the run took, or has taken by `now` while it runs.
    public func duration(now: Date) -> TimeInterval {
        (endedAt ?? now).timeIntervalSince(startedAt)
    }
}

/// One stored line of a run, with its bytes as the job wrote them (escape sequences included:
/// the console sanitises them on display).
public struct JobLogLine: Sendable, Equatable {
    public enum Stream: Int, Sendable, Equatable, Codable {
        case stdout = 1
        case stderr = 2
        /// A line read from a log file or pushed.
        case log = 3
        /// A note by Switchboard itself (`[12 lines dropped: rate limit]`).
        case note = 4
    }

    /// 1-based within the run.
    public var number: Int
    public var time: Date
    public var stream: Stream
    public var level: LogLevel?
    public var bytes: [UInt8]

    public init(number: Int, time: Date, stream: Stream, level: LogLevel?, bytes: [UInt8]) {
        self.number = number
        self.time = time
        self.stream = stream
        self.level = level
        self.bytes = bytes
    }

    /// The line as text, invalid UTF-8 replaced by U+FFFD (still unsanitised).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
