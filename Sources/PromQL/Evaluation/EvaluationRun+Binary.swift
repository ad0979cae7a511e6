import Foundation

extension EvaluationRun {
    func evaluateBinary(_ operation: PromQL.BinaryOperation, at time: Int64, position: SourcePosition)
        throws(PromQLError) -> QueryValue
    {
        let lhs = try evaluate(operation.lhs, at: time)
        let rhs = try evaluate(operation.rhs, at: time)
        let op = operation.op
        switch (lhs, rhs) {
        case (.scalar(let left), .scalar(let right)):
            let (value, keep) = Self.apply(op, left, right)
            return .scalar(op.isComparison ? (keep ? 1 : 0) : value)
        case (.vector(let left), .scalar(let right)):
            return .vector(vectorScalar(op, left, right, scalarOnLeft: false, returnsBool: operation.returnsBool))
        case (.scalar(let left), .vector(let right)):
            return .vector(vectorScalar(op, right, left, scalarOnLeft: true, returnsBool: operation.returnsBool))
        case (.vector(let left), .vector(let right)):
            let matching = operation.matching ?? PromQL.VectorMatching(cardinality: .oneToOne)
            let result: [VectorSample]
            switch op {
            case .and: result = Self.and(left, right, matching)
            case .or: result = Self.or(left, right, matching)
            case .unless: result = Self.unless(left, right, matching)
            default:
                result = try vectorVector(
                    op, left, right, matching, returnsBool: operation.returnsBool, position: position)
            }
            try checkDistinctLabels(result, position: position)
            return .vector(result)
        default:
            throw PromQLError(
                .type, at: position, "binary expression must contain only scalar and instant vector types")
        }
    }

    /// The value of `left op right` and, for a comparison, whether it holds (the value is then `left`).
    static func apply(_ op: PromQL.BinaryOperator, _ left: Double, _ right: Double) -> (Double, Bool) {
        switch op {
        case .add: (left + right, true)
        case .subtract: (left - right, true)
        case .multiply: (left * right, true)
        case .divide: (left / right, true)
        case .modulo: (fmod(left, right), true)
        case .power: (pow(left, right), true)
        case .atan2: (atan2(left, right), true)
        case .equal: (left, left == right)
        case .notEqual: (left, left != right)
        case .greater: (left, left > right)
        case .less: (left, left < right)
        case .greaterOrEqual: (left, left >= right)
        case .lessOrEqual: (left, left <= right)
        case .and, .or, .unless: (.nan, false)
        }
    }

    static func dropsMetricName(_ op: PromQL.BinaryOperator) -> Bool {
        switch op {
        case .add, .subtract, .multiply, .divide, .modulo, .power, .atan2: true
        default: false
        }
    }

    func vectorScalar(
        _ op: PromQL.BinaryOperator, _ vector: [VectorSample], _ scalar: Double, scalarOnLeft: Bool, returnsBool: Bool
    ) -> [VectorSample] {
        var result: [VectorSample] = []
        result.reserveCapacity(vector.count)
        let dropName = Self.dropsMetricName(op) || returnsBool
        for sample in vector {
            var (value, keep) =
                scalarOnLeft ? Self.apply(op, scalar, sample.value) : Self.apply(op, sample.value, scalar)
            // A comparison keeps the vector's value, on whichever side it stands.
            if op.isComparison && scalarOnLeft { value = sample.value }
            if returnsBool {
                value = keep ? 1 : 0
                keep = true
            }
            guard keep else { continue }
            result.append(
                VectorSample(labels: dropName ? sample.labels.droppingMetricName() : sample.labels, value: value))
        }
        return result
    }

    static func signature(_ matching: PromQL.VectorMatching) -> (Labels) -> Labels {
        if matching.on {
            let names = Set(matching.labels)
            return { $0.keeping(names) }
        }
        let names = Set(matching.labels + [LabelMatcher.metricNameLabel])
        return { $0.removing(names) }
    }

