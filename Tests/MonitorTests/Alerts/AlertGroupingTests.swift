import Foundation
import Monitor
import PromQL
import SwitchboardCore
import Testing

@Suite struct AlertGroupingTests {
    typealias F = AlertFixtures

    @Test func groupsFollowGroupByLabels() {
        var queue = AlertQueue()
        _ = queue.update(
            alerts: [
                F.alert("Down", ["system": "erp", "severity": "critical"]),
                F.alert("Slow", ["system": "erp", "severity": "warning"]),
                F.alert("Down", ["system": "crm", "severity": "critical"], state: .pending),
            ], topology: .init(), now: F.at(0))
        let bySystem = AlertGrouping(groupBy: ["system"]).groups(queue.entries)
        #expect(bySystem.map(\.key) == [["system": "erp"], ["system": "crm"]])
        #expect(bySystem.map { $0.entries.count } == [2, 1])
        #expect(AlertGrouping(groupBy: []).groups(queue.entries).count == 1)
        #expect(AlertGrouping(groupBy: ["..."]).groups(queue.entries).count == 3)
        let snapshot = queue.snapshot(grouping: AlertGrouping(groupBy: ["alertname"]), now: F.at(0))
        #expect(snapshot.groups.map(\.labels) == [[LabelPair("alertname", "Down")], [LabelPair("alertname", "Slow")]])
        #expect(snapshot.groups.map(\.firing) == [1, 1])
        #expect(snapshot.groups.map(\.pending) == [1, 0])
    }

    @Test func theSnapshotCarriesTheOperatorState() throws {
        var queue = AlertQueue()
        let alert = F.alert("Down", ["system": "erp", "severity": "critical"], annotations: ["summary": "ERP down"])
        _ = queue.update(alerts: [alert], topology: .init(), now: F.at(0))
        try queue.acknowledge(alert.id.rawValue, by: "ana", note: "restarting", now: F.at(1))
        queue.addSilence(try F.silence(["system=erp"]), now: F.at(2))
        let snapshot = queue.snapshot(now: F.at(2))
        let entry = try #require(snapshot.entries.first)
        #expect(entry.id == alert.id.rawValue)
        #expect(entry.name == "Down" && entry.severity == "critical" && entry.state == .firing)
        #expect(
            entry.acknowledgement == AcknowledgementSnapshot(by: "ana", at: F.at(1), note: "restarting", expiresAt: nil)
        )
        #expect(entry.muting == [.silenced(silenceID: "s1")])
        #expect(entry.annotations == ["summary": "ERP down"])
        #expect(snapshot.silences.map(\.state) == ["active"])
        #expect(snapshot.silences.first?.matchers == #"{system="erp"}"#)
    }
}
