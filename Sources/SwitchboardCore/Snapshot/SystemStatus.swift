/// A system of the landscape and its current health.
public struct SystemStatus: Sendable, Equatable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var owner: String?
    public var state: HealthState
    /// The system's own checks (its health endpoint, say); may be empty.
    public var checks: [CheckStatus]
    /// Ids of the systems this one needs to work (`depends_on`), besides its interfaces.
    public var dependsOn: [String]
    /// The rendered reason of the `health.conditions` entry that decides the state, if one does
    /// (absent in snapshots of older daemons).
    public var conditionReason: String?

    /// Down or degraded by its own checks or conditions rather than by its interfaces (a system
    /// without checks takes the state of the interfaces that lead to it).
    public var isFailingItsOwnChecks: Bool {
        (!checks.isEmpty || conditionReason != nil) && (state == .down || state == .degraded)
    }

    /// The matching condition's reason, else that of the first failing own check, or of the newest
    /// result when all pass.
    public var reason: String? { conditionReason ?? CheckStatus.reason(of: checks) }

    public init(
        id: String, name: String, owner: String?, state: HealthState, checks: [CheckStatus], dependsOn: [String] = [],
        conditionReason: String? = nil
    ) {
        self.id = id
        self.name = name
        self.owner = owner
        self.state = state
        self.checks = checks
        self.dependsOn = dependsOn
        self.conditionReason = conditionReason
    }
}
