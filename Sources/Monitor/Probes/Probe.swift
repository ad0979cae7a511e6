import Foundation
import SwitchboardCore

/// Something that can check an endpoint once and say whether it is up.
///
/// A probe must return within `timeout`; the scheduler also enforces it from outside.
public protocol Probe: Sendable {
    func run(timeout: Duration) async -> ProbeOutcome
}

/// What one probe run found, before the scheduler stamps it with the check and the time.
public struct ProbeOutcome: Sendable, Equatable {
    public var up: Bool
    public var errorClass: ProbeErrorClass?
    public var reason: String
    public var httpStatus: Int?
    /// What the probe measured beyond up/down, named as blackbox_exporter names it
    /// (`probe_ssl_earliest_cert_expiry`, `probe_dns_answer_rrs`…), without the check's labels.
    public var samples: [Sample] = []

    public static func success(_ reason: String, httpStatus: Int? = nil, samples: [Sample] = []) -> ProbeOutcome {
        ProbeOutcome(up: true, errorClass: nil, reason: reason, httpStatus: httpStatus, samples: samples)
    }

    public static func failure(
        _ errorClass: ProbeErrorClass, _ reason: String, httpStatus: Int? = nil, samples: [Sample] = []
    ) -> ProbeOutcome {
        ProbeOutcome(up: false, errorClass: errorClass, reason: reason, httpStatus: httpStatus, samples: samples)
    }
}
