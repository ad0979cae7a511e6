/// The health of an interface or system as the on-call engineer sees it.
public enum HealthState: String, Sendable, Codable, CaseIterable, Comparable {
    case ok = "OK"
    case degraded = "DEGRADED"
    case down = "DOWN"
    /// No fresh result: never checked yet, or data older than two intervals.
    case unknown = "UNKNOWN"

    /// Orders states by how much attention they need: ok < unknown < degraded < down.
    public var severity: Int {
        switch self {
        case .ok: 0
        case .unknown: 1
        case .degraded: 2
        case .down: 3
        }
    }

    public static func < (lhs: HealthState, rhs: HealthState) -> Bool {
        lhs.severity < rhs.severity
    }
}
