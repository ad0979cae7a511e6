import Foundation
import Monitor
import SwitchboardCore
import TestSupport
import Testing

/// A real Prometheus (Debian's, 2.42) scraping the engine's `/metrics` on a loopback port, and
/// evaluating Switchboard's own rule file over what it scraped: it must fire the alerts the
/// engine fires, with the same names and labels.
@Suite(
    .serialized,
    .enabled(if: PrometheusServer.isInstalled, "prometheus is not installed (apt-get install prometheus)"))
struct PrometheusTests {
    @Test func prometheusScrapesTheEngineAndKeepsItsLabels() async throws {
        let fixture = try await EngineFixture.start(tokens: [])
        defer { Task { await fixture.stop() } }
        let prometheus = try await PrometheusServer.start(
            config: """
                global: {scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s}
                scrape_configs:
                  - job_name: switchboard
                    honor_labels: true
                    static_configs: [{targets: ["127.0.0.1:\(fixture.server.tcpPort!)"]}]
                """, in: temporaryDirectory("prom"))
        defer { Task { await prometheus.stop() } }
        let probes = try await polled(
            { try await prometheus.query(#"probe_success{check="broken"}"#) }, until: { !$0.isEmpty })
        #expect(!probes.isEmpty, "the probe's series arrives: \(prometheus.log.suffix(800))")
        #expect(
            probes.first?.labels == [
                "__name__": "probe_success", "system": "b", "interface": "feed", "check": "broken", "kind": "command",
                "job": "switchboard", "instance": "127.0.0.1:\(fixture.server.tcpPort!)",
            ])
        #expect(probes.first?.value == 0)
        // Polled, not read once: on a loaded machine a scrape can miss its 1 s timeout (up 0, the
        // target's series marked stale) and the next one succeed.
        for query in [
            #"up{job="switchboard"} == 1"#,
            // honor_labels keeps a job's own `job` label rather than renaming it exported_job.
            #"switchboard_job_running{job="etl"}"#, #"alertmanager_build_info{version="0.25.0"}"#,
        ] {
            let found = try await polled({ try await prometheus.query(query) }, until: { !$0.isEmpty })
            #expect(!found.isEmpty, "\(query): \(prometheus.log.suffix(800))")
        }
    }

    /// Switchboard's built-in rule file, its groups evaluated every second and every `for` 2 s,
    /// run by both over two command checks (one failing until the test lets it pass) and a job
    /// that fails. See README's "/metrics for Prometheus" for what this covers and what it does not.
    @Test func prometheusFiresTheAlertsSwitchboardFiresFromItsRuleFile() async throws {
        let directory = temporaryDirectory("parity")
        let flag = directory.appending(path: "b-is-down")
        #expect(FileManager.default.createFile(atPath: flag.path, contents: nil))
        let rules = try Self.builtinRulesScaled()
        let fixture = try await EngineFixture.start(
            tokens: [], directory: directory, landscape: Self.landscape(downWhile: flag.path), rules: rules)
        defer { Task { await fixture.stop() } }
        let port = fixture.server.tcpPort!
        let prometheus = try await PrometheusServer.start(
            config: """
                global: {scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s}
                rule_files: ["{{rules}}"]
                scrape_configs:
                  - job_name: switchboard-parity
                    honor_labels: true
                    static_configs: [{targets: ["127.0.0.1:\(port)"]}]
                    metric_relabel_configs:
                      # Prometheus writes its own ALERTS from the same rules.
                      - {source_labels: [__name__], regex: "ALERTS|ALERTS_FOR_STATE", action: drop}
                      # The target's labels, so that the series are Switchboard's exactly; a job's own
                      # `job` label (kept by honor_labels) stays.
                      - {source_labels: [job], regex: switchboard-parity, target_label: job, replacement: ""}
                      - {source_labels: [instance], regex: "127\\\\.0\\\\.0\\\\.1:\(port)", target_label: instance, replacement: ""}
                """, rules: rules, in: temporaryDirectory("prom"))
        defer { Task { await prometheus.stop() } }
        // Once Prometheus scrapes the engine, so that both see the job fail at the same time.
        let up = try await polled({ try await prometheus.query("up").first?.value }, until: { $0 == 1 })
        #expect(up == 1, "Prometheus scrapes the engine: \(prometheus.log.suffix(800))")
        _ = await fixture.engine.perform(.runJob(id: "nightly"))

        let down = try await settle(fixture, prometheus)
        #expect(
            down.prometheus == down.switchboard,
            "while b is down: Prometheus \(down.prometheus), Switchboard \(down.switchboard); \(prometheus.log.suffix(800))"
        )
        #expect(
            down.switchboard == [
                "firing InterfaceDown check=b-check interface=feed-b kind=command severity=critical system=b",
                "firing JobFailed job=nightly severity=warning system=a",
            ])

        try FileManager.default.removeItem(at: flag)
        let recovered = try await settle(fixture, prometheus, until: { !$0.contains { $0.contains("InterfaceDown") } })
        #expect(
            recovered.prometheus == recovered.switchboard,
            "after b recovered: Prometheus \(recovered.prometheus), Switchboard \(recovered.switchboard)")
        #expect(
            recovered.switchboard == [
                "firing InterfaceDegraded check=b-check interface=feed-b kind=command reason=errors severity=warning system=b",
                "firing JobFailed job=nightly severity=warning system=a",
            ])
        // When each became active, for the record (not asserted: it depends on how loaded the machine is).
        for alert in try await prometheus.alerts() {
            let ours = fixture.engine.snapshot.alerts.entries.first {
                $0.state != .resolved && Self.labels(of: $0) == alert.labels
            }
            if let theirs = alert.activeAt, let activeAt = ours?.activeAt {
                print("parity: \(alert.labels["alertname"] ?? "") active \(activeAt.timeIntervalSince(theirs)) s apart")
            }
        }
    }

    /// Polls until both fire the same alerts (and `until` holds of them), or 60 s pass; returns both sets.
    private func settle(
        _ fixture: EngineFixture, _ prometheus: PrometheusServer,
        until: (Set<String>) -> Bool = { _ in true }
    ) async throws -> (prometheus: Set<String>, switchboard: Set<String>) {
        try await polled(
            {
                let theirs = Set(try await prometheus.alerts().map { Self.key(state: $0.state, labels: $0.labels) })
                let ours = Set(
                    fixture.engine.snapshot.alerts.entries.filter { $0.state != .resolved }.map {
                        Self.key(state: $0.state.rawValue, labels: Self.labels(of: $0))
                    })
                return (theirs, ours)
            },
            until: { sets in
                !sets.1.isEmpty && sets.1.allSatisfy { $0.hasPrefix("firing") } && sets.0 == sets.1 && until(sets.1)
            })
    }

    private static func labels(of entry: AlertEntrySnapshot) -> [String: String] {
        var labels = Dictionary(entry.labels.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        labels["alertname"] = entry.name
        return labels
    }

    /// `state alertname k=v …` with the labels sorted.
    private static func key(state: String, labels: [String: String]) -> String {
        ([state, labels["alertname"] ?? ""]
            + labels.filter { $0.key != "alertname" }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
            .joined(separator: " ")
    }

    /// rules/builtin.yml with every group evaluated each second and every `for` of 2 s, so that a
    /// test sees its alerts fire within seconds; the expressions and their ranges are unchanged.
    static func builtinRulesScaled() throws -> String {
        let file = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "rules/builtin.yml")
        return try String(contentsOf: file, encoding: .utf8)
            .replacing(/interval: \S+/, with: "interval: 1s")
            .replacing(/for: \S+/, with: "for: 2s")
    }

    /// Two command checks on loopback: a always up, b down while `flag` exists; a job that fails.
    static func landscape(downWhile flag: String) -> Landscape {
        let up = Check(
            id: "a-check", probe: .command(CommandProbeSettings(arguments: ["/bin/true"])),
            interval: .milliseconds(500), timeout: .seconds(5))
        let flagged = Check(
            id: "b-check", probe: .command(CommandProbeSettings(arguments: ["/bin/sh", "-c", "test ! -e '\(flag)'"])),
            interval: .milliseconds(500), timeout: .seconds(5))
        return Landscape(
            name: "parity", systems: [System(id: "a", name: "A"), System(id: "b", name: "B")],
            interfaces: [
                // An interface's checks are labelled with the system it delivers to.
                Interface(id: "feed-a", name: "Feed A", from: "b", to: "a", kind: .file, checks: [up]),
                Interface(id: "feed-b", name: "Feed B", from: "a", to: "b", kind: .file, checks: [flagged]),
            ],
            jobs: [Job(id: "nightly", name: "Nightly", command: ["/bin/false"], system: "a")])
    }
}
