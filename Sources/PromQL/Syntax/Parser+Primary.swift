extension Parser {
    mutating func parsePrimary() throws(PromQLError) -> PromQL.Expression {
        let position = current.position
        switch current.kind {
        case .number(let value):
            advance()
            return PromQL.Expression(.number(value), at: position)
        case .duration(let milliseconds):
            advance()
            return PromQL.Expression(.number(Double(milliseconds) / 1000), at: position)
        case .string(let text):
            advance()
            return PromQL.Expression(.string(text), at: position)
        case .leftParen:
            advance()
            let inner = try parseExpression(minPrecedence: 0)
            try expect(.rightParen, "\")\" to close the parenthesis opened at \(position)")
            return PromQL.Expression(.parenthesized(inner), at: position)
        case .leftBrace:
            return try parseSelector(name: nil, at: position)
        case .identifier(let name):
            let lowered = name.lowercased()
            if let op = PromQL.AggregationOperator(rawValue: lowered) {
                advance()
                return try parseAggregation(op, at: position)
            }
            if lowered == "inf" || lowered == "nan" {
                advance()
                return PromQL.Expression(.number(lowered == "inf" ? .infinity : .nan), at: position)
            }
            if Self.keywords.contains(lowered) {
                throw unexpected(expected: "an expression")
            }
            advance()
            if current.kind == .leftParen {
                guard let function = PromQL.Function.all[name] else {
                    throw PromQLError(.syntax, at: position, "unknown function with name \"\(name)\"")
                }
                return try parseCall(function, at: position)
            }
            return try parseSelector(name: name, at: position)
        default:
            throw unexpected(expected: "an expression")
        }
    }

    // MARK: Selectors

    mutating func parseSelector(name: String?, at position: SourcePosition) throws(PromQLError) -> PromQL.Expression {
        var matchers: [LabelMatcher] = []
        if let name { matchers.append(.metricName(name)) }
        if current.kind == .leftBrace {
            advance()
            while current.kind != .rightBrace {
                matchers.append(try parseMatcher(metricNameGiven: name))
                if current.kind == .comma {
                    advance()
                } else if current.kind != .rightBrace {
                    throw unexpected(expected: "\",\" or \"}\" in the label matchers")
                }
            }
            advance()
        }
        let names = matchers.filter { $0.name == LabelMatcher.metricNameLabel && $0.kind == .equal }
        if name != nil && matchers.dropFirst().contains(where: { $0.name == LabelMatcher.metricNameLabel }) {
            let other = matchers.dropFirst().first { $0.name == LabelMatcher.metricNameLabel }!.value
            throw PromQLError(.syntax, at: position, "metric name must not be set twice: \"\(name!)\" or \"\(other)\"")
        }
        guard matchers.contains(where: { !CompiledMatcher($0).matchesEmpty }) else {
            throw PromQLError(.syntax, at: position, "vector selector must contain at least one non-empty matcher")
        }
        let selectorName = name ?? (names.count == 1 ? names[0].value : nil)
        return PromQL.Expression(
            .vectorSelector(PromQL.VectorSelector(name: selectorName, matchers: matchers)), at: position)
    }

    mutating func parseMatcher(metricNameGiven: String?) throws(PromQLError) -> LabelMatcher {
        let position = current.position
        let label: String
        switch current.kind {
        case .identifier(let name):
            guard Self.isLabelName(name) else {
                throw PromQLError(.syntax, at: position, "invalid label name \"\(name)\"")
            }
            label = name
        case .string(let name):
            advance()
            // A quoted name alone is the metric name: {"http.requests"}.
            if current.kind == .comma || current.kind == .rightBrace {
                if let metricNameGiven {
                    throw PromQLError(
                        .syntax, at: position,
                        "metric name must not be set twice: \"\(metricNameGiven)\" or \"\(name)\"")
                }
                return .metricName(name)
            }
            index -= 1
            label = name
        default:
            throw unexpected(expected: "a label name or \"}\"")
        }
        advance()
        let kind: LabelMatcher.Kind
        switch current.kind {
        case .assign: kind = .equal
        case .notEqual: kind = .notEqual
        case .regexMatch: kind = .matchesRegex
        case .regexNoMatch: kind = .doesNotMatchRegex
        default: throw unexpected(expected: "a label matching operator (=, !=, =~ or !~) after \"\(label)\"")
        }
        advance()
        guard case .string(let value) = current.kind else {
            throw unexpected(expected: "a quoted label value after the matching operator")
        }
        let valuePosition = current.position
        advance()
        do {
            return try LabelMatcher(label, kind, value)
        } catch {
            throw PromQLError(.syntax, at: valuePosition, "\(error)")
        }
    }

    // MARK: Aggregations and calls

    mutating func parseGrouping() throws(PromQLError) -> (labels: [String], without: Bool)? {
        guard keyword == "by" || keyword == "without" else { return nil }
        let without = keyword == "without"
        advance()
        return (try parseLabelList(), without)
    }

    mutating func parseArguments() throws(PromQLError) -> [PromQL.Expression] {
        try expect(.leftParen, "\"(\" before the arguments")
        var arguments: [PromQL.Expression] = []
        while current.kind != .rightParen {
            arguments.append(try parseExpression(minPrecedence: 0))
            if current.kind == .comma {
                advance()
            } else if current.kind != .rightParen {
                throw unexpected(expected: "\",\" or \")\" in the argument list")
            }
        }
        advance()
        return arguments
    }

    mutating func parseAggregation(_ op: PromQL.AggregationOperator, at position: SourcePosition) throws(PromQLError)
        -> PromQL.Expression
    {
        var grouping = try parseGrouping()
        let arguments = try parseArguments()
        if let after = try parseGrouping() {
            if grouping != nil {
                throw PromQLError(.syntax, at: position, "aggregation may have only one \"by\" or \"without\" clause")
            }
            grouping = after
        }
        let expected = op.parameterType == nil ? 1 : 2
        guard arguments.count == expected else {
            throw PromQLError(
                .syntax, at: position,
                "wrong number of arguments for aggregate expression provided, expected \(expected), got \(arguments.count)"
            )
        }
        let expression = arguments[expected - 1]
        try Self.expectType(expression, .instantVector, "aggregation expression")
        let parameter = expected == 2 ? arguments[0] : nil
        if let parameter, let type = op.parameterType {
            try Self.expectType(parameter, type, "aggregation parameter")
        }
        let aggregation = PromQL.Aggregation(
            op: op, expression: expression, parameter: parameter, grouping: grouping?.labels ?? [],
            without: grouping?.without ?? false)
        return PromQL.Expression(.aggregation(aggregation), at: position)
    }

    mutating func parseCall(_ function: PromQL.Function, at position: SourcePosition) throws(PromQLError)
        -> PromQL.Expression
    {
        let arguments = try parseArguments()
        let declared = function.argumentTypes.count
        let minimum = declared - (function.optionalCount ?? 1)
        let maximum = function.optionalCount.map { _ in declared }
        if function.optionalCount == 0 && arguments.count != declared {
            throw PromQLError(
                .type, at: position,
                "expected \(declared) argument(s) in call to \"\(function.name)\", got \(arguments.count)")
        }
        if arguments.count < minimum {
            throw PromQLError(
                .type, at: position,
                "expected at least \(minimum) argument(s) in call to \"\(function.name)\", got \(arguments.count)")
        }
        if let maximum, arguments.count > maximum {
            throw PromQLError(
                .type, at: position,
                "expected at most \(maximum) argument(s) in call to \"\(function.name)\", got \(arguments.count)")
        }
        for (offset, argument) in arguments.enumerated() {
            let type = function.argumentTypes[min(offset, declared - 1)]
            try Self.expectType(argument, type, "call to function \"\(function.name)\"")
        }
        return PromQL.Expression(.call(PromQL.FunctionCall(function: function, arguments: arguments)), at: position)
    }

    static func expectType(_ expression: PromQL.Expression, _ type: PromQL.ValueType, _ context: String)
        throws(PromQLError)
    {
        guard expression.type == type else {
            throw PromQLError(
                .type, at: expression.position,
                "expected type \(type.rawValue) in \(context), got \(expression.type.rawValue)")
        }
    }

    /// A binary operation, checked as Prometheus checks it.
    static func binary(
        _ op: PromQL.BinaryOperator, _ lhs: PromQL.Expression, _ rhs: PromQL.Expression, returnsBool: Bool,
        matching: PromQL.VectorMatching, at position: SourcePosition
    ) throws(PromQLError) -> PromQL.Expression {
        func fail(_ message: String) -> PromQLError { PromQLError(.type, at: position, message) }
        if returnsBool && !op.isComparison {
            throw fail("bool modifier can only be used on comparison operators")
        }
        if op.isComparison && !returnsBool && lhs.type == .scalar && rhs.type == .scalar {
            throw fail("comparisons between scalars must use BOOL modifier")
        }
        if matching.on, let label = matching.labels.first(where: matching.include.contains) {
            throw fail("label \"\(label)\" must not occur in ON and GROUP clause at once")
        }
        for side in [lhs, rhs] where side.type != .scalar && side.type != .instantVector {
            throw PromQLError(
                .type, at: side.position, "binary expression must contain only scalar and instant vector types")
        }
        let bothVectors = lhs.type == .instantVector && rhs.type == .instantVector
        if !bothVectors && (!matching.labels.isEmpty || matching.on) {
            throw fail("vector matching only allowed between instant vectors")
        }
        if op.isSetOperator {
            if !bothVectors { throw fail("set operator \"\(op.rawValue)\" not allowed in binary scalar expression") }
            if matching.cardinality != .manyToMany {
                throw fail("no grouping allowed for \"\(op.rawValue)\" operation")
            }
        }
        let operation = PromQL.BinaryOperation(
            op: op, lhs: lhs, rhs: rhs, returnsBool: returnsBool, matching: bothVectors ? matching : nil)
        return PromQL.Expression(.binary(operation), at: lhs.position)
    }
}
