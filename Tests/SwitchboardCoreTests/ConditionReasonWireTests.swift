import Foundation
import Testing

@testable import SwitchboardCore

/// A condition's reason travels to remote consoles, and snapshots of older daemons, without it, still decode.
@Suite struct ConditionReasonWireTests {
    static let status = InterfaceStatus(
        id: "orders", name: "Orders", from: "bus", to: "erp", kind: .kafka, owner: nil, state: .down, checks: [],
        conditionReason: "consumer lag 16.5k messages")

    @Test func theReasonSurvivesTheWire() throws {
        let decoded = try JSONDecoder().decode(InterfaceStatus.self, from: JSONEncoder().encode(Self.status))
        #expect(decoded == Self.status)
        #expect(decoded.reason == "consumer lag 16.5k messages")
    }

    @Test func anOldSnapshotWithoutTheFieldDecodes() throws {
        var object = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.status)) as? [String: Any])
        #expect(object.removeValue(forKey: "conditionReason") != nil)
        let old = try JSONSerialization.data(withJSONObject: object)
        let decoded = try JSONDecoder().decode(InterfaceStatus.self, from: old)
        #expect(decoded.conditionReason == nil && decoded.state == .down)
        let system = SystemStatus(id: "erp", name: "ERP", owner: nil, state: .ok, checks: [])
        var systemObject = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(system)) as? [String: Any])
        systemObject.removeValue(forKey: "conditionReason")
        let decodedSystem = try JSONDecoder().decode(
            SystemStatus.self, from: JSONSerialization.data(withJSONObject: systemObject))
        #expect(decodedSystem == system)
    }
}
