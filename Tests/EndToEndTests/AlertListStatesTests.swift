import Foundation
import Monitor
import PromQL
import TestSupport
import Testing

/// `alerts list` shows every state the console shows, with its reason, in text and JSON: suppressed and
/// inhibited as the engine last computed them, silenced, maintenance and acked from the operator's state.
@Suite struct AlertListStatesTests {
    let directory: String
    let crm = RuleAlert(
        ruleName: "SystemDown", labels: ["system": "crm", "severity": "critical"], state: .firing,
        activeAt: Date(timeIntervalSinceNow: -600), firedAt: Date(timeIntervalSinceNow: -540))
    let soap = RuleAlert(
        ruleName: "InterfaceDown", labels: ["interface": "crm-erp-soap", "severity": "critical"], state: .firing,
        activeAt: Date(timeIntervalSinceNow: -500), firedAt: Date(timeIntervalSinceNow: -440))
    let slow = RuleAlert(
        ruleName: "SlowResponses", labels: ["system": "crm", "severity": "warning"], state: .firing,
        activeAt: Date(timeIntervalSinceNow: -400), firedAt: Date(timeIntervalSinceNow: -340))
    let queueDepth = RuleAlert(
        ruleName: "QueueDepth", labels: ["system": "wms", "severity": "warning"], state: .firing,
        activeAt: Date(timeIntervalSinceNow: -300), firedAt: Date(timeIntervalSinceNow: -240))
    let batch = RuleAlert(
        ruleName: "BatchLate", labels: ["system": "mes", "severity": "warning"], state: .firing,
        activeAt: Date(timeIntervalSinceNow: -200), firedAt: Date(timeIntervalSinceNow: -140))
    let ledger = RuleAlert(
        ruleName: "LedgerLag", labels: ["system": "fin", "severity": "warning"], state: .firing,
        activeAt: Date(timeIntervalSinceNow: -100), firedAt: Date(timeIntervalSinceNow: -40))

    /// What the engine saves after an evaluation: CRM down by its own firing alert, its SOAP interface folded
    /// under it, its warning inhibited by its critical.
    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-states-\(UUID().uuidString)").path
        let store = AlertStateStore(writer: try AlertDatabase.open(directory: directory))
        var queue = AlertQueue(inhibitionRules: [
            InhibitionRule(
                sourceMatchers: [try LabelMatcher("severity", .equal, "critical")],
                targetMatchers: [try LabelMatcher("severity", .equal, "warning")], equal: ["system"])
        ])
        let topology = AlertTopology(
            parents: [.interface("crm-erp-soap"): [.system("crm")]],
            health: [.system("crm"): AlertTopology.NodeHealth(isDown: true)])
        let changes = queue.update(
            alerts: [crm, soap, slow, queueDepth, batch, ledger], topology: topology, now: Date())
        try store.recordEvaluation(changes, at: Date())
    }

    func run(_ arguments: [String]) async throws -> ChildProcess.Output {
        try await OwnThread.run {
            try ChildProcess.run(
                BuiltBinary.path, arguments + ["--state-dir", directory, "--config", "/nonexistent/switchboard.yaml"])
        }
    }

    @Test func textAndJSONShowEveryStateWithItsReason() async throws {
        #expect(
            try await run(["silence", "add", "alertname=QueueDepth", "--duration", "1h", "--comment", "c"]).status == 0)
        let window = try await run([
            "maintenance", "add", "system=mes", "--end", "2099-01-01T00:00:00Z", "--comment", "m",
        ])
        #expect(window.status == 0, "\(window.stderr)")
        let ack = try await run(["alerts", "ack", ledger.id.rawValue, "--note", "on it", "--by", "ana"])
        #expect(ack.status == 0, "\(ack.stderr)")

        let text = try await run(["alerts", "list"])
        #expect(text.status == 0, "\(text.stderr)")
        func row(_ alert: RuleAlert) -> String {
            text.stdout.split(separator: "\n").first { $0.hasPrefix(alert.id.rawValue) }.map(String.init) ?? ""
        }
        #expect(row(crm).contains("  firing  "), "\(text.stdout)")
        #expect(row(soap).contains("  suppressed  ") && row(soap).contains("suppressed under system:crm"))
        #expect(row(slow).contains("  inhibited  ") && row(slow).contains("inhibited by \(crm.id)"))
        #expect(row(queueDepth).contains("  silenced  ") && row(queueDepth).contains("silenced by "))
        #expect(row(batch).contains("  maintenance  ") && row(batch).contains("maintenance "))
        #expect(row(ledger).contains("  acked  ") && row(ledger).contains("acked by ana: on it"))

        let json = try await run(["alerts", "list", "--format", "json"])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        let entries = Dictionary(uniqueKeysWithValues: try #require(parsed).map { ($0["id"] as? String ?? "", $0) })
        let soapJSON = try #require(entries[soap.id.rawValue])
        #expect(soapJSON["status"] as? String == "suppressed")
        #expect(soapJSON["state"] as? String == "firing")
        #expect(soapJSON["muted"] as? Bool == true)
        let suppressed = soapJSON["suppressed"] as? [String: String]
        #expect(suppressed == ["root_cause": "system:crm", "reason": "dependency-down"])
        #expect(entries[slow.id.rawValue]?["inhibited_by"] as? [String] == [crm.id.rawValue])
        #expect(entries[crm.id.rawValue]?["muted"] as? Bool == false)
        #expect(entries[crm.id.rawValue]?["inhibited_by"] as? [String] == [])
        #expect(entries[ledger.id.rawValue]?["status"] as? String == "acked")
        #expect(entries[batch.id.rawValue]?["status"] as? String == "maintenance")

        let onlySuppressed = try await run(["alerts", "list", "--state", "suppressed", "--format", "json"])
        let ids = (try JSONSerialization.jsonObject(with: Data(onlySuppressed.stdout.utf8)) as? [[String: Any]])?
            .compactMap { $0["id"] as? String }
        #expect(ids == [soap.id.rawValue])
    }
}
