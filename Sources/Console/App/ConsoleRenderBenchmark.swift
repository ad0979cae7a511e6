import Foundation
import SwitchboardCore

/// Full frames of every view rendered into memory as the UI loop renders them, for `switchboard-bench console`.
package struct ConsoleRenderBenchmark {
    /// The views `render(view:frame:)` draws, by index.
    package static let views = [
        "overview", "topology", "interfaces", "interface detail", "alerts", "alert detail", "jobs",
    ]

    private let snapshot: Snapshot
    private let size: TerminalSize
    private let now: Date
    private let rows = ScreenRows()

    package init(snapshot: Snapshot, columns: Int, rows: Int, now: Date) {
        self.snapshot = snapshot
        size = TerminalSize(columns: columns, rows: rows)
        self.now = now
    }

    /// Derives everything the views can need from the whole snapshot (the table order, the
    /// overview's rows, the topology laid out for the screen); the UI loop derives only what the view
    /// on screen asks for, once per new snapshot.
    package func prepare() {
        _ = rows.interfaces(snapshot, sort: InterfaceSort(), filter: nil)
        _ = rows.overview(snapshot)
        let layout = ConsoleScreen.layout(size: size)
        _ = rows.topologyScene(
            snapshot, y: layout.viewY, width: size.columns, height: layout.viewHeight, glyphs: .unicode)
    }

    /// Derives what the view needs from the snapshot as the UI loop's background task does for a
    /// new snapshot, and swaps it in; the next `render(view:frame:)` is then the first frame the UI
    /// thread draws of that snapshot.
    package func deriveInBackground(view: Int) {
        let console = console(view: view, frame: 0)
        let needs = ViewControllers().controller(for: console.route).needs(console, size: size, glyphs: .unicode)
        rows.adopt(ScreenRows.derive(snapshot, needs: needs))
    }

    /// Renders one full frame of a view, scrolled to a place that depends on `frame`; returns the
    /// non-blank cells of the selected row, so that the work cannot be left out. The first frame of
    /// a fresh benchmark also derives what the view needs, as the first frame after a new snapshot
    /// did before it was derived in the background.
    package func render(view: Int, frame: Int) -> Int {
        let console = console(view: view, frame: frame)
        let context = ScreenContext(snapshot: snapshot, console: console, flash: nil, now: now)
        let canvas = ConsoleScreen.render(context, size: size, rows: rows)
        let line = min(size.rows - 1, 6 + (console.interfaces.selected ?? 0) % max(1, pageRows))
        return (0..<size.columns).count { canvas[$0, line] != .blank }
    }

    private var pageRows: Int { size.rows - 8 }

    /// The view on screen, its selection walking the rows a page at a time as `frame` grows.
    private func console(view: Int, frame: Int) -> ConsoleState {
        let alerts = snapshot.alerts.entries
        var console = ConsoleState(start: .overview)
        console.interfaces = Self.selecting(frame, of: snapshot.interfaces.count, pageRows: pageRows)
        console.alerts = Self.selecting(frame, of: alerts.count, pageRows: pageRows)
        console.jobs = Self.selecting(frame, of: snapshot.jobs.count, pageRows: pageRows)
        console.topologySelection = snapshot.systems.isEmpty ? nil : snapshot.systems[frame % snapshot.systems.count].id
        let selected = console.interfaces.selected ?? 0
        switch Self.views[view] {
        case "topology": console.navigation.show(.topology)
        case "interfaces": console.navigation.show(.interfaces)
        case "interface detail":
            console.navigation.show(.interfaces)
            if !snapshot.interfaces.isEmpty { console.navigation.open(.interface(snapshot.interfaces[selected].id)) }
        case "alerts": console.navigation.show(.alerts)
        case "alert detail":
            console.navigation.show(.alerts)
            if !alerts.isEmpty { console.navigation.open(.alert(alerts[console.alerts.selected ?? 0].id)) }
        case "jobs": console.navigation.show(.jobs)
        default: break
        }
        return console
    }

    /// A selection that walks the rows, a page at a time, as `frame` grows.
    private static func selecting(_ frame: Int, of count: Int, pageRows: Int) -> ViewState {
        guard count > 0 else { return ViewState() }
        let index = frame * 37 % count
        let offset = max(0, min(index, count - pageRows))
        return ViewState(selectedID: nil, selected: index, offset: offset)
    }
}
