import Foundation
import SwitchboardCore

/// What one `health.conditions` entry says at one evaluation, as `switchboard check` prints it.
public struct ConditionReport: Sendable, Equatable, Encodable {
    /// The interface the condition belongs to; nil for a system's.
    public var interface: String?
    /// The system it belongs to (for an interface: the system it points to).
    public var system: String
    /// The condition's `when`, as the evaluator reads it.
    public var condition: String
    public var verdict: Verdict
    public var evaluatedAt: Date

    /// Whether the condition holds, does not, or cannot be told yet.
    public enum Verdict: Sendable, Equatable {
        /// It holds: the interface or system is `state`, for `reason` (the rendered template).
        case holds(HealthState, reason: String)
        case clear
        /// It could not be judged, for `why` (`needs 10m of samples`, `outside its calendar`).
        case notEvaluated(why: String)
    }

    public init(interface: String?, system: String, condition: String, verdict: Verdict, evaluatedAt: Date) {
        self.interface = interface
        self.system = system
        self.condition = condition
        self.verdict = verdict
        self.evaluatedAt = evaluatedAt
    }

    /// A `down` condition that holds: it fails `switchboard check` as a check that is down does.
    public var isDown: Bool {
        if case .holds(.down, _) = verdict { return true }
        return false
    }

    /// `down`, `degraded`, `clear` or `not_evaluated`.
    public var state: String {
        switch verdict {
        case .holds(let state, _): state.rawValue.lowercased()
        case .clear: "clear"
        case .notEvaluated: "not_evaluated"
        }
    }

    /// The rendered reason, or why the condition was not evaluated; empty when clear.
    public var reason: String {
        switch verdict {
        case .holds(_, let reason): reason
        case .clear: ""
        case .notEvaluated(let why): "not evaluated: \(why)"
        }
    }

    enum CodingKeys: String, CodingKey {
        case check, condition, interface, system, kind, target, up, state, reason
        case errorClass = "error_class"
        case durationSeconds = "duration_seconds"
        case httpStatus = "http_status"
        case startedAt = "started_at"
    }

    /// The keys of a check's row (`check`, `target`, `http_status` … as null or zero where a condition
    /// has none), with `kind` `condition`, and `condition` and `state` added; `up` is false exactly
    /// when a `down` condition holds.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeNil(forKey: .check)
        try container.encode(condition, forKey: .condition)
        try container.encode(interface, forKey: .interface)
        try container.encode(system, forKey: .system)
        try container.encode("condition", forKey: .kind)
        try container.encode(condition, forKey: .target)
        try container.encode(!isDown, forKey: .up)
        try container.encode(state, forKey: .state)
        try container.encode(isHolding ? "condition" : nil, forKey: .errorClass)
        try container.encode(reason, forKey: .reason)
        try container.encode(0.0, forKey: .durationSeconds)
        try container.encodeNil(forKey: .httpStatus)
        try container.encode(evaluatedAt, forKey: .startedAt)
    }

    private var isHolding: Bool {
        if case .holds = verdict { return true }
        return false
    }
}
