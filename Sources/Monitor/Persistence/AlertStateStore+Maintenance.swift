import Foundation
import GRDB

/// Maintenance windows from the command line, each written with its audit entry in one transaction.
extension AlertStateStore {
    /// Stores a new window (validated when it was made).
    public func addMaintenanceWindow(_ window: MaintenanceWindow, now: Date) throws {
        var queue = AlertQueue()
        let audit = queue.addMaintenanceWindow(window, now: now)
        try recordMaintenanceWindow(window, audit: audit)
    }

    /// Removes the window an id names: the full id or a unique prefix of at least four characters.
    public func removeMaintenanceWindow(_ idText: String, by actor: String, now: Date) throws -> MaintenanceWindow {
        try write { db in
            let windows = try Self.maintenanceWindows(db)
            let wanted = idText.lowercased()
            let candidates =
                windows.contains { $0.id == wanted }
                ? windows.filter { $0.id == wanted }
                : wanted.count >= 4 ? windows.filter { $0.id.hasPrefix(wanted) } : []
            guard let window = candidates.first else { throw AlertQueueError.unknownMaintenanceWindow(idText) }
            guard candidates.count == 1 else {
                throw AlertQueueError.ambiguousMaintenanceWindow(idText, candidates: candidates.map(\.id).sorted())
            }
            var queue = AlertQueue(
                alerts: [], acknowledgements: [], silences: [], notes: [], maintenanceWindows: [window])
            let audit = try queue.removeMaintenanceWindow(window.id, by: actor, now: now)
            try MaintenanceWindowRecord.deleteOne(db, key: window.id)
            try AuditRecord(audit).insert(db)
            return window
        }
    }
}
