import Foundation
import TestSupport
import Testing

/// `switchboard jobs list|run|logs` on a real config, state directory and shell scripts.
@Suite struct JobsCommandLineTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-jobs-\(UUID().uuidString)")

    func run(_ arguments: [String]) async throws -> ChildProcess.Output {
        let config = folder.appendingPathComponent("switchboard.yaml").path
        let state = folder.appendingPathComponent("state").path
        let full = arguments + ["--config", config, "--state-dir", state]
        return try await OwnThread.run {
            try ChildProcess.run(BuiltBinary.path, full, environment: ProcessInfo.processInfo.environment)
        }
    }

    func writeConfig() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("load.sh").path
        try """
        #!/bin/sh
        echo "INFO loading orders"
        printf 'WARN \\033[31mcolour\\033[0m\\n'
        echo "ERROR row 17 rejected" >&2
        exit 2
        """.write(toFile: script, atomically: true, encoding: .utf8)
        // Run by /bin/sh rather than exec'd: a descriptor for the script leaked by a process another
        // test forks at the moment it is written would keep exec failing with ETXTBSY.
        try """
        systems:
          - id: erp
        jobs:
          - {id: load, system: erp, schedule: "15 2 * * *", command: ["/bin/sh", "\(script)"]}
          - {id: feed, push: true}
        """.write(
            to: folder.appendingPathComponent("switchboard.yaml"), atomically: true, encoding: .utf8)
    }

    @Test func runListAndLogs() async throws {
        try writeConfig()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ran = try await run(["jobs", "run", "load"])
        #expect(ran.status == 1)
        #expect(ran.stdout.contains("INFO loading orders") && ran.stdout.contains("ERROR row 17 rejected"))
        #expect(ran.stdout.contains("WARN ^[[31mcolour^[[0m"), "escape sequences never reach the terminal raw")
        #expect(ran.stderr.contains("run #1 of load: failed (exit 2)"))

        let list = try await run(["jobs", "list", "--format", "json"])
        let jobs = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(jobs.map { $0["id"] as? String } == ["load", "feed"])
        #expect(jobs.map { $0["state"] as? String } == ["failed", "waiting"])

        let text = try await run(["jobs", "list"])
        #expect(text.stdout.hasPrefix("JOB"))
        #expect(text.stdout.contains("load  command"))
        let last = try #require(text.stdout.split(separator: "\n").first { $0.hasPrefix("load") })
        #expect(last.contains(try Regex(#"#1 failed ([1-9]\d*m)?\d+s ago "#)), "whole seconds, no 0m: \(last)")
        #expect(!last.contains("ms ago"), "\(last)")

        let grep = try await run(["jobs", "logs", "load", "--run", "1", "--grep", "row [0-9]+"])
        #expect(grep.status == 0)
        #expect(grep.stdout.split(separator: "\n").count == 1 && grep.stdout.contains("err       ERROR row 17"))
        #expect(!grep.stdout.contains("ERROR ERROR"), "the level is not repeated: \(grep.stdout)")

        let missing = try await run(["jobs", "logs", "load", "--run", "9"])
        #expect(missing.status == 2 && missing.stderr.contains("job `load` has no run 9"))
        let unknown = try await run(["jobs", "run", "nope"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no job with id `nope`"))
        let notCommand = try await run(["jobs", "run", "feed"])
        #expect(notCommand.status == 2 && notCommand.stderr.contains("only command jobs can be run"))
    }
}
