import Foundation
import Monitor
import TestSupport
import Testing

/// The one exit policy of README's Commands table, case by case, on the real binary: bad input exits 2 with a
/// one-line error naming the option and the typed command's own usage; an unusable state database exits 3.
@Suite(.serialized) struct ExitCodeTests {
    let directory: String
    let config: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-exit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        config = directory + "/switchboard.yaml"
        try """
        systems:
          - id: erp
        jobs:
          - id: nightly-export
            schedule: "0 2 * * *"
            command: ["true"]
        """.write(toFile: config, atomically: true, encoding: .utf8)
    }

    func run(_ arguments: [String]) async throws -> ChildProcess.Output {
        let arguments = arguments + ["--config", config, "--state-dir", directory + "/state"]
        return try await OwnThread.run { try ChildProcess.run(BuiltBinary.path, arguments) }
    }

    static let badInput: [(arguments: [String], names: String, usage: String)] = [
        (["alerts", "ack", "abcd"], "--note", "switchboard alerts ack "),
        (["alerts", "note", "abcd"], "<text>", "switchboard alerts note "),
        (["alerts", "list", "--format", "xml"], "--format", "switchboard alerts list "),
        (["alerts", "list", "--state", "sleepy"], "--state", "switchboard alerts list "),
        (["alerts", "ack", "abcd", "--note", "x", "--expires", "90x"], "--expires", "switchboard alerts ack "),
        (["alerts", "ack", "abcd", "--note", "x"], "abcd", "switchboard alerts ack "),
        (["silence", "add", "alertname=X", "--duration", "2h"], "--comment", "switchboard silence add "),
        (
            ["silence", "add", "alertname=X", "--duration", "90x", "--comment", "x"], "--duration",
            "switchboard silence add "
        ),
        (
            ["silence", "add", "alertname=~(", "--duration", "2h", "--comment", "x"], "alertname",
            "switchboard silence add "
        ),
        (["silence", "expire", "e6fb2bc7"], "e6fb2bc7", "switchboard silence expire "),
        (
            [
                "maintenance", "add", "system=erp", "--weekly", "sat", "--at", "22:00", "--duration", "90x",
                "--comment", "x",
            ],
            "--duration", "switchboard maintenance add "
        ),
        (["maintenance", "remove"], "<id>", "switchboard maintenance remove "),
        (["jobs", "logs", "no-such-job"], "no-such-job", "switchboard jobs logs "),
        (["jobs", "logs", "nightly-export", "--level", "loud"], "--level", "switchboard jobs logs "),
        (["report", "--since", "90x"], "--since", "switchboard report "),
        (["check", "--format", "yaml"], "--format", "switchboard check "),
        (["--theme"], "--theme", "switchboard "),
    ]

    @Test(arguments: badInput.indices)
    func badInputExitsTwoWithAOneLineErrorNamingTheOption(_ index: Int) async throws {
        let (arguments, names, usage) = Self.badInput[index]
        let result = try await run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("error: ") == true, "\(arguments): \(result.stderr)")
        #expect(lines.first?.contains(names) == true, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.contains("SUBCOMMANDS"), "not the top-level usage: \(result.stderr)")
        if lines.count > 1 {
            #expect(lines[1].hasPrefix("usage: " + usage), "\(arguments): \(result.stderr)")
        }
    }

    @Test func parseErrorsShowTheTypedCommandsUsage() async throws {
        let result = try await run(["silence", "add", "alertname=X", "--duration", "2h"])
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(result.stderr)")
        #expect(lines[0] == "error: Missing expected argument '--comment <comment>'")
        #expect(lines[1].hasPrefix("usage: switchboard silence add "))
        #expect(lines[2] == "See `switchboard silence add --help`.")
    }

    @Test(arguments: [
        ["alerts", "list"], ["alerts", "ack", "abcd", "--note", "x"], ["silence", "list"],
        ["silence", "expire", "abcd"], ["maintenance", "list"], ["jobs", "list"], ["report"],
    ])
    func anUnusableStateDatabaseExitsThreeEverywhere(_ arguments: [String]) async throws {
        let state = directory + "/state"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: state + "/" + AlertDatabase.fileName))
        let result = try await run(arguments)
        #expect(result.status == 3, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("the state database is corrupt"), "\(arguments): \(result.stderr)")
    }
}
