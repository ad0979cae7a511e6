import Foundation

/// A job whose runs Switchboard tracks (ETL loads, syncs, file transfers): run by Switchboard, read
/// from the log file of another scheduler, or reported over HTTP by the job itself.
public struct Job: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var system: String?
    /// When runs are expected: the command's own schedule, or what log-file and push jobs promise.
    public var schedule: JobSchedule?
    /// Where runs come from.
    public var source: JobSource
    /// How long after an expected start a run may begin before the job is late.
    public var grace: Duration
    /// The longest a run may take; longer runs are over their SLA (and late once past it).
    public var sla: Duration?
    public var retention: JobRetention

    public init(
        id: String, name: String, system: String? = nil, schedule: JobSchedule? = nil,
        source: JobSource, grace: Duration = Job.defaultGrace, sla: Duration? = nil,
        retention: JobRetention = JobRetention()
    ) {
        self.id = id
        self.name = name
        self.system = system
        self.schedule = schedule
        self.source = source
        self.grace = grace
        self.sla = sla
        self.retention = retention
    }

    /// A scheduled command, the common case.
    public init(
        id: String, name: String, schedule: String? = nil, interval: Duration? = nil,
        command: [String], system: String? = nil
    ) {
        let parsed = schedule.flatMap { try? CronExpression(parsing: $0) }
        self.init(
            id: id, name: name, system: system,
            schedule: parsed.map { .cron($0) } ?? interval.map { .interval($0) },
            source: .command(JobCommand(arguments: command)))
    }

    public static let defaultGrace: Duration = .seconds(60)

    /// The program and its arguments of a command job; empty for other sources.
    public var command: [String] {
        if case .command(let command) = source { return command.arguments }
        return []
    }

    /// The cron text of a calendar schedule.
    public var cronText: String? {
        if case .cron(let cron)? = schedule { return cron.text }
        return nil
    }

    /// The interval of a periodic schedule.
    public var interval: Duration? {
        if case .interval(let interval)? = schedule { return interval }
        return nil
    }
}

/// When runs of a job are due.
public enum JobSchedule: Sendable, Equatable {
    case cron(CronExpression)
    case interval(Duration)

    /// How the schedule reads in a table: `*/5 * * * * (Europe/Berlin)` or `every 30s`.
    public var description: String {
        switch self {
        case .cron(let cron):
            cron.timeZone.identifier == "UTC" ? cron.text : "\(cron.text) (\(cron.timeZone.identifier))"
        case .interval(let interval): "every \(DurationParser.format(interval))"
        }
    }
}

/// Where a job's runs come from.
public enum JobSource: Sendable, Equatable {
    case command(JobCommand)
    case logFile(LogFileSource)
    case push

    /// `command`, `log_file` or `push`, as the config names it.
    public var kind: String {
        switch self {
        case .command: "command"
        case .logFile: "log_file"
        case .push: "push"
        }
    }
}

/// How many runs, and how many bytes of their lines, are kept per job; the oldest go first.
public struct JobRetention: Sendable, Equatable {
    public var runs: Int
    public var bytes: Int

    public init(runs: Int = 100, bytes: Int = 512 << 20) {
        self.runs = runs
        self.bytes = bytes
    }
}
