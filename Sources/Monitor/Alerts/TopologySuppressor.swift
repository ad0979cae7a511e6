import Foundation

/// Why an alert is held back by the topology, and the node that is the root cause.
public struct TopologySuppression: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable, Codable {
        /// A node this one depends on is down.
        case dependencyDown = "dependency-down"
        /// A dependency has not been checked since this alert began: wait for its result.
        case awaitingDependencyResult = "awaiting-dependency-result"
        /// A dependency came back up less than one check cycle ago.
        case dependencyRecovering = "dependency-recovering"
    }

    public var rootCause: AlertTopology.NodeID
    public var reason: Reason

    public init(rootCause: AlertTopology.NodeID, reason: Reason) {
        self.rootCause = rootCause
        self.reason = reason
    }
}

/// Decides, for one evaluation, which alerts the topology holds back; remembers the walk per node.
///
/// Rules: an alert of a node with a down dependency (at any depth) is folded under the topmost down
/// dependency; an alert that began after a direct dependency's newest result waits for a fresher one
/// (at most two of that dependency's check intervals); for one check cycle after a dependency recovers,
/// its dependents stay quiet. The queue never asks about resolved alerts: a resolution is never held back.
struct TopologySuppressor {
    let topology: AlertTopology
    private var rootCauses: [AlertTopology.NodeID: AlertTopology.NodeID?] = [:]

    init(topology: AlertTopology) {
        self.topology = topology
    }

    mutating func suppression(
        for node: AlertTopology.NodeID, alertActiveAt: Date, now: Date
    ) -> TopologySuppression? {
        if let root = rootCause(of: node) {
            return TopologySuppression(rootCause: root, reason: .dependencyDown)
        }
        let own = topology.health[node]
        for parent in topology.parents[node] ?? [] {
            guard let health = topology.health[parent] else { continue }
            let stale = health.lastResultAt.map { $0 < alertActiveAt } ?? true
            if stale && now < alertActiveAt.addingTimeInterval(2 * health.checkInterval) {
                return TopologySuppression(rootCause: parent, reason: .awaitingDependencyResult)
            }
            let cycle = own?.checkInterval ?? health.checkInterval
            if let recovered = health.recoveredAt, now < recovered.addingTimeInterval(cycle) {
                return TopologySuppression(rootCause: parent, reason: .dependencyRecovering)
            }
        }
        return nil
    }

    /// The topmost down node among the dependencies of `node`, if any is down.
    mutating func rootCause(of node: AlertTopology.NodeID) -> AlertTopology.NodeID? {
        if let known = rootCauses[node] { return known }
        var found: AlertTopology.NodeID?
        var visited: Set<AlertTopology.NodeID> = [node]
        var frontier = topology.parents[node] ?? []
        // Breadth first, so the last down node found is the farthest up.
        while !frontier.isEmpty {
            var next: [AlertTopology.NodeID] = []
            for parent in frontier where visited.insert(parent).inserted {
                if topology.health[parent]?.isDown == true { found = parent }
                next.append(contentsOf: topology.parents[parent] ?? [])
            }
            frontier = next
        }
        rootCauses[node] = .some(found)
        return found
    }
}
