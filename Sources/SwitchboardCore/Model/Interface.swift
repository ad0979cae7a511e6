/// A link between two systems: an API, a queue, a file drop, a sync job.
public struct Interface: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    /// Id of the system data comes from.
    public var from: String
    /// Id of the system data goes to.
    public var to: String
    public var kind: InterfaceProtocol
    public var owner: String?
    public var labels: [String: String]
    public var checks: [Check]
    public var health: HealthThresholds
    /// The scraped counter that measures what flows through, if the interface has one.
    public var throughput: ThroughputSource?
    /// The interface's service level objective (`slo:`), if it has one.
    public var slo: ServiceLevelObjective? = nil

    public init(
        id: String, name: String, from: String, to: String, kind: InterfaceProtocol,
        owner: String? = nil, labels: [String: String] = [:], checks: [Check] = [],
        health: HealthThresholds = HealthThresholds(), throughput: ThroughputSource? = nil
    ) {
        self.id = id
        self.name = name
        self.from = from
        self.to = to
        self.kind = kind
        self.owner = owner
        self.labels = labels
        self.checks = checks
        self.health = health
        self.throughput = throughput
    }
}
