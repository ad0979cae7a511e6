import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A team on one jump host: one engine per state directory, many consoles attached to it, and
/// `switchboard serve` with its signals — all with the real binary.
@Suite(.serialized, .enabled(if: TmuxSession.tmuxPath != nil, "tmux is not installed"))
struct TeamTests {
    let directory = "/tmp/sb-team-\(UUID().uuidString.prefix(8))"

    var config: String { directory + "/switchboard.yaml" }
    var state: String { directory + "/state" }
    var socket: String { state + "/switchboard.sock" }
    var runs: String { directory + "/runs.txt" }

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try writeConfig(checks: 1)
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

    /// A landscape whose `checks` interfaces are down (nothing listens on port 1) and whose job
    /// prints and appends `engine PID` (the shell's parent: the engine that ran it) to `runs.txt` every 2 seconds.
    func writeConfig(checks: Int, broken: Bool = false) throws {
        let interfaces = (1...checks).map { index in
            """
              - id: feed-\(index)
                from: erp
                to: crm
                protocol: rest
                checks:
                  - {id: feed-\(index)-api, tcp: {address: "127.0.0.1:1"}, interval: 2s, timeout: 1s}
            """
        }.joined(separator: "\n")
        try """
        landscape: team
        systems:
          - {id: erp, name: ERP}
          - {id: crm, name: 客户关系 CRM}
        interfaces:
        \(interfaces)
        jobs:
          - id: stamp
            name: Stamp
            interval: 2s
            command: [sh, -c, "echo engine $PPID | tee -a \(runs)"]
        rule_files: [rules.yml]
        \(broken ? "histroy: {retention: 1d}" : "")
        """.write(toFile: config, atomically: true, encoding: .utf8)
    }

