import Foundation
import GRDB

/// What each receiver was last notified of, so that a restart does not notify again.
extension AlertStateStore {
    /// The notified groups of one receiver, by group key, for `NotificationPlanner(policy:notified:)`.
    public func notifiedGroups(receiver: String) throws -> [String: NotifiedGroup] {
        try mapping {
            try writer.read { db in
                var groups: [String: NotifiedGroup] = [:]
                for record in try NotifiedGroupRecord.filter(Column("receiver") == receiver).fetchAll(db) {
                    groups[record.groupKey] = try record.group()
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
                try NotifiedGroupRecord.deleteOne(
                    db, key: ["receiver": notification.receiver, "group_key": notification.groupKey])
                return
            }
            try NotifiedGroupRecord(notification, at: now).insert(db, onConflict: .replace)
        }
    }
}
