import Foundation
import SwitchboardCore
import Testing

@testable import Console

@Suite struct ScreenTests {
    static let size = TerminalSize(columns: 80, rows: 24)

    // The whole frame of every view is pinned in Fixtures/frames (GoldenFrameTests).

    @Test func theOverviewSaysWhichSystemsFailTheirOwnChecks() throws {
        var snapshot = Fixtures.snapshot()
        let health = CheckStatus(
            id: "crm-health", kind: "http", target: "http://crm/health", intervalSeconds: 10,
            last: Fixtures.result("crm-health", up: false, secondsAgo: 3, latency: 2, reason: "no answer within 2s"))
        snapshot.systems[1].checks = [health]  // CRM, down
        let canvas = ConsoleScreen.render(
            Fixtures.context(snapshot, route: .overview), size: TerminalSize(columns: 120, rows: 24))
        let title = try #require(canvas.text.components(separatedBy: "\n").first { $0.contains("NEEDS ATTENTION") })
        #expect(title.contains("systems by their own checks: ✖ CRM: no answer within 2s"), "\(title)")
        // Systems down only by their interfaces are not listed there.
        #expect(!title.contains("Webshop"))
    }

    @Test func everyRowOfTheFrameIsExactly80ColumnsWide() {
        let canvas = ConsoleScreen.render(Fixtures.context(), size: Self.size)
        for row in 0..<canvas.height {
            #expect(DisplayWidth.of(canvas.line(row)) == 80, "row \(row)")
        }
    }

