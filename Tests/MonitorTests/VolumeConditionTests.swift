import Foundation
import PromQL
import SwitchboardCore
import Testing

@testable import Monitor

/// `throughput.expect` in the engine: too little volume within the calendar makes the interface
/// DEGRADED with the count in its reason; outside it, nothing is flagged.
@Suite struct VolumeConditionTests {
    static func engine(atLeast: Double) throws -> MonitorEngine {
        let hours = try BusinessCalendar(
            parsing: "mon-fri 08:00-18:00", timeZone: TimeZone(identifier: "Europe/Berlin")!)
        let source = ThroughputSource(
            metric: "invoices_sent_total", labels: ["queue": "invoices"],
            expect: VolumeExpectation(atLeast: atLeast, per: .seconds(3600), calendar: hours))
        let landscape = Landscape(
            name: "t", systems: [System(id: "erp", name: "ERP"), System(id: "bank", name: "Bank")],
            interfaces: [
                Interface(id: "invoices", name: "Invoices", from: "erp", to: "bank", kind: .rest, throughput: source)
            ])
        return MonitorEngine(landscape: landscape)
    }

    /// A counter growing by 12 an hour, sampled every minute from `from` to `through`.
    static func feed(_ engine: MonitorEngine, from: Date, through: Date) {
        var time = from
        while time <= through {
            let value = 12 * time.timeIntervalSince(from) / 3600
            engine.store.append(
                [Sample("invoices_sent_total", ["queue": "invoices", "instance": "erp"], value)],
                at: Int64(time.timeIntervalSince1970 * 1000))
            time += 60
        }
    }

    // Friday 4 December 2026, Berlin is UTC+1: 17:59 and 18:01 there.
    static let friday1759 = try! Date("2026-12-04T16:59:00Z", strategy: .iso8601)
    static let friday1801 = try! Date("2026-12-04T17:01:00Z", strategy: .iso8601)

    @Test func tooFewMessagesInBusinessHoursDegradeTheInterfaceUntilTheyEnd() async throws {
        let engine = try Self.engine(atLeast: 200)
        defer { Task { await engine.shutdown() } }
        Self.feed(engine, from: Self.friday1759 - 7200, through: Self.friday1801)
        engine.evaluateConditions(now: Self.friday1759)
        let inside = try #require(engine.snapshot.interfaces.first)
        #expect(inside.state == .degraded)
        #expect(inside.reason == "12 messages in the last hour, expected ≥ 200 during business hours")

        engine.evaluateConditions(now: Self.friday1801)
        #expect(engine.snapshot.interfaces.first?.state == .ok, "after 18:00 low volume is no fault")
        #expect(engine.snapshot.interfaces.first?.reason == nil)
    }

    @Test func enoughMessagesAreNoFault() async throws {
        let engine = try Self.engine(atLeast: 10)
        defer { Task { await engine.shutdown() } }
        Self.feed(engine, from: Self.friday1759 - 7200, through: Self.friday1759)
        engine.evaluateConditions(now: Self.friday1759)
        #expect(engine.snapshot.interfaces.first?.state == .ok)
    }

    @Test func theExpressionSelectsTheCounterWithItsLabels() {
        let source = ThroughputSource(metric: "m", labels: ["b": #"x"y"#, "a": "1"])
        let expect = VolumeExpectation(atLeast: 5, per: .seconds(1800))
        #expect(VolumeCondition.expression(source, expect) == #"sum(increase(m{a="1",b="x\"y"}[1800s])) < 5.0"#)
        #expect(
            VolumeCondition.period(.seconds(3600)) == "hour" && VolumeCondition.period(.seconds(1800)) == "30 minutes")
    }
}
