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
                    acknowledgements: try Self.acknowledgements(db), silences: try Self.silences(db),
                    notes: try Self.notes(db),
                    maintenanceWindows: try Self.maintenanceWindows(db))
            }
        }
    }

    static func acknowledgements(_ db: Database) throws -> [Acknowledgement] {
        try AcknowledgementRecord.fetchAll(db).map(\.acknowledgement)
    }

    static func silences(_ db: Database) throws -> [Silence] {
        try SilenceRecord.fetchAll(db).map { try $0.silence() }
    }

    static func notes(_ db: Database) throws -> [AlertNote] {
        try AlertNoteRecord.order(Column("id")).fetchAll(db).map(\.note)
    }

    static func maintenanceWindows(_ db: Database) throws -> [MaintenanceWindow] {
        try MaintenanceWindowRecord.fetchAll(db).map { try $0.window() }
    }
}
