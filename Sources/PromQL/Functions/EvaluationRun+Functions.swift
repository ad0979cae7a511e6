import Foundation

extension EvaluationRun {
    /// Functions whose result keeps the metric name of their input.
    static let keepsMetricName: Set<String> = ["last_over_time", "sort", "sort_desc", "label_replace", "label_join"]

    func evaluateCall(_ call: PromQL.FunctionCall, at time: Int64, position: SourcePosition) throws(PromQLError)
        -> QueryValue
    {
        let name = call.function.name
        let arguments = call.arguments
        switch name {
        case "time": return .scalar(Double(time) / 1000)
        case "pi": return .scalar(.pi)
        case "vector":
            return .vector([VectorSample(labels: Labels(), value: try evaluateScalar(arguments[0], at: time))])
        case "scalar":
            let samples = try evaluateVector(arguments[0], at: time)
            return .scalar(samples.count == 1 ? samples[0].value : .nan)
        default: break
        }
        let result: [VectorSample]
        switch name {
        case "timestamp": result = try timestamps(of: arguments[0], at: time)
        case "absent":
            let samples = try evaluateVector(arguments[0], at: time)
            result = samples.isEmpty ? [VectorSample(labels: Self.absentLabels(arguments[0]), value: 1)] : []
        case "absent_over_time":
            let range = try evaluateRange(arguments[0], at: time)
            result = range.series.isEmpty ? [VectorSample(labels: Self.absentLabels(arguments[0]), value: 1)] : []
        case "label_replace":
            result = try LabelFunctions.replace(
                try evaluateVector(arguments[0], at: time), destination: try evaluateString(arguments[1], at: time),
                replacement: try evaluateString(arguments[2], at: time),
                source: try evaluateString(arguments[3], at: time), pattern: try evaluateString(arguments[4], at: time),
                position: position)
        case "label_join":
            var sources: [String] = []
            for argument in arguments.dropFirst(3) { sources.append(try evaluateString(argument, at: time)) }
            result = try LabelFunctions.join(
                try evaluateVector(arguments[0], at: time), destination: try evaluateString(arguments[1], at: time),
                separator: try evaluateString(arguments[2], at: time), sources: sources, position: position)
        case "histogram_quantile":
            let q = try evaluateScalar(arguments[0], at: time)
            result = HistogramQuantile.evaluate(q, try evaluateVector(arguments[1], at: time))
        case "sort", "sort_desc":
            let descending = name == "sort_desc"
            result = try evaluateVector(arguments[0], at: time).enumerated().sorted { a, b in
                let (x, y) = (a.element.value, b.element.value)
                if x.isNaN != y.isNaN { return y.isNaN }
                if x != y && !x.isNaN { return descending ? x > y : x < y }
                return a.offset < b.offset
            }.map(\.element)
        default:
            if call.function.argumentTypes.contains(.rangeVector) {
                result = try evaluateRangeFunction(name, arguments, at: time)
            } else {
                result = try evaluateElementwise(name, arguments, at: time)
            }
        }
        try checkDistinctLabels(result, position: position)
        return .vector(result)
    }

    /// The labels absent() gives its one sample: the selector's equality matchers, unless a name repeats.
    static func absentLabels(_ argument: PromQL.Expression) -> Labels {
        let matchers: [LabelMatcher]
        switch argument.kind {
        case .vectorSelector(let selector), .matrixSelector(let selector, _): matchers = selector.matchers
        default: return Labels()
        }
        var labels = Labels()
        var seen = Set<String>()
        for matcher in matchers where matcher.name != LabelMatcher.metricNameLabel {
            if matcher.kind == .equal && !seen.contains(matcher.name) {
                labels[matcher.name] = matcher.value
                seen.insert(matcher.name)
            } else {
                labels[matcher.name] = nil
            }
        }
        return labels
    }

    /// timestamp(): a selector's own sample times; any other expression's evaluation time.
    func timestamps(of argument: PromQL.Expression, at time: Int64) throws(PromQLError) -> [VectorSample] {
        var inner = argument
        while case .parenthesized(let wrapped) = inner.kind { inner = wrapped }
        if case .vectorSelector(let selector) = inner.kind {
            return selectVector(selector, at: time).map {
                VectorSample(
                    labels: $0.labels.droppingMetricName(), value: Double($0.point.timestampMilliseconds) / 1000)
            }
        }
        return try evaluateVector(argument, at: time).map {
            VectorSample(labels: $0.labels.droppingMetricName(), value: Double(time) / 1000)
        }
    }

