import Foundation
import GRDB

/// What each receiver was last notified of, so that a restart does not notify again.
extension AlertStateStore {
    /// The notified groups of one receiver, by group key, for `NotificationPlanner(policy:notified:)`.
    public func notifiedGroups(receiver: String) throws -> [String: NotifiedGroup] {
        try mapping {
            try writer.read { db in
                var groups: [String: NotifiedGroup] = [:]
                let rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM alert_notification WHERE receiver = ?", arguments: [receiver])
                for row in rows {
                    let key: String = row["group_key"]
                    let firing = try AlertRowCoding.decode(
                        [String].self, row["firing"], table: "alert_notification", id: key)
                    let resolved = try AlertRowCoding.decode(
                        [String].self, row["resolved"], table: "alert_notification", id: key)
                    groups[key] = NotifiedGroup(
                        firing: Set(firing.map(AlertID.init(rawValue:))),
                        resolved: Set(resolved.map(AlertID.init(rawValue:))),
                        at: AlertRowCoding.date(row, "notified_at"))
                }
                return groups
            }
        }
    }

    /// Records a delivered notification as the planner's `markSent` does: a group whose alerts all
    /// resolved is forgotten.
    public func recordNotification(_ notification: AlertNotification, at now: Date) throws {
        try write { db in
            guard !notification.firing.isEmpty else {
                try db.execute(
                    sql: "DELETE FROM alert_notification WHERE receiver = ? AND group_key = ?",
                    arguments: [notification.receiver, notification.groupKey])
                return
            }
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO alert_notification (receiver, group_key, firing, resolved, notified_at)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    notification.receiver, notification.groupKey,
                    try AlertRowCoding.json(notification.firing.map(\.id.rawValue).sorted()),
                    try AlertRowCoding.json(notification.resolved.map(\.id.rawValue).sorted()),
                    now.timeIntervalSince1970,
                ])
        }
    }
}
