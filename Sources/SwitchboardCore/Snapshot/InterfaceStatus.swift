import Foundation

/// An interface between two systems and its current health.
public struct InterfaceStatus: Sendable, Equatable, Codable, Identifiable {
    public var id: String
    public var name: String
    /// Id of the upstream system.
    public var from: String
    /// Id of the downstream system.
    public var to: String
    public var kind: InterfaceProtocol
    public var owner: String?
    public var state: HealthState
    public var checks: [CheckStatus]
    public var stats: HealthStats
    /// The newest state changes, oldest first (bounded).
    public var history: [StateChange]
    /// The rendered reason of the `health.conditions` entry that decides the state, if one does
    /// (absent in snapshots of older daemons).
    public var conditionReason: String?

    public init(
        id: String, name: String, from: String, to: String, kind: InterfaceProtocol,
        owner: String?, state: HealthState, checks: [CheckStatus], stats: HealthStats = HealthStats(),
        history: [StateChange] = [], conditionReason: String? = nil
    ) {
        self.id = id
        self.name = name
        self.from = from
        self.to = to
        self.kind = kind
        self.owner = owner
        self.state = state
        self.checks = checks
        self.stats = stats
        self.history = history
        self.conditionReason = conditionReason
    }

    /// When the most recent run of any check started.
    public var lastCheck: Date? {
        checks.compactMap { $0.last?.startedAt }.max()
    }

    /// The matching condition's reason, else that of the first failing check, or of the newest
    /// result when all pass.
    public var reason: String? { conditionReason ?? CheckStatus.reason(of: checks) }
}

/// One check and its newest result.
public struct CheckStatus: Sendable, Equatable, Codable, Identifiable {
    /// The reason of the first failing check of `checks`, or of the newest result when all pass.
    public static func reason(of checks: [CheckStatus]) -> String? {
        let results = checks.compactMap(\.last)
        return (results.first { !$0.up } ?? results.max { $0.startedAt < $1.startedAt })?.reason
    }

    public var id: String
    public var kind: String
    public var target: String
    public var intervalSeconds: Double
    public var last: CheckResult?
    /// A flow's systems, from its interface's `from` through its `via` to its `to`; nil for the other
    /// kinds (and in snapshots of older daemons, where a flow's path is its interface's two ends).
    public var path: [String]?

    public init(
        id: String, kind: String, target: String, intervalSeconds: Double, last: CheckResult?, path: [String]? = nil
    ) {
        self.id = id
        self.kind = kind
        self.target = target
        self.intervalSeconds = intervalSeconds
        self.last = last
        self.path = path
    }
}
