import Foundation
import GRDB

/// A row of `alert_rule_evaluation`: when a rule group last evaluated.
struct RuleEvaluationRecord: StateRecord {
    static let databaseTableName = "alert_rule_evaluation"

    var file: String
    var groupName: String
    var evaluatedAt: Date

    enum CodingKeys: String, CodingKey {
        case file
        case groupName = "group_name"
        case evaluatedAt = "evaluated_at"
    }

    init(_ group: RuleGroupKey, at time: Date) {
        file = group.file
        groupName = group.name
        evaluatedAt = time
    }

    var group: RuleGroupKey { RuleGroupKey(file: file, name: groupName) }
}
