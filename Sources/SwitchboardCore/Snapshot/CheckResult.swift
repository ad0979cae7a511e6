import Foundation

/// The outcome of one run of one check.
public struct CheckResult: Sendable, Equatable, Codable {
    public var checkID: String
    public var up: Bool
    public var startedAt: Date
    /// Wall time of the run, in seconds.
    public var durationSeconds: Double
    /// Nil when the check is up.
    public var errorClass: ProbeErrorClass?
    /// A one-line human explanation ("HTTP 503", "SOAP Fault soap:Server: ...", "200 OK").
    public var reason: String
    public var httpStatus: Int?
    /// What each step of a flow run did; nil for the other kinds (and in snapshots from before flows).
    public var flow: FlowRunReport?

    public init(
        checkID: String, up: Bool, startedAt: Date, durationSeconds: Double,
        errorClass: ProbeErrorClass?, reason: String, httpStatus: Int? = nil, flow: FlowRunReport? = nil
    ) {
        self.checkID = checkID
        self.up = up
        self.startedAt = startedAt
        self.durationSeconds = durationSeconds
        self.errorClass = errorClass
        self.reason = reason
        self.httpStatus = httpStatus
        self.flow = flow
    }
}
