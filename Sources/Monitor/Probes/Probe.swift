import Foundation
import SwitchboardCore

/// Something that can check an endpoint once and say whether it is up.
///
/// A probe must return within `timeout`; the scheduler also enforces it from outside.
public protocol Probe: Sendable {
    func run(timeout: Duration) async -> ProbeOutcome

    /// Whether `run` puts the whole of its work under one `withTimeout(timeout)`, so that the runner's
    /// own timer (which could only cancel the same work a little later) is left out.
    var enforcesTimeout: Bool { get }
}

extension Probe {
    public var enforcesTimeout: Bool { false }
}

/// What one probe run found, before the scheduler stamps it with the check and the time.
public struct ProbeOutcome: Sendable, Equatable {
    public var up: Bool
    public var errorClass: ProbeErrorClass?
    public var reason: String
    public var httpStatus: Int?
    /// What the probe measured beyond success and duration, named as blackbox_exporter names it
    /// (`probe_http_status_code`, `probe_http_duration_seconds{phase="transfer"}`,
    /// `probe_ssl_earliest_cert_expiry`, …) or, for a scrape, every scraped sample. The runner adds
    /// `probe_success` and `probe_duration_seconds` and the labels `system`, `interface`, `check`, `kind`.
    public var samples: [Sample]
    /// What each step of a flow run did; nil for the other kinds.
    public var flow: FlowRunReport?

    public init(
        up: Bool, errorClass: ProbeErrorClass?, reason: String, httpStatus: Int? = nil, samples: [Sample] = []
    ) {
        self.up = up
        self.errorClass = errorClass
        self.reason = reason
        self.httpStatus = httpStatus
        self.samples = samples
    }

    public static func success(_ reason: String, httpStatus: Int? = nil, samples: [Sample] = []) -> ProbeOutcome {
        ProbeOutcome(up: true, errorClass: nil, reason: reason, httpStatus: httpStatus, samples: samples)
    }

    public static func failure(
        _ errorClass: ProbeErrorClass, _ reason: String, httpStatus: Int? = nil, samples: [Sample] = []
    ) -> ProbeOutcome {
        ProbeOutcome(up: false, errorClass: errorClass, reason: reason, httpStatus: httpStatus, samples: samples)
    }
}
