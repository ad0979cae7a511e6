import Foundation
import SwitchboardCore

/// View 3: every interface in the user's sort and filter.
final class InterfacesController: ViewController {
    func shows(_ route: Route) -> Bool { route == .interfaces }

    func render(_ context: ScreenContext, rows: ScreenRows, into canvas: inout Canvas, y: Int, height: Int) {
        let console = context.console
        InterfacesScreen.render(
            into: &canvas, y: y, height: height, snapshot: context.snapshot, console: console,
            rows: rows.interfaces(context.snapshot, sort: console.interfaceSort, filter: console.interfaceFilter),
            now: context.now, glyphs: context.glyphs)
    }

    func needs(_ state: ConsoleState, size: TerminalSize, glyphs: Glyphs) -> ScreenRows.Needs {
        ScreenRows.Needs(table: (state.interfaceSort, state.interfaceFilter))
    }

    func reconcile(_ session: ConsoleSession, size: TerminalSize) {
        session.state.interfaces.reconcile(rows: Self.rows(session), visibleRows: Self.visibleRows(session, size))
    }

    func perform(_ action: Action, _ session: ConsoleSession, size: TerminalSize) -> Bool {
        switch action {
        case .open: session.openDetail(of: selected(session))
        case .checkNow: session.check(selected(session))
        case .nextSort:
            session.state.interfaceSort.next()
            session.show("sorted by \(session.state.interfaceSort.key.rawValue)", role: .flash, seconds: 3)
        case .reverseSort:
            session.state.interfaceSort.reversed.toggle()
            session.show(
                "sorted by \(session.state.interfaceSort.key.rawValue), reversed", role: .flash, seconds: 3)
        case _ where action.isMovement:
            session.state.interfaces.apply(
                action, rows: Self.rows(session), visibleRows: Self.visibleRows(session, size))
        default: return false
        }
        return true
    }

    private func selected(_ session: ConsoleSession) -> InterfaceStatus? {
        let rows = Self.rows(session)
        return session.state.interfaces.selected.flatMap { rows.indices.contains($0) ? rows[$0] : nil }
    }

    private static func rows(_ session: ConsoleSession) -> [InterfaceStatus] {
        session.rows.interfaces(session.shown, sort: session.state.interfaceSort, filter: session.state.interfaceFilter)
    }

    private static func visibleRows(_ session: ConsoleSession, _ size: TerminalSize) -> Int {
        ConsoleScreen.interfaceRows(size: size, snapshot: session.shown, glyphs: session.glyphs)
    }
}
