import Foundation
import Testing

@testable import SwitchboardCore

/// A flow's path travels to remote consoles, and checks of older daemons, without it, still decode.
@Suite struct FlowPathWireTests {
    static let check = CheckStatus(
        id: "order-to-erp", kind: "flow", target: "http://erp/{{ id }}", intervalSeconds: 5, last: nil,
        path: ["shop", "esb", "erp"])

    @Test func thePathSurvivesTheWire() throws {
        let decoded = try JSONDecoder().decode(CheckStatus.self, from: JSONEncoder().encode(Self.check))
        #expect(decoded.path == ["shop", "esb", "erp"])
    }

    @Test func anOldCheckWithoutThePathDecodes() throws {
        var object = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.check)) as? [String: Any])
        #expect(object.removeValue(forKey: "path") != nil)
        let decoded = try JSONDecoder().decode(CheckStatus.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(decoded.path == nil && decoded.id == "order-to-erp")
    }
}
