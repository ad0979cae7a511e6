/// A Prometheus Alertmanager that firing alerts are pushed to over API v2 (`POST <url>/api/v2/alerts`).
public struct AlertmanagerTarget: Sendable, Equatable {
    /// The Alertmanager's base URL, such as `http://alertmanager:9093` (a path prefix included).
    public var url: String
    /// How long one push may take before it counts as failed.
    public var timeout: Duration
    /// How often a still-firing alert is pushed again (Prometheus' `--rules.alert.resend-delay`).
    public var resendDelay: Duration

    public static let defaultTimeout: Duration = .seconds(10)
    public static let defaultResendDelay: Duration = .seconds(60)

    public init(url: String, timeout: Duration = defaultTimeout, resendDelay: Duration = defaultResendDelay) {
        self.url = url
        self.timeout = timeout
        self.resendDelay = resendDelay
    }
}
