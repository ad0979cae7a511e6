import PromQL
import Synchronization

/// Rules over the PromQL evaluator: expressions parsed once and cached, evaluated over a `SeriesSource`.
public final class PromQLRuleQueryEngine: RuleQueryEngine {
    public let source: any SeriesSource
    public let lookbackDelta: Int64
    private let parsed = Mutex<[String: PromQL.Expression]>([:])

    public init(source: any SeriesSource, lookbackDelta: Int64 = 300_000) {
        self.source = source
        self.lookbackDelta = lookbackDelta
    }

    /// An engine for checking rule files only: parses, never reads data.
    public static var validator: PromQLRuleQueryEngine { PromQLRuleQueryEngine(source: EmptySeriesSource()) }

    public func validate(_ expression: String) throws(RuleQueryError) {
        let parsed = try parse(expression)
        guard parsed.type == .instantVector || parsed.type == .scalar else {
            throw RuleQueryError(
                "rule expression must be an instant vector or a scalar, found \(parsed.type.rawValue)", line: 1,
                column: 1)
        }
    }

    public func query(_ expression: String, at timeMilliseconds: Int64) throws(RuleQueryError) -> [RuleSample] {
        let parsed = try parse(expression)
        let value: QueryValue
        do {
            value = try Evaluator(source: source, lookbackDelta: lookbackDelta).evaluateInstant(
                parsed, at: timeMilliseconds)
        } catch {
            throw RuleQueryError(error.message)
        }
        switch value {
        case .vector(let samples): return samples.map { RuleSample(labels: $0.labels, value: $0.value) }
        case .scalar(let number): return [RuleSample(labels: [:], value: number)]
        case .matrix, .string: throw RuleQueryError("rule result is not a vector or scalar")
        }
    }

    private func parse(_ expression: String) throws(RuleQueryError) -> PromQL.Expression {
        if let cached = parsed.withLock({ $0[expression] }) { return cached }
        do {
            let expressionTree = try PromQL.parse(expression)
            parsed.withLock { $0[expression] = expressionTree }
            return expressionTree
        } catch {
            throw RuleQueryError(
                "\(error.kind.rawValue) error: \(error.message)", line: error.position.line,
                column: error.position.column)
        }
    }
}

/// A source with no series, for checking expressions without data.
struct EmptySeriesSource: SeriesSource {
    func select(matchers: [LabelMatcher], from start: Int64, through end: Int64) -> [SeriesData] { [] }
}
