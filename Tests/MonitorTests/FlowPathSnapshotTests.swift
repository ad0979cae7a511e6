import Foundation
import SwitchboardCore
import Testing

@testable import Monitor

/// The snapshot names each flow's path (from, via…, to) on its check, and no path on other checks.
@Suite struct FlowPathSnapshotTests {
    @Test func aFlowCheckCarriesItsPathAndAnHTTPCheckNone() {
        let step = FlowStep(request: HTTPProbeSettings(url: "http://127.0.0.1:9/o"))
        var flow = FlowProbeSettings(start: step, arrive: step, within: .seconds(10))
        flow.via = ["esb"]
        let landscape = Landscape(
            name: "Test", systems: ["shop", "esb", "erp"].map { System(id: $0, name: $0) },
            interfaces: [
                Interface(id: "shop-esb", name: "a", from: "shop", to: "esb", kind: .rest),
                Interface(id: "esb-erp", name: "b", from: "esb", to: "erp", kind: .rest),
                Interface(
                    id: "shop-erp", name: "c", from: "shop", to: "erp", kind: .rest,
                    checks: [
                        Check(id: "order-to-erp", probe: .flow(flow)),
                        Check(id: "export", probe: .http(HTTPProbeSettings(url: "http://127.0.0.1:9/e"))),
                    ]),
            ])
        var stableUntil = SnapshotBuilder.StableUntil()
        let snapshot = SnapshotBuilder(landscape: landscape, source: "test").build(
            SnapshotBuilder.Knowledge(), version: 1, now: Date(timeIntervalSince1970: 0), stableUntil: &stableUntil)
        #expect(snapshot.interfaces[2].checks.map(\.path) == [["shop", "esb", "erp"], nil])
    }
}
