import SwitchboardCore

/// View 2: systems as boxes in layers (upstream left, downstream right) and interfaces as lines
/// between them, coloured by state and marked with the state's glyph when not OK. The selected
/// system's blast radius (it and everything downstream) is drawn in heavy lines, so it reads
/// without colour. When the graph does not fit, an indented dependency tree takes its place.
enum TopologyView {
    /// Rows from one box's top to the next: a blank row between boxes, or none when space is short.
    static let pitches = [4, 3]
    static let minBoxWidth = 10
    static let maxBoxWidth = 22
    /// Rows under the graph for the selected system's details.
    static let panelHeight = 5

    /// Where the graph goes: box width and the left edge of every layer's column.
    struct Geometry: Sendable, Equatable {
        var boxWidth: Int
        var columnX: [Int]
        var top: Int
        var widest: Int
        var counts: [Int]
        var pitch: Int

        func middle(layer: Int, index: Int) -> Int {
            top + (widest - counts[layer]) * pitch / 2 + index * pitch + 1
        }
    }

    /// Systems in reading order, layer by layer: the order the selection moves through.
    static func order(_ layout: TopologyLayout) -> [String] {
        layout.layers.flatMap { $0.compactMap { if case .system(let id) = $0 { id } else { nil } } }
    }

    static func geometry(
        _ layout: TopologyLayout, names: [String: String], width: Int, height: Int, top: Int
    ) -> Geometry? {
        let counts = layout.layers.map(\.count)
        let widest = layout.widestLayer
        guard let pitch = pitches.first(where: { widest * $0 - ($0 - 3) <= height }) else { return nil }
        var geometry = Geometry(boxWidth: 0, columnX: [], top: top, widest: widest, counts: counts, pitch: pitch)
        var channels = Array(repeating: 0, count: max(0, counts.count - 1))
        for hop in layout.hops
        where geometry.middle(layer: hop.layer, index: hop.fromIndex)
            != geometry.middle(layer: hop.layer + 1, index: hop.toIndex)
        {
            channels[hop.layer] += 1
        }
        let gaps = channels.map { max(6, $0 + 5) }
        let longest = names.values.map(DisplayWidth.of).max() ?? 0
        let natural = min(maxBoxWidth, max(minBoxWidth, longest + 5))
        guard
            let boxWidth = stride(from: natural, through: minBoxWidth, by: -1).first(where: {
                counts.count * $0 + gaps.reduce(0, +) <= width - 2
            })
        else { return nil }
        geometry.boxWidth = boxWidth
        var x = 1
        for layer in counts.indices {
            geometry.columnX.append(x)
            x += boxWidth + (layer < gaps.count ? gaps[layer] : 0)
        }
        return geometry
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
        let geometry: Geometry?
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
            geometry =
                graph.systems.isEmpty || height <= 0
                ? nil
                : TopologyView.geometry(layout, names: names, width: width, height: height - panel - 1, top: y + 1)
            hops =
                geometry == nil
                ? []
                : layout.hops.sorted { ($0.layer, $0.fromIndex, $0.toIndex) < ($1.layer, $1.fromIndex, $1.toIndex) }
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
        selected: String?, glyphs: Glyphs
    ) {
        let scene = Scene(graph: graph, layout: layout, y: y, width: canvas.width, height: height, glyphs: glyphs)
        render(into: &canvas, scene: scene, selected: selected)
    }

    /// Draws a scene laid out for this canvas's width, with `selected`'s blast radius.
    static func render(into canvas: inout Canvas, scene: Scene, selected: String?) {
        let (y, height, graph, glyphs) = (scene.y, scene.height, scene.graph, scene.glyphs)
        guard height > 0 else { return }
        guard !graph.systems.isEmpty else {
            canvas.put("no systems in this landscape", x: 1, y: y + min(1, height - 1), role: .muted)
            return
        }
        let panel = panelRows(height)
        let radius = selected.map { graph.downstream(of: $0).union([$0]) } ?? []
        if let geometry = scene.geometry {
            drawEdges(into: &canvas, scene: scene, geometry: geometry, radius: radius, selected: selected)
            drawBoxes(into: &canvas, scene: scene, geometry: geometry, selected: selected, radius: radius)
        } else {
            DependencyTree.render(
                into: &canvas, y: y, height: height - panel, lines: scene.tree, systems: scene.systems,
                selected: selected, radius: radius, glyphs: glyphs)
        }
        if panel > 0, let selected {
            SystemPanel.render(
                into: &canvas, y: y + height - panel, height: panel, graph: graph, system: selected,
                names: scene.names, glyphs: glyphs)
        }
    }

