/// The order of the slots within each layer, chosen to keep crossings few (the third step of a
/// Sugiyama layout): barycentre sweeps down and up, each followed by a transposition pass that
/// swaps neighbours while that removes crossings, keeping the best order seen. Ties keep the
/// order the slots came in (config order), so the same landscape is always laid out alike.
struct LayerOrdering {
    /// Sweeps down and up; the best order is usually found within a few.
    static let sweeps = 8
    /// Above this many slots the transposition passes (quadratic in the worst case) are left out.
    static let transposeLimit = 2_000

    private var left: [[Int]]
    private var right: [[Int]]

    /// `chains` are the slot numbers each edge passes through, left to right.
    init(slots: Int, chains: [[Int]]) {
        left = Array(repeating: [], count: slots)
        right = left
        for chain in chains {
            for (from, to) in zip(chain, chain.dropFirst()) {
                right[from].append(to)
                left[to].append(from)
            }
        }
    }

    /// Reorders `layers` (slot numbers) in place; `position` is every slot's index in its layer.
    func order(_ layers: inout [[Int]], position: inout [Int]) {
        guard layers.count > 1 else { return }
        let transposes = position.count <= Self.transposeLimit
        var best = layers
        var fewest = crossings(layers, position: position)
        for sweep in 0..<Self.sweeps where fewest > 0 {
            if sweep.isMultiple(of: 2) {
                for layer in 1..<layers.count { sort(&layers[layer], by: left, position: &position) }
            } else {
                for layer in stride(from: layers.count - 2, through: 0, by: -1) {
                    sort(&layers[layer], by: right, position: &position)
                }
            }
            if transposes { transpose(&layers, position: &position) }
            let count = crossings(layers, position: position)
            if count < fewest { (best, fewest) = (layers, count) }
        }
        layers = best
        for layer in layers {
            for (index, slot) in layer.enumerated() { position[slot] = index }
        }
    }

    /// The crossings between every pair of neighbouring layers.
    func crossings(_ layers: [[Int]], position: [Int]) -> Int {
        layers.reduce(0) { total, layer in
            total
                + TopologyCrossings.inversions(
                    layer.flatMap { from in right[from].map { (position[from], position[$0]) } })
        }
    }

    /// Orders one layer by the mean position of each slot's neighbours in the layer beside it.
    private func sort(_ layer: inout [Int], by adjacent: [[Int]], position: inout [Int]) {
        let keyed = layer.enumerated().map { index, slot -> (Double, Int, Int) in
            let places = adjacent[slot]
            let centre =
                places.isEmpty
                ? Double(index) : Double(places.reduce(0) { $0 + position[$1] }) / Double(places.count)
            return (centre, index, slot)
        }
        layer = keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
        for (index, slot) in layer.enumerated() { position[slot] = index }
    }

    /// Swaps neighbouring slots while a swap removes crossings with the layers on either side.
    private func transpose(_ layers: inout [[Int]], position: inout [Int]) {
        var improved = true
        var passes = 0
        while improved && passes < 4 {
            improved = false
            passes += 1
            for layer in layers.indices where layers[layer].count > 1 {
                for index in 0..<(layers[layer].count - 1) {
                    let (u, v) = (layers[layer][index], layers[layer][index + 1])
                    guard pairCrossings(v, u, position: position) < pairCrossings(u, v, position: position) else {
                        continue
                    }
                    layers[layer].swapAt(index, index + 1)
                    (position[u], position[v]) = (index + 1, index)
                    improved = true
                }
            }
        }
    }

    /// Crossings between the edges of `u` and those of `v` were `u` directly above `v`.
    private func pairCrossings(_ u: Int, _ v: Int, position: [Int]) -> Int {
        var count = 0
        for side in [left, right] {
            for a in side[u] {
                for b in side[v] where position[a] > position[b] { count += 1 }
            }
        }
        return count
    }
}
