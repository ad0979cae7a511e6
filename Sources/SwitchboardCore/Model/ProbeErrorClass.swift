/// Why a probe run failed, named as a stable machine-readable class (`error_class` in JSON).
public enum ProbeErrorClass: String, Sendable, Codable, CaseIterable {
    case timeout
    case connectionRefused = "connection_refused"
    case connectionReset = "connection_reset"
    case dns
    case tls
    case httpStatus = "http_status"
    case assertion
    /// The endpoint answered correctly but slower than `latency_below`: degraded, not down.
    case latency
    case soapFault = "soap_fault"
    /// A GraphQL answer with a non-empty `errors` array.
    case graphqlError = "graphql_error"
    /// A flow's record never arrived in the target within `within`.
    case flowTimeout = "flow_timeout"
    /// A flow's record arrived, but the arrive step's assertions still failed at the deadline.
    case flowMismatch = "flow_mismatch"
    /// A flow's start request failed, or its extraction found nothing.
    case flowStartFailed = "flow_start_failed"
    /// A reconcile's two counts differ by more than its tolerance for longer than its grace: degraded, not down.
    case reconcileMismatch = "reconcile_mismatch"
    case bodyTooLarge = "body_too_large"
    case invalidResponse = "invalid_response"
    /// The check uses a probe kind or assertion this build cannot run yet.
    case unsupported
    case io
}

extension ProbeErrorClass {
    /// Whether a failure of this class leaves the check's owner DEGRADED rather than DOWN: the
    /// endpoint answered, but slowly (`latency`) or with counts that disagree (`reconcile_mismatch`).
    public var degradesOnly: Bool {
        self == .latency || self == .reconcileMismatch
    }
}
