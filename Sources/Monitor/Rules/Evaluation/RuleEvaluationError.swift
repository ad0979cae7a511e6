/// Why one evaluation of one rule failed; recorded on the rule, never thrown past the group.
public struct RuleEvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    static let duplicateAlertLabels = RuleEvaluationError(
        "vector contains metrics with the same labelset after applying alert labels")
    static let duplicateRecordLabels = RuleEvaluationError(
        "vector contains metrics with the same labelset after applying rule labels")
}
