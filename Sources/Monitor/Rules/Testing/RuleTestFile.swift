import PromQL
import SwitchboardCore

/// A `promtool test rules` file: rule files, an evaluation interval and test groups.
public struct RuleTestFile: Sendable {
    public var path: String
    /// Rule files, resolved against the test file's folder.
    public var ruleFiles: [String]
    public var evaluationInterval: Int64
    public var groupEvalOrder: [String]
    public var tests: [RuleTestGroup]
}

/// One entry of `tests:`: input series and what to expect of alerts and expressions over them.
public struct RuleTestGroup: Sendable {
    public var name: String?
    /// The step of the input series, milliseconds; nil means the file's evaluation interval.
    public var interval: Int64?
    public var inputSeries: [InputSeries]
    public var alertTests: [AlertTestCase]
    public var expressionTests: [ExpressionTestCase]
    public var externalLabels: Labels
    public var externalURL: String
    public var location: SourceLocation
}

/// `series: 'up{job="a"}'` with `values: '0+1x10 _ stale'`.
public struct InputSeries: Sendable {
    public var series: String
    public var values: String
    public var location: SourceLocation
}

/// `alert_rule_test`: the firing alerts of one alert name at one time.
public struct AlertTestCase: Sendable {
    public var evalTime: Int64
    public var alertname: String
    public var expected: [(labels: Labels, annotations: Labels)]
}

/// `promql_expr_test`: an expression's samples at one time.
public struct ExpressionTestCase: Sendable {
    public var expression: String
    public var evalTime: Int64
    /// The `labels` text of each expected sample (parsed when the test runs) and its value.
    public var expected: [(labels: String, value: Double, histogram: String?)]
}
