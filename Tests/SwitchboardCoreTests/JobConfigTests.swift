import Foundation
import Testing

@testable import SwitchboardCore

@Suite struct JobConfigTests {
    let loader = ConfigLoader(environment: ["ETL_HOME": "/opt/etl"])
    static let header = "systems:\n  - id: erp\njobs:\n"

    @Test func readsACommandJobWithEverySetting() throws {
        let yaml =
            Self.header + """
                  - id: nightly
                    name: Nightly load
                    system: erp
                    schedule: "15 2 * * 1-5"
                    time_zone: Europe/Berlin
                    command: ["${ETL_HOME}/load.sh", --full]
                    environment: {MODE: full}
                    working_directory: /tmp
                    timeout: 1h
                    overlap: queue
                    grace: 10m
                    sla: 45m
                    retention: {runs: 20, megabytes: 64}
                """
        let job = try #require(try loader.load(yaml: yaml, file: "c.yaml").jobs.first)
        #expect(job.name == "Nightly load" && job.system == "erp")
        #expect(job.cronText == "15 2 * * 1-5")
        guard case .cron(let cron)? = job.schedule, case .command(let command) = job.source else {
            Issue.record("expected a cron command job")
            return
        }
        #expect(cron.timeZone.identifier == "Europe/Berlin")
        #expect(command.arguments == ["/opt/etl/load.sh", "--full"])
        #expect(command.environment == ["MODE": "full"] && command.workingDirectory == "/tmp")
        #expect(command.timeout == .seconds(3600) && command.overlap == .queue)
        #expect(job.grace == .seconds(600) && job.sla == .seconds(2700))
        #expect(job.retention == JobRetention(runs: 20, bytes: 64 << 20))
    }

    @Test func aShellCommandMayBeOneString() throws {
        let yaml = Self.header + "  - {id: s, interval: 30s, shell: true, command: \"echo a | tr a b\"}\n"
        let job = try #require(try loader.load(yaml: yaml, file: "c.yaml").jobs.first)
        guard case .command(let command) = job.source else {
            Issue.record("expected a command")
            return
        }
        #expect(command.argv == ["/bin/sh", "-c", "echo a | tr a b"])
        #expect(job.interval == .seconds(30))
    }

    @Test func readsALogFileJob() throws {
        let yaml =
            Self.header + """
                  - id: talend
                    schedule: "0 * * * *"
                    grace: 5m
                    log_file:
                      path: /var/log/talend/orders.log
                      start: 'Job orders started'
                      end: 'Job orders (ended|failed)'
                      failure: 'Job orders failed|Exception'
                      run_id: 'run=([0-9a-f]+)'
                      records: 'rows written: ([0-9]+)'
                      read_from: start
                """
        let job = try #require(try loader.load(yaml: yaml, file: "c.yaml").jobs.first)
        guard case .logFile(let source) = job.source else {
            Issue.record("expected a log file job")
            return
        }
        #expect(source.path == "/var/log/talend/orders.log" && source.readFrom == .start)
        #expect(source.runID?.captures(in: "x run=beef1 y")! == ["beef1"])
        #expect(source.end?.matches("Job orders failed") == true)
        #expect(job.command.isEmpty)
    }

    @Test func readsAPushJobWithoutSchedule() throws {
        let yaml = Self.header + "  - {id: p, push: true, sla: 2m}\n"
        let job = try #require(try loader.load(yaml: yaml, file: "c.yaml").jobs.first)
        #expect(job.source == .push && job.schedule == nil && job.sla == .seconds(120))
    }

    struct BadCase: CustomTestStringConvertible, Sendable {
        var name: String
        var item: String
        var line: Int = 4
        var column: Int
        var message: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        BadCase(
            name: "bad minute points into the expression", item: "  - {id: j, schedule: \"0 2 * * *\", command: [x]}",
            column: 0, message: ""),
        BadCase(
            name: "cron field out of range", item: "  - {id: j, schedule: \"0 25 * * *\", command: [x]}",
            column: 26, message: "invalid cron expression `0 25 * * *`: invalid hour `25`: expected 0-23"),
        BadCase(
            name: "never fires", item: "  - {id: j, schedule: \"0 0 31 2 *\", command: [x]}", column: 23,
            message: "it never fires"),
        BadCase(
            name: "unknown time zone",
            item: "  - {id: j, schedule: \"0 2 * * *\", time_zone: Mars/Olympus, command: [x]}", column: 47,
            message: "invalid value `Mars/Olympus`: expected a time zone"),
        BadCase(
            name: "two sources", item: "  - {id: j, interval: 1m, command: [x], push: true}", column: 41,
            message: "takes only one of `command`, `push`"),
        BadCase(
            name: "no source", item: "  - {id: j, interval: 1m}", column: 5, message: "command, log_file or push"),
        BadCase(
            name: "bad regex", item: "  - {id: j, log_file: {path: /x, start: 'run ('}}", column: 41,
            message: "invalid regex `run (`"),
        BadCase(
            name: "capture without group", item: "  - {id: j, log_file: {path: /x, start: a, records: 'rows: [0-9]+'}}",
            column: 53, message: "expected a group"),
        BadCase(
            name: "bad overlap", item: "  - {id: j, interval: 1m, command: [x], overlap: wait}", column: 50,
            message: "expected skip or queue"),
        BadCase(
            name: "timeout on a push job", item: "  - {id: j, push: true, timeout: 1m}", column: 25,
            message: "a key of command jobs"),
    ])
    func badJobIsReportedWhereItIs(_ test: BadCase) throws {
        let yaml = Self.header + test.item + "\n"
        if test.message.isEmpty {
            #expect(throws: Never.self) { try loader.load(yaml: yaml, file: "c.yaml") }
            return
        }
        let errors = #expect(throws: ConfigErrors.self) { try loader.load(yaml: yaml, file: "c.yaml") }
        let error = try #require(errors?.errors.first)
        #expect(error.location == SourceLocation(file: "c.yaml", line: test.line, column: test.column))
        #expect(error.message.contains(test.message), "got: \(error.message)")
    }
}
