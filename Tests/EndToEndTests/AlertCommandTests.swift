import Foundation
import Monitor
import PromQL
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `switchboard alerts …` and `switchboard silence …` on a state directory seeded with alerts.
@Suite struct AlertCommandTests {
    let directory: String
    let down = RuleAlert(
        ruleName: "InterfaceDown", labels: ["interface": "orders", "severity": "critical"],
        annotations: ["summary": "orders down"], state: .firing, activeAt: Date(timeIntervalSinceNow: -600),
        firedAt: Date(timeIntervalSinceNow: -300))
    let slow = RuleAlert(
        ruleName: "SlowResponses", labels: ["system": "crm", "severity": "warning"], state: .pending,
        activeAt: Date(timeIntervalSinceNow: -60))

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-cli-\(UUID().uuidString)").path
        let store = AlertStateStore(writer: try AlertDatabase.open(directory: directory))
        var queue = AlertQueue()
        let changes = queue.update(alerts: [down, slow], topology: .init(), now: Date())
        try store.recordEvaluation(changes, at: Date())
    }

    func run(_ arguments: [String]) async throws -> ChildProcess.Output {
        let environment = ProcessInfo.processInfo.environment.merging(["LOGNAME": "ana"]) { $1 }
        return try await OwnThread.run {
            try ChildProcess.run(BuiltBinary.path, arguments + ["--state-dir", directory], environment: environment)
        }
    }

    func reopened() throws -> AlertQueue {
        var queue = try AlertStateStore(writer: AlertDatabase.open(directory: directory)).loadQueue()
        queue.recompute(now: Date())
        return queue
    }

    @Test func ackListAndUnackWorkOnTheStateDirectory() async throws {
        let ack = try await run([
            "alerts", "ack", String(down.id.rawValue.prefix(6)), "--note", "restarting the broker",
        ])
        #expect(ack.status == 0, "\(ack.stderr)")
        #expect(ack.stdout == "acknowledged \(down.id) by ana\n")
        let list = try await run(["alerts", "list", "--state", "acked", "--format", "json"])
        let parsed = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        let entries = try #require(parsed)
        #expect(entries.map { $0["id"] as? String } == [down.id.rawValue])
        let acknowledgement = entries.first?["acknowledgement"] as? [String: Any]
        #expect(acknowledgement?["by"] as? String == "ana")
        #expect(acknowledgement?["note"] as? String == "restarting the broker")
        let text = try await run(["alerts", "list"])
        #expect(text.stdout.contains("acked by ana: restarting the broker"))
        #expect(text.stdout.contains("SlowResponses"))
        let unack = try await run(["alerts", "unack", down.id.rawValue, "--by", "bo"])
        #expect(unack.stdout == "unacknowledged \(down.id)\n")
        #expect(try reopened().acknowledgements.isEmpty)
        #expect(
            try AlertStateStore(writer: AlertDatabase.open(directory: directory)).auditTrail().map(\.actor) == [
                "ana", "bo",
            ])
    }

    @Test func badInputIsAClearErrorAndExitsTwo() async throws {
        let unknown = try await run(["alerts", "ack", "ffffffffffffffff", "--note", "x"])
        #expect(unknown.status == 2)
        #expect(
            unknown.stderr == "error: no alert with id `ffffffffffffffff` (see `switchboard alerts list --state all`)\n"
        )
        let matcher = try await run([
            "silence", "add", "alertname=Down", "job=~(x", "--duration", "2h", "--comment", "c",
        ])
        #expect(matcher.status == 2)
        #expect(matcher.stderr.hasPrefix("error: matcher 2 `job=~(x`, column 6: expected a valid regular expression"))
        let everything = try await run(["silence", "add", "team=~.*", "--duration", "2h", "--comment", "c"])
        #expect(everything.status == 2)
        #expect(everything.stderr.contains("at least one matcher that does not match the empty string"))
        let duration = try await run(["silence", "add", "alertname=Down", "--duration", "soon", "--comment", "c"])
        #expect(duration.status == 2)
        #expect(duration.stderr.contains("--duration soon: expected a duration such as 30m, 2h or 1d12h"))
        // Durations are Prometheus' (README), in the CLI as in the console and the config.
        let fraction = try await run(["silence", "add", "alertname=Down", "--duration", "1.5h", "--comment", "c"])
        #expect(fraction.status == 2)
        let start = try await run([
            "silence", "add", "alertname=Down", "--duration", "1h", "--start", "x", "--comment", "c",
        ])
        #expect(start.status == 2 && start.stderr.contains("--start x: expected an ISO 8601 time"))
        #expect(try AlertStateStore(writer: AlertDatabase.open(directory: directory)).auditTrail().isEmpty)
    }

    @Test func silenceAddListExpire() async throws {
        let add = try await run([
            "silence", "add", "alertname=SlowResponses", #"system=~"crm|erp""#, "--duration", "2h", "--comment",
            "CRM upgrade",
        ])
        #expect(add.status == 0, "\(add.stderr)")
        let id = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let silenced = try await run(["alerts", "list", "--state", "silenced"])
        #expect(silenced.stdout.contains("silenced by \(id)"))
        #expect(!silenced.stdout.contains("InterfaceDown"))
        let list = try await run(["silence", "list"])
        #expect(list.stdout.contains(id) && list.stdout.contains("active") && list.stdout.contains("CRM upgrade"))
        // The short id the console shows.
        let expire = try await run(["silence", "expire", String(id.prefix(8))])
        #expect(expire.stdout == "expired \(id)\n", "\(expire.stderr)")
        #expect(try await run(["silence", "list"]).stdout == "no silences\n")
        let again = try await run(["silence", "expire", id])
        #expect(again.status == 2 && again.stderr == "error: silence `\(id)` has already expired\n")
    }

    @Test func aConfirmedAckSurvivesKillNineRightAfter() async throws {
        let arguments = ["alerts", "ack", down.id.rawValue, "--note", "mine", "--state-dir", directory]
        let confirmation = try await OwnThread.run {
            try KilledOnConfirmation.run(BuiltBinary.path, arguments, confirmation: "acknowledged")
        }
        #expect(confirmation.hasPrefix("acknowledged \(down.id)"))
        #expect(try reopened().acknowledgements[down.id]?.note == "mine")
    }

    @Test func listsPrintCSVForTools() async throws {
        let add = try await run([
            "silence", "add", #"{alertname="Slow", note="a, b"}"#, "--duration", "2h", "--comment", #"say "hi""#,
        ])
        #expect(add.status == 0, "\(add.stderr)")
        let csv = try await run(["silence", "list", "--format", "csv"])
        let lines = csv.stdout.components(separatedBy: "\r\n")
        #expect(lines.first == "ID,STATE,MATCHERS,STARTS,ENDS,BY,COMMENT")
        #expect(lines[1].contains(#""{alertname=""Slow"", note=""a, b""}""#) && lines[1].hasSuffix(#","say ""hi""""#))
        let jobs = try await run(["alerts", "list", "--format", "csv"])
        #expect(jobs.status == 0 && jobs.stdout.hasPrefix("ID,STATE,SEVERITY,ALERT,SINCE,LABELS,OPERATOR\r\n"))
    }

    @Test func aCorruptStateDatabaseIsReportedAndKept() async throws {
        let path = directory + "/" + AlertDatabase.fileName
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let result = try await run(["alerts", "list"])
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("error: \(path): the state database is corrupt"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(repeating: 0x41, count: 4096))
    }
}

/// Starts a program, reads its stdout until a line starts with `confirmation`, and kills it with SIGKILL at
/// once: what a user who saw the confirmation and then lost the machine's process would leave behind.
enum KilledOnConfirmation {
    static func run(_ executable: String, _ arguments: [String], confirmation: String) throws -> String {
        let child = try ChildProcess.startPiped(executable, arguments)
        let pid = child.pid
        defer { close(child.output) }
        var output = ""
        var byte: UInt8 = 0
        while read(child.output, &byte, 1) == 1 {
            output.append(Character(UnicodeScalar(byte)))
            if output.hasPrefix(confirmation) && byte == UInt8(ascii: "\n") { break }
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return output
    }
}
