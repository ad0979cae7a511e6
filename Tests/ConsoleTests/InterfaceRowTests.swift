import Foundation
import SwitchboardCore
import Testing

@testable import Console

@Suite struct InterfaceRowTests {
    static let names = ["erp": "财务系统 (ERP)", "crm": "CRM", "shop": "Webshop"]

    @Test func downInterfaceRowShowsGlyphWordRouteLatencyAgeAndReason() {
        let cells = InterfaceRow.cells(
            for: Fixtures.interfaces[1], systemNames: Self.names, now: Fixtures.now, glyphs: .unicode)
        #expect(
            cells.map(\.text) == [
                "✖ DOWN", "Customer sync", "CRM → 财务系统 (ERP)", "soap", "82.3%", "1500ms", "▂▂███", "60.0%",
                "12s ago", "HTTP 503 ^[[31mService Unavailable",
            ])
        #expect(cells[0].role == .down)
        #expect(cells[4].role == .down, "availability under 95% is shown as down")
        #expect(cells[9].role == .down)
    }

    @Test func neverCheckedInterfaceShowsUnknownAndNoTimes() {
        let cells = InterfaceRow.cells(
            for: Fixtures.interfaces[3], systemNames: [:], now: Fixtures.now, glyphs: .ascii)
        #expect(
            cells.map(\.text) == ["? UNKNOWN", "Stock levels", "wms -> shop", "kafka", "-", "-", "", "-", "never", ""])
        #expect(cells[0].role == .unknown)
    }

    @Test(arguments: [(0.0, "0ms"), (0.0424, "42ms"), (9.9994, "9999ms"), (12.34, "12.3s"), (-1, "-")])
    func latencyIsShownInMilliseconds(seconds: Double, text: String) {
        #expect(Formatting.latency(seconds) == text)
    }

    @Test(arguments: [(0.4, "0s"), (59, "59s"), (61, "1m"), (7200, "2h"), (200_000, "2d"), (-5, "0s")])
    func agesAreShort(seconds: Double, text: String) {
        #expect(Formatting.age(seconds) == text)
    }

    @Test func clockIsHoursMinutesSeconds() {
        #expect(Formatting.clock(Fixtures.now, timeZone: Fixtures.utc) == "22:13:20")
    }
}

/// Sorting the interfaces table, sparklines and charts.
@Suite struct InterfaceSortTests {
    static let names = ["erp": "财务系统 (ERP)", "crm": "CRM", "shop": "Webshop", "wms": "WMS"]

    func order(_ sort: InterfaceSort) -> [String] {
        sort.apply(Fixtures.interfaces, systemNames: Self.names).map(\.id)
    }

    @Test func theDefaultPutsWhatNeedsAttentionFirst() {
        #expect(order(InterfaceSort()) == ["customers", "invoices", "stock", "orders"])
    }

    @Test func eachKeySortsItsColumnAndMissingValuesGoLast() {
        var sort = InterfaceSort()
        sort.next()
        #expect(sort.key == .name)
        #expect(order(sort) == ["customers", "orders", "stock", "invoices"])
        sort.key = .p95
        #expect(order(sort) == ["invoices", "customers", "orders", "stock"], "slowest first, never-run last")
        sort.reversed = true
        #expect(order(sort) == ["orders", "customers", "invoices", "stock"], "reversed, never-run still last")
        sort.key = .availability
        sort.reversed = false
        #expect(order(sort).first == "customers", "least available first")
    }

    @Test func sKeysSortOnlyTheTable() {
        #expect(KeyMap.action(for: .character("s"), on: .interfaces) == .nextSort)
        #expect(KeyMap.action(for: .character("S"), on: .interfaces) == .reverseSort)
        #expect(KeyMap.action(for: .character("s"), on: .overview) == nil)
    }

    @Test func sparklinesScaleToTheLargestValue() {
        #expect(Sparkline.text([0, 1, 2, 4], width: 8, glyphs: .unicode) == "▁▃▅█")
        #expect(Sparkline.text([1, 2, 3, 4, 5], width: 2, glyphs: .ascii) == "*#", "only the newest fit")
        #expect(Sparkline.text([], width: 8, glyphs: .unicode) == "")
    }

    @Test func areaChartsFillFromTheBottomInBrailleOrLevels() {
        let braille = AreaChart.lines([1, 1, 2, 2], width: 10, rows: 2, glyphs: .unicode)
        #expect(braille == ["⠀⣿", "⣿⣿"], "two values per cell; the larger half fills both rows")
        let ascii = AreaChart.lines([1, 2], width: 10, rows: 2, glyphs: .ascii)
        #expect(ascii.count == 2)
        #expect(ascii[0].hasPrefix(" "), "half height leaves the top row empty")
        #expect(ascii[1] == "##")
    }
}
