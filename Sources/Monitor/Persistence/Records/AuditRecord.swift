import Foundation
import GRDB

/// A row of `alert_audit`: one operator action, numbered by the database.
struct AuditRecord: StateRecord {
    static let databaseTableName = "alert_audit"

    var id: Int64?
    var at: Date
    var actor: String
    var action: String
    var target: String
    var detail: String

    init(_ entry: AuditEntry) {
        at = entry.at
        actor = entry.actor
        action = entry.action.rawValue
        target = entry.target
        detail = entry.detail
    }

    var entry: AuditEntry {
        AuditEntry(
            at: at, actor: actor, action: AuditEntry.Action(rawValue: action) ?? .note, target: target, detail: detail)
    }
}
