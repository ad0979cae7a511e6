import Foundation
import SwitchboardCore

/// One interface: its checks, history and latest results.
final class InterfaceDetailController: ViewController {
    func shows(_ route: Route) -> Bool {
        if case .interface = route { true } else { false }
    }

    func render(_ context: ScreenContext, rows: ScreenRows, into canvas: inout Canvas, y: Int, height: Int) {
        guard case .interface(let id) = context.console.route else { return }
        InterfaceDetailView.render(
            into: &canvas, y: y, height: height, snapshot: context.snapshot, interfaceID: id, now: context.now,
            timeZone: context.timeZone, glyphs: context.glyphs)
    }

    func perform(_ action: Action, _ session: ConsoleSession, size: TerminalSize) -> Bool {
        guard case .interface(let id) = session.state.route else { return false }
        let interface = session.shown.interfaces.first { $0.id == id }
        switch action {
        case .checkNow:
            session.check(interface)
        case .show(.topology):
            // The topology opened from an interface with a flow highlights the flow's path.
            guard let flow = interface?.checks.first(where: { $0.kind == "flow" }) else { return false }
            session.state.topologyFlow = flow.id
            session.state.navigation.show(.topology)
        default:
            return false
        }
        return true
    }
}
