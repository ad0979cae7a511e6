/// How bad an alert is, read from its `severity` label; ordered so that a rise can be detected.
public enum AlertSeverity: Int, Sendable, Hashable, Comparable, Codable, CaseIterable, CustomStringConvertible {
    case none = 0
    case info
    case warning
    case error
    case critical

    /// The label severity is read from.
    public static let label = "severity"

    /// The severity a `severity` label value names; unknown or missing values are `.none`.
    public init(label: String?) {
        switch label?.lowercased() {
        case "info", "informational", "low": self = .info
        case "warning", "warn", "minor", "ticket": self = .warning
        case "error", "major", "high": self = .error
        case "critical", "crit", "page", "fatal", "emergency": self = .critical
        default: self = .none
        }
    }

    public var description: String {
        switch self {
        case .none: "none"
        case .info: "info"
        case .warning: "warning"
        case .error: "error"
        case .critical: "critical"
        }
    }

    public static func < (lhs: AlertSeverity, rhs: AlertSeverity) -> Bool { lhs.rawValue < rhs.rawValue }
}