    @Test func escapeSequenceInAReasonIsShownNotSent() {
        let text = ConsoleScreen.render(Fixtures.context(), size: Self.size).text
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B })
        #expect(text.contains("HTTP 503 ^[[31m"))
    }

    @Test func columnsStartAtTheSameDisplayColumnInEveryRowDespiteCJKNames() {
        let canvas = ConsoleScreen.render(Fixtures.context(), size: Self.size)
        // The right-aligned ERR column ends where its header ends, in every interface row.
        let header = canvas.line(4)
        let errEnd = DisplayWidth.of(header[..<header.range(of: "ERR")!.upperBound]) - 1
        for row in 5...8 {
            let cell = canvas[errEnd, row]
            #expect(!cell.isContinuation && cell.text != " ", "row \(row) has no text at column \(errEnd)")
            #expect(canvas[errEnd + 1, row].text == " ", "row \(row) runs past the ERR column")
        }
    }

    @Test func rowsAreOrderedByHowMuchAttentionTheyNeed() {
        let rows = InterfaceRow.ordered(Fixtures.interfaces).map(\.state)
        #expect(rows == [.down, .degraded, .unknown, .ok])
    }

    @Test func selectedRowIsDrawnInTheSelectionRole() {
        var state = ViewState()
        state.reconcile(rows: InterfaceRow.ordered(Fixtures.interfaces), visibleRows: 10)
        state.apply(.moveDown, rows: InterfaceRow.ordered(Fixtures.interfaces), visibleRows: 10)
        let canvas = ConsoleScreen.render(Fixtures.context(state: state), size: Self.size)
        #expect(canvas[0, 6].role == .selection)
        #expect(canvas[79, 6].role == .selection)
        #expect(canvas[0, 5].role == .down)
    }

    @Test func asciiGlyphsUnderANonUTF8Locale() {
        let canvas = ConsoleScreen.render(Fixtures.context(glyphs: .ascii), size: Self.size)
        #expect(canvas.line(0).contains(" | acme-prod | "))
        #expect(canvas.line(3) == String(repeating: "-", count: 80))
        #expect(canvas.line(4).contains(" FROM -> TO "))
        #expect(canvas.line(5).hasPrefix("x DOWN     Customer sync crm -> erp "))
        #expect(canvas.line(8).hasPrefix("+ OK "))
    }

    @Test func tooSmallTerminalShowsOnlyTheNoticeUntilResized() {
        let small = ConsoleScreen.render(Fixtures.context(), size: TerminalSize(columns: 50, rows: 10))
        let text = small.text
        #expect(text.contains("terminal too small"))
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(words == "terminal too small (need at least 60x12, have 50x10) — resize")
        #expect(!text.contains("Customer sync"))
        let resized = ConsoleScreen.render(Fixtures.context(), size: TerminalSize(columns: 60, rows: 12))
        #expect(!resized.text.contains("too small"))
        #expect(resized.text.contains("Customer sync"))
    }

    @Test func tooSmallNoticeWrapsOnAVeryNarrowTerminal() {
        let canvas = ConsoleScreen.render(Fixtures.context(), size: TerminalSize(columns: 20, rows: 8))
        let words = canvas.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(words == "terminal too small (need at least 60x12, have 20x8) — resize")
    }

    @Test func headerShowsStaleInTheDownRoleWhenDataIsOld() {
        let stale = HeaderView.dataAge(
            snapshot: Fixtures.snapshot(generatedSecondsAgo: 37), now: Fixtures.now, staleAfter: 10)
        #expect(stale == HeaderView.Segment(text: "STALE 37s", role: .down))
        let fresh = HeaderView.dataAge(
            snapshot: Fixtures.snapshot(generatedSecondsAgo: 2), now: Fixtures.now, staleAfter: 10)
        #expect(fresh == HeaderView.Segment(text: "data 2s", role: .title, priority: .dataAge))
        let canvas = ConsoleScreen.render(
            Fixtures.context(Fixtures.snapshot(generatedSecondsAgo: 125)), size: Self.size)
        #expect(canvas.line(0).contains(" STALE 2m "))
        let column = DisplayWidth.of(canvas.line(0)[..<canvas.line(0).range(of: "STALE")!.lowerBound])
        #expect(canvas[column, 0].role == .titleDown)
    }

    @Test func headerShowsCheckProgressBeforeTheFirstRoundCompletes() {
        let snapshot = Fixtures.snapshot(progress: CheckProgress(completed: 12, total: 45), interfaces: [])
        let canvas = ConsoleScreen.render(Fixtures.context(snapshot), size: Self.size)
        #expect(canvas.line(0).contains("checks 12/45"))
        #expect(!canvas.line(0).contains("up "))
        #expect(canvas.text.contains("running the first checks: 12/45"))
        #expect(!canvas.text.contains("INTERFACE"))
    }

    @Test func headerCountsInterfacesUpOnceEveryCheckHasRun() {
        let segments = HeaderView.segments(snapshot: Fixtures.snapshot(), now: Fixtures.now, staleAfter: 10)
        #expect(segments.last == HeaderView.Segment(text: "up 1/4", role: .down))
    }

    @Test func emptySnapshotIsNeverShownAsHealthy() {
        let canvas = ConsoleScreen.render(Fixtures.context(.empty(source: "in-process")), size: Self.size)
        #expect(canvas.line(0).contains("NO DATA YET"))
        #expect(canvas.text.contains("waiting for the first data from in-process"))
    }

    @Test func flashLineShowsItsMessageAboveTheFooter() {
        var context = Fixtures.context()
        context.flash = Flash(text: "checked: up\u{1B}]0;pwned\u{07}", role: .flash)
        let canvas = ConsoleScreen.render(context, size: Self.size)
        #expect(canvas.line(22).hasPrefix(" checked: up^[]0;pwned^G"))
        #expect(canvas[1, 22].role == .flash)
    }

    @Test func systemsStripWrapsToTheWidth() {
        let items = SystemsStrip.items(Fixtures.systems, glyphs: .unicode)
        let lines = SystemsStrip.lines(items, width: 31, maxLines: 3)
        let texts = lines.map { $0.map(\.text).joined() }
        #expect(texts == ["systems ✔ 财务系统 (ERP)  ✖ CRM", "        ▲ Webshop  ? WMS"])
        for text in texts { #expect(DisplayWidth.of(text) <= 31) }
        let capped = SystemsStrip.lines(items, width: 31, maxLines: 1).map { $0.map(\.text).joined() }
        #expect(capped == ["systems ✔ 财务系统 (ERP)  +3"])
    }
}