    func console(user: String) throws -> TmuxSession {
        try TmuxSession(
            command: "\(TmuxSession.quote(BuiltBinary.path)) --config \(config) --state-dir \(state) --user \(user)",
            width: 120, height: 30, environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color"])
    }

    /// `curl` against the engine's socket: the status code and the body.
    func api(_ path: String, method: String = "GET") throws -> (status: Int, body: String) {
        let output = try ChildProcess.run(
            "/usr/bin/curl",
            ["-s", "-X", method, "--unix-socket", socket, "-w", "\n%{http_code}", "http://switchboard\(path)"])
        let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }

    func waitUntil(_ what: String, timeout: TimeInterval = 300, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while try !condition() {
            guard Date() < deadline else { throw TmuxSession.Timeout(what: what, screen: "") }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    @Test func twoConsolesOnOneStateDirectoryShareOneEngine() async throws {
        try await OwnThread.run {
            let first = try console(user: "alice")
            try first.waitFor("the first console to run the engine") { $0.first?.contains("in-process") ?? false }
            let owner = try String(contentsOfFile: state + "/engine.lock", encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let second = try console(user: "bob")
            try second.waitFor("the second console to attach") {
                $0.first?.contains("attached to pid \(owner)") ?? false
            }
            try first.waitFor("both engineers to be counted") { $0.first?.contains("2 connected") ?? false }

            try first.send("4")
            try second.send("4")
            try second.waitFor("the alert to fire") { $0.contains { $0.contains("FIRING") } }
            try second.send("a")
            try second.waitFor("the note prompt") { $0.contains { $0.contains("ack note") } }
            try second.send("-l", "taking it")
            try second.send("Enter")
            try second.waitFor("the confirmation") { $0.contains { $0.contains("as bob? (y/n)") } }
            try second.send("y")
            let seen = try first.waitFor("bob's ack on alice's screen") { screen in
                screen.contains { $0.contains("ACKED") && $0.contains("bob: taking it") }
            }
            #expect(!seen.contains { $0.contains("RESOLVED") }, "no console resolves the other's alerts")

            // Every run of the 2-second job comes from the one engine (the pid in the lock), never bob's console.
            try waitUntil("four runs of the job") {
                ((try? String(contentsOfFile: runs, encoding: .utf8)) ?? "").split(separator: "\n").count >= 4
            }
            let runners = Set(
                try String(contentsOfFile: runs, encoding: .utf8).split(separator: "\n").map { $0.dropFirst(7) }.map(
                    String.init))
            #expect(runners == [owner], "the job ran in \(runners.sorted()), the engine is pid \(owner)")
            // Alice goes home: bob's console takes the engine over, and the acknowledgement stays.
            try first.send("q")
            let taken = try second.waitFor("the second console to take the engine over") { screen in
                (screen.first?.contains("in-process") ?? false) && screen.contains { $0.contains("bob: taking it") }
            }
            #expect(!taken.contains { $0.contains("RESOLVED") })
            let heir = try String(contentsOfFile: state + "/engine.lock", encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(heir != owner && !heir.isEmpty, "bob's process holds the lock now")
            #expect(try api("/-/healthy").status == 200, "and serves the socket for the next console")
        }
    }

    @Test func serveRefusesASecondEngineReloadsOnHangupAndStopsOnTerm() async throws {
        try await OwnThread.run {
            let log = directory + "/serve.log"
            let serve = try ChildProcess.startPiped(
                "/bin/sh",
                [
                    "-c",
                    "exec \(TmuxSession.quote(BuiltBinary.path)) serve --config \(config) --state-dir \(state) 2>\(log)",
                ])
            defer { close(serve.output) }
            func logText() -> String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
            try waitUntil("the engine to be ready") { try api("/-/ready").status == 200 }
            #expect(logText().contains("level=info") && logText().contains("msg=\"serving team on unix:"))

            // The command line writes through the engine with --connect, under the same exit codes.
            var alert: String?
            try waitUntil("the alert to fire") {
                let queue = try JSONSerialization.jsonObject(with: Data(try api("/api/v1/alerts").body.utf8))
                let entries = (queue as? [String: Any])?["entries"] as? [[String: Any]] ?? []
                alert = entries.first { $0["state"] as? String == "firing" }?["id"] as? String
                return alert != nil
            }
            let connect = ["--connect", "unix:\(socket)", "--by", "carol"]
            let ack = try ChildProcess.run(
                BuiltBinary.path, ["alerts", "ack", String(alert!.prefix(8)), "--note", "over the API"] + connect)
            #expect(ack.status == 0, "\(ack.stderr)")
            #expect(try api("/api/v1/alerts").body.contains("\"by\":\"carol\""))
            let unknown = try ChildProcess.run(
                BuiltBinary.path, ["alerts", "ack", "ffffffff", "--note", "x"] + connect)
            #expect(unknown.status == 2)
            #expect(unknown.stderr.contains("ffffffff"))
            let unreachable = try ChildProcess.run(
                BuiltBinary.path, ["silence", "expire", "abcd", "--connect", "unix:/tmp/no-engine-here.sock"])
            #expect(unreachable.status == 3)
            let planned = try ChildProcess.run(
                BuiltBinary.path,
                ["maintenance", "add", "system=crm", "--end", "2999-01-01T00:00:00Z", "--comment", "CRM move"] + connect
            )
            #expect(planned.status == 0, "\(planned.stderr)")
            #expect(planned.stdout.contains("planned as"))

            // Reads take --connect too, and show what the engine's consoles show.
            let remote = ["--connect", "unix:\(socket)"]
            let listed = try ChildProcess.run(BuiltBinary.path, ["alerts", "list", "--format", "json"] + remote)
            #expect(listed.status == 0, "\(listed.stderr)")
            #expect(
                listed.stdout.contains(#""status" : "maintenance""#)
                    || listed.stdout.contains(#""status":"maintenance""#))
            #expect(listed.stdout.contains("\"by\"") && listed.stdout.contains("carol"))
            let windows = try ChildProcess.run(BuiltBinary.path, ["maintenance", "list"] + remote)
            #expect(windows.status == 0, "\(windows.stderr)")
            #expect(windows.stdout.contains("open") && windows.stdout.contains("CRM move"))
            let jobs = try ChildProcess.run(BuiltBinary.path, ["jobs", "list"] + remote)
            #expect(jobs.status == 0 && jobs.stdout.contains("stamp"), "\(jobs.stderr)")
            let logs = try ChildProcess.run(
                BuiltBinary.path, ["jobs", "logs", "stam", "--run", "1", "--grep", "^engine"] + remote)
            #expect(
                logs.status == 0 && logs.stdout.contains("out       engine \(serve.pid)"),
                "\(logs.stdout)\(logs.stderr)")
            let silences = try ChildProcess.run(BuiltBinary.path, ["silence", "list"] + remote)
            #expect(silences.status == 0 && silences.stdout.contains("no silences"), "\(silences.stderr)")
            let window = try #require(
                windows.stdout.split(separator: "\n").dropFirst().first?.split(separator: " ").first)
            let removed = try ChildProcess.run(
                BuiltBinary.path, ["maintenance", "remove", String(window.prefix(8))] + connect)
            #expect(removed.status == 0, "\(removed.stderr)")
            let gone = try ChildProcess.run(BuiltBinary.path, ["alerts", "list", "--state", "maintenance"] + remote)
            #expect(gone.stdout.contains("no alerts"))
            let cutOff = try ChildProcess.run(
                BuiltBinary.path, ["alerts", "list", "--connect", "unix:/tmp/no-engine-here.sock"])
            #expect(cutOff.status == 3 && cutOff.stderr.contains("cannot reach the engine"))

            let second = try ChildProcess.run(BuiltBinary.path, ["serve", "--config", config, "--state-dir", state])
            #expect(second.status == 3)
            #expect(second.stderr.contains("already runs") && second.stderr.contains("pid \(serve.pid)"))

            try writeConfig(checks: 1, broken: true)
            kill(serve.pid, SIGHUP)
            try waitUntil("the broken config to be refused") { logText().contains("reload refused") }
            #expect(logText().contains("switchboard.yaml:"), "the error names the file, line and column")
            #expect(try api("/api/v1/interfaces").body.contains("feed-1"), "the running config stays")

            try writeConfig(checks: 2)
            kill(serve.pid, SIGHUP)
            try waitUntil("the good config to be loaded") { logText().contains("reloaded: 2 checks") }
            #expect(try api("/api/v1/interfaces").body.contains("feed-2"))

            kill(serve.pid, SIGTERM)
            var status: Int32 = 0
            while waitpid(serve.pid, &status, 0) == -1 && errno == EINTR {}
            #expect((status & 0x7f) == 0 && (status >> 8) & 0xff == 0, "a clean exit on SIGTERM")
            #expect(logText().contains("msg=stopped"))
            let answer = try api("/-/healthy").status
            #expect(answer == 0, "nothing answers on the socket any more")
        }
    }

    @Test func serveRefusesToListenBeyondLoopbackWithoutTokens() async throws {
        let output = try await OwnThread.run {
            try ChildProcess.run(
                BuiltBinary.path, ["serve", "--config", config, "--state-dir", state, "--listen", "0.0.0.0:0"])
        }
        #expect(output.status == 2)
        #expect(output.stderr.contains("without tokens") && output.stderr.contains("server.tokens"))
    }
}
