/// Counts edge crossings of a layered drawing: two hops between the same two layers cross when
/// their ends are in opposite order (the measure Sugiyama-style layouts minimise). Counted per
/// layer as inversions with a Fenwick tree, so a large landscape costs O(h log h), not O(h²).
enum TopologyCrossings {
    /// The crossings of hops given as (layer, index on the left, index on the right).
    static func count(_ hops: [(layer: Int, from: Int, to: Int)]) -> Int {
        let byLayer = Dictionary(grouping: hops, by: \.layer)
        return byLayer.values.reduce(0) { $0 + inversions($1.map { ($0.from, $0.to) }) }
    }

    /// Pairs whose left ends are in one order and right ends strictly in the other.
    static func inversions(_ pairs: [(Int, Int)]) -> Int {
        let sorted = pairs.sorted { $0 < $1 }
        var tree = Array(repeating: 0, count: (sorted.map(\.1).max() ?? 0) + 2)  // 1-based counts of right ends
        var total = 0
        for (seen, (_, to)) in sorted.enumerated() {
            var atMost = 0
            var index = to + 1
            while index > 0 {
                atMost += tree[index]
                index -= index & -index
            }
            total += seen - atMost  // seen earlier, right end strictly below this one's
            index = to + 1
            while index < tree.count {
                tree[index] += 1
                index += index & -index
            }
        }
        return total
    }
}

extension TopologyLayout {
    /// The crossings between the hops of this layout.
    var crossings: Int {
        TopologyCrossings.count(hops.map { ($0.layer, $0.fromIndex, $0.toIndex) })
    }
}
