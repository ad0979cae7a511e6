/// Systems placed in layers, upstream left and downstream right (Sugiyama-style): layers by the
/// longest path from a source, long edges broken into one-layer hops through placeholder slots,
/// and the order within each layer settled by barycentre sweeps to keep crossings few.
struct TopologyLayout: Sendable, Equatable {
    /// What occupies a place in a layer: a system, or an edge passing through on its way right.
    enum Slot: Sendable, Hashable {
        case system(String)
        case passage(edge: Int, layer: Int)
    }

    /// A hop from a slot in one layer to a slot in the next. A `reversed` hop belongs to an edge
    /// that closes a cycle: it is laid out left to right like the others, and its arrowhead points
    /// back at the upstream box.
    struct Hop: Sendable, Equatable {
        var layer: Int
        var fromIndex: Int
        var toIndex: Int
        var edge: Int
        var reversed = false
        /// The first hop of its edge's chain (where a reversed edge's arrowhead goes).
        var isFirst = false
    }

    private(set) var layers: [[Slot]]
    private(set) var hops: [Hop]

    init(_ graph: TopologyGraph) {
        let ids = graph.systems.map(\.id)
        let layerOf = Self.layers(ids: ids, graph: graph)
        var layers = Array(repeating: [Slot](), count: (layerOf.values.max() ?? 0) + 1)
        for id in ids { layers[layerOf[id]!].append(.system(id)) }
        var chains: [(edge: Int, slots: [Slot], reversed: Bool)] = []
        for (index, edge) in graph.edges.enumerated() {
            let reversed = layerOf[edge.to]! < layerOf[edge.from]!
            let (left, right) = reversed ? (edge.to, edge.from) : (edge.from, edge.to)
            let (start, end) = (layerOf[left]!, layerOf[right]!)
            guard end > start else { continue }  // both ends in one layer: nothing to draw between columns
            var chain: [Slot] = [.system(left)]
            for layer in (start + 1)..<end {
                let passage = Slot.passage(edge: index, layer: layer)
                layers[layer].append(passage)
                chain.append(passage)
            }
            chain.append(.system(right))
            chains.append((index, chain, reversed))
        }
        self.layers = layers
        self.hops = []
        order(chains: chains)
        var hops: [Hop] = []
        let position = positions()
        for (edge, chain, reversed) in chains {
            for (offset, (from, to)) in zip(chain, chain.dropFirst()).enumerated() {
                let (layer, fromIndex) = position[from]!
                hops.append(
                    Hop(
                        layer: layer, fromIndex: fromIndex, toIndex: position[to]!.1, edge: edge, reversed: reversed,
                        isFirst: offset == 0))
            }
        }
        self.hops = hops
    }

    /// Layer and index of every slot.
    func positions() -> [Slot: (Int, Int)] {
        var result: [Slot: (Int, Int)] = [:]
        for (layer, slots) in layers.enumerated() {
            for (index, slot) in slots.enumerated() { result[slot] = (layer, index) }
        }
        return result
    }

    var widestLayer: Int { layers.map(\.count).max() ?? 0 }

    /// Longest path from a source, over the edges that remain once cycles are broken by a
    /// depth-first search (back edges are ignored).
    private static func layers(ids: [String], graph: TopologyGraph) -> [String: Int] {
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var order: [String] = []
        var forward: [String: [String]] = [:]
        func visit(_ id: String) {
            state[id] = 1
            for edge in graph.edgesOut(of: id) {
                switch state[edge.to] {
                case nil:
                    forward[id, default: []].append(edge.to)
                    visit(edge.to)
                case 2: forward[id, default: []].append(edge.to)
                default: break  // back edge
                }
            }
            state[id] = 2
            order.append(id)
        }
        for id in ids where state[id] == nil { visit(id) }
        var layer: [String: Int] = Dictionary(uniqueKeysWithValues: ids.map { ($0, 0) })
        for id in order.reversed() {
            for next in forward[id] ?? [] { layer[next] = max(layer[next]!, layer[id]! + 1) }
        }
        return layer
    }

    /// Barycentre sweeps, down then up, a few times; ties keep the config order.
    private mutating func order(chains: [(edge: Int, slots: [Slot], reversed: Bool)]) {
        var neighbours: [Slot: (left: [Slot], right: [Slot])] = [:]
        for (_, chain, _) in chains {
            for (from, to) in zip(chain, chain.dropFirst()) {
                neighbours[from, default: ([], [])].right.append(to)
                neighbours[to, default: ([], [])].left.append(from)
            }
        }
        guard layers.count > 1 else { return }
        for _ in 0..<4 {
            for layer in 1..<layers.count { sort(layer, by: { neighbours[$0]?.left ?? [] }) }
            for layer in stride(from: layers.count - 2, through: 0, by: -1) {
                sort(layer, by: { neighbours[$0]?.right ?? [] })
            }
        }
    }

    private mutating func sort(_ layer: Int, by adjacent: (Slot) -> [Slot]) {
        let position = positions()
        let current = layers[layer]
        let keyed = current.enumerated().map { index, slot -> (Double, Int, Slot) in
            let places = adjacent(slot).compactMap { position[$0]?.1 }
            let centre = places.isEmpty ? Double(index) : Double(places.reduce(0, +)) / Double(places.count)
            return (centre, index, slot)
        }
        layers[layer] = keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }
}
