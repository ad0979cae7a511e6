import Foundation
import GRDB

/// Operator actions on the persisted state, for commands that run without the engine (the CLI).
///
/// Each validates against the stored alerts and writes the action with its audit entry in one
/// transaction: a refused action writes nothing.
extension AlertStateStore {
    public func acknowledge(
        _ idText: String, by actor: String, note: String, expiresAt: Date? = nil, sticky: Bool = false, now: Date
    ) throws -> Acknowledgement {
        try write { db in
            var queue = try Self.queue(around: idText, db)
            let (ack, audit) = try queue.acknowledge(
                idText, by: actor, note: note, expiresAt: expiresAt, sticky: sticky, now: now)
            try AcknowledgementRecord(ack).insert(db, onConflict: .replace)
            try AuditRecord(audit).insert(db)
            return ack
        }
    }

    public func unacknowledge(_ idText: String, by actor: String, now: Date) throws -> AlertID {
        try write { db in
            var queue = try Self.queue(around: idText, db)
            let (id, audit) = try queue.unacknowledge(idText, by: actor, now: now)
            try AcknowledgementRecord.deleteOne(db, key: id.rawValue)
            try AuditRecord(audit).insert(db)
            return id
        }
    }

    public func addNote(_ idText: String, by actor: String, text: String, now: Date) throws -> AlertNote {
        try write { db in
            var queue = try Self.queue(around: idText, db)
            let (note, audit) = try queue.addNote(idText, by: actor, text: text, now: now)
            try AlertNoteRecord(note).insert(db)
            try AuditRecord(audit).insert(db)
            return note
        }
    }

    public func addSilence(_ silence: Silence, now: Date) throws {
        var queue = AlertQueue()
        let audit = queue.addSilence(silence, now: now)
        try recordSilence(silence, audit: audit)
    }

    public func expireSilence(_ id: String, by actor: String, now: Date) throws -> Silence {
        try write { db in
            // The silences the id could name; the queue resolves a prefix among them (`IDPrefix`).
            var queue = AlertQueue(
                alerts: [], acknowledgements: [],
                silences: try SilenceRecord.filter(sql: "id LIKE ? || '%'", arguments: [id]).fetchAll(db).map {
                    try $0.silence()
                }, notes: [], maintenanceWindows: [])
            let (expired, audit) = try queue.expireSilence(id, by: actor, now: now)
            try SilenceRecord(expired).insert(db, onConflict: .replace)
            try AuditRecord(audit).insert(db)
            return expired
        }
    }

    /// The stored alerts an id could name (the id itself, or those it is a prefix of), with their
    /// acknowledgements: enough for the queue to resolve the id and validate the action.
    static func queue(around idText: String, _ db: Database) throws -> AlertQueue {
        let wanted = idText.lowercased()
        let isHex = !wanted.isEmpty && wanted.allSatisfy(\.isHexDigit)
        let condition = isHex ? "id LIKE ? || '%'" : "id = ?"
        let alerts = try AlertRecord.filter(sql: condition, arguments: [wanted]).limit(20).fetchAll(db)
            .map { try $0.alert() }
        let ids = alerts.map(\.id.rawValue)
        let acknowledgements = try AcknowledgementRecord.filter(keys: ids).fetchAll(db).map(\.acknowledgement)
        return AlertQueue(
            alerts: alerts, acknowledgements: acknowledgements, silences: [], notes: [], maintenanceWindows: [])
    }
}
