/// One webhook of a receiver (Alertmanager's `webhook_configs[]`): posted Alertmanager's payload version 4.
public struct WebhookConfig: Sendable, Equatable {
    public var url: String
    /// Extra request headers (`Authorization`…), in file order, `${NAME}` expanded.
    public var headers: [HTTPHeaderField]
    /// Whether resolutions are notified too (Alertmanager's default: true).
    public var sendResolved: Bool
    /// How long one attempt may take.
    public var timeout: Duration
    /// How many attempts a notification gets (with exponential backoff) before it waits for the next flush.
    public var attempts: Int

    public static let defaultTimeout: Duration = .seconds(10)
    public static let defaultAttempts = 5

    public init(
        url: String, headers: [HTTPHeaderField] = [], sendResolved: Bool = true, timeout: Duration = defaultTimeout,
        attempts: Int = defaultAttempts
    ) {
        self.url = url
        self.headers = headers
        self.sendResolved = sendResolved
        self.timeout = timeout
        self.attempts = attempts
    }
}

/// A request header: name and value.
public struct HTTPHeaderField: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
