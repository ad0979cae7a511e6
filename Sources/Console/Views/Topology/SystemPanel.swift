import SwitchboardCore

/// The lines under the topology about the selected system: its state, its blast radius, and the
/// interfaces that come in and go out.
enum SystemPanel {
    /// The panel's lines; those listing interfaces stop once they are `width` columns long.
    static func lines(
        graph: TopologyGraph, system id: String, names: [String: String], glyphs: Glyphs, width: Int = .max
    ) -> [[(text: String, role: StyleRole)]] {
        guard let system = graph.systems.first(where: { $0.id == id }) else { return [] }
        let name = names[id] ?? id
        var head: [(String, StyleRole)] = [
            ("\(glyphs.glyph(for: system.state)) \(name) ", StyleRole(system.state)),
            (system.state.rawValue, StyleRole(system.state)),
        ]
        if let owner = system.owner { head.append(("  owner \(TerminalText.clean(owner))", .muted)) }
        let downstream = graph.downstream(of: id).compactMap { names[$0] }.sorted()
        let interfaces = graph.blastEdges(of: id).edges.reduce(0) { $0 + $1.interfaces.count }
        let radius: [(String, StyleRole)] =
            downstream.isEmpty
            ? [("blast radius: nothing downstream depends on it", .muted)]
            : [
                ("blast radius: ", .muted),
                (
                    "\(Plural.count(downstream.count, "system")), \(Plural.count(interfaces, "interface")) downstream: ",
                    .accent
                ),
                (downstream.joined(separator: ", "), .normal),
            ]
        func flows(_ edges: [TopologyGraph.Edge], label: String, other: (TopologyGraph.Edge) -> String)
            -> [(String, StyleRole)]
        {
            var parts: [(String, StyleRole)] = [(label, .muted)]
            var used = DisplayWidth.of(label)
            for edge in edges.sorted(by: { $0.state > $1.state }) {  // most attention first
                for interface in edge.interfaces where used < width {
                    let flow: [(String, StyleRole)] = [
                        (glyphs.glyph(for: interface.state) + " ", StyleRole(interface.state)),
                        ("\(TerminalText.clean(interface.name)) ", .normal),
                        ("\(names[other(edge)] ?? other(edge))   ", .muted),
                    ]
                    parts += flow
                    used += flow.reduce(0) { $0 + DisplayWidth.of($1.0) }
                }
            }
            if parts.count == 1 { parts.append(("none", .muted)) }
            return parts
        }
        return [
            head, radius,
            flows(graph.edgesIn(to: id), label: "in:  ", other: { "\(glyphs.arrowBack) " + $0.from }),
            flows(graph.edgesOut(of: id), label: "out: ", other: { "\(glyphs.arrow) " + $0.to }),
        ].map { $0.map { (text: $0.0, role: $0.1) } }
    }

    static func render(
        into canvas: inout Canvas, y: Int, height: Int, graph: TopologyGraph, system: String,
        names: [String: String], glyphs: Glyphs
    ) {
        canvas.fill(x: 0, y: y, count: canvas.width, role: .border, with: glyphs.rule)
        for (row, parts) in lines(graph: graph, system: system, names: names, glyphs: glyphs, width: canvas.width)
            .prefix(height - 1).enumerated()
        {
            var x = 1
            for part in parts where x < canvas.width - 1 {
                x += canvas.put(part.text, x: x, y: y + 1 + row, role: part.role, maxWidth: canvas.width - 1 - x)
            }
        }
    }
}
