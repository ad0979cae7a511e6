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
                    alerts: try Self.alerts(db, sql: "SELECT * FROM alert"),
                    acknowledgements: try Self.acknowledgements(db, sql: "SELECT * FROM alert_acknowledgement"),
                    silences: try Self.silences(db), notes: try Self.notes(db),
                    maintenanceWindows: try Self.maintenanceWindows(db), inhibitionRules: inhibitionRules,
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
            for (group, time) in evaluatedGroups { try Self.upsertRuleEvaluation(group, at: time, db) }
            for event in changes.history { try Self.insert(event, db) }
            for alert in changes.changedAlerts { try Self.upsert(alert, id: alert.id, at: now, db) }
            for id in changes.clearedAcknowledgements {
                try db.execute(sql: "DELETE FROM alert_acknowledgement WHERE alert_id = ?", arguments: [id.rawValue])
            }
            for id in changes.removedAlerts {
                try db.execute(sql: "DELETE FROM alert WHERE id = ?", arguments: [id.rawValue])
                try db.execute(sql: "DELETE FROM alert_engine_muting WHERE alert_id = ?", arguments: [id.rawValue])
            }
            for (id, muting) in changes.changedEngineMuting { try Self.upsert(muting, of: id, db) }
        }
    }

    /// Replaces the persisted alerts with the queue's (for a restart or a first import).
    public func replaceAlerts(_ queue: AlertQueue, at now: Date) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM alert")
            for (id, alert) in queue.alerts { try Self.upsert(alert, id: id, at: now, db) }
        }
    }

    public func recordAcknowledgement(_ ack: Acknowledgement, audit: AuditEntry) throws {
        try write { db in
            try Self.upsert(ack, db)
            try Self.insert(audit, db)
        }
    }

    public func recordUnacknowledgement(_ id: AlertID, audit: AuditEntry) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM alert_acknowledgement WHERE alert_id = ?", arguments: [id.rawValue])
            try Self.insert(audit, db)
        }
    }

    /// Records a new or expired silence.
    public func recordSilence(_ silence: Silence, audit: AuditEntry) throws {
        try write { db in
            try Self.upsert(silence, db)
            try Self.insert(audit, db)
        }
    }

    public func recordNote(_ note: AlertNote, audit: AuditEntry) throws {
        try write { db in
            try db.execute(
                sql: "INSERT INTO alert_note (alert_id, written_by, written_at, text) VALUES (?, ?, ?, ?)",
                arguments: [note.alertID.rawValue, note.by, note.at.timeIntervalSince1970, note.text])
            try Self.insert(audit, db)
        }
    }

    public func recordMaintenanceWindow(_ window: MaintenanceWindow, audit: AuditEntry) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO alert_maintenance_window (id, name, matchers, schedule, created_by, comment)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    window.id, window.name, try AlertRowCoding.matchers(window.matchers),
                    try AlertRowCoding.schedule(window.schedule), window.createdBy, window.comment,
                ])
            try Self.insert(audit, db)
        }
    }

    public func recordMaintenanceWindowRemoval(_ id: String, audit: AuditEntry) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM alert_maintenance_window WHERE id = ?", arguments: [id])
            try Self.insert(audit, db)
        }
    }

    /// The newest operator actions, newest last.
    public func auditTrail(limit: Int = 1000) throws -> [AuditEntry] {
        try mapping {
            try writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM (SELECT * FROM alert_audit ORDER BY id DESC LIMIT ?) ORDER BY id",
                    arguments: [limit]
                ).map { row in
                    AuditEntry(
                        at: AlertRowCoding.date(row, "at"), actor: row["actor"],
                        action: AuditEntry.Action(rawValue: row["action"]) ?? .note, target: row["target"],
                        detail: row["detail"])
                }
            }
        }
    }

    /// An alert's timeline, oldest first.
    public func history(of id: AlertID) throws -> [AlertHistoryEvent] {
        try mapping {
            try writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM alert_history WHERE alert_id = ? ORDER BY at, id", arguments: [id.rawValue]
                ).compactMap { row in
                    let at = AlertRowCoding.date(row, "at")
                    if let cleared = (row["ack_cleared"] as String?).flatMap(Acknowledgement.Clearing.init) {
                        return AlertHistoryEvent(alertID: id, at: at, change: .acknowledgementCleared(cleared))
                    }
                    guard let to = (row["to_state"] as String?).flatMap(RuleAlert.State.init) else { return nil }
                    let from = (row["from_state"] as String?).flatMap(RuleAlert.State.init)
                    return AlertHistoryEvent(alertID: id, at: at, change: .state(from: from, to: to))
                }
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
