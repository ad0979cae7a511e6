import Foundation
import GRDB

/// When each rule group last evaluated: with the persisted alerts, what a restart needs to restore their
/// `for` progress as Prometheus does from its `ALERTS_FOR_STATE` series.
extension AlertStateStore {
    /// The time of each group's last recorded evaluation.
    public func ruleEvaluations() throws -> [RuleGroupKey: Date] {
        try mapping {
            try writer.read { db in
                var evaluations: [RuleGroupKey: Date] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT * FROM alert_rule_evaluation") {
                    evaluations[RuleGroupKey(file: row["file"], name: row["group_name"])] = AlertRowCoding.date(
                        row, "evaluated_at")
                }
                return evaluations
            }
        }
    }

    static func upsertRuleEvaluation(_ group: RuleGroupKey, at time: Date, _ db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO alert_rule_evaluation (file, group_name, evaluated_at) VALUES (?, ?, ?)",
            arguments: [group.file, group.name, time.timeIntervalSince1970])
    }
}