    func evaluateRangeFunction(_ name: String, _ arguments: [PromQL.Expression], at time: Int64) throws(PromQLError)
        -> [VectorSample]
    {
        var parameter = Double.nan
        let rangeArgument: PromQL.Expression
        switch name {
        case "quantile_over_time":
            parameter = try evaluateScalar(arguments[0], at: time)
            rangeArgument = arguments[1]
        case "predict_linear":
            parameter = try evaluateScalar(arguments[1], at: time)
            rangeArgument = arguments[0]
        default:
            rangeArgument = arguments[0]
        }
        let range = try evaluateRange(rangeArgument, at: time)
        let window = RangeFunctions.Window(start: range.rangeEnd - range.range, end: range.rangeEnd)
        let keepName = Self.keepsMetricName.contains(name)
        var result: [VectorSample] = []
        result.reserveCapacity(range.series.count)
        for series in range.series {
            guard let value = RangeFunctions.value(of: name, series.points, window: window, parameter: parameter) else {
                continue
            }
            result.append(
                VectorSample(labels: keepName ? series.labels : series.labels.droppingMetricName(), value: value))
        }
        return result
    }

    func evaluateElementwise(_ name: String, _ arguments: [PromQL.Expression], at time: Int64) throws(PromQLError)
        -> [VectorSample]
    {
        var scalars: [Double] = []
        for argument in arguments.dropFirst() { scalars.append(try evaluateScalar(argument, at: time)) }
        let input: [VectorSample]
        if arguments.isEmpty {
            input = [VectorSample(labels: Labels(), value: Double(time) / 1000)]
        } else {
            input = try evaluateVector(arguments[0], at: time)
        }
        if name == "clamp" && scalars[1] < scalars[0] { return [] }
        guard let function = Self.elementwise(name, scalars) else { return [] }
        return input.map { VectorSample(labels: $0.labels.droppingMetricName(), value: function($0.value)) }
    }

    static func elementwise(_ name: String, _ scalars: [Double]) -> ((Double) -> Double)? {
        switch name {
        case "abs": return { abs($0) }
        case "ceil": return { $0.rounded(.up) }
        case "floor": return { $0.rounded(.down) }
        case "exp": return { Foundation.exp($0) }
        case "ln": return { Foundation.log($0) }
        case "log2": return { Foundation.log2($0) }
        case "log10": return { Foundation.log10($0) }
        case "sqrt": return { $0.squareRoot() }
        case "sgn": return { $0 > 0 ? 1 : $0 < 0 ? -1 : $0 }
        case "deg": return { $0 * 180 / .pi }
        case "rad": return { $0 * .pi / 180 }
        case "sin": return { Foundation.sin($0) }
        case "cos": return { Foundation.cos($0) }
        case "tan": return { Foundation.tan($0) }
        case "asin": return { Foundation.asin($0) }
        case "acos": return { Foundation.acos($0) }
        case "atan": return { Foundation.atan($0) }
        case "sinh": return { Foundation.sinh($0) }
        case "cosh": return { Foundation.cosh($0) }
        case "tanh": return { Foundation.tanh($0) }
        case "asinh": return { Foundation.asinh($0) }
        case "acosh": return { Foundation.acosh($0) }
        case "atanh": return { Foundation.atanh($0) }
        case "round":
            let inverse = 1 / (scalars.first ?? 1)
            return { ($0 * inverse + 0.5).rounded(.down) / inverse }
        case "clamp":
            let (low, high) = (scalars[0], scalars[1])
            return { goMax(low, goMin(high, $0)) }
        case "clamp_min":
            let low = scalars[0]
            return { goMax(low, $0) }
        case "clamp_max":
            let high = scalars[0]
            return { goMin(high, $0) }
        default:
            return CalendarFunctions.function(name)
        }
    }

    /// Go's math.Max: NaN wins.
    static func goMax(_ a: Double, _ b: Double) -> Double {
        a.isNaN || b.isNaN ? .nan : Swift.max(a, b)
    }

    /// Go's math.Min: NaN wins.
    static func goMin(_ a: Double, _ b: Double) -> Double {
        a.isNaN || b.isNaN ? .nan : Swift.min(a, b)
    }
}
