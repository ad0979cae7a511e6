import Foundation

/// An operator taking an alert: who, when, why, until when.
public struct Acknowledgement: Sendable, Hashable {
    public var alertID: AlertID
    public var by: String
    public var at: Date
    public var note: String
    /// After this moment the acknowledgement no longer holds.
    public var expiresAt: Date?
    /// A sticky acknowledgement survives a rise in severity (but not the alert's resolution).
    public var sticky: Bool
    /// The alert's severity when acknowledged; a higher one clears a non-sticky acknowledgement.
    public var severity: AlertSeverity

    public init(
        alertID: AlertID, by: String, at: Date, note: String, expiresAt: Date? = nil, sticky: Bool = false,
        severity: AlertSeverity
    ) {
        self.alertID = alertID
        self.by = by
        self.at = at
        self.note = note
        self.expiresAt = expiresAt
        self.sticky = sticky
        self.severity = severity
    }

    /// Why an acknowledgement stops holding.
    public enum Clearing: String, Sendable, Hashable, Codable {
        case resolved
        case severityRose = "severity-rose"
        case expired
        case unacknowledged
    }
}
