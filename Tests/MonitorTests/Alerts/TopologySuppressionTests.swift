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

    func up(_ last: TimeInterval, recovered: TimeInterval? = nil, interval: TimeInterval = 30) -> Health {
        Health(isDown: false, lastResultAt: F.at(last), recoveredAt: recovered.map(F.at), checkInterval: interval)
    }

    func down(_ last: TimeInterval, interval: TimeInterval = 30) -> Health {
        Health(isDown: true, lastResultAt: F.at(last), checkInterval: interval)
    }

    @Test func alertsOfDependentsFoldUnderTheTopmostDownNode() {
        var queue = AlertQueue()
        let db = F.alert("Down", ["system": "db"])
        let erp = F.alert("Down", ["system": "erp"])
        let orders = F.alert("InterfaceFailing", ["interface": "orders", "system": "crm"])
        let wms = F.alert("Down", ["system": "wms"])
        let health = [Node.system("db"): down(0), .system("erp"): down(0), .interface("orders"): down(0)]
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

    @Test func aChildWaitsForAParentResultFresherThanItsFailure() {
        var queue = AlertQueue()
        let orders = F.alert("InterfaceFailing", ["interface": "orders"], activeAt: 10)
        var health = [Node.system("erp"): up(5), .system("crm"): up(12), .system("db"): up(12)]
        _ = queue.update(alerts: [orders], topology: topology(health), now: F.at(15))
        #expect(
            queue.entry(orders.id)?.suppression
                == TopologySuppression(rootCause: .system("erp"), reason: .awaitingDependencyResult))
        health[.system("erp")] = up(35)
        _ = queue.update(alerts: [orders], topology: topology(health), now: F.at(36))
        #expect(queue.entry(orders.id)?.suppression == nil, "erp answered after the failure and is up")
        health[.system("erp")] = down(35)
        _ = queue.update(alerts: [orders], topology: topology(health), now: F.at(36))
        #expect(queue.entry(orders.id)?.suppression?.reason == .dependencyDown)
    }

    @Test func aChildIsNotHeldForeverWhenTheParentStopsReporting() {
        var queue = AlertQueue()
        let orders = F.alert("InterfaceFailing", ["interface": "orders"], activeAt: 10)
        let health = [Node.system("erp"): up(5, interval: 30), .system("crm"): up(12)]
        _ = queue.update(alerts: [orders], topology: topology(health), now: F.at(69))
        #expect(queue.entry(orders.id)?.suppression != nil)
        _ = queue.update(alerts: [orders], topology: topology(health), now: F.at(70))
        #expect(queue.entry(orders.id)?.suppression == nil, "released after two of the parent's intervals")
    }

    @Test func childrenStayQuietForOneCheckCycleAfterTheParentRecovers() {
        var queue = AlertQueue()
        let erp = F.alert("Down", ["system": "erp"], activeAt: 0)
        var health = [Node.system("db"): up(100, recovered: 100), .system("erp"): down(99, interval: 30)]
        _ = queue.update(alerts: [erp], topology: topology(health), now: F.at(110))
        #expect(
            queue.entry(erp.id)?.suppression
                == TopologySuppression(rootCause: .system("db"), reason: .dependencyRecovering))
        health[.system("erp")] = down(129, interval: 30)
        _ = queue.update(alerts: [erp], topology: topology(health), now: F.at(130))
        #expect(queue.entry(erp.id)?.suppression == nil, "erp still fails a cycle after db came back: its own fault")
    }

    @Test func aResolutionIsNeverSuppressed() {
        var queue = AlertQueue()
        let erp = F.alert("Down", ["system": "erp"])
        let health = [Node.system("db"): down(0)]
        _ = queue.update(alerts: [erp], topology: topology(health), now: F.at(1))
        #expect(queue.entry(erp.id)?.suppression != nil)
        _ = queue.update(alerts: [], topology: topology(health), now: F.at(2))
        #expect(queue.entry(erp.id)?.state == .inactive)
        #expect(queue.entry(erp.id)?.suppression == nil)
        #expect(queue.entry(erp.id)?.isMuted == false)
    }

    @Test func dependencyCyclesEnd() {
        let topology = AlertTopology(
            parents: [.system("a"): [.system("b")], .system("b"): [.system("a")]],
            health: [.system("b"): down(0)])
        var queue = AlertQueue()
        let a = F.alert("Down", ["system": "a"])
        _ = queue.update(alerts: [a], topology: topology, now: F.at(1))
        #expect(queue.entry(a.id)?.suppression?.rootCause == .system("b"))
    }
}
