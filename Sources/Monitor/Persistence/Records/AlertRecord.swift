import Foundation
import GRDB
import PromQL

/// A row of `alert`: an alert as of its last state change, its identity labels and annotations as JSON.
struct AlertRecord: StateRecord {
    static let databaseTableName = "alert"

    var id: String
    var ruleName: String
    var labels: String
    var annotations: String
    var state: String
    var activeAt: Date
    var firedAt: Date?
    var resolvedAt: Date?
    var value: Double?
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, labels, annotations, state, value
        case ruleName = "rule_name"
        case activeAt = "active_at"
        case firedAt = "fired_at"
        case resolvedAt = "resolved_at"
        case updatedAt = "updated_at"
    }

    init(_ alert: RuleAlert, id: AlertID, at now: Date) throws {
        self.id = id.rawValue
        ruleName = alert.ruleName
        labels = try AlertRowCoding.labels(alert.identityLabels)
        annotations = try AlertRowCoding.json(alert.annotations)
        state = alert.state.rawValue
        activeAt = alert.activeAt
        firedAt = alert.firedAt
        resolvedAt = alert.resolvedAt
        value = alert.value.isFinite ? alert.value : nil
        updatedAt = now
    }

    func alert() throws -> RuleAlert {
        var labels = try AlertRowCoding.labels(self.labels, table: Self.databaseTableName, id: id)
        labels[AlertID.alertNameLabel] = nil
        guard let state = RuleAlert.State(rawValue: state) else {
            throw AlertStoreError.invalidRow(table: Self.databaseTableName, id: id, reason: "unknown state \(state)")
        }
        return RuleAlert(
            ruleName: ruleName, labels: labels,
            annotations: try AlertRowCoding.decode(
                [String: String].self, annotations, table: Self.databaseTableName, id: id),
            state: state, activeAt: activeAt, firedAt: firedAt, resolvedAt: resolvedAt, value: value ?? .nan)
    }
}
