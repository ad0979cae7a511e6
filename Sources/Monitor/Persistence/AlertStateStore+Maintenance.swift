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

    /// Removes the window an id names: the full id or a unique prefix (`IDPrefix`).
    public func removeMaintenanceWindow(_ idText: String, by actor: String, now: Date) throws -> MaintenanceWindow {
        try write { db in
            var queue = AlertQueue(
                alerts: [], acknowledgements: [], silences: [], notes: [],
                maintenanceWindows: try Self.maintenanceWindows(db))
            let id = try queue.resolveMaintenanceWindowID(idText)
            guard let window = queue.maintenanceWindows[id] else {
                throw AlertQueueError.unknownMaintenanceWindow(idText)
            }
            let audit = try queue.removeMaintenanceWindow(window.id, by: actor, now: now)
            try MaintenanceWindowRecord.deleteOne(db, key: window.id)
            try AuditRecord(audit).insert(db)
            return window
        }
    }
}
