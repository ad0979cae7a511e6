import Foundation
import Monitor
import SwitchboardCore
import Testing

@Suite struct CommandProbeTests {
    /// A generous timeout: a busy machine can take seconds to start a process; only the tests of the
    /// timeout itself give a short one.
    func run(_ arguments: String..., timeout: Duration = .seconds(60)) async -> ProbeOutcome {
        await CommandProbe(settings: CommandProbeSettings(arguments: arguments)).run(timeout: timeout)
    }

    @Test func exitCodeZeroIsUp() async {
        let outcome = await run("/bin/true")
        #expect(outcome == .success("exit code 0", samples: [Sample("probe_command_exit_code", [:], 0)]))
    }

    @Test func nonZeroExitCodeIsDown() async {
        let outcome = await run("/bin/false")
        #expect(!outcome.up)
        #expect(outcome.reason == "exit code 1")
        #expect(outcome.samples == [Sample("probe_command_exit_code", [:], 1)])
    }

    @Test func outputOnStandardErrorBecomesTheReason() async {
        let outcome = await run("/bin/sh", "-c", "echo; echo '  boom  ' >&2; exit 3")
        #expect(!outcome.up)
        #expect(outcome.reason == "exit code 3: boom")
        #expect(outcome.samples == [Sample("probe_command_exit_code", [:], 3)])
    }

    @Test func programFoundOnPathRunsWithItsArguments() async {
        let outcome = await run("echo", "queue depth 12")
        #expect(outcome == .success("queue depth 12", samples: outcome.samples))
    }

    @Test func longOutputIsCutToTwoHundredCharacters() async {
        let outcome = await run("/bin/sh", "-c", "head -c 100000 /dev/zero | tr '\\0' x; exit 2")
        #expect(outcome.reason == "exit code 2: " + String(repeating: "x", count: 199) + "…")
    }

    @Test func programKilledPastTheTimeoutIsGone() async throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("probe-\(UUID().uuidString).pid")
        let outcome = await run(
            "/bin/sh", "-c", "echo $$ > \(pidFile.path); exec sleep 30", timeout: .milliseconds(500))
        let pid = try String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        try? FileManager.default.removeItem(at: pidFile)
        #expect(outcome.errorClass == .timeout)
        #expect(!pid.isEmpty && !FileManager.default.fileExists(atPath: "/proc/\(pid)"))
    }

    @Test func programPastTheTimeoutIsKilledAsTimeout() async {
        let outcome = await run("/bin/sleep", "30", timeout: .milliseconds(300))
        #expect(outcome.errorClass == .timeout)
        #expect(outcome.reason.hasPrefix("/bin/sleep killed after"))
    }

    @Test func missingProgramIsNamed() async {
        let absolute = await run("/nonexistent/check-erp")
        #expect(absolute.errorClass == .io)
        #expect(absolute.reason == "cannot run /nonexistent/check-erp: no such program")
        let onPath = await run("switchboard-no-such-check")
        #expect(onPath.reason == "cannot run switchboard-no-such-check: no such program")
    }
}
