/// The order of the slots within each layer, chosen to keep crossings few (the third step of a
/// Sugiyama layout): barycentre sweeps down and up, each followed by transposition (neighbours
/// swapped while that removes crossings), keeping the best order seen, which sifting (each slot
/// moved to the place in its layer with the fewest crossings) then improves. A small graph is also ordered from a few
/// seeded shuffles (sifting alone stops in a local minimum: 7 crossings on the demo, where 3 is
/// the least). Ties keep the order the slots came in (config order), and the shuffles are seeded,
/// so the same landscape is always laid out alike.
struct LayerOrdering {
    /// Sweeps down and up; the best order is usually found within a few.
    static let sweeps = 8
    /// Above this many slots only the sweeps run: no transposition (quadratic in the worst case)
    /// and no counting of crossings to keep the best order.
    static let transposeLimit = 2_000
    /// Above this many slots sifting (cubic in a layer's size) and the restarts are left out.
    static let siftLimit = 80
    /// Orders tried from seeded shuffles besides the given one, for a graph within `siftLimit`.
    static let restarts = 15

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
        guard position.count <= Self.transposeLimit else {
            // A large landscape: the sweeps alone, without counting crossings after each.
            for sweep in 0..<Self.sweeps { self.sweep(sweep, &layers, position: &position) }
            return
        }
        let small = position.count <= Self.siftLimit
        var best = layers
        var fewest = crossings(layers, position: position)
        var shuffle = SeededShuffle()
        for start in 0...(small ? Self.restarts : 0) where fewest > 0 {
            var trial = start == 0 ? layers : layers.map { shuffle.shuffled($0) }
            var places = position
            for layer in trial {
                for (index, slot) in layer.enumerated() { places[slot] = index }
            }
            let (order, count) = sweep(&trial, position: &places, sifts: small)
            if count < fewest { (best, fewest) = (order, count) }
        }
        layers = best
        for layer in layers {
            for (index, slot) in layer.enumerated() { position[slot] = index }
        }
    }

    /// Sweeps from the given order; returns the best order seen and its crossings.
    private func sweep(_ layers: inout [[Int]], position: inout [Int], sifts: Bool) -> ([[Int]], Int) {
        var best = layers
        var fewest = crossings(layers, position: position)
        for sweep in 0..<Self.sweeps where fewest > 0 {
            self.sweep(sweep, &layers, position: &position)
            transpose(&layers, position: &position)
            let count = crossings(layers, position: position)
            if count < fewest { (best, fewest) = (layers, count) }
        }
        guard sifts, fewest > 0 else { return (best, fewest) }
        layers = best
        for layer in layers {
            for (index, slot) in layer.enumerated() { position[slot] = index }
        }
        sift(&layers, position: &position)
        transpose(&layers, position: &position)
        let count = crossings(layers, position: position)
        return count < fewest ? (layers, count) : (best, fewest)
    }

    /// One barycentre sweep: down (each layer by the one on its left) on even counts, else up.
    private func sweep(_ count: Int, _ layers: inout [[Int]], position: inout [Int]) {
        if count.isMultiple(of: 2) {
            for layer in 1..<layers.count { sort(&layers[layer], by: left, position: &position) }
        } else {
            for layer in stride(from: layers.count - 2, through: 0, by: -1) {
                sort(&layers[layer], by: right, position: &position)
            }
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

    /// Moves each slot to the place in its layer where it crosses fewest lines to either side
    /// (the current place on a tie), a few passes while that helps.
    private func sift(_ layers: inout [[Int]], position: inout [Int]) {
        for _ in 0..<4 {
            var improved = false
            for layer in layers.indices where layers[layer].count > 1 {
                for slot in layers[layer] {
                    var fewest = crossings(around: layer, layers, position: position)
                    var best = layers[layer]
                    let others = layers[layer].filter { $0 != slot }
                    for place in 0...others.count {
                        var candidate = others
                        candidate.insert(slot, at: place)
                        for (index, each) in candidate.enumerated() { position[each] = index }
                        layers[layer] = candidate
                        let count = crossings(around: layer, layers, position: position)
                        if count < fewest { (fewest, best, improved) = (count, candidate, true) }
                    }
                    layers[layer] = best
                    for (index, each) in best.enumerated() { position[each] = index }
                }
            }
            if !improved { return }
        }
    }

    /// The crossings between a layer and the layers on either side.
    private func crossings(around layer: Int, _ layers: [[Int]], position: [Int]) -> Int {
        func between(_ left: Int) -> Int {
            guard left >= 0, left + 1 < layers.count else { return 0 }
            return TopologyCrossings.inversions(
                layers[left].flatMap { from in right[from].map { (position[from], position[$0]) } })
        }
        return between(layer - 1) + between(layer)
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

/// A seeded shuffle (SplitMix64), so that the restarts are the same on every run.
struct SeededShuffle {
    private var state: UInt64 = 0x5EED

    mutating func shuffled(_ values: [Int]) -> [Int] {
        var result = values
        for index in stride(from: result.count - 1, to: 0, by: -1) {
            result.swapAt(index, Int(next() % UInt64(index + 1)))
        }
        return result
    }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
