import Foundation
import Monitor
import PromQL
import Testing

@Suite struct AlertQueueTests {
    typealias F = AlertFixtures

    @Test func stateChangesAreRecordedAsHistory() {
        var queue = AlertQueue()
        let pending = queue.update(
            alerts: [F.alert("Down", ["system": "erp"], state: .pending)], topology: .init(), now: F.at(0))
        let id = F.alert("Down", ["system": "erp"]).id
        #expect(pending.history == [.init(alertID: id, at: F.at(0), change: .state(from: nil, to: .pending))])
        let unchanged = queue.update(
            alerts: [F.alert("Down", ["system": "erp"], state: .pending)], topology: .init(), now: F.at(15))
        #expect(unchanged.history.isEmpty)
        let firing = queue.update(alerts: [F.alert("Down", ["system": "erp"])], topology: .init(), now: F.at(60))
        #expect(firing.history == [.init(alertID: id, at: F.at(60), change: .state(from: .pending, to: .firing))])
        #expect(queue.entry(id)?.state == .firing)
    }

    @Test func aFiringAlertKeepsItsFiringTimeAndARestoredActiveAtIsSaved() {
        var queue = AlertQueue()
        let firing = F.alert("Down", ["system": "erp"], activeAt: 0)
        _ = queue.update(alerts: [firing], topology: .init(), now: F.at(0))
        // After a restart the rules fire it again, with a later firing time.
        var again = firing
        again.firedAt = F.at(300)
        let unchanged = queue.update(alerts: [again], topology: .init(), now: F.at(300))
        #expect(unchanged.history.isEmpty)
        #expect(unchanged.changedAlerts.isEmpty)
        #expect(queue.entry(firing.id)?.firedAt == F.at(0))

        var pending = F.alert("Late", ["system": "erp"], state: .pending, activeAt: 0)
        _ = queue.update(alerts: [again, pending], topology: .init(), now: F.at(300))
        pending.activeAt = F.at(120)
        let restored = queue.update(alerts: [again, pending], topology: .init(), now: F.at(360))
        #expect(restored.history.isEmpty, "not a state change")
        #expect(restored.changedAlerts.map(\.activeAt) == [F.at(120)], "the row follows the restored activeAt")
    }

    @Test func anAlertTheRulesNoLongerReportResolvesAndLeavesAfterRetention() {
        var queue = AlertQueue(resolvedRetention: 600)
        let alert = F.alert("Down", ["system": "erp"])
        _ = queue.update(alerts: [alert], topology: .init(), now: F.at(0))
        let resolved = queue.update(alerts: [], topology: .init(), now: F.at(30))
        #expect(resolved.history.map(\.change) == [.state(from: .firing, to: .inactive)])
        #expect(queue.entry(alert.id)?.state == .inactive)
        #expect(queue.entry(alert.id)?.resolvedAt == F.at(30))
        _ = queue.update(alerts: [], topology: .init(), now: F.at(600))
        #expect(queue.entry(alert.id) != nil, "kept until the retention has fully passed")
        let gone = queue.update(alerts: [], topology: .init(), now: F.at(630))
        #expect(gone.removedAlerts == [alert.id])
        #expect(queue.entries.isEmpty)
    }

    @Test func entriesAreOrderedFiringFirstThenBySeverityThenAge() {
        var queue = AlertQueue()
        _ = queue.update(
            alerts: [
                F.alert("A", ["severity": "warning"], activeAt: 0),
                F.alert("B", ["severity": "critical"], activeAt: 10),
                F.alert("C", ["severity": "critical"], state: .pending, activeAt: 0),
                F.alert("D", ["severity": "critical"], activeAt: 5),
            ], topology: .init(), now: F.at(20))
        #expect(queue.entries.map(\.ruleName) == ["D", "B", "A", "C"])
    }

