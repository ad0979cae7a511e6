import Foundation
import Yams

/// Reads the `jobs:` of a config: the source (command, log file or push), schedule, deadlines and
/// retention, with cron expressions and regexes checked where they are written.
struct JobDecoder {
    let reader: ConfigReader

    static let keys = [
        "id", "name", "system", "schedule", "interval", "time_zone", "grace", "sla", "command", "shell",
        "environment", "working_directory", "timeout", "overlap", "log_file", "push", "retention",
    ]
    static let commandOnlyKeys = ["shell", "environment", "working_directory", "timeout", "overlap"]

    /// The job of a `jobs:` item, given its id already registered.
    func job(_ fields: Fields, id: String, node: Node) -> Job? {
        let context = "job `\(id)`"
        let sources = ["command", "log_file", "push"].filter { fields[$0] != nil }
        if sources.count > 1 {
            reader.fail(.conflictingKeys(sources, in: context), at: fields.keyNodes[sources[1]]!)
            return nil
        }
        guard let sourceKey = sources.first else {
            reader.fail(.missingKey("command, log_file or push", in: context), at: node)
            return nil
        }
        if sourceKey != "command" {
            for key in Self.commandOnlyKeys where fields[key] != nil {
                reader.fail(
                    .invalidValue(key, expected: "a key of command jobs; this job has \(sourceKey)"),
                    at: fields.keyNodes[key]!)
            }
        }
        let schedule = self.schedule(fields, context: context, required: sourceKey == "command", node: node)
        let source: JobSource?
        switch sourceKey {
        case "command": source = command(fields).map(JobSource.command)
        case "log_file": source = fields["log_file"].flatMap(logFile).map(JobSource.logFile)
        default:
            source = fields["push"].flatMap(reader.bool) == false ? nil : .push
            if source == nil {
                reader.fail(.invalidValue("false", expected: "true, or no push key"), at: fields["push"]!)
            }
        }
        guard let source else { return nil }
        var job = Job(
            id: id, name: fields["name"].flatMap { reader.string($0) } ?? id,
            system: fields["system"].flatMap { reader.string($0) }, schedule: schedule.flatMap { $0 }, source: source)
        job.grace = fields["grace"].flatMap(reader.duration) ?? Job.defaultGrace
        job.sla = fields["sla"].flatMap(reader.duration)
        job.retention = fields["retention"].flatMap(retention) ?? JobRetention()
        return job
    }

    /// `schedule` (cron, with `time_zone`) or `interval`; the outer nil means an error was reported.
    private func schedule(_ fields: Fields, context: String, required: Bool, node: Node) -> JobSchedule?? {
        if fields["schedule"] != nil, fields["interval"] != nil {
            reader.fail(.conflictingKeys(["schedule", "interval"], in: context), at: fields.keyNodes["interval"]!)
            return .none
        }
        if let zoneKey = fields.keyNodes["time_zone"], fields["schedule"] == nil {
            reader.fail(.invalidValue("time_zone", expected: "a time zone only beside a cron schedule"), at: zoneKey)
        }
        if let interval = fields["interval"] { return reader.duration(interval).map { .interval($0) } }
        guard let cronNode = fields["schedule"] else {
            if required { reader.fail(.missingKey("schedule or interval", in: context), at: node) }
            return .some(nil)
        }
        var zone = TimeZone(identifier: "UTC")!
        if let zoneNode = fields["time_zone"], let name = reader.string(zoneNode) {
            guard let found = TimeZone(identifier: name) else {
                reader.fail(.invalidValue(name, expected: "a time zone such as Europe/Berlin or UTC"), at: zoneNode)
                return .none
            }
            zone = found
        }
        return cron(cronNode, zone: zone).map { .cron($0) }
    }

    private func cron(_ node: Node, zone: TimeZone) -> CronExpression? {
        guard let text = reader.string(node) else { return nil }
        do {
            let cron = try CronExpression(parsing: text, timeZone: zone)
            if cron.next(after: Date()) == nil {
                reader.fail(.invalidExpression(text, language: "cron expression", problem: "it never fires"), at: node)
                return nil
            }
            return cron
        } catch {
            reader.fail(
                .invalidExpression(text, language: "cron expression", problem: error.problem),
                at: reader.location(of: node, offset: error.column - 1))
            return nil
        }
    }

