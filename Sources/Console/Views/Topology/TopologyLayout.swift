/// Systems placed in layers, upstream left and downstream right (Sugiyama-style): layers by the
/// longest path from a source, long edges broken into one-layer hops through placeholder slots,
/// and the order within each layer settled by `LayerOrdering` to keep crossings few.
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

    let layers: [[Slot]]
    let hops: [Hop]

    init(_ graph: TopologyGraph) {
        // Slots are numbered (systems first, then passages) so that the sweeps index arrays.
        let ids = graph.systems.map(\.id)
        let layerOf = Self.layers(ids: ids, graph: graph)
        var slots = ids.map { Slot.system($0) }
        var layerOfSlot = ids.map { layerOf[$0]! }
        var number: [String: Int] = [:]
        for (index, id) in ids.enumerated() where number[id] == nil { number[id] = index }
        var layers = Array(repeating: [Int](), count: (layerOf.values.max() ?? 0) + 1)
        for index in ids.indices { layers[layerOfSlot[index]].append(index) }
        var chains: [(edge: Int, slots: [Int], reversed: Bool)] = []
        for (index, edge) in graph.edges.enumerated() {
            let reversed = layerOf[edge.to]! < layerOf[edge.from]!
            let (left, right) = reversed ? (edge.to, edge.from) : (edge.from, edge.to)
            let (start, end) = (layerOf[left]!, layerOf[right]!)
            guard end > start else { continue }  // both ends in one layer: nothing to draw between columns
            var chain = [number[left]!]
            for layer in (start + 1)..<end {
                slots.append(.passage(edge: index, layer: layer))
                layerOfSlot.append(layer)
                layers[layer].append(slots.count - 1)
                chain.append(slots.count - 1)
            }
            chain.append(number[right]!)
            chains.append((index, chain, reversed))
        }
        var position = Array(repeating: 0, count: slots.count)
        for layer in layers {
            for (index, slot) in layer.enumerated() { position[slot] = index }
        }
        LayerOrdering(slots: slots.count, chains: chains.map(\.slots)).order(&layers, position: &position)
        var hops: [Hop] = []
        for (edge, chain, reversed) in chains {
            for (offset, (from, to)) in zip(chain, chain.dropFirst()).enumerated() {
                hops.append(
                    Hop(
                        layer: layerOfSlot[from], fromIndex: position[from], toIndex: position[to], edge: edge,
                        reversed: reversed, isFirst: offset == 0))
            }
        }
        self.layers = layers.map { $0.map { slots[$0] } }
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
}
