/// The state of one query's evaluation: the series its selectors read, fetched once for all its steps.
final class EvaluationRun {
    let evaluator: Evaluator
    private var cache: [String: FetchedSeries] = [:]
    private var windows: [String: ClosedRange<Int64>] = [:]
    /// Steps (of a range query and of subqueries) still allowed, so that no query runs unbounded.
    private var stepBudget = EvaluationRun.maximumSteps

    /// The most evaluation steps one query may take, its subqueries' steps included.
    static let maximumSteps: Int64 = 5_000_000

    /// Series a selector read, with the time span fetched.
    struct FetchedSeries {
        var span: ClosedRange<Int64>
        var series: [(labels: Labels, samples: [SamplePoint])]
    }

    /// A range vector with the window it was taken over, which rate() and friends extrapolate to.
    struct RangeArgument {
        var series: [MatrixSeries]
        var range: Int64
        var rangeEnd: Int64
    }

    init(evaluator: Evaluator, expression: PromQL.Expression, start: Int64, end: Int64) {
        self.evaluator = evaluator
        collectWindows(expression, start: start, end: end)
    }

    /// Works out, for every selector, the span of samples the whole query needs, so each is fetched once.
    private func collectWindows(_ expression: PromQL.Expression, start: Int64, end: Int64) {
        func add(_ selector: PromQL.VectorSelector, reach: Int64) {
            let key = Self.key(selector)
            let window = (start - selector.offset - reach + 1)...(end - selector.offset)
            if let known = windows[key] {
                windows[key] = min(known.lowerBound, window.lowerBound)...max(known.upperBound, window.upperBound)
            } else {
                windows[key] = window
            }
        }
        switch expression.kind {
        case .number, .string: break
        case .vectorSelector(let selector): add(selector, reach: evaluator.lookbackDelta)
        case .matrixSelector(let selector, let range): add(selector, reach: range)
        case .subquery(let subquery):
            collectWindows(
                subquery.expression, start: start - subquery.offset - subquery.range, end: end - subquery.offset)
        case .parenthesized(let inner), .negation(let inner): collectWindows(inner, start: start, end: end)
        case .binary(let operation):
            collectWindows(operation.lhs, start: start, end: end)
            collectWindows(operation.rhs, start: start, end: end)
        case .aggregation(let aggregation):
            collectWindows(aggregation.expression, start: start, end: end)
            if let parameter = aggregation.parameter { collectWindows(parameter, start: start, end: end) }
        case .call(let call):
            for argument in call.arguments { collectWindows(argument, start: start, end: end) }
        }
    }

    private static func key(_ selector: PromQL.VectorSelector) -> String {
        var key = ""
        for matcher in selector.matchers {
            key += matcher.name + "\u{0}" + matcher.kind.rawValue + matcher.value + "\u{0}"
        }
        return key
    }

    /// The series of a selector with samples covering at least `needed`.
    func fetch(_ selector: PromQL.VectorSelector, covering needed: ClosedRange<Int64>) -> FetchedSeries {
        let key = Self.key(selector)
        if let cached = cache[key], cached.span.lowerBound <= needed.lowerBound,
            cached.span.upperBound >= needed.upperBound
        {
            return cached
        }
        var span =
            windows[key].map { min($0.lowerBound, needed.lowerBound)...max($0.upperBound, needed.upperBound) }
            ?? needed
        if let cached = cache[key] {
            span = min(span.lowerBound, cached.span.lowerBound)...max(span.upperBound, cached.span.upperBound)
        }
        let selected = evaluator.source.select(
            matchers: selector.matchers, from: span.lowerBound, through: span.upperBound)
        // Sorted by labels, as Prometheus' storage returns series, so results do not depend on the source's order.
        let series = selected.map { ($0.labelsIncludingName, $0.samples) }.sorted { $0.0 < $1.0 }
        let fetched = FetchedSeries(span: span, series: series)
        cache[key] = fetched
        return fetched
    }

    // MARK: Dispatch

    func evaluate(_ expression: PromQL.Expression, at time: Int64) throws(PromQLError) -> QueryValue {
        switch expression.kind {
        case .number(let value): return .scalar(value)
        case .string(let text): return .string(text)
        case .vectorSelector(let selector):
            return .vector(
                selectVector(selector, at: time).map { VectorSample(labels: $0.labels, value: $0.point.value) })
        case .matrixSelector, .subquery:
            return .matrix(try evaluateRange(expression, at: time).series)
        case .parenthesized(let inner):
            return try evaluate(inner, at: time)
        case .negation(let inner):
            switch try evaluate(inner, at: time) {
            case .scalar(let value): return .scalar(-value)
            case .vector(let samples):
                let negated = samples.map { VectorSample(labels: $0.labels.droppingMetricName(), value: -$0.value) }
                try checkDistinctLabels(negated, position: expression.position)
                return .vector(negated)
            case let other: return other
            }
        case .binary(let operation):
            return try evaluateBinary(operation, at: time, position: expression.position)
        case .aggregation(let aggregation):
            return .vector(try evaluateAggregation(aggregation, at: time, position: expression.position))
        case .call(let call):
            return try evaluateCall(call, at: time, position: expression.position)
        }
    }

    func evaluateVector(_ expression: PromQL.Expression, at time: Int64) throws(PromQLError) -> [VectorSample] {
        switch try evaluate(expression, at: time) {
        case .vector(let samples): return samples
        case let other:
            throw PromQLError(.type, at: expression.position, "expected instant vector, got \(other.typeName)")
        }
    }

