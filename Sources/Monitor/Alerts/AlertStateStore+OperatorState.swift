import Foundation
import GRDB

/// Noticing and reading what another process wrote, cheaply when nothing was.
extension AlertStateStore {
    /// SQLite's `PRAGMA data_version` of the writing connection: it moves when another connection or
    /// process commits to the database, never for this connection's own writes.
    public func dataVersion() throws -> Int {
        try mapping {
            try writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        }
    }

    /// Acknowledgements, silences, notes and maintenance windows as stored, in one read.
    public func operatorState() throws -> OperatorState {
        try mapping {
            try writer.read { db in
                OperatorState(
                    acknowledgements: try Self.acknowledgements(db, sql: "SELECT * FROM alert_acknowledgement"),
                    silences: try Self.silences(db), notes: try Self.notes(db),
                    maintenanceWindows: try Self.maintenanceWindows(db))
            }
        }
    }
}
