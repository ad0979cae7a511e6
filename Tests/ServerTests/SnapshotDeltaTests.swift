import Foundation
import Testing

@testable import SwitchboardCore

/// A delta brings the older snapshot exactly to the newer one, whatever changed, and refuses a
/// snapshot it was not made for.
@Suite struct SnapshotDeltaTests {
    static func snapshot(version: UInt64, interfaces: Int = 6) -> Snapshot {
        Snapshot(
            version: version, generatedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(version)),
            landscape: "l", source: "in-process",
            systems: [SystemStatus(id: "a", name: "A", owner: nil, state: .ok, checks: [])],
            interfaces: (0..<interfaces).map {
                InterfaceStatus(
                    id: "i\($0)", name: "财务 \($0)", from: "a", to: "a", kind: .rest, owner: nil, state: .ok, checks: [])
            },
            progress: CheckProgress(completed: interfaces, total: interfaces),
            alerts: AlertQueueSnapshot(
                entries: (0..<4).map { entry("x\($0)") }, groups: [], silences: []))
    }

    static func entry(_ id: String, acknowledged: Bool = false) -> AlertEntrySnapshot {
        AlertEntrySnapshot(
            id: id, name: "Down", severity: "critical", state: .firing, labels: [LabelPair("system", "a")],
            annotations: [:], since: Date(timeIntervalSince1970: 1_700_000_000),
            acknowledgement: acknowledged
                ? AcknowledgementSnapshot(by: "bob", at: .now, note: "n", expiresAt: nil) : nil,
            muting: [], rootCause: nil, notes: [])
    }

    @Test(arguments: 0..<128) func everyCombinationOfChangesRoundTrips(seed: Int) throws {
        let old = Self.snapshot(version: 7)
        var new = old
        new.version = 9
        new.generatedAt = Date(timeIntervalSince1970: 1_800_000_000)
        if seed & 1 != 0 { new.interfaces[seed % 6].state = .down }
        if seed & 2 != 0 { new.interfaces.append(Self.snapshot(version: 1, interfaces: 7).interfaces[6]) }
        if seed & 4 != 0 { new.interfaces.removeLast(2) }
        if seed & 8 != 0 {
            new.alerts.entries[2] = Self.entry("x2", acknowledged: true)
            new.alerts.entries.swapAt(0, 3)
            new.alerts.maintenance = [
                MaintenanceWindowSnapshot(
                    id: "w1", name: "patch night", matchers: [AlertMatcher(name: "system", kind: .equal, value: "a")],
                    schedule: .once(start: Date(timeIntervalSince1970: 1_700_000_000), end: .distantFuture),
                    createdBy: "bob", comment: "", state: .open)
            ]
        }
        if seed & 16 != 0 { new.alerts.entries.removeFirst(); new.alerts.entries.append(Self.entry("y")) }
        if seed & 32 != 0 {
            new.rules = RulesSummary(groups: 1, rules: 2, failing: ["g/r: boom"])
            new.systems[0].state = .degraded
        }
        if seed & 64 != 0, let acked = new.alerts.entries.firstIndex(where: { $0.id == "x1" }) {
            new.alerts.entries[acked] = Self.entry("x1", acknowledged: true)
        }
        let delta = SnapshotDelta(from: old, to: new)
        let wire = try APICoding.decode(SnapshotDelta.self, from: try APICoding.encode(delta))
        let applied = try #require(wire.applied(to: old))
        #expect(try APICoding.encode(applied, pretty: true) == (try APICoding.encode(new, pretty: true)))
        #expect(delta.interfaces.count <= 3, "only what changed travels")
    }

    @Test func aDeltaForAnotherVersionIsRefused() {
        let delta = SnapshotDelta(from: Self.snapshot(version: 3), to: Self.snapshot(version: 4))
        #expect(delta.applied(to: Self.snapshot(version: 2)) == nil)
    }

    @Test func anAckIsSmall() throws {
        var old = Self.snapshot(version: 1, interfaces: 1000)
        old.alerts.entries = (0..<2000).map { Self.entry("alert-\($0)") }
        var new = old
        new.version = 2
        new.alerts.entries[1] = Self.entry("alert-1", acknowledged: true)
        let bytes = try APICoding.encode(SnapshotDelta(from: old, to: new)).count
        #expect(bytes < 2000, "\(bytes) bytes for one acknowledgement among 2,000 alerts: the order stays home")
        #expect(try APICoding.encode(new).count > 100_000)
    }
}

/// Times keep their millisecond through any number of trips over the wire.
@Suite struct APICodingTests {
    @Test(arguments: [0.0, 0.123, 0.9995, 0.0004, 1_765_000_000.123, 1_765_000_000.999_9, 1_765_000_000.456_7])
    func aTimeSurvivesRoundTrips(seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds)
        let once = try APICoding.decode([Date].self, from: try APICoding.encode([date]))
        let twice = try APICoding.decode([Date].self, from: try APICoding.encode(once))
        #expect(APICoding.format(once[0]) == APICoding.format(twice[0]))
        #expect(abs(once[0].timeIntervalSince1970 - seconds) <= 0.0005 + 1e-6)
    }
}

/// The server writes its large answers element by element; what it writes is the JSON the one
/// encoder writes (its keys in another order: Foundation's encoder does not keep one).
@Suite struct StreamingEncodingTests {
    static func sameJSON(_ first: Data, _ second: Data) throws -> Bool {
        let parse = { (data: Data) in try JSONSerialization.jsonObject(with: data) as? NSDictionary }
        return try parse(first).map { try $0.isEqual(parse(second)) } ?? false
    }

    @Test func aSnapshotStreamedByInterfaceIsTheSameJSON() throws {
        var snapshot = SnapshotDeltaTests.snapshot(version: 3, interfaces: 50)
        snapshot.systems[0].name = #"interfaces":[] "quoted\" {[ name"#
        var frame = snapshot
        frame.interfaces = []
        let streamed = try APICoding.encode(frame, streaming: "interfaces", elements: snapshot.interfaces)
        #expect(try Self.sameJSON(streamed, try APICoding.encode(snapshot)))
        #expect(try APICoding.decode(Snapshot.self, from: streamed) == snapshot)
    }

    @Test func aDeltaStreamedByInterfaceIsTheSameJSON() throws {
        let old = SnapshotDeltaTests.snapshot(version: 3, interfaces: 20)
        var new = SnapshotDeltaTests.snapshot(version: 4, interfaces: 21)
        new.interfaces[4].state = .down
        let delta = SnapshotDelta(from: old, to: new)
        var frame = delta
        frame.interfaces = []
        let streamed = try APICoding.encode(frame, streaming: "interfaces", elements: delta.interfaces)
        #expect(try Self.sameJSON(streamed, try APICoding.encode(delta)))
        #expect(!delta.interfaces.isEmpty)
    }

    @Test func onlyAnEmptyArrayOfTheObjectItselfIsAPlace() throws {
        #expect(APICoding.emptyArray("interfaces", in: Data(#"{"a":{"interfaces":[]}}"#.utf8)) == nil)
        #expect(APICoding.emptyArray("interfaces", in: Data(#"{"a":"\"interfaces\":[]"}"#.utf8)) == nil)
        #expect(APICoding.emptyArray("interfaces", in: Data(#"{"b":1,"interfaces":[]}"#.utf8)) == 21)
    }
}