    func evaluateScalar(_ expression: PromQL.Expression, at time: Int64) throws(PromQLError) -> Double {
        switch try evaluate(expression, at: time) {
        case .scalar(let value): return value
        case let other: throw PromQLError(.type, at: expression.position, "expected scalar, got \(other.typeName)")
        }
    }

    func evaluateString(_ expression: PromQL.Expression, at time: Int64) throws(PromQLError) -> String {
        switch try evaluate(expression, at: time) {
        case .string(let text): return text
        case let other: throw PromQLError(.type, at: expression.position, "expected string, got \(other.typeName)")
        }
    }

    // MARK: Selectors

    /// The newest sample of each series in `(t - offset - lookback, t - offset]`, unless it is a stale marker.
    func selectVector(_ selector: PromQL.VectorSelector, at time: Int64) -> [(labels: Labels, point: SamplePoint)] {
        let reference = time - selector.offset
        let oldest = reference - evaluator.lookbackDelta
        let fetched = fetch(selector, covering: (oldest + 1)...reference)
        var result: [(labels: Labels, point: SamplePoint)] = []
        result.reserveCapacity(fetched.series.count)
        for series in fetched.series {
            let index = Self.countAtOrBefore(reference, in: series.samples) - 1
            guard index >= 0 else { continue }
            let point = series.samples[index]
            guard point.timestampMilliseconds > oldest, !point.isStale else { continue }
            result.append((series.labels, point))
        }
        return result
    }

    /// How many samples have a timestamp at or before `time` (samples sorted by time).
    static func countAtOrBefore(_ time: Int64, in samples: [SamplePoint]) -> Int {
        var low = 0
        var high = samples.count
        while low < high {
            let middle = (low + high) / 2
            if samples[middle].timestampMilliseconds <= time { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// A range selector or subquery evaluated at `time`, stale markers left out.
    func evaluateRange(_ expression: PromQL.Expression, at time: Int64) throws(PromQLError) -> RangeArgument {
        switch expression.kind {
        case .matrixSelector(let selector, let range):
            let end = time - selector.offset
            let fetched = fetch(selector, covering: (end - range + 1)...end)
            var result: [MatrixSeries] = []
            for series in fetched.series {
                let upper = Self.countAtOrBefore(end, in: series.samples)
                let lower = Self.countAtOrBefore(end - range, in: series.samples)
                guard lower < upper else { continue }
                let points = series.samples[lower..<upper].filter { !$0.isStale }
                if !points.isEmpty { result.append(MatrixSeries(labels: series.labels, points: points)) }
            }
            return RangeArgument(series: result, range: range, rangeEnd: end)
        case .subquery(let subquery):
            return try evaluateSubquery(subquery, at: time)
        case .parenthesized(let inner):
            return try evaluateRange(inner, at: time)
        default:
            throw PromQLError(.type, at: expression.position, "expected range vector")
        }
    }

    func evaluateSubquery(_ subquery: PromQL.Subquery, at time: Int64) throws(PromQLError) -> RangeArgument {
        let step = subquery.step ?? evaluator.defaultSubqueryStep
        let end = time - subquery.offset
        let rangeStart = end - subquery.range
        var first = step * (rangeStart / step)
        if first <= rangeStart { first += step }
        let series = first <= end ? try evaluateSteps(subquery.expression, start: first, end: end, step: step) : []
        return RangeArgument(series: series, range: subquery.range, rangeEnd: end)
    }

    /// `expression` at every step, collected per label set and sorted by labels.
    func evaluateSteps(_ expression: PromQL.Expression, start: Int64, end: Int64, step: Int64) throws(PromQLError)
        -> [MatrixSeries]
    {
        var indexByLabels: [Labels: Int] = [:]
        var result: [MatrixSeries] = []
        func add(_ labels: Labels, _ point: SamplePoint) {
            if let index = indexByLabels[labels] {
                result[index].points.append(point)
            } else {
                indexByLabels[labels] = result.count
                result.append(MatrixSeries(labels: labels, points: [point]))
            }
        }
        let steps = (end - start) / step + 1
        guard steps <= stepBudget else {
            throw PromQLError(
                .evaluation, at: expression.position,
                "query needs more than \(Self.maximumSteps) evaluation steps; use a coarser step or a shorter range")
        }
        stepBudget -= steps
        var time = start
        while time <= end {
            switch try evaluate(expression, at: time) {
            case .scalar(let value): add(Labels(), SamplePoint(time, value))
            case .vector(let samples):
                for sample in samples { add(sample.labels, SamplePoint(time, sample.value)) }
            case let other:
                throw PromQLError(
                    .type, at: expression.position,
                    "invalid expression type \"\(other.typeName)\" for range query, must be scalar or instant vector")
            }
            time += step
        }
        return result.sorted { $0.labels < $1.labels }
    }

    /// Prometheus refuses a result in which two series have the same labels.
    func checkDistinctLabels(_ samples: [VectorSample], position: SourcePosition) throws(PromQLError) {
        guard samples.count > 1 else { return }
        var seen = Set<Labels>(minimumCapacity: samples.count)
        for sample in samples where !seen.insert(sample.labels).inserted {
            throw PromQLError(.evaluation, at: position, "vector cannot contain metrics with the same labelset")
        }
    }
}
