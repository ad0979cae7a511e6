import Foundation
import Monitor
import PromQL
import SwitchboardCore
import Testing

@Suite struct TopologySuppressionTests {
    typealias F = AlertFixtures
    typealias Node = AlertTopology.NodeID
    typealias Health = AlertTopology.NodeHealth

    /// db ← erp (depends_on), erp → crm over the interface `orders`; wms stands alone.
    let landscape = Landscape(
        name: "t",
        systems: [
            System(id: "db", name: "DB"), System(id: "erp", name: "ERP", dependsOn: ["db"]),
            System(id: "crm", name: "CRM"), System(id: "wms", name: "WMS"),
        ],
        interfaces: [Interface(id: "orders", name: "Orders", from: "erp", to: "crm", kind: .rest)])

    func topology(_ health: [Node: Health]) -> AlertTopology {
        AlertTopology(landscape: landscape, health: health)
    }

    let up = Health(isDown: false)
    let down = Health(isDown: true)

    @Test func alertsOfDependentsFoldUnderTheTopmostNodeDownByItsOwnFiringAlert() {
        var queue = AlertQueue()
        let db = F.alert("Down", ["system": "db"])
        let erp = F.alert("Down", ["system": "erp"])
        let orders = F.alert("InterfaceFailing", ["interface": "orders", "system": "crm"])
        let wms = F.alert("Down", ["system": "wms"])
        let health = [Node.system("db"): down, .system("erp"): down, .interface("orders"): down]
        _ = queue.update(alerts: [db, erp, orders, wms], topology: topology(health), now: F.at(5))
        #expect(queue.entry(db.id)?.suppression == nil, "the root cause itself is shown")
        #expect(
            queue.entry(erp.id)?.suppression == TopologySuppression(rootCause: .system("db"), reason: .dependencyDown))
        #expect(
            queue.entry(orders.id)?.suppression
                == TopologySuppression(rootCause: .system("db"), reason: .dependencyDown))
        #expect(queue.entry(wms.id)?.suppression == nil)
        #expect(queue.entry(orders.id)?.snapshot.rootCause == "system:db")
    }

    /// Issue 19: CRM's own health check failed one request in three (its newest run said DOWN, its alert only
    /// ever pending) while the CRM→ERP SOAP interface failed every request; the SOAP alert stayed folded under
    /// `system:crm` for minutes although CRM's tile showed ✔.
    @Test func aFlappingParentNeverHidesAHardDownChild() {
        let landscape = Landscape(
            name: "t", systems: [System(id: "crm", name: "CRM"), System(id: "erp", name: "ERP")],
            interfaces: [Interface(id: "crm-erp-soap", name: "SOAP", from: "crm", to: "erp", kind: .soap)])
        let soap = F.alert("InterfaceDown", ["interface": "crm-erp-soap", "system": "crm"])
        let crmPending = F.alert("SystemDown", ["system": "crm"], state: .pending)
        var queue = AlertQueue()
        let flapping = AlertTopology(
            landscape: landscape, health: [.system("crm"): down, .interface("crm-erp-soap"): down])
        _ = queue.update(alerts: [soap, crmPending], topology: flapping, now: F.at(5))
        #expect(queue.entry(soap.id)?.suppression == nil, "CRM is down on this run but has no firing alert")
        #expect(queue.entry(soap.id)?.snapshot.rootCause == nil)

        let crmFiring = F.alert("SystemDown", ["system": "crm"])
        let degraded = AlertTopology(
            landscape: landscape, health: [.system("crm"): up, .interface("crm-erp-soap"): down])
        _ = queue.update(alerts: [soap, crmFiring], topology: degraded, now: F.at(10))
        #expect(queue.entry(soap.id)?.suppression == nil, "an alert of CRM fires but CRM is not DOWN (DEGRADED)")

        _ = queue.update(alerts: [soap, crmFiring], topology: flapping, now: F.at(15))
        #expect(queue.entry(soap.id)?.snapshot.rootCause == "system:crm", "CRM down by its own firing alert")
        #expect(
            queue.entry(soap.id)?.snapshot.muting == [.suppressed(rootCause: "system:crm", reason: "dependency-down")])
    }

    @Test func aResolutionIsNeverSuppressed() {
        var queue = AlertQueue()
        let erp = F.alert("Down", ["system": "erp"])
        let health = [Node.system("db"): down]
        _ = queue.update(alerts: [erp, F.alert("Down", ["system": "db"])], topology: topology(health), now: F.at(1))
        #expect(queue.entry(erp.id)?.suppression != nil)
        _ = queue.update(alerts: [], topology: topology(health), now: F.at(2))
        #expect(queue.entry(erp.id)?.state == .inactive)
        #expect(queue.entry(erp.id)?.suppression == nil)
        #expect(queue.entry(erp.id)?.isMuted == false)
    }

    @Test func dependencyCyclesEnd() {
        let topology = AlertTopology(
            parents: [.system("a"): [.system("b")], .system("b"): [.system("a")]],
            health: [.system("b"): down])
        var queue = AlertQueue()
        let a = F.alert("Down", ["system": "a"])
        _ = queue.update(alerts: [a, F.alert("Down", ["system": "b"])], topology: topology, now: F.at(1))
        #expect(queue.entry(a.id)?.suppression?.rootCause == .system("b"))
    }
}