    @Test func acknowledgementHoldsUntilTheAlertResolves() throws {
        var queue = AlertQueue()
        let alert = F.alert("Down", ["system": "erp", "severity": "warning"])
        _ = queue.update(alerts: [alert], topology: .init(), now: F.at(0))
        let (ack, audit) = try queue.acknowledge(alert.id.rawValue, by: "ana", note: "on it", now: F.at(5))
        #expect(ack.by == "ana" && ack.note == "on it" && ack.at == F.at(5))
        #expect(
            audit
                == AuditEntry(
                    at: F.at(5), actor: "ana", action: .acknowledge, target: alert.id.rawValue, detail: "on it"))
        #expect(queue.entry(alert.id)?.acknowledgement == ack)
        let still = queue.update(alerts: [alert], topology: .init(), now: F.at(30))
        #expect(still.clearedAcknowledgements.isEmpty)
        let resolved = queue.update(alerts: [], topology: .init(), now: F.at(60))
        #expect(resolved.clearedAcknowledgements == [alert.id])
        #expect(resolved.history.contains { $0.change == .acknowledgementCleared(.resolved) })
        #expect(queue.entry(alert.id)?.acknowledgement == nil)
    }

    @Test func aRiseInSeverityClearsAnAcknowledgementUnlessSticky() throws {
        let warning = F.alert("Lag", ["queue": "orders", "severity": "warning"])
        let critical = F.alert("Lag", ["queue": "orders", "severity": "critical"])
        #expect(warning.id == critical.id, "severity is not part of the id")
        for sticky in [false, true] {
            var queue = AlertQueue()
            _ = queue.update(alerts: [warning], topology: .init(), now: F.at(0))
            try queue.acknowledge(warning.id.rawValue, by: "ana", note: "", sticky: sticky, now: F.at(1))
            let same = queue.update(alerts: [warning], topology: .init(), now: F.at(2))
            #expect(same.clearedAcknowledgements.isEmpty)
            let risen = queue.update(alerts: [critical], topology: .init(), now: F.at(3))
            #expect(risen.clearedAcknowledgements == (sticky ? [] : [warning.id]))
            #expect((queue.entry(warning.id)?.acknowledgement == nil) == !sticky)
        }
    }

    @Test func twoRulesDifferingOnlyInSeverityShowAsTheWorstOne() {
        var queue = AlertQueue()
        let warning = F.alert("Disk", ["system": "erp", "severity": "warning"])
        let critical = F.alert("Disk", ["system": "erp", "severity": "critical"])
        _ = queue.update(alerts: [warning, critical], topology: .init(), now: F.at(0))
        #expect(queue.entries.count == 1)
        #expect(queue.entries.first?.severity == .critical)
        _ = queue.update(alerts: [critical, warning], topology: .init(), now: F.at(1))
        #expect(queue.entries.first?.severity == .critical)
    }

    @Test func anAcknowledgementExpires() throws {
        var queue = AlertQueue()
        let alert = F.alert("Down")
        _ = queue.update(alerts: [alert], topology: .init(), now: F.at(0))
        try queue.acknowledge(alert.id.rawValue, by: "ana", note: "", expiresAt: F.at(100), now: F.at(1))
        #expect(queue.update(alerts: [alert], topology: .init(), now: F.at(99)).clearedAcknowledgements.isEmpty)
        let changes = queue.update(alerts: [alert], topology: .init(), now: F.at(100))
        #expect(changes.history.map(\.change) == [.acknowledgementCleared(.expired)])
        #expect(throws: AlertQueueError.acknowledgementExpiresInThePast(F.at(50))) {
            try queue.acknowledge(alert.id.rawValue, by: "ana", note: "", expiresAt: F.at(50), now: F.at(101))
        }
    }

    @Test func badAcknowledgementsAreRefusedWithClearErrors() throws {
        var queue = AlertQueue()
        let alert = F.alert("Down")
        _ = queue.update(alerts: [alert], topology: .init(), now: F.at(0))
        #expect(throws: AlertQueueError.unknownAlert("ffffffffffffffff")) {
            try queue.acknowledge("ffffffffffffffff", by: "ana", note: "", now: F.at(1))
        }
        #expect(throws: AlertQueueError.unknownAlert("abc")) {
            try queue.acknowledge("abc", by: "ana", note: "", now: F.at(1))
        }
        #expect(throws: AlertQueueError.notAcknowledged(alert.id)) {
            try queue.unacknowledge(alert.id.rawValue, by: "ana", now: F.at(1))
        }
        let prefix = String(alert.id.rawValue.prefix(6))
        #expect(try queue.acknowledge(prefix, by: "ana", note: "", now: F.at(2)).0.alertID == alert.id)
        #expect(try queue.unacknowledge(prefix, by: "bo", now: F.at(3)).1.detail == "was acknowledged by ana")
        _ = queue.update(alerts: [], topology: .init(), now: F.at(4))
        #expect(throws: AlertQueueError.alertResolved(alert.id)) {
            try queue.acknowledge(alert.id.rawValue, by: "ana", note: "", now: F.at(5))
        }
        #expect(
            AlertQueueError.unknownAlert("zz").description
                == "no alert with id `zz` (see `switchboard alerts list --state all`)")
    }

    @Test func notesAreKeptInOrderAndAudited() throws {
        var queue = AlertQueue()
        let alert = F.alert("Down")
        _ = queue.update(alerts: [alert], topology: .init(), now: F.at(0))
        try queue.addNote(alert.id.rawValue, by: "ana", text: "vendor called", now: F.at(1))
        let (_, audit) = try queue.addNote(alert.id.rawValue, by: "bo", text: "fix at 14:00", now: F.at(2))
        #expect(queue.entry(alert.id)?.notes.map(\.text) == ["vendor called", "fix at 14:00"])
        #expect(audit.action == .note && audit.actor == "bo")
    }

    @Test func alertIDIsAStableFingerprintOfTheLabels() {
        let a = F.alert("Down", ["system": "erp", "env": "prod"])
        let b = F.alert("Down", ["env": "prod", "system": "erp"])
        #expect(a.id == b.id)
        #expect(a.id.rawValue.count == 16)
        #expect(a.id != F.alert("Down", ["system": "crm", "env": "prod"]).id)
        #expect(a.id != F.alert("Up", ["system": "erp", "env": "prod"]).id)
        #expect(F.alert("Down", ["system": "erp"]).id == AlertID(labels: ["alertname": "Down", "system": "erp"]))
        // Pinned: the id must not change between versions, or persisted acknowledgements would be orphaned.
        #expect(AlertID(labels: ["alertname": "Down"]).rawValue == "6accfd3d0992a914")
    }
}
