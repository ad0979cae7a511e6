/// A whole configured landscape: systems, the interfaces between them, jobs, rule files and alerting.
public struct Landscape: Sendable, Equatable {
    public var name: String
    public var systems: [System]
    public var interfaces: [Interface]
    public var jobs: [Job]
    public var ruleFiles: [String]
    /// Notifications, Alertmanager push, inhibit rules and maintenance windows (`alerting:`).
    public var alerting: AlertingConfig
    /// How long the checks' 5-minute history is kept (`history:`).
    public var history: HistoryConfig
    /// The API's tokens (`server:`).
    public var server: ServerConfig

    public init(
        name: String, systems: [System], interfaces: [Interface], jobs: [Job] = [],
        ruleFiles: [String] = [], alerting: AlertingConfig = AlertingConfig(), history: HistoryConfig = HistoryConfig(),
        server: ServerConfig = ServerConfig()
    ) {
        self.server = server
        self.name = name
        self.systems = systems
        self.interfaces = interfaces
        self.jobs = jobs
        self.ruleFiles = ruleFiles
        self.alerting = alerting
        self.history = history
    }

    /// Every check with the system and interface it belongs to.
    public var allChecks: [OwnedCheck] {
        systems.flatMap { system in
            system.checks.map { OwnedCheck(check: $0, system: system.id, interface: nil) }
        }
            + interfaces.flatMap { interface in
                interface.checks.map { OwnedCheck(check: $0, system: interface.to, interface: interface.id) }
            }
    }
}

/// A check together with where it sits in the landscape.
public struct OwnedCheck: Sendable, Equatable {
    public var check: Check
    /// The system the check belongs to (for an interface: the system it points to).
    public var system: String
    public var interface: String?

    public init(check: Check, system: String, interface: String?) {
        self.check = check
        self.system = system
        self.interface = interface
    }
}
