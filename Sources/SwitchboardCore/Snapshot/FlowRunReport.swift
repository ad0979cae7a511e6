import Foundation

/// What one run of a flow check did: the key it followed and each step's times.
public struct FlowRunReport: Sendable, Equatable, Codable {
    /// The first extracted value as reasons name it (`order 4711`); nil when extraction failed.
    public var key: String?
    public var steps: [FlowStepReport]

    public init(key: String?, steps: [FlowStepReport]) {
        self.key = key
        self.steps = steps
    }
}

/// One step of a flow run: `start` (one request) or `arrive` (polled until it held or time ran out).
public struct FlowStepReport: Sendable, Equatable, Codable {
    public var step: String
    /// The URL as sent, its `{{ name }}` filled in.
    public var url: String
    public var startedAt: Date
    public var durationSeconds: Double
    /// Requests sent: 1 for `start`, the number of polls for `arrive`.
    public var attempts: Int
    public var ok: Bool
    /// The last answer's reason (`HTTP 200 OK`, `HTTP 404 Not Found (expected 2xx)`).
    public var reason: String

    public init(
        step: String, url: String, startedAt: Date, durationSeconds: Double, attempts: Int, ok: Bool, reason: String
    ) {
        self.step = step
        self.url = url
        self.startedAt = startedAt
        self.durationSeconds = durationSeconds
        self.attempts = attempts
        self.ok = ok
        self.reason = reason
    }
}
