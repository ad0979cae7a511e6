/// A system of the landscape and its current health.
public struct SystemStatus: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var owner: String?
    public var state: HealthState
    /// The system's own checks (its health endpoint, say); may be empty.
    public var checks: [CheckStatus]

    public init(id: String, name: String, owner: String?, state: HealthState, checks: [CheckStatus]) {
        self.id = id
        self.name = name
        self.owner = owner
        self.state = state
        self.checks = checks
    }
}
