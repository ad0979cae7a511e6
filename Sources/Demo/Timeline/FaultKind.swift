/// What goes wrong in a fault episode.
public enum FaultKind: String, Sendable, CaseIterable, Codable {
    /// The endpoint accepts the request and does not answer for longer than any sane timeout.
    case hang
    /// The whole system answers `503 Service Unavailable`, health included.
    case unavailable
    /// The endpoint answers correctly, but 1.2–3 s late.
    case latency
    /// The endpoint answers 500, 502 or 504.
    case serverErrors = "server_errors"
    /// The ERP's SOAP service answers with a SOAP Fault (in a 500 or a 200, as real ERPs do).
    case soapFault = "soap_fault"
    /// The health endpoint answers HTTP 200 with `"status": "DOWN"` in its JSON.
    case healthDown = "health_down"
    /// A consumer group of the broker falls behind: its lag climbs into the thousands.
    case consumerLag = "consumer_lag"
    /// The ERP loses the orders the shop sends it: they never arrive, and the order flow times out.
    case lostOrders = "lost_orders"
    /// The WMS rejects goods receipts, which RabbitMQ dead-letters: the dead-letter queue fills.
    case deadLetters = "dead_letters"

    /// Whether every check of the target fails while it lasts (a hard outage); latency, consumer lag and
    /// dead letters only slow things down or lose messages, and lost orders fail only the flow that
    /// follows them.
    public var failsChecks: Bool {
        self != .latency && self != .consumerLag && self != .lostOrders && self != .deadLetters
    }

    /// The systems an episode of this kind at `target` involves, which no other episode may strike
    /// meanwhile: lost orders need the shop up, or the flow would fail at its start instead.
    func systems(of target: FaultTarget) -> [String] {
        self == .lostOrders ? [target.system, "shop"] : [target.system]
    }

    /// A short phrase for logs and the fault summary.
    public var summary: String {
        switch self {
        case .hang: "hangs (no answer)"
        case .unavailable: "503 Service Unavailable"
        case .latency: "slow answers"
        case .serverErrors: "burst of 5xx"
        case .soapFault: "SOAP Fault"
        case .healthDown: "health 200 but status DOWN"
        case .consumerLag: "consumer lag spike"
        case .lostOrders: "orders lost on the way"
        case .deadLetters: "messages dead-lettered"
        }
    }
}
