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
    case bodyTooLarge = "body_too_large"
    case invalidResponse = "invalid_response"
    /// The check uses a probe kind or assertion this build cannot run yet.
    case unsupported
    case io
}
