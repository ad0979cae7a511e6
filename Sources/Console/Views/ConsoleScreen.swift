import Foundation
import SwitchboardCore

/// Everything one frame depends on.
struct ScreenContext: Sendable {
    var snapshot: Snapshot
    var console: ConsoleState
    var flash: Flash?
    var now: Date
    var timeZone: TimeZone = .current
    var staleAfter: TimeInterval = 10
    var minimumSize = TerminalSize(columns: 60, rows: 12)
    var glyphs: Glyphs = .unicode
    /// What the Logs view shows, when it is open.
    var log: LogsView.Content?
    /// A job's runs, when their list is open.
    var runs: JobRunsData?
    /// The open alert's timeline.
    var activity: AlertActivityData?
    /// Who sits at this console: the others on the presence board are shown as such.
    var user = ""
    /// The view's rows of this snapshot are still being derived in the background: the view's area says so.
    var viewPending = false
}

/// The whole screen, top to bottom: header, the view tabs with the breadcrumbs, the current view,
/// the flash (or the line being typed) and the footer; the help overlay on top. A pure function
/// of its context and size.
enum ConsoleScreen {
    static let maxSystemLines = 3

    /// Rows the chrome takes: header, tabs, flash, footer.
    static let chromeRows = 4

    struct Layout: Sendable, Equatable {
        var viewY: Int
        var viewHeight: Int
        var flashY: Int
        var footerY: Int
    }

    static func layout(size: TerminalSize) -> Layout {
        Layout(viewY: 2, viewHeight: max(0, size.rows - chromeRows), flashY: size.rows - 2, footerY: size.rows - 1)
    }

    /// Rows of the interfaces table that fit below the systems strip, for scrolling.
    static func interfaceRows(size: TerminalSize, snapshot: Snapshot, glyphs: Glyphs) -> Int {
        let view = layout(size: size)
        return max(0, view.viewHeight - InterfacesScreen.stripHeight(snapshot, width: size.columns, glyphs: glyphs) - 1)
    }

    static func isTooSmall(_ size: TerminalSize, minimum: TerminalSize) -> Bool {
        size.columns < minimum.columns || size.rows < minimum.rows
    }

    /// `rows` keeps what the views derive from the whole snapshot; the UI loop passes the one it
    /// keeps between frames, and its controllers, which draw the view.
    static func render(
        _ context: ScreenContext, size: TerminalSize, rows: ScreenRows = ScreenRows(),
        views: ViewControllers = ViewControllers()
    ) -> Canvas {
        var canvas = Canvas(width: size.columns, height: size.rows)
        let glyphs = context.glyphs
        if isTooSmall(size, minimum: context.minimumSize) {
            TooSmallNotice.render(into: &canvas, have: size, need: context.minimumSize, glyphs: glyphs)
            return canvas
        }
        let snapshot = context.snapshot
        let layout = layout(size: size)
        HeaderView.render(
            into: &canvas, y: 0, snapshot: snapshot, now: context.now, staleAfter: context.staleAfter,
            timeZone: context.timeZone, paused: context.console.paused, tally: rows.tally(snapshot), glyphs: glyphs)
        TabBar.render(into: &canvas, y: 1, navigation: context.console.navigation, glyphs: glyphs)
        if context.viewPending {
            PendingView.render(
                into: &canvas, y: layout.viewY, height: layout.viewHeight, interfaces: snapshot.interfaces.count)
        } else {
            views.controller(for: context.console.route).render(
                context, rows: rows, into: &canvas, y: layout.viewY, height: layout.viewHeight)
        }
        if let input = context.console.input {
            InputLineView.render(input, into: &canvas, y: layout.flashY, glyphs: glyphs)
        } else {
            Flash.render(context.flash, into: &canvas, y: layout.flashY, glyphs: glyphs)
        }
        FooterView.render(into: &canvas, y: layout.footerY, keys: KeyMap.footer(for: context.console.route))
        if let top = context.console.helpTop {
            HelpOverlay.render(into: &canvas, route: context.console.route, top: top, glyphs: glyphs)
        }
        return canvas
    }
}

/// View 3: the systems strip, a rule, and the interfaces table (filtered when a filter is set).
enum InterfacesScreen {
    static func stripHeight(_ snapshot: Snapshot, width: Int, glyphs: Glyphs) -> Int {
        let items = SystemsStrip.items(snapshot.systems, glyphs: glyphs)
        return SystemsStrip.lines(items, width: width, maxLines: ConsoleScreen.maxSystemLines).count
    }

    /// The rows the table shows, in order, with the filter applied.
    static func rows(_ snapshot: Snapshot, filter: InterfaceFilter?, sort: InterfaceSort = InterfaceSort())
        -> [InterfaceStatus]
    {
        let names = Dictionary(snapshot.systems.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let ordered = sort.apply(snapshot.interfaces, systemNames: names)
        guard let filter else { return ordered }
        return filter.apply(ordered, systemNames: names)
    }

    /// `rows` is `rows(snapshot, filter:, sort:)` for the console's filter and sort.
    static func render(
        into canvas: inout Canvas, y: Int, height: Int, snapshot: Snapshot, console: ConsoleState,
        rows: [InterfaceStatus], now: Date, glyphs: Glyphs
    ) {
        let strip = stripHeight(snapshot, width: canvas.width, glyphs: glyphs)
        SystemsStrip.render(
            into: &canvas, y: y, systems: snapshot.systems, maxLines: ConsoleScreen.maxSystemLines, glyphs: glyphs)
        canvas.fill(x: 0, y: y + strip, count: canvas.width, role: .border, with: glyphs.rule)
        if let filter = console.interfaceFilter {
            let label = " filter /\(TerminalText.clean(filter.source)) "
            canvas.put(label, x: max(0, canvas.width - DisplayWidth.of(label) - 1), y: y + strip, role: .accent)
        }
        InterfacesView.render(
            into: &canvas, y: y + strip + 1, height: height - strip - 1, snapshot: snapshot,
            rows: rows,
            state: console.interfaces, sort: console.interfaceSort, now: now, glyphs: glyphs)
    }
}
