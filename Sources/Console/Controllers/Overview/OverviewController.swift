import Foundation
import SwitchboardCore

/// View 1: the interfaces that need attention, the systems and the queue at a glance.
final class OverviewController: ViewController {
    func shows(_ route: Route) -> Bool { route == .overview }

    func render(_ context: ScreenContext, rows: ScreenRows, into canvas: inout Canvas, y: Int, height: Int) {
        OverviewView.render(
            into: &canvas, y: y, height: height, snapshot: context.snapshot, rows: rows.overview(context.snapshot),
            selection: context.console.overview, now: context.now, glyphs: context.glyphs)
    }

    func needs(_ state: ConsoleState, size: TerminalSize, glyphs: Glyphs) -> ScreenRows.Needs {
        ScreenRows.Needs(overview: true)
    }

    func reconcile(_ session: ConsoleSession, size: TerminalSize) {
        session.state.overview.reconcile(
            rows: session.rows.overview(session.shown).attention, visibleRows: Self.visibleRows(session, size))
    }

    func perform(_ action: Action, _ session: ConsoleSession, size: TerminalSize) -> Bool {
        switch action {
        case .open: session.openDetail(of: selected(session))
        case .checkNow: session.check(selected(session))
        case _ where action.isMovement:
            session.state.overview.apply(
                action, rows: session.rows.overview(session.shown).attention,
                visibleRows: Self.visibleRows(session, size))
        default: return false
        }
        return true
    }

    private func selected(_ session: ConsoleSession) -> InterfaceStatus? {
        let rows = session.rows.overview(session.shown).attention
        return session.state.overview.selected.flatMap { rows.indices.contains($0) ? rows[$0] : nil }
    }

    private static func visibleRows(_ session: ConsoleSession, _ size: TerminalSize) -> Int {
        let height = ConsoleScreen.layout(size: size).viewHeight
        return OverviewView.Split(snapshot: session.shown, width: size.columns, height: height).visibleRows
    }
}
