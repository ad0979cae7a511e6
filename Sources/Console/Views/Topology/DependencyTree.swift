import SwitchboardCore

/// The topology as an indented tree, for terminals too narrow for the graph: each source system,
/// then what it feeds (by name), one level deeper per hop. A system met again is named, not expanded.
enum DependencyTree {
    struct Line: Sendable, Equatable {
        var prefix: String
        var system: String
        /// The interfaces of the edge that led here, by name.
        var via: String
        var repeated: Bool
    }

    static func lines(graph: TopologyGraph, layout: TopologyLayout, glyphs: Glyphs) -> [Line] {
        let sources =
            layout.layers.first?.compactMap { slot -> String? in
                if case .system(let id) = slot { id } else { nil }
            } ?? []
        // Children by name (then id), so the tree reads the same on every run and every state.
        let byName = graph.systems.map { (NaturalSortKey($0.name), $0.id) }.sorted { $0 < $1 }
        let rank = Dictionary(byName.enumerated().map { ($1.1, $0) }, uniquingKeysWith: { a, _ in a })
        var lines: [Line] = []
        var expanded: Set<String> = []
        let unicode = glyphs == .unicode
        func walk(_ id: String, prefix: String, childPrefix: String, via: String) {
            let repeated = expanded.contains(id)
            lines.append(Line(prefix: prefix, system: id, via: via, repeated: repeated))
            guard !repeated else { return }
            expanded.insert(id)
            let children = graph.edgesOut(of: id).sorted { rank[$0.to, default: 0] < rank[$1.to, default: 0] }
            for (index, edge) in children.enumerated() {
                let last = index == children.count - 1
                let branch = unicode ? (last ? "└─" : "├─") : (last ? "`-" : "|-")
                let names = edge.interfaces.map { TerminalText.clean($0.name) }.sorted().joined(separator: ", ")
                walk(
                    edge.to, prefix: childPrefix + branch + glyphs.arrowHead + " ",
                    childPrefix: childPrefix + (last ? "    " : (unicode ? "│   " : "|   ")),
                    via: names.isEmpty ? "depends on" : names)
            }
        }
        for source in sources { walk(source, prefix: "", childPrefix: "", via: "") }
        for system in graph.systems where !expanded.contains(system.id) {
            walk(system.id, prefix: "", childPrefix: "", via: "")
        }
        return lines
    }

    /// Draws `lines` (`lines(graph:layout:glyphs:)`), scrolled to keep the selected system in view;
    /// the branches into `radius` in `radiusRole`.
    static func render(
        into canvas: inout Canvas, y: Int, height: Int, lines all: [Line], systems: [String: SystemStatus],
        selected: String?, radius: Set<String>, radiusRole: StyleRole = .accent, glyphs: Glyphs
    ) {
        let selectedLine = all.firstIndex { $0.system == selected && !$0.repeated } ?? 0
        let offset = Table.scrollOffset(selected: selectedLine, offset: 0, visibleRows: height, rowCount: all.count)
        for (row, line) in all.dropFirst(offset).prefix(height).enumerated() {
            guard let system = systems[line.system] else { continue }
            var x =
                1 + canvas.put(line.prefix, x: 1, y: y + row, role: radius.contains(line.system) ? radiusRole : .border)
            x += canvas.put(glyphs.glyph(for: system.state) + " ", x: x, y: y + row, role: StyleRole(system.state))
            let isSelected = line.system == selected && !line.repeated
            x += canvas.put(TerminalText.clean(system.name), x: x, y: y + row, role: isSelected ? .selection : .normal)
            let note = line.repeated ? " (shown above)" : line.via.isEmpty ? "" : "  via \(line.via)"
            canvas.put(note, x: x, y: y + row, role: .muted)
        }
    }
}
