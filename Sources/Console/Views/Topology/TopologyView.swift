import SwitchboardCore

/// View 2: systems as boxes in layers (upstream left, downstream right) and interfaces as lines
/// between them, coloured by state and marked with the state's glyph when not OK. The selected
/// system's blast radius (it and everything downstream) is drawn in heavy lines, so it reads
/// without colour. When the graph does not fit, an indented dependency tree takes its place.
enum TopologyView {
    /// Rows from one box's top to the next: a blank row between boxes, or none when space is short.
    static let pitches = [4, 3]
    static let minBoxWidth = 10
    static let maxBoxWidth = 40
    /// Columns a gap between layers grows by at most when the graph is spread over a wide screen.
    static let maxGapSpread = 24
    /// Rows under the graph for the selected system's details.
    static let panelHeight = 5
    /// Added to a highlighted flow's edges' rank, so that its lines win every cell they share.
    static let flowRank = 100

    /// Systems in reading order, layer by layer: the order the selection moves through.
    static func order(_ layout: TopologyLayout) -> [String] {
        layout.layers.flatMap { $0.compactMap { if case .system(let id) = $0 { id } else { nil } } }
    }

    /// What a topology frame draws that depends on the snapshot and the place on screen but not
    /// on the selection: the graph's geometry and its hops in drawing order, or the fallback tree's
    /// lines. Worked out once per snapshot version and size (`ScreenRows`), so a frame only draws.
    struct Scene: Sendable {
        let graph: TopologyGraph
        let layout: TopologyLayout
        let y: Int
        let width: Int
        let height: Int
        let glyphs: Glyphs
        let names: [String: String]
        let systems: [String: SystemStatus]
        /// Where the graph goes; nil when it does not fit and the tree takes its place.
        let geometry: TopologyGeometry?
        /// The hops left to right, top to bottom: the order their lines take the channels in.
        let hops: [TopologyLayout.Hop]
        /// The dependency tree, when it is drawn instead of the graph.
        let tree: [DependencyTree.Line]

        init(graph: TopologyGraph, layout: TopologyLayout, y: Int, width: Int, height: Int, glyphs: Glyphs) {
            (self.graph, self.layout, self.y, self.width, self.height, self.glyphs) =
                (graph, layout, y, width, height, glyphs)
            names = Dictionary(
                graph.systems.map { ($0.id, TerminalText.clean($0.name)) }, uniquingKeysWith: { a, _ in a })
            systems = Dictionary(graph.systems.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let panel = TopologyView.panelRows(height)
            let graphHeight = height - panel - 1
            let fits =
                !graph.systems.isEmpty && height > 0 && TopologyGeometry.pitch(layout, height: graphHeight) != nil
            let hops =
                fits
                ? layout.hops.sorted {
                    ($0.layer, $0.fromIndex, $0.toIndex, $0.edge) < ($1.layer, $1.fromIndex, $1.toIndex, $1.edge)
                } : []
            // The gaps where a reversed arrowhead counts more than one interface (`◀✖2`).
            var reversedArrivals: [Int: [Int: Int]] = [:]
            for hop in hops where hop.reversed && hop.isFirst {
                reversedArrivals[hop.layer, default: [:]][hop.fromIndex, default: 0] +=
                    graph.edges[hop.edge].interfaces.count
            }
            let counted = Set(reversedArrivals.filter { $0.value.values.contains { $0 > 1 } }.keys)
            geometry =
                fits
                ? TopologyGeometry(
                    layout, hops: hops, names: names, width: width, height: graphHeight, top: y + 1, counted: counted)
                : nil
            self.hops = geometry == nil ? [] : hops
            tree =
                geometry == nil && !graph.systems.isEmpty && height > 0
                ? DependencyTree.lines(graph: graph, layout: layout, glyphs: glyphs) : []
        }

        /// Whether this scene was laid out for that place on screen.
        func fits(y: Int, width: Int, height: Int, glyphs: Glyphs) -> Bool {
            (self.y, self.width, self.height, self.glyphs) == (y, width, height, glyphs)
        }
    }

