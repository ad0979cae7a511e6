import Foundation
import GRDB

/// A row of `alert_notification`: what a receiver was last told of one group, alert ids as JSON arrays.
struct NotifiedGroupRecord: StateRecord {
    static let databaseTableName = "alert_notification"

    var receiver: String
    var groupKey: String
    var firing: String
    var resolved: String
    var notifiedAt: Date

    enum CodingKeys: String, CodingKey {
        case receiver, firing, resolved
        case groupKey = "group_key"
        case notifiedAt = "notified_at"
    }

    init(_ notification: AlertNotification, at now: Date) throws {
        receiver = notification.receiver
        groupKey = notification.groupKey
        firing = try AlertRowCoding.json(notification.firing.map(\.id.rawValue).sorted())
        resolved = try AlertRowCoding.json(notification.resolved.map(\.id.rawValue).sorted())
        notifiedAt = now
    }

    func group() throws -> NotifiedGroup {
        let firing = try AlertRowCoding.decode([String].self, firing, table: Self.databaseTableName, id: groupKey)
        let resolved = try AlertRowCoding.decode([String].self, resolved, table: Self.databaseTableName, id: groupKey)
        return NotifiedGroup(
            firing: Set(firing.map(AlertID.init(rawValue:))), resolved: Set(resolved.map(AlertID.init(rawValue:))),
            at: notifiedAt)
    }
}
