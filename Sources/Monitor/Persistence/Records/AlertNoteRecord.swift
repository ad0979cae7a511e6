import Foundation
import GRDB

/// A row of `alert_note`, numbered by the database.
struct AlertNoteRecord: StateRecord {
    static let databaseTableName = "alert_note"

    var id: Int64?
    var alertID: String
    var writtenBy: String
    var writtenAt: Date
    var text: String

    enum CodingKeys: String, CodingKey {
        case id, text
        case alertID = "alert_id"
        case writtenBy = "written_by"
        case writtenAt = "written_at"
    }

    init(_ note: AlertNote) {
        alertID = note.alertID.rawValue
        writtenBy = note.by
        writtenAt = note.at
        text = note.text
    }

    var note: AlertNote {
        AlertNote(alertID: AlertID(rawValue: alertID), by: writtenBy, at: writtenAt, text: text)
    }
}
