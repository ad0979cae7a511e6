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
}
