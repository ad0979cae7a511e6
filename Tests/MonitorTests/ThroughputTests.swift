import Foundation
import PromQL
import SwitchboardCore
import Testing

@testable import Monitor

/// An interface's throughput: the summed per-second rate of its scraped counter.
@Suite struct ThroughputTests {
    static func series(_ labels: Labels, _ points: [(Int64, Double)]) -> SeriesData {
        SeriesData(name: "offset", labels: labels, samples: points.map { SamplePoint($0.0, $0.1) })
    }

    @Test func ratesAreSummedOverSeriesAndSurviveAReset() {
        let steady = Self.series(["p": "0"], [(0, 100), (10_000, 200), (20_000, 300)])  // 10/s
        let restarted = Self.series(["p": "1"], [(0, 50), (10_000, 90), (20_000, 20)])  // +40, reset to 0, +20
        let rate = CounterRate.perSecond([steady, restarted])
        #expect(rate == 10 + 60.0 / 20)
    }

    @Test func oneSampleIsNotARate() {
        #expect(CounterRate.perSecond([Self.series([:], [(0, 5)])]) == nil)
        #expect(CounterRate.perSecond([]) == nil)
        let stale = Self.series([:], [(0, 5), (10_000, .staleMarker)])
        #expect(CounterRate.perSecond([stale]) == nil, "a staleness marker is not a sample")
    }

    @Test func theEngineShowsTheRateOfTheCounterItsInterfaceNames() async throws {
        let landscape = Landscape(
            name: "t", systems: [System(id: "bus", name: "Bus"), System(id: "crm", name: "CRM")],
            interfaces: [
                Interface(
                    id: "orders", name: "Orders", from: "bus", to: "crm", kind: .kafka,
                    throughput: ThroughputSource(metric: "topic_offset", labels: ["topic": "orders"])),
                Interface(id: "other", name: "Other", from: "bus", to: "crm", kind: .kafka),
            ])
        let engine = MonitorEngine(landscape: landscape)
        defer { Task { await engine.shutdown() } }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        for (offset, value) in [(60_000, 1000.0), (0, 1600.0)] {
            engine.store.append(
                [
                    Sample("topic_offset", ["topic": "orders"], value),
                    Sample("topic_offset", ["topic": "returns"], value * 100),
                ], at: now - Int64(offset))
        }
        _ = await engine.runAllOnce()
        let snapshot = engine.snapshot
        #expect(snapshot.interfaces[0].stats.throughputPerSecond == 10, "600 messages in 60 s, other topics ignored")
        #expect(snapshot.interfaces[1].stats.throughputPerSecond == nil)
    }
}
