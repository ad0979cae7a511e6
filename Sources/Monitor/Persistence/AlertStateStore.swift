import Foundation
import GRDB
import PromQL

/// The alert queue's persistent state in the state database: alerts as of their last state change,
/// acknowledgements, silences, notes, maintenance windows, the audit trail and alert history.
///
/// Each `record…` method writes one action and its audit entry in one transaction; when it returns, the
/// transaction is committed with `synchronous = FULL`, so a `kill -9` right after cannot lose it.
public struct AlertStateStore: Sendable {
    public let writer: any DatabaseWriter

    public init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// The queue as persisted: alerts, acknowledgements, silences, notes and maintenance windows.
    public func loadQueue(
        inhibitionRules: [InhibitionRule] = [], resolvedRetention: TimeInterval = 15 * 60
    ) throws -> AlertQueue {
        try mapping {
            try writer.read { db in
                AlertQueue(
                    alerts: try AlertRecord.fetchAll(db).map { try $0.alert() },
                    acknowledgements: try Self.acknowledgements(db), silences: try Self.silences(db),
                    notes: try Self.notes(db), maintenanceWindows: try Self.maintenanceWindows(db),
                    inhibitionRules: inhibitionRules,
                    resolvedRetention: resolvedRetention)
            }
        }
    }

    /// Records what an evaluation changed: alerts whose state changed, cleared acknowledgements, history,
    /// and when the rule groups that ran last evaluated (one row per group).
    public func recordEvaluation(
        _ changes: AlertQueueChanges, evaluatedGroups: [RuleGroupKey: Date] = [:], at now: Date
    ) throws {
        try write { db in
            for (group, time) in evaluatedGroups {
                try RuleEvaluationRecord(group, at: time).insert(db, onConflict: .replace)
            }
            for event in changes.history { try AlertHistoryRecord(event).insert(db) }
            for alert in changes.changedAlerts {
                try AlertRecord(alert, id: alert.id, at: now).insert(db, onConflict: .replace)
            }
            for id in changes.clearedAcknowledgements { try AcknowledgementRecord.deleteOne(db, key: id.rawValue) }
            for id in changes.removedAlerts {
                try AlertRecord.deleteOne(db, key: id.rawValue)
                try db.execute(sql: "DELETE FROM alert_engine_muting WHERE alert_id = ?", arguments: [id.rawValue])
            }
            for (id, muting) in changes.changedEngineMuting { try Self.upsert(muting, of: id, db) }
        }
    }

    /// Replaces the persisted alerts with the queue's (for a restart or a first import).
    public func replaceAlerts(_ queue: AlertQueue, at now: Date) throws {
        try write { db in
            try AlertRecord.deleteAll(db)
            for (id, alert) in queue.alerts { try AlertRecord(alert, id: id, at: now).insert(db, onConflict: .replace) }
        }
    }

    public func recordAcknowledgement(_ ack: Acknowledgement, audit: AuditEntry) throws {
        try write { db in
            try AcknowledgementRecord(ack).insert(db, onConflict: .replace)
            try AuditRecord(audit).insert(db)
        }
    }

    public func recordUnacknowledgement(_ id: AlertID, audit: AuditEntry) throws {
        try write { db in
            try AcknowledgementRecord.deleteOne(db, key: id.rawValue)
            try AuditRecord(audit).insert(db)
        }
    }

    /// Records a new or expired silence.
    public func recordSilence(_ silence: Silence, audit: AuditEntry) throws {
        try write { db in
            try SilenceRecord(silence).insert(db, onConflict: .replace)
            try AuditRecord(audit).insert(db)
        }
    }

    public func recordNote(_ note: AlertNote, audit: AuditEntry) throws {
        try write { db in
            try AlertNoteRecord(note).insert(db)
            try AuditRecord(audit).insert(db)
        }
    }

    public func recordMaintenanceWindow(_ window: MaintenanceWindow, audit: AuditEntry) throws {
        try write { db in
            try MaintenanceWindowRecord(window).insert(db, onConflict: .replace)
            try AuditRecord(audit).insert(db)
        }
    }

    public func recordMaintenanceWindowRemoval(_ id: String, audit: AuditEntry) throws {
        try write { db in
            _ = try MaintenanceWindowRecord.deleteOne(db, key: id)
            try AuditRecord(audit).insert(db)
        }
    }

    /// The newest operator actions, newest last.
    public func auditTrail(limit: Int = 1000) throws -> [AuditEntry] {
        try mapping {
            try writer.read { db in
                try AuditRecord.order(Column("id").desc).limit(limit).fetchAll(db).reversed().map(\.entry)
            }
        }
    }

    /// An alert's timeline, oldest first.
    public func history(of id: AlertID) throws -> [AlertHistoryEvent] {
        try mapping {
            try writer.read { db in
                try AlertHistoryRecord.filter(Column("alert_id") == id.rawValue).order(Column("at"), Column("id"))
                    .fetchAll(db).compactMap(\.event)
            }
        }
    }

    // MARK: - Transactions

    func write<T>(_ body: @Sendable (Database) throws -> T) throws -> T {
        try mapping { try writer.write(body) }
    }

    func mapping<T>(_ body: () throws -> T) throws -> T {
        try AlertStoreError.mapping(path: writer.path, body)
    }
}
