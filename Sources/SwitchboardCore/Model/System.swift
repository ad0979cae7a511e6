/// A system of the landscape: an ERP, a CRM, a message broker…
public struct System: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var owner: String?
    public var labels: [String: String]
    /// Ids of systems this one needs to work, beyond its interfaces.
    public var dependsOn: [String]
    /// Checks of the system itself, such as its health endpoint.
    public var checks: [Check]
    public var health: HealthThresholds

    public init(
        id: String, name: String, owner: String? = nil, labels: [String: String] = [:],
        dependsOn: [String] = [], checks: [Check] = [],
        health: HealthThresholds = HealthThresholds()
    ) {
        self.id = id
        self.name = name
        self.owner = owner
        self.labels = labels
        self.dependsOn = dependsOn
        self.checks = checks
        self.health = health
    }
}
