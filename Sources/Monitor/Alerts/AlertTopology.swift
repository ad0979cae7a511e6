import Foundation
import PromQL
import SwitchboardCore

/// What the queue knows of the landscape for suppression: which node depends on which, and how each node's
/// checks stand right now.
public struct AlertTopology: Sendable {
    /// A system or an interface.
    public struct NodeID: Sendable, Hashable, Comparable, CustomStringConvertible {
        public enum Kind: String, Sendable, Hashable, Comparable {
            case system
            case interface

            public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
        }

        public var kind: Kind
        public var id: String

        public init(_ kind: Kind, _ id: String) {
            self.kind = kind
            self.id = id
        }

        public static func system(_ id: String) -> NodeID { NodeID(.system, id) }
        public static func interface(_ id: String) -> NodeID { NodeID(.interface, id) }

        /// `system:erp`, `interface:erp-crm`.
        public var description: String { "\(kind.rawValue):\(id)" }

        public static func < (lhs: NodeID, rhs: NodeID) -> Bool { (lhs.kind, lhs.id) < (rhs.kind, rhs.id) }
    }

    /// How a node's checks stand: DOWN or not (DEGRADED, OK and UNKNOWN are not).
    public struct NodeHealth: Sendable, Hashable {
        public var isDown: Bool

        public init(isDown: Bool) {
            self.isDown = isDown
        }
    }

    /// For each node, the nodes it needs to work.
    public var parents: [NodeID: [NodeID]]
    public var health: [NodeID: NodeHealth]

    public init(parents: [NodeID: [NodeID]] = [:], health: [NodeID: NodeHealth] = [:]) {
        self.parents = parents
        self.health = health
    }

    /// The dependencies of a landscape: an interface needs the systems at both its ends, a system those it
    /// declares in `depends_on`.
    public init(landscape: Landscape, health: [NodeID: NodeHealth] = [:]) {
        var parents: [NodeID: [NodeID]] = [:]
        for system in landscape.systems where !system.dependsOn.isEmpty {
            parents[.system(system.id)] = system.dependsOn.map(NodeID.system)
        }
        for interface in landscape.interfaces {
            parents[.interface(interface.id)] = [.system(interface.from), .system(interface.to)]
        }
        self.init(parents: parents, health: health)
    }

    /// The node an alert belongs to: its `interface` label, else its `system` label.
    public func node(for labels: Labels) -> NodeID? {
        if let interface = labels["interface"] { return .interface(interface) }
        if let system = labels["system"] { return .system(system) }
        return nil
    }
}
