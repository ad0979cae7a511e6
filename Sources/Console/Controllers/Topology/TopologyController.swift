import Foundation
import SwitchboardCore

/// View 2: the systems and their dependencies, a selected system and its blast radius, or a
/// highlighted flow's path.
final class TopologyController: ViewController {
    func shows(_ route: Route) -> Bool { route == .topology }

    func render(_ context: ScreenContext, rows: ScreenRows, into canvas: inout Canvas, y: Int, height: Int) {
        let flow = context.console.topologyFlow.flatMap { id in
            TopologyFlow.all(in: context.snapshot).first { $0.id == id }
        }
        TopologyView.render(
            into: &canvas,
            scene: rows.topologyScene(
                context.snapshot, y: y, width: canvas.width, height: height, glyphs: context.glyphs),
            selected: context.console.topologySelection, flow: flow)
    }

    func needs(_ state: ConsoleState, size: TerminalSize, glyphs: Glyphs) -> ScreenRows.Needs {
        let layout = ConsoleScreen.layout(size: size)
        return ScreenRows.Needs(topology: (layout.viewY, size.columns, layout.viewHeight, glyphs))
    }

    func reconcile(_ session: ConsoleSession, size: TerminalSize) {
        let order = TopologyView.order(session.rows.topology(session.shown).layout)
        if session.state.topologySelection.map({ !order.contains($0) }) ?? true {
            session.state.topologySelection = order.first
        }
        if let flow = session.state.topologyFlow,
            !TopologyFlow.all(in: session.shown).contains(where: { $0.id == flow })
        {
            session.state.topologyFlow = nil
        }
    }

    func perform(_ action: Action, _ session: ConsoleSession, size: TerminalSize) -> Bool {
        let system = session.state.topologySelection
        switch action {
        case .open:
            // Enter: the system's interfaces, as the filter that names exactly it.
            guard let system else { return true }
            session.state.interfaceFilter = try? InterfaceFilter(
                "^\(NSRegularExpression.escapedPattern(for: system))$")
            session.state.navigation.open(.interfaces)
        case .checkNow:
            guard let system else {
                session.check(nil)
                return true
            }
            session.send(.checkNow(target: system), saying: "checking \(system)\(session.glyphs.ellipsis)")
        case .nextFlow:
            let flows = TopologyFlow.all(in: session.shown)
            guard !flows.isEmpty else {
                session.show("no flow checks in this landscape", role: .flash, seconds: 3)
                return true
            }
            session.state.topologyFlow = TopologyFlow.next(after: session.state.topologyFlow, in: flows)
        case .back where session.state.topologyFlow != nil:
            // Esc clears the highlighted flow before it goes back.
            session.state.topologyFlow = nil
        case _ where action.isMovement:
            session.state.topologySelection = TopologyNavigation.move(
                from: system, action, layout: session.rows.topology(session.shown).layout)
        default: return false
        }
        return true
    }
}