    /// Rows under the graph for the selected system's details, in a view `height` rows high.
    static func panelRows(_ height: Int) -> Int { min(panelHeight, max(0, height - 4)) }

    static func render(
        into canvas: inout Canvas, y: Int, height: Int, graph: TopologyGraph, layout: TopologyLayout,
        selected: String?, flow: TopologyFlow? = nil, glyphs: Glyphs
    ) {
        let scene = Scene(graph: graph, layout: layout, y: y, width: canvas.width, height: height, glyphs: glyphs)
        render(into: &canvas, scene: scene, selected: selected, flow: flow)
    }

    /// Draws a scene laid out for this canvas's width, with `selected`'s blast radius, or with
    /// `flow`'s path emphasized (heavy, in its state's style) and the other lines muted, under a
    /// caption that names the flow, its path and its state.
    static func render(into canvas: inout Canvas, scene: Scene, selected: String?, flow: TopologyFlow? = nil) {
        let (y, height, graph, glyphs) = (scene.y, scene.height, scene.graph, scene.glyphs)
        guard height > 0 else { return }
        guard !graph.systems.isEmpty else {
            canvas.put("no systems in this landscape", x: 1, y: y + min(1, height - 1), role: .muted)
            return
        }
        let panel = panelRows(height)
        let radius = flow.map { Set($0.systems) } ?? selected.map { graph.downstream(of: $0).union([$0]) } ?? []
        if let geometry = scene.geometry {
            drawEdges(
                into: &canvas, scene: scene, geometry: geometry, radius: radius, selected: selected,
                flow: flow.map { ($0.edges(in: graph), $0.role) })
            drawBoxes(into: &canvas, scene: scene, geometry: geometry, selected: selected, radius: radius)
        } else {
            // The caption takes the tree's first row; the graph leaves that row free.
            let top = flow == nil ? 0 : 1
            DependencyTree.render(
                into: &canvas, y: y + top, height: height - panel - top, lines: scene.tree, systems: scene.systems,
                selected: selected, radius: radius, radiusRole: flow?.role ?? .accent, glyphs: glyphs)
        }
        flow?.renderCaption(into: &canvas, y: y, glyphs: glyphs)
        if panel > 0, let selected {
            SystemPanel.render(
                into: &canvas, y: y + height - panel, height: panel, graph: graph, system: selected,
                names: scene.names, glyphs: glyphs)
        }
    }

