import Demo
import Foundation
import TestSupport
import Testing

/// The real binary's non-interactive commands: exit codes, stdout and stderr.
@Suite struct CommandLineTests {
    func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> ChildProcess.Output {
        let environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        return try await OwnThread.run { try ChildProcess.run(BuiltBinary.path, arguments, environment: environment) }
    }

    func temporaryFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sb-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func configCheckReportsEveryErrorWithPositionAndExitsTwo() async throws {
        let path = try temporaryFile(
            """
            systems:
              - id: erp
                nmae: ERP
            interfaces:
              - {id: a, from: erpp, to: erp}
            """)
        let result = try await run(["config", "check", path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.components(separatedBy: "\n").filter { !$0.isEmpty } == [
                "\(path):3:5: error: unknown key `nmae` in a system; did you mean `name`?",
                "\(path):5:19: error: no system with id `erpp`; did you mean `erp`?",
                "2 errors",
            ])
    }

    @Test func aMissingConfigIsAnErrorAndNothingStarts() async throws {
        let result = try await run(["check", "--config", "/nonexistent/switchboard.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr == "/nonexistent/switchboard.yaml: error: config file not found\n")
    }

    /// `check --format json` against the demo, stopped at a moment of its fault timeline.
    func checkDemo(_ demo: DemoLandscape) async throws -> (status: Int32, reports: [[String: Any]], stderr: String) {
        let config = try DemoLandscape.configFileURL().path
        let result = try await run(["check", "--config", config, "--format", "json"], environment: demo.environment)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        let reports = try #require(parsed, "stdout is a JSON array: \(result.stdout.prefix(200))")
        return (result.status, reports, result.stderr)
    }

    @Test func checkRunsEveryDemoCheckOnceAndPrintsJSON() async throws {
        let clock = ManualDemoClock()
        try await DemoLandscape.withLandscape(seed: 1, clock: clock) { demo in
            let calm = try #require(
                (0..<240).map { Duration.seconds($0) }.first { demo.timeline.activeEpisodes(at: $0).isEmpty })
            clock.set(calm)
            let healthy = try await checkDemo(demo)
            #expect(healthy.reports.count >= 12)
            for key in ["check", "interface", "system", "kind", "up", "error_class", "reason", "duration_seconds"] {
                #expect(healthy.reports.allSatisfy { $0.keys.contains(key) }, "every result has \(key)")
            }
            // Between faults a check fails only by being slow (the machine may be busy), never otherwise;
            // the order flow times out, since the ERP posts an order only as the demo clock (stopped here) moves.
            let downWhenCalm = healthy.reports.filter { ($0["up"] as? Bool) != true }
            let notSlow = downWhenCalm.filter { report in
                let slow = (report["reason"] as? String)?.contains("no answer within") == true
                return !["latency", "timeout", "flow_timeout"].contains(report["error_class"] as? String) && !slow
            }
            #expect(notSlow.isEmpty, "between faults: \(notSlow.map { $0["reason"] ?? "" })")
            #expect(healthy.status == (downWhenCalm.isEmpty ? 0 : 1))
            #expect(!healthy.stderr.contains("checks "), "no progress line when stderr is not a terminal")

            let episode = try #require(demo.timeline.episodes.first { $0.kind == .unavailable })
            clock.set(episode.start + .seconds(1))
            func answered503(_ report: [String: Any]) -> Bool {
                report["system"] as? String == episode.target.system
                    && report["error_class"] as? String == "http_status"
            }
            // A loaded machine can time a 2 s check out before the 503 arrives: that run is asked again.
            var faulty = try await checkDemo(demo)
            for _ in 0..<2 where !faulty.reports.contains(where: answered503) {
                faulty = try await checkDemo(demo)
            }
            let down = faulty.reports.filter { ($0["up"] as? Bool) == false }
            #expect(faulty.status == 1, "a check that is down exits 1")
            #expect(
                down.contains(where: answered503),
                "the unavailable system's checks answer 503: \(down.map { "\($0["check"] ?? ""): \($0["reason"] ?? "")" })"
            )
            #expect(down.allSatisfy { !($0["error_class"] is NSNull) }, "a check that is down says why")
        }
    }

    @Test func versionAndHelpSpeakToANewcomer() async throws {
        #expect(try await run(["--version"]).stdout == "0.1.0\n")
        let help = try await run(["--help"]).stdout
        #expect(help.contains("switchboard demo"))
        #expect(help.contains("--config"))
    }

    @Test(.enabled(if: TmuxSession.tmuxPath != nil, "tmux is not installed"))
    func checkOnATerminalShowsProgressOnStderrAndClearsIt() async throws {
        let port = try SilentListener()
        defer { port.close() }
        let config = try temporaryFile(
            """
            systems:
              - id: mq
                checks:
                  - id: port-open
                    tcp: {address: "127.0.0.1:\(port.port)"}
                  - id: banner
                    tcp: {address: "127.0.0.1:\(port.port)", expect: "READY"}
                    timeout: 30s
            """)
        // The banner never comes: the progress line stays for its 30 s timeout, long after the port
        // answered, however late a loaded machine connects.
        try await OwnThread.run {
            let session = try TmuxSession(
                command: "\(TmuxSession.quote(BuiltBinary.path)) check --config \(TmuxSession.quote(config)); sleep 60",
                width: 80, height: 10)
            try session.waitFor("the progress line") { $0.contains { $0.hasPrefix("checks 1/2") } }
            let done = try session.waitFor("the report") { $0.contains { $0.contains("banner") } }
            #expect(!done.contains { $0.contains("checks 1/2") || $0.contains("checks 2/2") }, "progress cleared")
            #expect(done.contains { $0.contains("timeout") })
        }
    }
}
