import Foundation
import SwitchboardCore
import Testing

@testable import Monitor

@Suite struct SnapshotReuseTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static let landscape = Landscape(
        name: "Test", systems: [System(id: "erp", name: "ERP"), System(id: "crm", name: "CRM")],
        interfaces: ["a", "b"].map { id in
            Interface(
                id: id, name: id, from: "erp", to: "crm", kind: .rest,
                checks: [
                    Check(
                        id: "check-\(id)", probe: .http(HTTPProbeSettings(url: "http://127.0.0.1:9/\(id)")),
                        interval: .seconds(10), timeout: .seconds(2))
                ])
        })

    static func knowledge(upAt time: Date) -> SnapshotBuilder.Knowledge {
        var knowledge = SnapshotBuilder.Knowledge()
        for id in ["check-a", "check-b"] {
            knowledge.results[id] = CheckResult(
                checkID: id, up: true, startedAt: time, durationSeconds: 0.01, errorClass: nil, reason: "HTTP 200")
        }
        return knowledge
    }

    @Test func anUnchangedInterfaceIsTakenFromThePreviousSnapshotWhileItsResultsAreFresh() {
        let builder = SnapshotBuilder(landscape: Self.landscape, source: "test")
        let knowledge = Self.knowledge(upAt: Self.start)
        var stableUntil = SnapshotBuilder.StableUntil()
        var first = builder.build(knowledge, version: 1, now: Self.start, stableUntil: &stableUntil)
        #expect(first.interfaces.map(\.state) == [.ok, .ok])
        #expect(stableUntil == [Self.start.addingTimeInterval(22), Self.start.addingTimeInterval(22)])
        // A mark that only a build taking the interface as it was would keep.
        first.interfaces[0].name = "kept"
        first.interfaces[1].name = "kept"
        let later = Self.start.addingTimeInterval(21)
        let second = builder.build(
            knowledge, version: 1, now: later, previous: first, changed: ["b"], stableUntil: &stableUntil)
        #expect(second.interfaces.map(\.name) == ["kept", "b"], "b has changed, so it is built again")
    }

    @Test func anInterfaceIsBuiltAgainOnceAResultGoesStale() {
        let builder = SnapshotBuilder(landscape: Self.landscape, source: "test")
        let knowledge = Self.knowledge(upAt: Self.start)
        var stableUntil = SnapshotBuilder.StableUntil()
        let first = builder.build(knowledge, version: 1, now: Self.start, stableUntil: &stableUntil)
        let stale = Self.start.addingTimeInterval(23)  // two intervals and the timeout have passed
        let second = builder.build(knowledge, version: 1, now: stale, previous: first, stableUntil: &stableUntil)
        #expect(second.interfaces.map(\.state) == [.unknown, .unknown])
        #expect(stableUntil == [.distantFuture, .distantFuture], "a stale result stays stale until a new one")
        #expect(second == builder.build(knowledge, version: 1, now: stale))
    }
}
