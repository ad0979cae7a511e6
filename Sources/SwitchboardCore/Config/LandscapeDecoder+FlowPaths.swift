import Yams

/// Checks each flow's `via:` once every system and interface is known: its systems are references
/// (an unknown one is reported with the others), and each consecutive pair of the path (from,
/// via…, to) must be joined by an interface. Only an interface's flow has a path.
extension LandscapeDecoder {
    func checkFlowPaths(
        systemNodes: [Node], interfaceNodes: [Node], systems: [System], interfaces: [Interface], ids: inout IDRegistry
    ) {
        for node in systemNodes {
            for (keyNode, _) in viaLists(in: node) {
                reader.fail(
                    .invalidValue(
                        "via",
                        expected: "no `via` on a system's flow (only an interface's flow runs from `from` to `to`)"),
                    at: keyNode)
            }
        }
        let known = Set(systems.map(\.id))
        let links = interfaces.map { (id: $0.id, from: $0.from, to: $0.to) }
        for node in interfaceNodes {
            guard let from = node.mapping?["from"]?.string, let to = node.mapping?["to"]?.string else { continue }
            for (_, items) in viaLists(in: node) {
                let named = items.compactMap { item in item.string.map { (id: $0, node: item) } }
                for entry in named { ids.reference(entry.id, to: .system, at: entry.node) }
                let path = FlowPath(systems: FlowPath.systems(from: from, via: named.map(\.id), to: to), links: links)
                for (index, hop) in path.hops.enumerated()
                where hop.interfaces.isEmpty && known.contains(hop.from) && known.contains(hop.to) {
                    // At the via entry that is one end of the hop: its `to`, or for the last hop its `from`.
                    let at = index < named.count ? named[index].node : named[index - 1].node
                    reader.fail(
                        .invalidValue(
                            index < named.count ? hop.to : hop.from,
                            expected: "a system joined to `\(index < named.count ? hop.from : hop.to)` by an interface "
                                + "(the flow's path is \(path.systems.joined(separator: " → ")))"),
                        at: at)
                }
            }
        }
    }

    /// The `via:` key and its entries of each flow check of a system or interface node.
    private func viaLists(in node: Node) -> [(key: Node, items: [Node])] {
        guard case .sequence(let checks)? = node.mapping?["checks"] else { return [] }
        return checks.compactMap { check in
            guard let flow = check.mapping?["flow"]?.mapping,
                let entry = flow.first(where: { $0.key.string == "via" }),
                case .sequence(let items) = entry.value
            else { return nil }
            return (entry.key, Array(items))
        }
    }
}