    /// With `flow`, its edges are drawn heavy in its role above every other line, and the rest muted.
    private static func drawEdges(
        into canvas: inout Canvas, scene: Scene, geometry: TopologyGeometry, radius: Set<String>, selected: String?,
        flow: (edges: Set<Int>, role: StyleRole)?
    ) {
        let (graph, layout, glyphs) = (scene.graph, scene.layout, scene.glyphs)
        var lines = LineCanvas()
        // The interfaces that end at each arrowhead, counted beside it when more than one.
        var arriving: [LineCanvas.Point: (count: Int, reversed: Bool, role: StyleRole, rank: Int)] = [:]
        for (hop, channel) in zip(scene.hops, geometry.channels) {
            let edge = graph.edges[hop.edge]
            var heavy = radius.contains(edge.from) && radius.contains(edge.to) && edge.to != selected
            var role = edge.interfaces.isEmpty ? StyleRole.muted : StyleRole(edge.state)
            var rank = edge.state.severity
            if let flow {
                let onPath = flow.edges.contains(hop.edge)
                (heavy, role) = (onPath, onPath ? flow.role : .muted)
                if onPath { rank += Self.flowRank }
            }
            let fromSlot = layout.layers[hop.layer][hop.fromIndex]
            let toSlot = layout.layers[hop.layer + 1][hop.toIndex]
            let startX = geometry.right(of: hop.layer)
            let y1 = geometry.middle(layer: hop.layer, index: hop.fromIndex)
            if !fromSlot.isSystem {  // a passage: the line crosses this column
                lines.horizontal(
                    y: y1, from: geometry.columnX[hop.layer] - 1, to: startX, role: role, rank: rank, heavy: heavy)
            }
            let endX = geometry.columnX[hop.layer + 1] - 1
            let y2 = geometry.middle(layer: hop.layer + 1, index: hop.toIndex)
            if let channel {
                let channelX = geometry.channelX[hop.layer] + channel
                lines.horizontal(y: y1, from: startX, to: channelX, role: role, rank: rank, heavy: heavy)
                lines.vertical(x: channelX, from: y1, to: y2, role: role, rank: rank, heavy: heavy)
                lines.horizontal(y: y2, from: channelX, to: endX, role: role, rank: rank, heavy: heavy)
            } else {
                lines.horizontal(y: y1, from: startX, to: endX, role: role, rank: rank, heavy: heavy)
            }
            // The arrowhead into the system the edge leads to, and beside it the state's glyph
            // (the worst of the edges that end there), so the graph reads without colour.
            let marked = edge.state != .ok && !edge.interfaces.isEmpty
            let head: LineCanvas.Point
            if hop.reversed {
                guard hop.isFirst else { continue }
                lines.arrow(x: startX, y: y1, role: role, rank: rank, pointingLeft: true)
                if marked { lines.label(glyphs.glyph(for: edge.state), x: startX + 1, y: y1, role: role, rank: rank) }
                head = LineCanvas.Point(x: startX, y: y1)
            } else if toSlot.isSystem {
                lines.arrow(x: endX, y: y2, role: role, rank: rank)
                if marked { lines.label(glyphs.glyph(for: edge.state), x: endX - 2, y: y2, role: role, rank: rank) }
                head = LineCanvas.Point(x: endX, y: y2)
            } else {
                continue
            }
            var count = arriving[head] ?? (0, hop.reversed, role, rank)
            count.count += edge.interfaces.count
            if rank > count.rank { (count.role, count.rank) = (role, rank) }
            arriving[head] = count
        }
        // Between the glyph and the arrowhead (`✖2▶`), or after the glyph of a reversed one (`◀✖2`)
        // unless a channel runs there: parallel interfaces read as more than one line.
        for (head, arrival) in arriving where arrival.count > 1 {
            let mark = arrival.count < 10 ? String(arrival.count) : "+"
            if arrival.reversed {
                lines.label(
                    mark, x: head.x + 2, y: head.y, role: arrival.role, rank: arrival.rank, onlyOnAStraightLine: true)
            } else {
                lines.label(mark, x: head.x - 1, y: head.y, role: arrival.role, rank: arrival.rank)
            }
        }
        lines.draw(into: &canvas, glyphs: glyphs)
    }

    private static func drawBoxes(
        into canvas: inout Canvas, scene: Scene, geometry: TopologyGeometry, selected: String?, radius: Set<String>
    ) {
        let (systems, names, glyphs) = (scene.systems, scene.names, scene.glyphs)
        for (layer, slots) in scene.layout.layers.enumerated() {
            for (index, slot) in slots.enumerated() {
                guard case .system(let id) = slot, let system = systems[id] else { continue }
                let middle = geometry.middle(layer: layer, index: index)
                SystemBox.draw(
                    into: &canvas, x: geometry.columnX[layer], y: middle - 1, width: geometry.boxWidths[layer],
                    name: names[id] ?? id, state: system.state, heavy: radius.contains(id), selected: id == selected,
                    glyphs: glyphs)
            }
        }
    }
}

extension TopologyLayout.Slot {
    var isSystem: Bool {
        if case .system = self { true } else { false }
    }
}
