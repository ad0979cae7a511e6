import Foundation

/// One moment in an alert's life, for its detail: a state change by the rules, or an operator's
/// action (acknowledge, undo, note).
public struct AlertActivity: Sendable, Equatable, Codable {
    public var at: Date
    /// Who acted; nil for the rule engine's own changes.
    public var by: String?
    public var text: String

    public init(at: Date, by: String?, text: String) {
        self.at = at
        self.by = by
        self.text = text
    }
}