    private static func drawEdges(
        into canvas: inout Canvas, scene: Scene, geometry: Geometry, radius: Set<String>, selected: String?
    ) {
        let (graph, layout, glyphs) = (scene.graph, scene.layout, scene.glyphs)
        var lines = LineCanvas()
        var channelOfGap = Array(repeating: 0, count: layout.layers.count)
        for hop in scene.hops {
            let edge = graph.edges[hop.edge]
            let heavy = radius.contains(edge.from) && radius.contains(edge.to) && edge.to != selected
            let role = edge.interfaces.isEmpty ? StyleRole.muted : StyleRole(edge.state)
            let rank = edge.state.severity
            let fromSlot = layout.layers[hop.layer][hop.fromIndex]
            let toSlot = layout.layers[hop.layer + 1][hop.toIndex]
            let columnX = geometry.columnX[hop.layer]
            let startX = columnX + geometry.boxWidth
            if !fromSlot.isSystem {  // a passage: the line crosses this column
                lines.horizontal(
                    y: geometry.middle(layer: hop.layer, index: hop.fromIndex), from: columnX - 1, to: startX,
                    role: role, rank: rank, heavy: heavy)
            }
            let endX = geometry.columnX[hop.layer + 1] - 1
            let y1 = geometry.middle(layer: hop.layer, index: hop.fromIndex)
            let y2 = geometry.middle(layer: hop.layer + 1, index: hop.toIndex)
            if y1 == y2 {
                lines.horizontal(y: y1, from: startX, to: endX, role: role, rank: rank, heavy: heavy)
            } else {
                let channelX = startX + 2 + channelOfGap[hop.layer]
                channelOfGap[hop.layer] += 1
                lines.horizontal(y: y1, from: startX, to: channelX, role: role, rank: rank, heavy: heavy)
                lines.vertical(x: channelX, from: y1, to: y2, role: role, rank: rank, heavy: heavy)
                lines.horizontal(y: y2, from: channelX, to: endX, role: role, rank: rank, heavy: heavy)
            }
            if hop.reversed {
                if hop.isFirst { lines.arrow(x: startX, y: y1, role: role, rank: rank, pointingLeft: true) }
            } else if toSlot.isSystem {
                lines.arrow(x: endX, y: y2, role: role, rank: rank)
            }
        }
        lines.draw(into: &canvas, glyphs: glyphs)
        for hop in scene.hops where layout.layers[hop.layer + 1][hop.toIndex].isSystem && !hop.reversed {
            let edge = graph.edges[hop.edge]
            guard edge.state != .ok, !edge.interfaces.isEmpty else { continue }
            let y2 = geometry.middle(layer: hop.layer + 1, index: hop.toIndex)
            canvas.put(
                glyphs.glyph(for: edge.state), x: geometry.columnX[hop.layer + 1] - 3, y: y2,
                role: StyleRole(edge.state))
        }
    }

    private static func drawBoxes(
        into canvas: inout Canvas, scene: Scene, geometry: Geometry, selected: String?, radius: Set<String>
    ) {
        let (systems, names, glyphs) = (scene.systems, scene.names, scene.glyphs)
        for (layer, slots) in scene.layout.layers.enumerated() {
            for (index, slot) in slots.enumerated() {
                guard case .system(let id) = slot, let system = systems[id] else { continue }
                let middle = geometry.middle(layer: layer, index: index)
                SystemBox.draw(
                    into: &canvas, x: geometry.columnX[layer], y: middle - 1, width: geometry.boxWidth,
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
