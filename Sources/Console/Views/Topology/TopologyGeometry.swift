/// Where the topology graph goes on screen: each layer's column and box width, the rows of the
/// slots, and the vertical channel each bent hop runs in. Boxes take the width their names need
/// (the widest shrinks first when the screen is short of room) and the spare width spreads the
/// layers apart.
struct TopologyGeometry: Sendable, Equatable {
    var boxWidths: [Int]
    var columnX: [Int]
    /// The x of each gap's first channel.
    var channelX: [Int]
    /// Each hop's channel within its gap (by the index of `hops`); nil for a straight hop.
    var channels: [Int?]
    var top: Int
    var widest: Int
    var counts: [Int]
    var pitch: Int

    /// The row of a slot's middle (a box's name, a line's row).
    func middle(layer: Int, index: Int) -> Int {
        top + (widest - counts[layer]) * pitch / 2 + index * pitch + 1
    }

    /// The first column right of a layer's boxes.
    func right(of layer: Int) -> Int { columnX[layer] + boxWidths[layer] }

    /// Lays out `hops` (sorted left to right, top to bottom) in `width` x `height` cells from row
    /// `top`; nil when the graph does not fit. The gaps in `counted` keep a column left of their
    /// channels for the count beside a reversed arrowhead (`◀✖2`).
    init?(
        _ layout: TopologyLayout, hops: [TopologyLayout.Hop], names: [String: String], width: Int, height: Int,
        top: Int, counted: Set<Int> = []
    ) {
        guard let pitch = Self.pitch(layout, height: height) else { return nil }
        (counts, widest, self.top, self.pitch) = (layout.layers.map(\.count), layout.widestLayer, top, pitch)
        (boxWidths, columnX, channelX, channels) = ([], [], [], [])
        channels = Self.channels(hops, layout: layout, geometry: self)
        var perGap = Array(repeating: 0, count: max(0, counts.count - 1))
        for (hop, channel) in zip(hops, channels) {
            if let channel { perGap[hop.layer] = max(perGap[hop.layer], channel + 1) }
        }
        let before = perGap.indices.map { counted.contains($0) ? 3 : 2 }  // columns left of the channels
        let gaps = perGap.indices.map { max(6, perGap[$0] + before[$0] + 3) }
        guard let widths = Self.boxWidths(layout, names: names, room: width - 2 - gaps.reduce(0, +)) else {
            return nil
        }
        boxWidths = widths
        let spare = width - 2 - gaps.reduce(0, +) - widths.reduce(0, +)
        let spread = gaps.isEmpty ? 0 : min(TopologyView.maxGapSpread, spare / gaps.count)
        var x = 1 + (spare - spread * gaps.count) / 2
        for layer in counts.indices {
            columnX.append(x)
            x += widths[layer]
            guard layer < gaps.count else { break }
            let gap = gaps[layer] + spread
            channelX.append(x + before[layer] + (gap - perGap[layer] - before[layer] - 3) / 2)
            x += gap
        }
    }

    /// Rows from one box's top to the next that let the widest layer fit in `height`; nil when none does.
    static func pitch(_ layout: TopologyLayout, height: Int) -> Int? {
        let widest = layout.widestLayer
        return TopologyView.pitches.first { widest * $0 - ($0 - 3) <= height }
    }

    /// The width each layer's boxes need for their names, shrunk widest first to fit `room`.
    static func boxWidths(_ layout: TopologyLayout, names: [String: String], room: Int) -> [Int]? {
        var widths = layout.layers.map { slots in
            let longest =
                slots.map { slot in
                    if case .system(let id) = slot { DisplayWidth.of(names[id] ?? id) } else { 0 }
                }.max() ?? 0
            return min(TopologyView.maxBoxWidth, max(TopologyView.minBoxWidth, longest + 5))
        }
        guard widths.count * TopologyView.minBoxWidth <= room else { return nil }
        while widths.reduce(0, +) > room, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) {
            widths[widest] -= 1
        }
        return widths
    }

    /// Gives every bent hop a channel in its gap. The hops out of one slot share one (a trunk that
    /// branches to each target); a reversed hop runs in its own unless a forward hop takes the same
    /// way, so a pair of systems with interfaces both ways is one line with an arrowhead at each end.
    /// A trunk takes the leftmost channel whose trunks so far run in other rows (a row apart), so
    /// trunks that do not overlap share a column and the gaps stay narrow.
    static func channels(
        _ hops: [TopologyLayout.Hop], layout: TopologyLayout, geometry: TopologyGeometry
    ) -> [Int?] {
        struct Key: Hashable {
            var layer: Int
            var from: Int
            var to: Int?
        }
        let forward = Set(hops.filter { !$0.reversed }.map { Key(layer: $0.layer, from: $0.fromIndex, to: $0.toIndex) })
        func key(_ hop: TopologyLayout.Hop) -> Key? {
            guard
                geometry.middle(layer: hop.layer, index: hop.fromIndex)
                    != geometry.middle(layer: hop.layer + 1, index: hop.toIndex)
            else { return nil }
            let own = Key(layer: hop.layer, from: hop.fromIndex, to: hop.toIndex)
            return !hop.reversed || forward.contains(own) ? Key(layer: hop.layer, from: hop.fromIndex) : own
        }
        // The rows each trunk spans: its source's and every target's.
        var spans: [Key: ClosedRange<Int>] = [:]
        var order: [Key] = []
        for hop in hops {
            guard let key = key(hop) else { continue }
            let rows = [
                geometry.middle(layer: hop.layer, index: hop.fromIndex),
                geometry.middle(layer: hop.layer + 1, index: hop.toIndex),
            ]
            if let span = spans[key] {
                spans[key] = min(span.lowerBound, rows.min()!)...max(span.upperBound, rows.max()!)
            } else {
                spans[key] = rows.min()!...rows.max()!
                order.append(key)
            }
        }
        var assigned: [Key: Int] = [:]
        var taken: [Int: [[ClosedRange<Int>]]] = [:]  // per gap, per channel: the spans in it
        for key in order {
            let span = spans[key]!
            let apart = (span.lowerBound - 1)...(span.upperBound + 1)
            var channels = taken[key.layer, default: []]
            let free = channels.firstIndex { $0.allSatisfy { !$0.overlaps(apart) } }
            let channel = free ?? channels.count
            if channel == channels.count { channels.append([]) }
            channels[channel].append(span)
            taken[key.layer] = channels
            assigned[key] = channel
        }
        return hops.map { hop in key(hop).flatMap { assigned[$0] } }
    }
}
