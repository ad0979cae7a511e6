import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// The BUDGET column: shown only when an interface has an SLO, red while a paging pair burns,
/// yellow for a ticket pair, `-` without an SLO, and left out first at 80 columns.
@Suite struct BudgetColumnTests {
    static func status(left: Double?, page: Bool = false, ticket: Bool = false) -> SLOStatus {
        SLOStatus(
            objective: 0.995, windowSeconds: 28 * 86_400, sli: left.map { 1 - (1 - $0) * 0.005 },
            budgetRemaining: left,
            pairs: SLOBurnPair.workbook.map { pair in
                var pair = pair
                let burning = pair.severity == "page" ? page : ticket
                pair.longRate = burning ? pair.factor + 1 : 0
                pair.shortRate = burning ? pair.factor + 1 : 0
                return pair
            })
    }

    @Test func theCellSaysWhatIsLeftAndColoursTheBurn() {
        #expect(InterfaceRow.budgetCell(nil) == Table.Cell("-", role: .muted))
        #expect(InterfaceRow.budgetCell(Self.status(left: nil)) == Table.Cell("-", role: .muted))
        #expect(InterfaceRow.budgetCell(Self.status(left: 0.873)) == Table.Cell("87%", role: .normal))
        #expect(InterfaceRow.budgetCell(Self.status(left: 0.4, ticket: true)) == Table.Cell("40%", role: .degraded))
        #expect(
            InterfaceRow.budgetCell(Self.status(left: -0.58, page: true, ticket: true))
                == Table.Cell("-58%", role: .down))
        #expect(InterfaceRow.budgetCell(Self.status(left: -0.2)) == Table.Cell("-20%", role: .degraded))
    }

    @Test func aSpentBudgetNeverReadsAsSomethingLeft() {
        #expect(InterfaceRow.budget(0.009) == "0%")
        #expect(InterfaceRow.budget(1) == "100%")
        #expect(InterfaceRow.budget(-80) == "-999%")
    }

    static func header(_ snapshot: Snapshot, columns: Int) -> String {
        let canvas = ConsoleScreen.render(Fixtures.context(snapshot), size: TerminalSize(columns: columns, rows: 24))
        return canvas.text.components(separatedBy: "\n").first { $0.hasPrefix("STATE") } ?? ""
    }

    @Test func theColumnIsShownOnlyWithAnSLOAndGivesWayFirstAt80Columns() {
        var snapshot = Fixtures.snapshot()
        #expect(!Self.header(snapshot, columns: 160).contains("BUDGET"))
        snapshot.interfaces[0].stats.slo = Self.status(left: 0.5)
        #expect(Self.header(snapshot, columns: 160).contains("BUDGET"))
        let at80 = Self.header(snapshot, columns: 80)
        #expect(!at80.contains("BUDGET"), "\(at80)")
        var without = snapshot
        without.interfaces[0].stats.slo = nil
        #expect(at80 == Self.header(without, columns: 80), "the other columns keep their place")
    }

    @Test func theDetailShowsTheBudgetAndEachPairsBurnRates() {
        let lines = InterfaceDetailView.budgetLines(Self.status(left: -0.58, page: true)).map {
            $0.map(\.text).joined()
        }
        #expect(lines[0] == "error budget  -58% left   objective 99.5% over 28d   SLI 99.21%")
        #expect(lines[1] == "burn rate     1h/5m 15/15  6h/30m 7.0/7.0  24h/2h 0.0/0.0  3d/6h 0.0/0.0")
        // The column stops at -999%; the detail has the room for the whole figure, as the alert's budget_left.
        let overspent = InterfaceDetailView.budgetLines(Self.status(left: -51.64, page: true))[0].map(\.text).joined()
        #expect(overspent.hasPrefix("error budget  -5164% left"), "\(overspent)")
    }
}
