import SwitchboardCore

/// A flow check whose path the topology can highlight: the systems its record passes (from, via…,
/// to), the edges between them, and its last result.
struct TopologyFlow: Sendable, Equatable {
    /// The flow check's id.
    var id: String
    var systems: [String]
    var last: CheckResult?

    /// Every flow of the landscape, in config order. A check from a daemon that does not send paths
    /// runs along its interface, from → to.
    static func all(in snapshot: Snapshot) -> [TopologyFlow] {
        snapshot.interfaces.flatMap { interface in
            interface.checks.filter { $0.kind == "flow" }.map {
                TopologyFlow(id: $0.id, systems: $0.path ?? [interface.from, interface.to], last: $0.last)
            }
        }
    }

    /// The flow after `current` in `flows`, none after the last, the first after none.
    static func next(after current: String?, in flows: [TopologyFlow]) -> String? {
        guard let current else { return flows.first?.id }
        guard let index = flows.firstIndex(where: { $0.id == current }) else { return flows.first?.id }
        return index + 1 < flows.count ? flows[index + 1].id : nil
    }

    /// Up, down, or unknown before its first result.
    var state: HealthState { last.map { $0.up ? .ok : .down } ?? .unknown }

    /// How its path is drawn: emphasized while it passes, in the down style while it fails.
    var role: StyleRole {
        switch state {
        case .ok: .accent
        case .unknown: .unknown
        case .degraded, .down: StyleRole(state)
        }
    }

    /// The indices of `graph`'s edges that carry the path's hops, as `FlowPath` finds them: the
    /// interfaces in the flow's direction, the other way round only where none runs its way.
    func edges(in graph: TopologyGraph) -> Set<Int> {
        let links = graph.edges.flatMap { edge in edge.interfaces.map { (id: $0.id, from: edge.from, to: edge.to) } }
        let hops = Set(FlowPath(systems: systems, links: links).hops.flatMap(\.interfaces))
        return Set(graph.edges.indices.filter { graph.edges[$0].interfaces.contains { hops.contains($0.id) } })
    }

    /// The caption's parts: `✖ flow order-to-erp  shop → erp  DOWN flow_timeout: order 4711 not in ERP after 10s`.
    func caption(glyphs: Glyphs) -> [(text: String, role: StyleRole)] {
        let path = systems.map(TerminalText.clean).joined(separator: " \(glyphs.arrow) ")
        var parts: [(String, StyleRole)] = [
            ("\(glyphs.glyph(for: state)) ", role), ("flow ", .muted), (TerminalText.clean(id), .accent),
            ("  \(path)  ", .normal),
        ]
        switch last {
        case nil: parts.append(("no result yet", .unknown))
        case let last? where last.up: parts += [("UP", .ok), ("  \(TerminalText.clean(last.reason))", .muted)]
        case let last?:
            let error = last.errorClass.map { "\($0.rawValue): " } ?? ""
            parts += [("DOWN", .down), (" \(error)\(TerminalText.clean(last.reason))", .normal)]
        }
        return parts.map { (text: $0.0, role: $0.1) }
    }

    /// Draws the caption on row `y`, cut at the canvas's edge (with an ellipsis), never wrapped.
    func renderCaption(into canvas: inout Canvas, y: Int, glyphs: Glyphs) {
        let parts = caption(glyphs: glyphs)
        var rest = Substring(
            DisplayWidth.truncate(parts.map(\.text).joined(), to: canvas.width - 2, ellipsis: glyphs.ellipsis))
        var x = 1
        for part in parts where !rest.isEmpty {
            let piece = rest.prefix(part.text.count)
            rest = rest.dropFirst(piece.count)
            x += canvas.put(String(piece), x: x, y: y, role: part.role)
        }
    }
}