    static func and(_ lhs: [VectorSample], _ rhs: [VectorSample], _ matching: PromQL.VectorMatching) -> [VectorSample] {
        guard !lhs.isEmpty, !rhs.isEmpty else { return [] }
        let signature = signature(matching)
        let right = Set(rhs.map { signature($0.labels) })
        return lhs.filter { right.contains(signature($0.labels)) }
    }

    static func or(_ lhs: [VectorSample], _ rhs: [VectorSample], _ matching: PromQL.VectorMatching) -> [VectorSample] {
        guard !lhs.isEmpty else { return rhs }
        guard !rhs.isEmpty else { return lhs }
        let signature = signature(matching)
        let left = Set(lhs.map { signature($0.labels) })
        return lhs + rhs.filter { !left.contains(signature($0.labels)) }
    }

    static func unless(_ lhs: [VectorSample], _ rhs: [VectorSample], _ matching: PromQL.VectorMatching)
        -> [VectorSample]
    {
        guard !lhs.isEmpty, !rhs.isEmpty else { return lhs }
        let signature = signature(matching)
        let right = Set(rhs.map { signature($0.labels) })
        return lhs.filter { !right.contains(signature($0.labels)) }
    }

    func vectorVector(
        _ op: PromQL.BinaryOperator, _ lhs: [VectorSample], _ rhs: [VectorSample], _ matching: PromQL.VectorMatching,
        returnsBool: Bool, position: SourcePosition
    ) throws(PromQLError) -> [VectorSample] {
        guard !lhs.isEmpty, !rhs.isEmpty else { return [] }
        let swapped = matching.cardinality == .oneToMany
        let (many, one) = swapped ? (rhs, lhs) : (lhs, rhs)
        let signature = Self.signature(matching)
        var oneBySignature: [Labels: VectorSample] = [:]
        oneBySignature.reserveCapacity(one.count)
        for sample in one {
            let key = signature(sample.labels)
            if let duplicate = oneBySignature[key] {
                let side = swapped ? "left" : "right"
                throw PromQLError(
                    .evaluation, at: position,
                    "found duplicate series for the match group \(key) on the \(side) hand-side of the operation: "
                        + "[\(duplicate.labels), \(sample.labels)];many-to-many matching not allowed: "
                        + "matching labels must be unique on one side")
            }
            oneBySignature[key] = sample
        }
        var matched: [Labels: Set<Labels>] = [:]
        var result: [VectorSample] = []
        let dropName = Self.dropsMetricName(op) || returnsBool
        for sample in many {
            let key = signature(sample.labels)
            guard let partner = oneBySignature[key] else { continue }
            let (left, right) = swapped ? (partner.value, sample.value) : (sample.value, partner.value)
            if matching.cardinality == .oneToOne {
                if matched[key] != nil {
                    throw PromQLError(
                        .evaluation, at: position,
                        "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)")
                }
                matched[key] = []
            }
            var (value, keep) = Self.apply(op, left, right)
            if returnsBool {
                value = keep ? 1 : 0
                keep = true
            }
            guard keep else { continue }
            let labels = resultLabels(sample.labels, partner.labels, matching, dropName: dropName)
            if matching.cardinality != .oneToOne, matched[key, default: []].insert(labels).inserted == false {
                throw PromQLError(
                    .evaluation, at: position, "multiple matches for labels: grouping labels must ensure unique matches"
                )
            }
            result.append(VectorSample(labels: labels, value: value))
        }
        return result
    }

    private func resultLabels(_ many: Labels, _ one: Labels, _ matching: PromQL.VectorMatching, dropName: Bool)
        -> Labels
    {
        var labels = dropName ? many.droppingMetricName() : many
        if matching.cardinality == .oneToOne {
            labels = matching.on ? labels.keeping(Set(matching.labels)) : labels.removing(Set(matching.labels))
        }
        for name in matching.include {
            labels[name] = one[name]
        }
        return labels
    }
}
