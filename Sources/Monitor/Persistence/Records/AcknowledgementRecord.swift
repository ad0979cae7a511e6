import Foundation
import GRDB

/// A row of `alert_acknowledgement`: who took an alert, when, why and until when.
struct AcknowledgementRecord: StateRecord {
    static let databaseTableName = "alert_acknowledgement"

    var alertID: String
    var acknowledgedBy: String
    var acknowledgedAt: Date
    var note: String
    var expiresAt: Date?
    var sticky: Bool
    var severity: Int

    enum CodingKeys: String, CodingKey {
        case note, sticky, severity
        case alertID = "alert_id"
        case acknowledgedBy = "acknowledged_by"
        case acknowledgedAt = "acknowledged_at"
        case expiresAt = "expires_at"
    }

    init(_ ack: Acknowledgement) {
        alertID = ack.alertID.rawValue
        acknowledgedBy = ack.by
        acknowledgedAt = ack.at
        note = ack.note
        expiresAt = ack.expiresAt
        sticky = ack.sticky
        severity = ack.severity.rawValue
    }

    var acknowledgement: Acknowledgement {
        Acknowledgement(
            alertID: AlertID(rawValue: alertID), by: acknowledgedBy, at: acknowledgedAt, note: note,
            expiresAt: expiresAt, sticky: sticky, severity: AlertSeverity(rawValue: severity) ?? .none)
    }
}
