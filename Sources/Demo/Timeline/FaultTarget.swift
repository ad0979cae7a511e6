/// Where a fault strikes: a path (and everything below it) on one system, or one consumer group.
public struct FaultTarget: Sendable, Hashable, CustomStringConvertible {
    /// Id of the system, as in ``DemoSystem/id``.
    public var system: String
    /// Path prefix the fault applies to; `/` is the whole system.
    public var path: String
    /// The consumer group whose lag spikes, for ``FaultKind/consumerLag``.
    public var consumerGroup: String?

    public init(system: String, path: String, consumerGroup: String? = nil) {
        self.system = system
        self.path = path
        self.consumerGroup = consumerGroup
    }

    /// Whether a request to `path` on `system` is hit by this target.
    public func matches(system: String, path requestPath: String) -> Bool {
        guard system == self.system else { return false }
        if path == "/" || requestPath == path { return true }
        return requestPath.hasPrefix(path.hasSuffix("/") ? path : path + "/")
    }

    public var description: String {
        if let consumerGroup { return "\(system) \(path) group=\(consumerGroup)" }
        return "\(system) \(path)"
    }
}

extension FaultTarget {
    /// The endpoints each kind of fault may strike. Each of them is watched by a check of
    /// `examples/demo.yaml`, so every episode shows up on the console.
    static let candidates: [FaultKind: [FaultTarget]] = [
        .hang: [
            FaultTarget(system: "erp", path: "/api/orders"),
            FaultTarget(system: "wms", path: "/api/stock"),
            FaultTarget(system: "mes", path: "/api/production-orders"),
            FaultTarget(system: "hrm", path: "/api/payroll"),
            FaultTarget(system: "pay", path: "/api/v1/payments"),
        ],
        .unavailable: [
            FaultTarget(system: "crm", path: "/"),
            FaultTarget(system: "mes", path: "/"),
            FaultTarget(system: "shop", path: "/"),
            FaultTarget(system: "mft", path: "/"),
        ],
        .latency: [
            FaultTarget(system: "erp", path: "/api/orders"),
            FaultTarget(system: "crm", path: "/graphql"),
            FaultTarget(system: "wms", path: "/api/stock"),
            FaultTarget(system: "pay", path: "/api/v1/payments"),
            FaultTarget(system: "shop", path: "/api/orders"),
        ],
        .serverErrors: [
            FaultTarget(system: "pay", path: "/api/v1/payments"),
            FaultTarget(system: "crm", path: "/api/customers"),
            FaultTarget(system: "shop", path: "/api/orders"),
            FaultTarget(system: "hrm", path: "/api/shifts"),
            FaultTarget(system: "mft", path: "/api/transfers"),
        ],
        .soapFault: [
            FaultTarget(system: "erp", path: "/soap")
        ],
        .healthDown: [
            FaultTarget(system: "hrm", path: "/health"),
            FaultTarget(system: "wms", path: "/health"),
            FaultTarget(system: "pay", path: "/health"),
            FaultTarget(system: "mes", path: "/health"),
            FaultTarget(system: "erp", path: "/health"),
        ],
        .lostOrders: [TestOrders.target],
        .deadLetters: [
            FaultTarget(system: "wms", path: RabbitMQMetrics.rejectingPath)
        ],
        .consumerLag: ConsumerGroup.all.map {
            FaultTarget(system: "broker", path: "/metrics", consumerGroup: $0.name)
        },
    ]
}
