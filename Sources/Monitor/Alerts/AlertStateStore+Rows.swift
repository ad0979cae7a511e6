import Foundation
import GRDB
import PromQL

/// Reading and writing single rows of the alert tables.
extension AlertStateStore {
    static func alerts(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws
        -> [RuleAlert]
    {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let id: String = row["id"]
            var labels = try AlertRowCoding.labels(row["labels"], table: "alert", id: id)
            labels[AlertID.alertNameLabel] = nil
            guard let state = RuleAlert.State(rawValue: row["state"]) else {
                throw AlertStoreError.invalidRow(table: "alert", id: id, reason: "unknown state \(row["state"] ?? "")")
            }
            return RuleAlert(
                ruleName: row["rule_name"], labels: labels,
                annotations: try AlertRowCoding.decode(
                    [String: String].self, row["annotations"], table: "alert", id: id),
                state: state, activeAt: AlertRowCoding.date(row, "active_at"),
                firedAt: AlertRowCoding.optionalDate(row, "fired_at"),
                resolvedAt: AlertRowCoding.optionalDate(row, "resolved_at"), value: row["value"])
        }
    }

    static func acknowledgements(
        _ db: Database, sql: String, arguments: StatementArguments = StatementArguments()
    ) throws -> [Acknowledgement] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            Acknowledgement(
                alertID: AlertID(rawValue: row["alert_id"]), by: row["acknowledged_by"],
                at: AlertRowCoding.date(row, "acknowledged_at"), note: row["note"],
                expiresAt: AlertRowCoding.optionalDate(row, "expires_at"), sticky: row["sticky"],
                severity: AlertSeverity(rawValue: row["severity"]) ?? .none)
        }
    }

    static func silences(_ db: Database, sql: String = "SELECT * FROM alert_silence", id: String? = nil) throws
        -> [Silence]
    {
        let arguments: StatementArguments = id.map { [$0] } ?? StatementArguments()
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let id: String = row["id"]
            return Silence(
                unchecked: id, matchers: try AlertRowCoding.matchers(row["matchers"], table: "alert_silence", id: id),
                startsAt: AlertRowCoding.date(row, "starts_at"), endsAt: AlertRowCoding.date(row, "ends_at"),
                createdBy: row["created_by"], comment: row["comment"])
        }
    }

    static func notes(_ db: Database) throws -> [AlertNote] {
        try Row.fetchAll(db, sql: "SELECT * FROM alert_note ORDER BY id").map { row in
            AlertNote(
                alertID: AlertID(rawValue: row["alert_id"]), by: row["written_by"],
                at: AlertRowCoding.date(row, "written_at"), text: row["text"])
        }
    }

    static func maintenanceWindows(_ db: Database) throws -> [MaintenanceWindow] {
        try Row.fetchAll(db, sql: "SELECT * FROM alert_maintenance_window").map { row in
            let id: String = row["id"]
            do {
                return try MaintenanceWindow(
                    id: id, name: row["name"],
                    matchers: try AlertRowCoding.matchers(row["matchers"], table: "alert_maintenance_window", id: id),
                    schedule: try AlertRowCoding.schedule(row["schedule"], id: id), createdBy: row["created_by"],
                    comment: row["comment"])
            } catch let error as AlertQueueError {
                throw AlertStoreError.invalidRow(table: "alert_maintenance_window", id: id, reason: error.description)
            }
        }
    }

    static func upsert(_ alert: RuleAlert, id: AlertID, at now: Date, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO alert
                    (id, rule_name, labels, annotations, state, active_at, fired_at, resolved_at, value, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id.rawValue, alert.ruleName, try AlertRowCoding.labels(alert.identityLabels),
                try AlertRowCoding.json(alert.annotations), alert.state.rawValue, alert.activeAt.timeIntervalSince1970,
                alert.firedAt?.timeIntervalSince1970, alert.resolvedAt?.timeIntervalSince1970,
                alert.value.isFinite ? alert.value : nil, now.timeIntervalSince1970,
            ])
    }

    static func upsert(_ ack: Acknowledgement, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO alert_acknowledgement
                    (alert_id, acknowledged_by, acknowledged_at, note, expires_at, sticky, severity)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                ack.alertID.rawValue, ack.by, ack.at.timeIntervalSince1970, ack.note,
                ack.expiresAt?.timeIntervalSince1970, ack.sticky, ack.severity.rawValue,
            ])
    }

    static func upsert(_ silence: Silence, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO alert_silence (id, matchers, starts_at, ends_at, created_by, comment)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                silence.id, try AlertRowCoding.matchers(silence.matchers), silence.startsAt.timeIntervalSince1970,
                silence.endsAt.timeIntervalSince1970, silence.createdBy, silence.comment,
            ])
    }

    static func insert(_ audit: AuditEntry, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO alert_audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [audit.at.timeIntervalSince1970, audit.actor, audit.action.rawValue, audit.target, audit.detail])
    }

    static func insert(_ event: AlertHistoryEvent, _ db: Database) throws {
        var from: String?
        var to: String?
        var cleared: String?
        switch event.change {
        case .state(let old, let new):
            from = old?.rawValue
            to = new.rawValue
        case .acknowledgementCleared(let reason):
            cleared = reason.rawValue
        }
        try db.execute(
            sql: "INSERT INTO alert_history (alert_id, at, from_state, to_state, ack_cleared) VALUES (?, ?, ?, ?, ?)",
            arguments: [event.alertID.rawValue, event.at.timeIntervalSince1970, from, to, cleared])
    }
}
