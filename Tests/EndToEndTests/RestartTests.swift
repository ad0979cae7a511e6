import Foundation
import Monitor
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The restart defect as a new user met it: a console on a landscape whose check fails, a rule that fires at
/// once, `alerts ack`, then `kill -9` of the console and a new one on the same state directory. The alert
/// stays acknowledged with the same `SINCE` throughout, also once the restarted console's check has run.
@Suite(.enabled(if: TmuxSession.tmuxPath != nil, "tmux is not installed"))
struct RestartTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-restart-\(UUID())").path

    var config: String { directory + "/switchboard.yaml" }
    var state: String { directory + "/state" }

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // Port 1 on loopback: nothing listens, so the check fails at once with "connection refused".
        try """
        landscape: restart
        systems:
          - {id: erp, name: ERP}
          - {id: crm, name: CRM}
        interfaces:
          - id: orders
            name: Orders
            from: erp
            to: crm
            protocol: rest
            checks:
              - {id: orders-api, tcp: {address: "127.0.0.1:1"}, interval: 2s, timeout: 1s}
        rule_files: [rules.yml]
        """.write(toFile: config, atomically: true, encoding: .utf8)
        try """
        groups:
          - name: probes
            interval: 1s
            rules:
              - alert: InterfaceDown
                expr: probe_success == 0
                labels: {severity: critical}
        """.write(toFile: directory + "/rules.yml", atomically: true, encoding: .utf8)
    }

    func console() throws -> TmuxSession {
        try TmuxSession(
            command: "\(TmuxSession.quote(BuiltBinary.path)) --config \(config) --state-dir \(state)",
            environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color"])
    }

    /// `alerts list --format json`, as objects.
    func alerts() throws -> [[String: Any]] {
        let output = try ChildProcess.run(
            BuiltBinary.path, ["alerts", "list", "--format", "json", "--state-dir", state])
        guard output.status == 0 else {
            throw TmuxSession.Timeout(what: "alerts list (exit \(output.status))", screen: output.stderr)
        }
        return (try? JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]]) ?? []
    }

    /// Polls `alerts list` until `condition` holds for its first alert (for at most the failure deadline).
    func waitForAlert(_ what: String, _ condition: ([String: Any]) -> Bool) throws -> [String: Any] {
        let deadline = ContinuousClock.now + failureDeadline
        while ContinuousClock.now < deadline {
            if let first = try alerts().first, condition(first) { return first }
            Thread.sleep(forTimeInterval: 0.2)
        }
        throw TmuxSession.Timeout(what: what, screen: "\(try alerts())")
    }

    @Test func anAcknowledgedAlertKeepsItsAcknowledgementAndSinceThroughKillNine() async throws {
        try await OwnThread.run {
            let first = try console()
            let firing = try waitForAlert("the alert to fire") { $0["state"] as? String == "firing" }
            let id = try #require(firing["id"] as? String)
            let activeAt = try #require(firing["active_at"] as? String)
            let firedAt = try #require(firing["fired_at"] as? String)
            let ack = try ChildProcess.run(
                BuiltBinary.path, ["alerts", "ack", id, "--note", "restarting the broker", "--state-dir", state])
            #expect(ack.status == 0, "\(ack.stderr)")
            _ = try waitForAlert("the console to take the acknowledgement") { $0["acknowledgement"] != nil }

            try killConsole()
            _ = first
            let second = try console()
            // The restarted console runs its check (its header leaves `checks 0/1`) and evaluates again.
            try second.waitFor("the restarted check to run") { screen in
                screen.contains { $0.contains("up 0/1") }
            }
            for _ in 0..<15 {
                let alert = try #require(try alerts().first)
                #expect(alert["id"] as? String == id)
                #expect(alert["state"] as? String == "firing")
                #expect(alert["active_at"] as? String == activeAt)
                #expect(alert["fired_at"] as? String == firedAt)
                let acknowledgement = alert["acknowledgement"] as? [String: Any]
                #expect(acknowledgement?["note"] as? String == "restarting the broker")
                Thread.sleep(forTimeInterval: 0.2)
            }
            try killConsole()
            _ = second
        }
    }

    /// SIGKILL to every process started on this test's state directory.
    func killConsole() throws {
        let output = try ChildProcess.run("/usr/bin/pgrep", ["-f", "--", "--state-dir \(state)"])
        let pids = output.stdout.split(separator: "\n").compactMap { pid_t($0) }
        #expect(!pids.isEmpty, "the console is running")
        for pid in pids where pid != getpid() { kill(pid, SIGKILL) }
        for _ in 0..<100 {
            if pids.allSatisfy({ kill($0, 0) != 0 }) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}
