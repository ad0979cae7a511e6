/// Moving the topology's selection: j/k through the systems in reading order, h/l to the nearest
/// system in the layer to the left or right.
enum TopologyNavigation {
    static func move(from current: String?, _ action: Action, layout: TopologyLayout) -> String? {
        let order = TopologyView.order(layout)
        guard !order.isEmpty else { return nil }
        let index = current.flatMap { order.firstIndex(of: $0) } ?? 0
        switch action {
        case .moveDown: return order[min(order.count - 1, index + 1)]
        case .moveUp: return order[max(0, index - 1)]
        case .moveToTop: return order[0]
        case .moveToBottom: return order[order.count - 1]
        case .moveLeft, .moveRight:
            guard let current, let (layer, slot) = layout.positions()[.system(current)] else { return order[0] }
            let target = layer + (action == .moveRight ? 1 : -1)
            guard layout.layers.indices.contains(target) else { return current }
            let systems = layout.layers[target].enumerated().compactMap { index, slot -> (Int, String)? in
                if case .system(let id) = slot { (index, id) } else { nil }
            }
            return systems.min { abs($0.0 - slot) < abs($1.0 - slot) }?.1 ?? current
        default: return current
        }
    }
}
