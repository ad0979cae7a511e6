/// The systems a flow's record passes, from its interface's `from` through its `via` systems to its
/// `to`, and the interfaces that join each consecutive pair (in its direction where one runs so): its hops.
public struct FlowPath: Sendable, Equatable {
    /// One step between two consecutive systems of the path and the interfaces that join them.
    public struct Hop: Sendable, Equatable {
        public var from: String
        public var to: String
        /// The ids of the interfaces from `from` to `to`, else those the other way round; empty when none joins them.
        public var interfaces: [String]
    }

    /// From, via…, to.
    public var systems: [String]
    public var hops: [Hop]

    /// The path over `systems`, its hops found among `links` (an interface's id, from and to).
    public init(systems: [String], links: [(id: String, from: String, to: String)]) {
        self.systems = systems
        hops = zip(systems, systems.dropFirst()).map { from, to in
            // The interfaces in the flow's direction; the other way round only when none runs its way.
            let forward = links.filter { ($0.from, $0.to) == (from, to) }
            let joining = forward.isEmpty ? links.filter { ($0.from, $0.to) == (to, from) } : forward
            return Hop(from: from, to: to, interfaces: joining.map(\.id))
        }
    }

    /// The systems of a flow on an interface running `from` → `to`.
    public static func systems(from: String, via: [String], to: String) -> [String] {
        [from] + via + [to]
    }
}

extension Landscape {
    /// The path of `check` on `interface`, with its hops among this landscape's interfaces; nil
    /// when the check is not a flow.
    public func flowPath(of check: Check, on interface: Interface) -> FlowPath? {
        guard case .flow(let flow) = check.probe else { return nil }
        return FlowPath(
            systems: FlowPath.systems(from: interface.from, via: flow.via, to: interface.to),
            links: interfaces.map { (id: $0.id, from: $0.from, to: $0.to) })
    }
}
