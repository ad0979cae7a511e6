import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// Each view's columns at 80 columns: what gives way, what is shortened and how, and that the
/// columns keep their place from frame to frame.
@Suite struct ColumnsAt80Tests {
    static let size = TerminalSize(columns: 80, rows: 24)

    static func render(_ snapshot: Snapshot, route: Route = .interfaces, sort: InterfaceSort = InterfaceSort())
        -> Canvas
    {
        var context = Fixtures.context(snapshot, route: route)
        context.console.interfaceSort = sort
        return ConsoleScreen.render(context, size: size)
    }

    static func tableHeader(_ canvas: Canvas) -> String {
        canvas.text.components(separatedBy: "\n").first { $0.hasPrefix("STATE") } ?? ""
    }

    @Test func bothEndsOfARouteAreShownWhenItIsShortened() {
        #expect(DisplayWidth.joining("CRM Sales Cloud", "→", "Payment Gateway", to: 15) == "CRM Sa…→Paymen…")
        #expect(DisplayWidth.joining("CRM", "→", "Payment Gateway", to: 15) == "CRM→Payment Ga…")
        #expect(DisplayWidth.joining("CRM Sales Cloud", "→", "ERP", to: 15) == "CRM Sales …→ERP")
        let cell = Table.Cell.ends([("CRM Sales Cloud", "Payment Gateway"), ("crm", "pay")], separator: " → ")
        #expect(cell.fitted(to: 40, ellipsis: "…") == "CRM Sales Cloud → Payment Gateway")
        #expect(cell.fitted(to: 12, ellipsis: "…") == "crm → pay")
        #expect(cell.fitted(to: 5, ellipsis: "…") == "c…→p…")
    }

    @Test func theInterfacesViewShowsTheTargetOfEveryRouteAt80Columns() {
        var snapshot = Fixtures.snapshot()
        snapshot.systems[0].name = "Enterprise Resource Planning (SAP S/4HANA)"
        snapshot.systems[2].name = "Webshop B2C Storefront and Checkout"
        let text = Self.render(snapshot).text
        #expect(text.contains("shop → erp"), "\(text)")
        #expect(text.contains("crm → erp"), "\(text)")
        #expect(text.contains("wms → shop"), "\(text)")
    }

    @Test func columnsKeepTheirWidthWhenAReasonAppears() {
        var quiet = Fixtures.snapshot()
        for index in quiet.interfaces.indices { quiet.interfaces[index].checks[0].last?.reason = "" }
        var loud = quiet
        loud.interfaces[0].checks[0].last?.reason = String(repeating: "a long reason ", count: 10)
        for columns in [80, 120] {
            let size = TerminalSize(columns: columns, rows: 24)
            let before = Self.tableHeader(ConsoleScreen.render(Fixtures.context(quiet), size: size))
            let after = Self.tableHeader(ConsoleScreen.render(Fixtures.context(loud), size: size))
            #expect(before == after, "\(columns) columns:\n\(before)\n\(after)")
        }
    }

    @Test func theSortedColumnShowsItsMarkWithoutCuttingItsTitle() {
        #expect(Self.tableHeader(Self.render(Fixtures.snapshot())).hasPrefix("STATE▼ "))
        var sort = InterfaceSort()
        while sort.key != .checked { sort.next() }
        let header = Self.tableHeader(Self.render(Fixtures.snapshot(), sort: sort))
        #expect(header.contains("CHECKED▼"), "\(header)")
        #expect(!header.contains("…"), "\(header)")
        sort.reversed = true
        #expect(Self.tableHeader(Self.render(Fixtures.snapshot(), sort: sort)).contains("CHECKED▲"))
    }

    @Test(arguments: [
        (0.9995, 0.0005, "99.9%", "0.1%"), (0.9996, 0.0004, "99.9%", "0.1%"), (0.9994, 0.0006, "99.9%", "0.1%"),
        (0.999, 0.001, "99.9%", "0.1%"), (0.625, 0.375, "62.5%", "37.5%"), (1.0, 0.0, "100%", "0%"),
        (0.99999, 0.00001, "99.9%", "0.1%"),
    ])
    func availabilityAndErrorsAddUpTo100(availability: Double, errors: Double, shownUp: String, shownErrors: String) {
        #expect(InterfaceRow.percent(availability) == shownUp)
        #expect(InterfaceRow.percent(errors, rounding: .up) == shownErrors)
    }

    @Test func theJobsLastRunKeepsItsAgeAt80Columns() {
        var snapshot = JobsViewTests.snapshot()
        snapshot.jobs[0].name = "Nightly stock reconciliation between WMS and ERP"
        snapshot.jobs[0].lastRun = JobsViewTests.run(8, .succeeded, secondsAgo: 30, took: 5)
        let text = Self.render(snapshot, route: .jobs).text
        #expect(text.contains("#8 ✔ 30s ago") || text.contains("#8 succeeded 30s ago"), "\(text)")
        #expect(!text.contains("#8 succeeded 30s…"))
    }

    @Test func theOverviewsJobsLineEndsWithAnEllipsisWhenCut() throws {
        var snapshot = JobsViewTests.snapshot()
        snapshot.jobs[0].name = "Payroll export to the bank, every working day, with all the deductions"
        let text = Self.render(snapshot, route: .overview).text
        let line = try #require(text.components(separatedBy: "\n").first { $0.hasPrefix(" JOBS") })
        #expect(line.hasSuffix("…"), "\(line)")
        #expect(DisplayWidth.of(line) <= 79)
    }
}
