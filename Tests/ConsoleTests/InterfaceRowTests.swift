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
                "✖ DOWN", "Customer sync", "CRM → 财务系统 (ERP)", "soap", "1500ms", "12s ago",
                "HTTP 503 ^[[31mService Unavailable",
            ])
        #expect(cells[0].role == .down)
        #expect(cells[6].role == .down)
    }

    @Test func neverCheckedInterfaceShowsUnknownAndNoTimes() {
        let cells = InterfaceRow.cells(
            for: Fixtures.interfaces[3], systemNames: [:], now: Fixtures.now, glyphs: .ascii)
        #expect(cells.map(\.text) == ["? UNKNOWN", "Stock levels", "wms -> shop", "kafka", "-", "never", ""])
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
