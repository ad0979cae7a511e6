/// Evaluates parsed PromQL over a `SeriesSource`, with Prometheus 3.x semantics.
///
/// Range windows and the lookback are open on the left, `(t - range, t]`; a staleness marker ends
/// a series. Times are Unix milliseconds. A query that cannot be evaluated throws a `PromQLError`.
public struct Evaluator: Sendable {
    public let source: any SeriesSource
    /// How far back an instant vector selector looks for a sample, in milliseconds (Prometheus: 5m).
    public var lookbackDelta: Int64
    /// The resolution of a subquery written without a step, in milliseconds.
    public var defaultSubqueryStep: Int64

    public init(source: any SeriesSource, lookbackDelta: Int64 = 300_000, defaultSubqueryStep: Int64 = 60_000) {
        self.source = source
        self.lookbackDelta = lookbackDelta
        self.defaultSubqueryStep = defaultSubqueryStep
    }

    /// The value of `expression` at one time.
    public func evaluateInstant(_ expression: PromQL.Expression, at time: Int64) throws(PromQLError) -> QueryValue {
        let run = EvaluationRun(evaluator: self, expression: expression, start: time, end: time)
        return try run.evaluate(expression, at: time)
    }

    /// The most points a range query may return per series, as Prometheus' API allows.
    public static let maximumPoints: Int64 = 11_000

    /// The value of `expression` at every `step` from `start` through `end`, one series per label set, sorted by labels.
    public func evaluateRange(_ expression: PromQL.Expression, start: Int64, end: Int64, step: Int64)
        throws(PromQLError) -> [MatrixSeries]
    {
        guard expression.type == .scalar || expression.type == .instantVector else {
            throw PromQLError(
                .type, at: expression.position,
                "invalid expression type \"\(expression.type.rawValue)\" for range query, must be scalar or instant vector"
            )
        }
        guard step > 0 else {
            throw PromQLError(.evaluation, at: expression.position, "zero or negative query resolution step")
        }
        guard end >= start else {
            throw PromQLError(.evaluation, at: expression.position, "end time must not be before start time")
        }
        guard (end - start) / step < Self.maximumPoints else {
            throw PromQLError(
                .evaluation, at: expression.position,
                "exceeded maximum resolution of \(Self.maximumPoints) points per timeseries; use a coarser step")
        }
        let run = EvaluationRun(evaluator: self, expression: expression, start: start, end: end)
        return try run.evaluateSteps(expression, start: start, end: end, step: step)
    }
}