    private func command(_ fields: Fields) -> JobCommand? {
        guard let node = fields["command"] else { return nil }
        let shell = fields["shell"].flatMap(reader.bool) ?? false
        let arguments: [String]?
        if shell, case .scalar = node {
            arguments = reader.expandedString(node).map { [$0] }
        } else {
            arguments = reader.stringList(node, expand: true)
        }
        guard let arguments else { return nil }
        if arguments.isEmpty || arguments[0].isEmpty {
            reader.fail(.invalidValue("[]", expected: "a program and its arguments"), at: node)
            return nil
        }
        var command = JobCommand(arguments: arguments, shell: shell)
        if let environment = fields["environment"].flatMap({
            reader.stringPairs($0, context: "environment", expand: true)
        }) {
            command.environment = Dictionary(environment, uniquingKeysWith: { $1 })
        }
        command.workingDirectory = fields["working_directory"].flatMap(reader.expandedString)
        command.timeout = fields["timeout"].flatMap(reader.duration)
        if let overlapNode = fields["overlap"], let text = reader.string(overlapNode) {
            if let overlap = OverlapPolicy(rawValue: text) {
                command.overlap = overlap
            } else {
                reader.fail(.invalidValue(text, expected: "skip or queue"), at: overlapNode)
            }
        }
        return command
    }

    private func logFile(_ node: Node) -> LogFileSource? {
        let keys = ["path", "start", "end", "success", "failure", "run_id", "records", "level", "read_from"]
        guard let fields = reader.mapping(node, context: "log_file", keys: keys) else { return nil }
        let path = reader.required("path", in: fields).flatMap(reader.expandedString)
        let start = reader.required("start", in: fields).flatMap { regex($0) }
        let captures = ["run_id", "records", "level"]
        var found: [String: PosixRegex] = [:]
        for key in ["end", "success", "failure"] + captures {
            guard let valueNode = fields[key] else { continue }
            found[key] = regex(valueNode, needsGroup: captures.contains(key))
        }
        var readFrom = LogFileSource.ReadFrom.end
        if let fromNode = fields["read_from"], let text = reader.string(fromNode) {
            if let value = LogFileSource.ReadFrom(rawValue: text) {
                readFrom = value
            } else {
                reader.fail(.invalidValue(text, expected: "start or end"), at: fromNode)
            }
        }
        guard let path, let start else { return nil }
        return LogFileSource(
            path: path, start: start, end: found["end"], success: found["success"], failure: found["failure"],
            runID: found["run_id"], records: found["records"], level: found["level"], readFrom: readFrom)
    }

    private func regex(_ node: Node, needsGroup: Bool = false) -> PosixRegex? {
        guard let pattern = reader.string(node) else { return nil }
        do {
            let regex = try PosixRegex(pattern)
            if needsGroup, regex.groupCount == 0 {
                reader.fail(
                    .invalidExpression(pattern, language: "regex", problem: "expected a group ( ) around the value"),
                    at: node)
                return nil
            }
            return regex
        } catch {
            reader.fail(.invalidExpression(pattern, language: "regex", problem: error.problem), at: node)
            return nil
        }
    }

    private func retention(_ node: Node) -> JobRetention? {
        guard let fields = reader.mapping(node, context: "retention", keys: ["runs", "megabytes"]) else { return nil }
        var retention = JobRetention()
        if let runs = fields["runs"].flatMap({ reader.int($0, in: 1...100_000, what: "a number of runs (1-100000)") }) {
            retention.runs = runs
        }
        if let megabytes = fields["megabytes"].flatMap({
            reader.int($0, in: 1...1_000_000, what: "a size in megabytes (1-1000000)")
        }) {
            retention.bytes = megabytes << 20
        }
        return retention
    }
}
