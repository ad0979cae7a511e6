import Foundation
import Monitor
import PromQL
import Testing

@Suite struct InhibitionTests {
    typealias F = AlertFixtures

    let rule = InhibitionRule(
        sourceMatchers: [.equal("alertname", "SystemDown")], targetMatchers: [.equal("severity", "warning")],
        equal: ["system"])

    @Test func aFiringSourceInhibitsTargetsWithTheSameEqualLabels() {
        var queue = AlertQueue(inhibitionRules: [rule])
        let source = F.alert("SystemDown", ["system": "erp", "severity": "critical"])
        let sameSystem = F.alert("SlowOrders", ["system": "erp", "severity": "warning"])
        let otherSystem = F.alert("SlowOrders", ["system": "crm", "severity": "warning"])
        let notTarget = F.alert("Backlog", ["system": "erp", "severity": "critical"])
        _ = queue.update(alerts: [source, sameSystem, otherSystem, notTarget], topology: .init(), now: F.at(0))
        #expect(queue.entry(sameSystem.id)?.inhibitedBy == [source.id])
        #expect(queue.entry(otherSystem.id)?.inhibitedBy == [])
        #expect(queue.entry(notTarget.id)?.inhibitedBy == [])
        #expect(queue.entry(source.id)?.inhibitedBy == [])
    }

    @Test func aPendingSourceDoesNotInhibit() {
        var queue = AlertQueue(inhibitionRules: [rule])
        let source = F.alert("SystemDown", ["system": "erp"], state: .pending)
        let target = F.alert("SlowOrders", ["system": "erp", "severity": "warning"])
        _ = queue.update(alerts: [source, target], topology: .init(), now: F.at(0))
        #expect(queue.entry(target.id)?.inhibitedBy == [])
    }

    @Test func anAlertMatchingSourceAndTargetDoesNotInhibitItself() {
        let both = InhibitionRule(
            sourceMatchers: [.equal("severity", "warning")], targetMatchers: [.equal("severity", "warning")],
            equal: ["system"])
        var queue = AlertQueue(inhibitionRules: [both])
        let alone = F.alert("A", ["system": "erp", "severity": "warning"])
        _ = queue.update(alerts: [alone], topology: .init(), now: F.at(0))
        #expect(queue.entry(alone.id)?.inhibitedBy == [])
        let other = F.alert("B", ["system": "erp", "severity": "warning"])
        _ = queue.update(alerts: [alone, other], topology: .init(), now: F.at(1))
        #expect(queue.entry(alone.id)?.inhibitedBy == [other.id])
        #expect(queue.entry(other.id)?.inhibitedBy == [alone.id])
    }

    @Test func missingEqualLabelsCountAsEqual() {
        var queue = AlertQueue(inhibitionRules: [rule])
        let source = F.alert("SystemDown", [:])
        let target = F.alert("SlowOrders", ["severity": "warning"])
        _ = queue.update(alerts: [source, target], topology: .init(), now: F.at(0))
        #expect(queue.entry(target.id)?.inhibitedBy == [source.id])
    }

    @Test func aResolvedTargetIsNeverInhibited() {
        var queue = AlertQueue(inhibitionRules: [rule])
        let source = F.alert("SystemDown", ["system": "erp"])
        let target = F.alert("SlowOrders", ["system": "erp", "severity": "warning"])
        _ = queue.update(alerts: [source, target], topology: .init(), now: F.at(0))
        _ = queue.update(alerts: [source], topology: .init(), now: F.at(10))
        #expect(queue.entry(target.id)?.state == .inactive)
        #expect(queue.entry(target.id)?.isMuted == false)
    }
}
