import Foundation
import GRDB
import PromQL
import SwitchboardCore
import TestSupport
import Testing

@testable import Monitor

/// The engine end to end: a failing check, a rule over its samples, the alert in the snapshot, an
/// acknowledgement committed to the state database.
@Suite struct EngineAlertingTests {
    static let rules = """
        groups:
          - name: probes
            interval: 1s
            rules:
              - alert: InterfaceDown
                expr: probe_success == 0
                labels: {severity: critical}
                annotations: {summary: "{{ $labels.interface }} is down"}
        """

    static func landscape() -> Landscape {
        let failing = Check(
            id: "broken", probe: .command(CommandProbeSettings(arguments: ["/bin/false"])),
            interval: .milliseconds(300),
            timeout: .seconds(2))
        return Landscape(
            name: "t", systems: [System(id: "a", name: "A"), System(id: "b", name: "B")],
            interfaces: [Interface(id: "feed", name: "Feed", from: "a", to: "b", kind: .file, checks: [failing])])
    }

    @Test func aFailingCheckFiresItsRuleAndAnAckIsCommitted() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-alerting-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let groups = try RuleFileLoader(engine: PromQLRuleQueryEngine.validator).load(yaml: Self.rules, file: "r.yml")
        let engine = try MonitorEngine(
            landscape: Self.landscape(), ruleGroups: groups, alertDatabase: try AlertDatabase.open(directory: directory)
        )
        #expect(engine.snapshot.rules == RulesSummary(groups: 1, rules: 1))
        let running = Task { await engine.run() }
        defer { running.cancel() }
        await eventually { !engine.snapshot.alerts.entries.isEmpty }
        let entry = try #require(engine.snapshot.alerts.entries.first)
        #expect(entry.name == "InterfaceDown")
        #expect(entry.state == .firing)
        #expect(entry.annotations["summary"] == "feed is down")
        // Systems a and b have no checks: b shows the state of `feed`, which must not hide feed's own alert.
        #expect(entry.muting == [])

        let outcome = await engine.perform(.acknowledge(alertID: entry.id, note: "on it", by: "kim"))
        #expect(outcome.succeeded, "\(outcome.message)")
        #expect(engine.snapshot.alerts.entries.first?.acknowledgement?.by == "kim")
        let reopened = AlertStateStore(writer: try AlertDatabase.open(directory: directory))
        #expect(try reopened.loadQueue().acknowledgements.values.map(\.note) == ["on it"], "committed, not only shown")

        let refused = await engine.perform(.acknowledge(alertID: "nope", note: "", by: "kim"))
        #expect(!refused.succeeded)
        #expect(refused.message.contains("no alert with id `nope`"))
    }

    @Test func theRunningEngineNotifiesTheConfiguredWebhook() async throws {
        let hook = try await RecordingHook.start()
        defer { Task { await hook.server.stop() } }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-alerting-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let groups = try RuleFileLoader(engine: PromQLRuleQueryEngine.validator).load(yaml: Self.rules, file: "r.yml")
        var landscape = Self.landscape()
        landscape.alerting = PipelineFixture.route(hook.url, groupWait: 1)
        let engine = try MonitorEngine(
            landscape: landscape, ruleGroups: groups, alertDatabase: try AlertDatabase.open(directory: directory))
        let running = Task { await engine.run() }
        defer { running.cancel() }
        let payload = try #require(try await hook.payloads(count: 1).first)
        // Its systems have no checks of their own: the interface's alert is not folded under them.
        #expect(engine.snapshot.alerts.entries.first?.muting == [])
        #expect(payload.status == "firing")
        #expect(payload.alerts.map(\.labels["interface"]) == ["feed"])
    }

    @Test func silenceMatchersTypedOnOneLineBecomeTheQueuesMatchers() throws {
        let parsed = try AlertMatcher.parseList(#"{alertname="X", system=~"erp|crm", note="a,b"}"#)
        let matchers = try LabelMatcher.alerting(parsed)
        #expect(matchers.map(\.description) == [#"alertname="X""#, #"system=~"erp|crm""#, #"note="a,b""#])
    }
}
