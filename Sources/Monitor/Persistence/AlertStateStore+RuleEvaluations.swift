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
                for record in try RuleEvaluationRecord.fetchAll(db) { evaluations[record.group] = record.evaluatedAt }
                return evaluations
            }
        }
    }
}
