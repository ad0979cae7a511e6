/// Prints an expression back as PromQL text, fully parenthesised where precedence could be in doubt.
enum ExpressionPrinter {
    static func print(_ expression: PromQL.Expression) -> String {
        switch expression.kind {
        case .number(let value): number(value)
        case .string(let text): "\"\(Labels.escape(text))\""
        case .vectorSelector(let selector): selectorText(selector)
        case .matrixSelector(let selector, let range):
            selectorBody(selector) + "[\(duration(range))]" + offsetText(selector.offset)
        case .subquery(let subquery):
            print(subquery.expression) + "[\(duration(subquery.range)):\(subquery.step.map(duration) ?? "")]"
                + offsetText(subquery.offset)
        case .parenthesized(let inner): "(\(print(inner)))"
        case .negation(let inner): "-\(print(inner))"
        case .binary(let operation): binaryText(operation)
        case .aggregation(let aggregation): aggregationText(aggregation)
        case .call(let call): "\(call.function.name)(\(call.arguments.map(print).joined(separator: ", ")))"
        }
    }

    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    static func duration(_ milliseconds: Int64) -> String {
        if milliseconds == 0 { return "0s" }
        var rest = milliseconds
        var text = ""
        for (unit, size) in [
            ("y", Int64(31_536_000_000)), ("w", 604_800_000), ("d", 86_400_000), ("h", 3_600_000),
            ("m", 60_000), ("s", 1000), ("ms", 1),
        ] where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        return text
    }

    static func offsetText(_ offset: Int64) -> String {
        offset == 0 ? "" : offset > 0 ? " offset \(duration(offset))" : " offset -\(duration(-offset))"
    }

    static func selectorBody(_ selector: PromQL.VectorSelector) -> String {
        var matchers = selector.matchers
        var text = ""
        if let name = selector.name, let index = matchers.firstIndex(of: .metricName(name)) {
            matchers.remove(at: index)
            text = name
        }
        if !matchers.isEmpty || text.isEmpty {
            text += "{" + matchers.map(\.description).joined(separator: ", ") + "}"
        }
        return text
    }

    static func selectorText(_ selector: PromQL.VectorSelector) -> String {
        selectorBody(selector) + offsetText(selector.offset)
    }

    static func binaryText(_ operation: PromQL.BinaryOperation) -> String {
        var modifiers = operation.returnsBool ? " bool" : ""
        if let matching = operation.matching {
            if matching.on || !matching.labels.isEmpty {
                modifiers += (matching.on ? " on(" : " ignoring(") + matching.labels.joined(separator: ", ") + ")"
            }
            switch matching.cardinality {
            case .manyToOne: modifiers += " group_left(" + matching.include.joined(separator: ", ") + ")"
            case .oneToMany: modifiers += " group_right(" + matching.include.joined(separator: ", ") + ")"
            default: break
            }
        }
        return "\(print(operation.lhs)) \(operation.op.rawValue)\(modifiers) \(print(operation.rhs))"
    }

    static func aggregationText(_ aggregation: PromQL.Aggregation) -> String {
        var text = aggregation.op.rawValue
        if aggregation.without || !aggregation.grouping.isEmpty {
            text += (aggregation.without ? " without (" : " by (") + aggregation.grouping.joined(separator: ", ") + ") "
        }
        let arguments = [aggregation.parameter, aggregation.expression].compactMap { $0 }
        return text + "(" + arguments.map(print).joined(separator: ", ") + ")"
    }
}
