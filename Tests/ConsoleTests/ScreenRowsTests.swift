import Foundation
import SwitchboardCore
import Testing

@testable import Console

@Suite struct ScreenRowsTests {
    @Test func derivedRowsAreKeptUntilTheSnapshotVersionChanges() {
        let rows = ScreenRows()
        let first = Fixtures.snapshot(version: 7)
        #expect(
            rows.interfaces(first, sort: InterfaceSort(), filter: nil).map(\.id) == [
                "customers", "invoices", "stock", "orders",
            ])
        // The same version with other interfaces: what was derived is kept (a version names its content).
        let same = Fixtures.snapshot(interfaces: Array(Fixtures.interfaces.prefix(1)), version: 7)
        #expect(rows.interfaces(same, sort: InterfaceSort(), filter: nil).count == 4)
        let next = Fixtures.snapshot(interfaces: Array(Fixtures.interfaces.prefix(1)), version: 8)
        #expect(rows.interfaces(next, sort: InterfaceSort(), filter: nil).map(\.id) == ["orders"])
        #expect(rows.overview(next).attention.isEmpty)
    }

    @Test func anotherSortOrFilterDerivesTheTableAgain() throws {
        let rows = ScreenRows()
        let snapshot = Fixtures.snapshot()
        var byName = InterfaceSort()
        byName.key = .name
        #expect(rows.interfaces(snapshot, sort: byName, filter: nil).map(\.id).first == "customers")
        let filter = try InterfaceFilter("orders")
        #expect(rows.interfaces(snapshot, sort: byName, filter: filter).map(\.id) == ["orders"])
        #expect(
            rows.interfaces(snapshot, sort: InterfaceSort(), filter: nil).map(\.id)
                == InterfaceRow.ordered(Fixtures.interfaces).map(\.id))
    }

    @Test func aNewSnapshotIsDerivedByAPureFunctionOfWhatTheViewNeeds() {
        let snapshot = Fixtures.snapshot(version: 9)
        let place = (y: 2, width: 120, height: 36, glyphs: Glyphs.unicode)
        let all = ScreenRows.derive(
            snapshot, needs: ScreenRows.Needs(table: (InterfaceSort(), nil), overview: true, topology: place))
        #expect(all.version == 9)
        #expect(all.table?.rows.map(\.id) == InterfaceRow.ordered(Fixtures.interfaces).map(\.id))
        #expect(all.overview?.attention.map(\.id) == ["customers", "invoices", "stock"])
        #expect(all.scene?.fits(y: 2, width: 120, height: 36, glyphs: .unicode) == true)
        #expect(all.tally == HeaderView.Tally(Fixtures.interfaces))
        // A view that draws none of them gets the header's tally alone.
        let header = ScreenRows.derive(snapshot, needs: ScreenRows.Needs())
        #expect(header.tally != nil && header.table == nil && header.overview == nil && header.scene == nil)
    }

    @Test func adoptedRowsAreWhatTheViewsDrawWithoutDerivingAgain() {
        let snapshot = Fixtures.snapshot(version: 9)
        let derived = ScreenRows.derive(snapshot, needs: ScreenRows.Needs(table: (InterfaceSort(), nil)))
        let rows = ScreenRows()
        rows.adopt(derived)
        #expect(
            rows.interfaces(snapshot, sort: InterfaceSort(), filter: nil).map(\.id) == derived.table?.rows.map(\.id))
        // What was adopted belongs to version 9: version 10 derives its own.
        let next = Fixtures.snapshot(interfaces: Array(Fixtures.interfaces.prefix(1)), version: 10)
        #expect(rows.interfaces(next, sort: InterfaceSort(), filter: nil).map(\.id) == ["orders"])
    }

    @Test func theAlertQueuesRowsAreDerivedOncePerVersionAndGrouping() {
        var snapshot = AlertConsoleTests.snapshot()
        snapshot.version = 11
        let derived = ScreenRows.derive(snapshot, needs: ScreenRows.Needs(alerts: .some("severity")))
        #expect(derived.alerts?.rows == AlertsView.rows(snapshot, groupBy: "severity"))
        #expect(derived.alerts?.rows.count == 5)  // two headings, three alerts
        let rows = ScreenRows(derived)
        // Another grouping derives again; not grouped is a flat list.
        #expect(rows.alerts(snapshot, groupBy: nil).map(\.id) == ["a1", "a2", "a3"])
        // The next version with an empty queue is not served the older rows.
        var next = snapshot
        next.version = 12
        next.alerts = .empty
        #expect(rows.alerts(next, groupBy: nil).isEmpty)
    }
}
