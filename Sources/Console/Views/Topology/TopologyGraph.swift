import SwitchboardCore

/// The landscape as a directed graph: systems, and one edge per (upstream, downstream) pair that
/// carries every interface between them. `depends_on` counts as an edge from the needed system
/// to the one that needs it, so that the blast radius follows both.
struct TopologyGraph: Sendable, Equatable {
    struct Edge: Sendable, Equatable {
        var from: String
        var to: String
        /// The interfaces along this edge, most attention first; empty for a `depends_on` edge.
        var interfaces: [InterfaceStatus]
        /// The worst state of its interfaces (`ok` for a bare dependency).
        var state: HealthState { interfaces.map(\.state).max() ?? .ok }
    }

    let systems: [SystemStatus]
    let edges: [Edge]
    private let outgoing: [String: [Int]]
    private let incoming: [String: [Int]]

    /// `ordered` is `InterfaceRow.ordered(snapshot.interfaces)` when the caller has it already.
    init(_ snapshot: Snapshot, ordered: [InterfaceStatus]? = nil) {
        systems = snapshot.systems
        let known = Set(snapshot.systems.map(\.id))
        var edges: [Edge] = []
        var index: [String: Int] = [:]
        func edge(_ from: String, _ to: String) -> Int {
            let key = from + "\u{0}" + to
            if let existing = index[key] { return existing }
            edges.append(Edge(from: from, to: to, interfaces: []))
            index[key] = edges.count - 1
            return edges.count - 1
        }
        func drawn(_ interface: InterfaceStatus) -> Bool {
            known.contains(interface.from) && known.contains(interface.to) && interface.from != interface.to
        }
        // Edges in config order, so that the layout does not move when states change; their
        // interfaces most attention first.
        for interface in snapshot.interfaces where drawn(interface) { _ = edge(interface.from, interface.to) }
        for interface in ordered ?? InterfaceRow.ordered(snapshot.interfaces) where drawn(interface) {
            edges[edge(interface.from, interface.to)].interfaces.append(interface)
        }
        for system in snapshot.systems {
            for needed in system.dependsOn where known.contains(needed) && needed != system.id {
                _ = edge(needed, system.id)
            }
        }
        self.edges = edges
        outgoing = Dictionary(grouping: edges.indices, by: { edges[$0].from })
        incoming = Dictionary(grouping: edges.indices, by: { edges[$0].to })
    }

    func edgesOut(of system: String) -> [Edge] { (outgoing[system] ?? []).map { edges[$0] } }
    func edgesIn(to system: String) -> [Edge] { (incoming[system] ?? []).map { edges[$0] } }

    /// Every system reachable downstream of `system`, not including it: what breaks when it breaks.
    func downstream(of system: String) -> Set<String> {
        var seen: Set<String> = []
        var queue = [system]
        while let next = queue.popLast() {
            for edge in edgesOut(of: next) where edge.to != system && seen.insert(edge.to).inserted {
                queue.append(edge.to)
            }
        }
        return seen
    }

    /// The blast radius of a system: it, everything downstream, and the interfaces between them.
    func blastRadius(of system: String) -> (systems: Set<String>, interfaces: Set<String>) {
        let (systems, edges) = blastEdges(of: system)
        return (systems, Set(edges.flatMap { $0.interfaces.map(\.id) }))
    }

    /// The blast radius with the edges between its systems rather than their interfaces' ids.
    func blastEdges(of system: String) -> (systems: Set<String>, edges: [Edge]) {
        let systems = downstream(of: system).union([system])
        return (systems, edges.filter { systems.contains($0.from) && systems.contains($0.to) && $0.to != system })
    }
}
