import PromQL

/// What rules need from a query language: check an expression, and evaluate it at one instant.
///
/// The PromQL evaluator is one implementation; tests use a fake to drive the alert state machine.
public protocol RuleQueryEngine: Sendable {
    /// Throws when the expression does not parse or is not a valid rule expression.
    func validate(_ expression: String) throws(RuleQueryError)
    /// The instant vector (a scalar becomes one sample without labels) of `expression` at `time`.
    func query(_ expression: String, at timeMilliseconds: Int64) throws(RuleQueryError) -> [RuleSample]
}

/// One element of an instant vector; `labels` include `__name__` when the series has a name.
public struct RuleSample: Sendable, Equatable {
    public var labels: Labels
    public var value: Double

    public init(labels: Labels, value: Double) {
        self.labels = labels
        self.value = value
    }
}

/// Why an expression could not be parsed or evaluated; `line` and `column` (1-based, within the
/// expression text) are set for parse errors.
public struct RuleQueryError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var line: Int?
    public var column: Int?

    public init(_ message: String, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String {
        guard let line, let column else { return message }
        return "\(line):\(column): \(message)"
    }
}
