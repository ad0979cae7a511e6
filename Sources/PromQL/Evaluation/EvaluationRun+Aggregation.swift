import Foundation

extension EvaluationRun {
    func evaluateAggregation(_ aggregation: PromQL.Aggregation, at time: Int64, position: SourcePosition)
        throws(PromQLError) -> [VectorSample]
    {
        let input = try evaluateVector(aggregation.expression, at: time)
        let grouping = Set(aggregation.grouping)
        let groupLabels: (Labels) -> Labels =
            aggregation.without
            ? { $0.removing(grouping.union([LabelMatcher.metricNameLabel])) } : { $0.keeping(grouping) }
        switch aggregation.op {
        case .topk, .bottomk:
            let parameter = try evaluateScalar(aggregation.parameter!, at: time)
            if parameter.isNaN {
                throw PromQLError(.evaluation, at: position, "Parameter value is NaN")
            }
            return Self.select(
                top: aggregation.op == .topk, parameter: parameter, input: input, groupLabels: groupLabels)
        case .countValues:
            let label = try evaluateString(aggregation.parameter!, at: time)
            guard Parser.isValidLabelName(label) else {
                throw PromQLError(.evaluation, at: position, "invalid label name \"\(label)\"")
            }
            var counts: [Labels: Double] = [:]
            var order: [Labels] = []
            for sample in input {
                var labels = groupLabels(sample.labels)
                labels[label] = Self.formatValue(sample.value)
                if counts[labels] == nil { order.append(labels) }
                counts[labels, default: 0] += 1
            }
            return order.map { VectorSample(labels: $0, value: counts[$0]!) }
        default:
            var parameter = Double.nan
            if let expression = aggregation.parameter {
                parameter = try evaluateScalar(expression, at: time)
            }
            var groups: [Labels: [Double]] = [:]
            var order: [Labels] = []
            for sample in input {
                let labels = groupLabels(sample.labels)
                if groups[labels] == nil { order.append(labels) }
                groups[labels, default: []].append(sample.value)
            }
            return order.map { VectorSample(labels: $0, value: Self.aggregate(aggregation.op, groups[$0]!, parameter)) }
        }
    }

    static func aggregate(_ op: PromQL.AggregationOperator, _ values: [Double], _ parameter: Double) -> Double {
        switch op {
        case .sum:
            var sum = KahanSum()
            for value in values { sum.add(value) }
            return sum.value
        case .avg:
            var mean = MeanAccumulator()
            for value in values { mean.add(value) }
            return mean.value
        case .min:
            return values.dropFirst().reduce(values[0]) { $1 < $0 || $0.isNaN ? $1 : $0 }
        case .max:
            return values.dropFirst().reduce(values[0]) { $1 > $0 || $0.isNaN ? $1 : $0 }
        case .count: return Double(values.count)
        case .group: return 1
        case .stddev, .stdvar:
            var variance = VarianceAccumulator()
            for value in values { variance.add(value) }
            return op == .stddev ? variance.variance.squareRoot() : variance.variance
        case .quantile: return quantile(parameter, values)
        case .topk, .bottomk, .countValues: return .nan
        }
    }

    /// The φ-quantile of values by linear interpolation between the closest ranks, as Prometheus computes it.
    static func quantile(_ q: Double, _ values: [Double]) -> Double {
        if values.isEmpty || q.isNaN { return .nan }
        if q < 0 { return -.infinity }
        if q > 1 { return .infinity }
        let sorted = values.sorted { $0.isNaN && !$1.isNaN || $0 < $1 }
        let n = Double(sorted.count)
        let rank = q * (n - 1)
        let lower = max(0, rank.rounded(.down))
        let upper = min(n - 1, lower + 1)
        let weight = rank - rank.rounded(.down)
        return sorted[Int(lower)] * (1 - weight) + sorted[Int(upper)] * weight
    }

    /// topk/bottomk: the k largest (smallest) samples of each group, NaN last, in order.
    static func select(top: Bool, parameter: Double, input: [VectorSample], groupLabels: (Labels) -> Labels)
        -> [VectorSample]
    {
        guard !parameter.isNaN, parameter >= 1 else { return [] }
        let k = parameter >= Double(Int.max) ? Int.max : Int(parameter)
        var groups: [Labels: [VectorSample]] = [:]
        var order: [Labels] = []
        for sample in input {
            let labels = groupLabels(sample.labels)
            if groups[labels] == nil { order.append(labels) }
            groups[labels, default: []].append(sample)
        }
        var result: [VectorSample] = []
        for labels in order {
            let members = groups[labels]!
            let ranked = members.enumerated().sorted { a, b in
                let (x, y) = (a.element.value, b.element.value)
                if x.isNaN != y.isNaN { return y.isNaN }
                if x != y && !x.isNaN { return top ? x > y : x < y }
                return a.offset < b.offset
            }
            result += ranked.prefix(k).map(\.element)
        }
        return result
    }

    /// A float as Go's `strconv.FormatFloat(v, 'f', -1, 64)` writes it: shortest, never with an exponent.
    static func formatValue(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        let text = "\(value)"
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        var mantissa = String(text[..<e])
        let exponent = Int(text[text.index(after: e)...])!
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if fraction == "0" { fraction = "" }
        var digits = integer + fraction
        var point = integer.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: -point + 1) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        let whole = String(digits.prefix(point))
        var rest = String(digits.dropFirst(point))
        while rest.hasSuffix("0") { rest.removeLast() }
        return (negative ? "-" : "") + whole + (rest.isEmpty ? "" : "." + rest)
    }
}
