import Foundation

/// Why an alert is held back by the topology, and the node that is the root cause.
public struct TopologySuppression: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable, Codable {
        /// A node this one depends on is down by its own firing alert.
        case dependencyDown = "dependency-down"
    }

    public var rootCause: AlertTopology.NodeID
    public var reason: Reason

    public init(rootCause: AlertTopology.NodeID, reason: Reason) {
        self.rootCause = rootCause
        self.reason = reason
    }
}

/// Decides, for one evaluation, which alerts the topology folds under a root cause; remembers the walk per node.
///
/// The rule (docs/alerts.md, Suppression): an alert of a node is folded under a dependency (at any depth) only
/// while that dependency is DOWN by its own firing alert: its checks say DOWN, not DEGRADED, and an alert of its
/// own is firing, so a parent that merely flaps (down on one run in three, never firing) never hides a child that
/// is hard down. Of several such dependencies the topmost is the root cause. The queue never asks about resolved
/// alerts: a resolution is never held back.
struct TopologySuppressor {
    let topology: AlertTopology
    /// The nodes with a firing alert of their own (its `interface` label, else its `system` label, names them).
    let firingNodes: Set<AlertTopology.NodeID>
    private var rootCauses: [AlertTopology.NodeID: AlertTopology.NodeID?] = [:]

    init(topology: AlertTopology, firingNodes: Set<AlertTopology.NodeID>) {
        self.topology = topology
        self.firingNodes = firingNodes
    }

    mutating func suppression(for node: AlertTopology.NodeID) -> TopologySuppression? {
        rootCause(of: node).map { TopologySuppression(rootCause: $0, reason: .dependencyDown) }
    }

    /// Down by its own firing alert: the only state that may hide the alerts of the nodes that depend on it.
    func isRootCause(_ node: AlertTopology.NodeID) -> Bool {
        topology.health[node]?.isDown == true && firingNodes.contains(node)
    }

    /// The topmost dependency of `node` that is down by its own firing alert, if any is.
    mutating func rootCause(of node: AlertTopology.NodeID) -> AlertTopology.NodeID? {
        if let known = rootCauses[node] { return known }
        var found: AlertTopology.NodeID?
        var visited: Set<AlertTopology.NodeID> = [node]
        var frontier = topology.parents[node] ?? []
        // Breadth first, so the last root cause found is the farthest up.
        while !frontier.isEmpty {
            var next: [AlertTopology.NodeID] = []
            for parent in frontier where visited.insert(parent).inserted {
                if isRootCause(parent) { found = parent }
                next.append(contentsOf: topology.parents[parent] ?? [])
            }
            frontier = next
        }
        rootCauses[node] = .some(found)
        return found
    }
}
