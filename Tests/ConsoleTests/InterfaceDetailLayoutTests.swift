import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// The interface detail on a short screen: the latency chart gives way before it hides the checks.
@Suite struct InterfaceDetailLayoutTests {
    static func rows(height: Int) -> [String] {
        var snapshot = Fixtures.snapshot()
        snapshot.interfaces[0].stats.slo = BudgetChartTests.slo
        snapshot.interfaces[0].stats.recentRuns = (0..<20).map { index in
            RecentRun(at: Fixtures.now.addingTimeInterval(Double(index - 20) * 5), seconds: 0.01, up: true)
        }
        var canvas = Canvas(width: 80, height: height)
        InterfaceDetailView.render(
            into: &canvas, y: 0, height: height, snapshot: snapshot, interfaceID: snapshot.interfaces[0].id,
            now: Fixtures.now, timeZone: TimeZone(identifier: "UTC")!, glyphs: .ascii)
        return canvas.text.components(separatedBy: "\n")
    }

    @Test func aTallScreenShowsTheLatencyChartAndTheChecks() {
        let rows = Self.rows(height: 60)
        #expect(rows.contains { $0.starts(with: "  LATENCY") })
        #expect(rows.contains { $0.starts(with: "  CHECKS") })
    }

    @Test func aShortScreenDropsTheLatencyChartToShowTheFirstCheck() throws {
        let rows = Self.rows(height: 20)
        #expect(!rows.contains { $0.starts(with: "  LATENCY") })
        let checks = try #require(rows.firstIndex { $0.starts(with: "  CHECKS") })
        #expect(checks + 1 < 20 && !rows[checks + 1].trimmingCharacters(in: .whitespaces).isEmpty, "\(rows)")
        #expect(rows.contains { $0.starts(with: " budget 28d") }, "the budget chart stays")
    }
}
