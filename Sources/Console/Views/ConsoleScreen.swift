import Foundation
import SwitchboardCore

/// Everything one frame depends on.
struct ScreenContext: Sendable {
    var snapshot: Snapshot
    var state: ViewState
    var flash: Flash?
    var now: Date
    var timeZone: TimeZone = .current
    var staleAfter: TimeInterval = 10
    var minimumSize = TerminalSize(columns: 60, rows: 12)
    var glyphs: Glyphs = .unicode
}

/// The whole screen, laid out top to bottom: header, systems, a rule, the interfaces table,
/// the flash line and the footer. A pure function of its context and size.
enum ConsoleScreen {
    static let maxSystemLines = 3

    struct Layout: Sendable, Equatable {
        var systemsY: Int
        var systemsLines: Int
        var ruleY: Int
        var tableY: Int
        /// Rows of the table, its header included.
        var tableHeight: Int
        var flashY: Int
        var footerY: Int

        /// How many interfaces fit at once.
        var visibleRows: Int { max(0, tableHeight - 1) }
    }

    static func layout(size: TerminalSize, snapshot: Snapshot, glyphs: Glyphs) -> Layout {
        let items = SystemsStrip.items(snapshot.systems, glyphs: glyphs)
        let systemsLines = SystemsStrip.lines(items, width: size.columns, maxLines: maxSystemLines).count
        let tableY = 1 + systemsLines + 1
        let footerY = size.rows - 1
        let flashY = size.rows - 2
        return Layout(
            systemsY: 1, systemsLines: systemsLines, ruleY: 1 + systemsLines, tableY: tableY,
            tableHeight: max(0, flashY - tableY), flashY: flashY, footerY: footerY)
    }

    static func isTooSmall(_ size: TerminalSize, minimum: TerminalSize) -> Bool {
        size.columns < minimum.columns || size.rows < minimum.rows
    }

    static func render(_ context: ScreenContext, size: TerminalSize) -> Canvas {
        var canvas = Canvas(width: size.columns, height: size.rows)
        let glyphs = context.glyphs
        if isTooSmall(size, minimum: context.minimumSize) {
            TooSmallNotice.render(into: &canvas, have: size, need: context.minimumSize, glyphs: glyphs)
            return canvas
        }
        let snapshot = context.snapshot
        let layout = layout(size: size, snapshot: snapshot, glyphs: glyphs)
        HeaderView.render(
            into: &canvas, y: 0, snapshot: snapshot, now: context.now, staleAfter: context.staleAfter,
            timeZone: context.timeZone, glyphs: glyphs)
        SystemsStrip.render(
            into: &canvas, y: layout.systemsY, systems: snapshot.systems, maxLines: maxSystemLines, glyphs: glyphs)
        canvas.fill(x: 0, y: layout.ruleY, count: size.columns, role: .border, with: glyphs.rule)
        InterfacesView.render(
            into: &canvas, y: layout.tableY, height: layout.tableHeight, snapshot: snapshot,
            rows: InterfaceRow.ordered(snapshot.interfaces), state: context.state, now: context.now, glyphs: glyphs)
        Flash.render(context.flash, into: &canvas, y: layout.flashY, glyphs: glyphs)
        FooterView.render(into: &canvas, y: layout.footerY)
        return canvas
    }
}
