import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// The detail's error-budget chart: the trail folded to the width there is, overspent in the down
/// role (and `x` in ASCII), a fast burn in yellow, an axis under it, nothing without room or a trail.
@Suite struct BudgetChartTests {
    /// 28 days in 112 steps: untouched for 14 days, a quarter spent at once, another quarter a week
    /// later, and overspent for the last day.
    static let slo: SLOStatus = {
        var status = BudgetColumnTests.status(left: -0.25)
        status.budgetTrail =
            Array(repeating: 1, count: 56) + Array(repeating: 0.75, count: 28) + Array(repeating: 0.5, count: 24)
            + Array(repeating: -0.25, count: 4)
        return status
    }()

    static func text(_ lines: [[BudgetChartLines.Part]]) -> [String] { lines.map { $0.map(\.text).joined() } }

    @Test func at80ColumnsTwoStepsACellWithTheAxisUnder() {
        let lines = BudgetChartLines.lines(Self.slo, width: 80, glyphs: .unicode)
        #expect(
            Self.text(lines) == [
                "budget 28d    " + String(repeating: "█", count: 28) + String(repeating: "▆", count: 14)
                    + String(repeating: "▅", count: 12) + "▁▁",
                "12h/cell      -28d                      -14d                       now",
            ])
        #expect(lines[0].map(\.role) == [.muted, .ok, .degraded, .ok, .degraded, .ok, .down])
        #expect(lines[0].map(\.text).joined().count + 1 <= 79, "fits inside the 80-column frame")
    }

    @Test func asciiTellsOverspentApartWithoutColour() {
        let lines = BudgetChartLines.lines(Self.slo, width: 80, glyphs: .ascii)
        #expect(
            Self.text(lines)[0] == "budget 28d    " + String(repeating: "#", count: 28)
                + String(repeating: "*", count: 14) + String(repeating: "=", count: 12) + "xx")
    }

    @Test func wideTerminalsShowEveryStep() {
        let lines = Self.text(BudgetChartLines.lines(Self.slo, width: 200, glyphs: .unicode))
        #expect(lines[0].count == 14 + 112)
        #expect(lines[1].hasPrefix("6h/cell       -28d"))
        #expect(lines[1].hasSuffix("now") && lines[1].count == 14 + 112)
    }

    @Test func narrowTerminalsAndNoTrailShowNoChart() {
        #expect(BudgetChartLines.lines(Self.slo, width: 39, glyphs: .unicode).isEmpty)
        #expect(BudgetChartLines.lines(Self.slo, width: 40, glyphs: .unicode).count == 2)
        #expect(BudgetChartLines.lines(BudgetColumnTests.status(left: 0.5), width: 200, glyphs: .unicode).isEmpty)
    }

    @Test func theDetailDrawsTheChartUnderTheBurnRates() throws {
        var snapshot = Fixtures.snapshot()
        snapshot.interfaces[0].stats.slo = Self.slo
        var canvas = Canvas(width: 80, height: 40)
        InterfaceDetailView.render(
            into: &canvas, y: 0, height: 40, snapshot: snapshot, interfaceID: snapshot.interfaces[0].id,
            now: Fixtures.now, timeZone: TimeZone(identifier: "UTC")!, glyphs: .ascii)
        let rows = canvas.text.components(separatedBy: "\n")
        let rates = try #require(rows.firstIndex { $0.hasPrefix(" burn rate") })
        #expect(rows[rates + 1].hasPrefix(" budget 28d    ############################**************"))
        #expect(rows[rates + 2].hasPrefix(" 12h/cell      -28d"))
    }
}
