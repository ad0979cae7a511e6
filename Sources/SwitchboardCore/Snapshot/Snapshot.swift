import Foundation

/// One immutable picture of the landscape, published by the engine whenever something changes.
///
/// The console renders snapshots and nothing else; it never reaches into the engine.
public struct Snapshot: Sendable, Equatable, Codable {
    /// Increases by one with every published change.
    public var version: UInt64
    public var generatedAt: Date
    public var landscape: String
    /// Where the data comes from ("in-process", or a daemon's URL).
    public var source: String
    public var systems: [SystemStatus]
    public var interfaces: [InterfaceStatus]
    public var progress: CheckProgress
    /// The alert queue; `.empty` with `rules == nil` when the engine evaluates no rules.
    public var alerts: AlertQueueSnapshot
    /// The rule groups being evaluated, or nil when no rule files are loaded.
    public var rules: RulesSummary?
    /// The jobs the engine runs or watches, in config order.
    public var jobs: [JobStatus]
    /// The consoles attached to the engine (presence); empty for an engine nobody attached to.
    public var viewers: [Viewer] = []
    /// How this snapshot reached the console; a remote data source sets it, the engine never does.
    public var link: EngineLink = .inProcess

    public init(
        version: UInt64, generatedAt: Date, landscape: String, source: String,
        systems: [SystemStatus], interfaces: [InterfaceStatus], progress: CheckProgress,
        alerts: AlertQueueSnapshot = .empty, rules: RulesSummary? = nil, jobs: [JobStatus] = []
    ) {
        self.version = version
        self.generatedAt = generatedAt
        self.landscape = landscape
        self.source = source
        self.systems = systems
        self.interfaces = interfaces
        self.progress = progress
        self.alerts = alerts
        self.rules = rules
        self.jobs = jobs
    }

    /// The empty snapshot shown before the engine has published anything.
    public static func empty(landscape: String = "", source: String = "") -> Snapshot {
        Snapshot(
            version: 0, generatedAt: Date(timeIntervalSince1970: 0), landscape: landscape,
            source: source, systems: [], interfaces: [], progress: CheckProgress(completed: 0, total: 0))
    }

    /// Whether `other` shows what this snapshot shows: equal but for `version` and `generatedAt`.
    /// A field added to the snapshot is compared without anyone having to remember it.
    public func showsTheSame(as other: Snapshot) -> Bool {
        var other = other
        other.version = version
        other.generatedAt = generatedAt
        return self == other
    }

    /// The system with this id, if any.
    public func system(_ id: String) -> SystemStatus? {
        systems.first { $0.id == id }
    }
}

/// What the rule engine is evaluating, and what is wrong with its rules.
public struct RulesSummary: Sendable, Equatable, Codable {
    public var groups: Int
    public var rules: Int
    /// `group/rule: error`, for rules whose last evaluation failed.
    public var failing: [String]

    public init(groups: Int, rules: Int, failing: [String] = []) {
        self.groups = groups
        self.rules = rules
        self.failing = failing
    }
}

/// How many checks have produced their first result.
public struct CheckProgress: Sendable, Equatable, Codable {
    public var completed: Int
    public var total: Int

    public init(completed: Int, total: Int) {
        self.completed = completed
        self.total = total
    }

    /// True once every check has run at least once.
    public var isComplete: Bool { completed >= total }
}
