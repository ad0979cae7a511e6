extension PromQL {
    /// Parses a query into an expression tree, checking that the types of its parts fit together.
    ///
    /// Throws a `PromQLError` with the line and column of the first problem and what was expected there.
    public static func parse(_ text: String) throws(PromQLError) -> Expression {
        var parser = try Parser(text)
        return try parser.parseQuery()
    }
}

/// A recursive-descent parser with precedence climbing for binary operators.
struct Parser {
    private(set) var tokens: [Token]
    var index = 0

    init(_ text: String) throws(PromQLError) {
        tokens = try Lexer.tokenize(text)
        // Before any type is checked, as Prometheus' lexer does: `rate(x[5m] > 0` lacks a `)`, it is not a
        // comparison of a range vector.
        if let open = Self.unclosedParenthesis(tokens) {
            throw PromQLError(.syntax, at: open, "unclosed left parenthesis")
        }
    }

    /// Where the innermost `(` that is never closed opens; nil when all are closed or a stray `)` comes
    /// first (the parser reports that one where it stands).
    static func unclosedParenthesis(_ tokens: [Token]) -> SourcePosition? {
        var open: [SourcePosition] = []
        for token in tokens {
            switch token.kind {
            case .leftParen: open.append(token.position)
            case .rightParen: if open.popLast() == nil { return nil }
            default: break
            }
        }
        return open.last
    }

    /// Words the lexer reads as keywords: never a metric name.
    static let keywords: Set<String> = [
        "and", "or", "unless", "atan2", "offset", "by", "without", "on", "ignoring", "group_left", "group_right",
        "bool", "limitk", "limit_ratio",
    ]

    var current: Token { tokens[index] }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    /// How deeply expressions may nest, so that parsing and evaluating stay far from the stack's limit.
    static let maximumDepth = 200
    private var depth = 0

    mutating func parseQuery() throws(PromQLError) -> PromQL.Expression {
        if current.kind == .end {
            throw PromQLError(.syntax, at: current.position, "no expression found in input")
        }
        let expression = try parseExpression(minPrecedence: 0)
        guard current.kind == .end else {
            throw unexpected(expected: "an operator or the end of the query")
        }
        if let deep = Self.firstTooDeep(expression) {
            throw PromQLError(
                .syntax, at: deep.position, "expression nested more than \(Self.maximumDepth) levels deep")
        }
        return expression
    }

    /// The first node deeper than `maximumDepth`, found without recursion (a long chain of `+` is deep too).
    static func firstTooDeep(_ root: PromQL.Expression) -> PromQL.Expression? {
        var stack = [(root, 1)]
        while let (expression, level) = stack.popLast() {
            if level > maximumDepth { return expression }
            stack += expression.children.map { ($0, level + 1) }
        }
        return nil
    }

    func unexpected(expected: String) -> PromQLError {
        PromQLError(.syntax, at: current.position, "unexpected \(current), expected \(expected)")
    }

    mutating func expect(_ kind: Token.Kind, _ what: String) throws(PromQLError) {
        guard current.kind == kind else { throw unexpected(expected: what) }
        advance()
    }

    /// The current token's keyword in lower case, if it is an identifier.
    var keyword: String? {
        if case .identifier(let name) = current.kind { return name.lowercased() }
        return nil
    }

    // MARK: Binary operators

    var binaryOperator: PromQL.BinaryOperator? {
        switch current.kind {
        case .plus: .add
        case .minus: .subtract
        case .times: .multiply
        case .divide: .divide
        case .modulo: .modulo
        case .power: .power
        case .equal: .equal
        case .notEqual: .notEqual
        case .greater: .greater
        case .less: .less
        case .greaterOrEqual: .greaterOrEqual
        case .lessOrEqual: .lessOrEqual
        case .identifier:
            switch keyword {
            case "and": .and
            case "or": .or
            case "unless": .unless
            case "atan2": .atan2
            default: nil
            }
        default: nil
        }
    }

    mutating func parseExpression(minPrecedence: Int) throws(PromQLError) -> PromQL.Expression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw PromQLError(
                .syntax, at: current.position, "expression nested more than \(Self.maximumDepth) levels deep")
        }
        var lhs = try parseUnary()
        var chain = depth
        while let op = binaryOperator, op.precedence >= minPrecedence {
            let position = current.position
            chain += 1
            guard chain <= Self.maximumDepth else {
                throw PromQLError(.syntax, at: position, "expression nested more than \(Self.maximumDepth) levels deep")
            }
            advance()
            var returnsBool = false
            if keyword == "bool" {
                returnsBool = true
                advance()
            }
            let matching = try parseVectorMatching(for: op)
            let rhs = try parseExpression(minPrecedence: op == .power ? op.precedence : op.precedence + 1)
            lhs = try Self.binary(op, lhs, rhs, returnsBool: returnsBool, matching: matching, at: position)
        }
        return lhs
    }

    mutating func parseVectorMatching(for op: PromQL.BinaryOperator) throws(PromQLError) -> PromQL.VectorMatching {
        var matching = PromQL.VectorMatching(cardinality: op.isSetOperator ? .manyToMany : .oneToOne)
        guard keyword == "on" || keyword == "ignoring" else {
            if keyword == "group_left" || keyword == "group_right" {
                throw unexpected(expected: "\"on\" or \"ignoring\" before \(current)")
            }
            return matching
        }
        matching.on = keyword == "on"
        advance()
        matching.labels = try parseLabelList()
        if keyword == "group_left" || keyword == "group_right" {
            matching.cardinality = keyword == "group_left" ? .manyToOne : .oneToMany
            advance()
            if current.kind == .leftParen {
                matching.include = try parseLabelList()
            }
        }
        return matching
    }

    /// `(a, b, …)`: label names, a trailing comma allowed.
    mutating func parseLabelList() throws(PromQLError) -> [String] {
        try expect(.leftParen, "\"(\" before a list of label names")
        var labels: [String] = []
        while current.kind != .rightParen {
            let position = current.position
            switch current.kind {
            case .identifier(let name):
                guard Self.isLabelName(name) else {
                    throw PromQLError(.syntax, at: position, "invalid label name \"\(name)\"")
                }
                labels.append(name)
            case .string(let name): labels.append(name)
            default: throw unexpected(expected: "a label name or \")\"")
            }
            advance()
            if current.kind == .comma {
                advance()
            } else if current.kind != .rightParen {
                throw unexpected(expected: "\",\" or \")\" in the label list")
            }
        }
        advance()
        return labels
    }

    static func isLabelName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains(":") && !(name.first!.isNumber)
    }

    /// A label name a function may create: any non-empty valid UTF-8 (an invalid byte decodes to U+FFFD).
    static func isValidLabelName(_ name: String) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains("\u{FFFD}")
    }

    // MARK: Unary and postfix

    mutating func parseUnary() throws(PromQLError) -> PromQL.Expression {
        let position = current.position
        if current.kind == .minus || current.kind == .plus {
            let negate = current.kind == .minus
            advance()
            let operand = try parseExpression(minPrecedence: PromQL.BinaryOperator.power.precedence)
            guard operand.type == .scalar || operand.type == .instantVector else {
                throw PromQLError(
                    .type, at: position, "unary expression only allowed on expressions of type scalar or instant vector"
                )
            }
            guard negate else { return operand }
            if case .number(let value) = operand.kind {
                return PromQL.Expression(.number(-value), at: position)
            }
            return PromQL.Expression(.negation(operand), at: position)
        }
        return try parsePostfix(try parsePrimary())
    }

    mutating func parsePostfix(_ base: PromQL.Expression) throws(PromQLError) -> PromQL.Expression {
        var expression = base
        while true {
            if current.kind == .leftBracket {
                expression = try parseRangeOrSubquery(expression)
            } else if keyword == "offset" {
                expression = try parseOffset(expression)
            } else if current.kind == .at {
                throw PromQLError(.syntax, at: current.position, "the @ modifier is not supported")
            } else {
                return expression
            }
        }
    }

    mutating func parseDuration(_ what: String) throws(PromQLError) -> Int64 {
        guard case .duration(let milliseconds) = current.kind else { throw unexpected(expected: what) }
        advance()
        return milliseconds
    }

    mutating func parseRangeOrSubquery(_ base: PromQL.Expression) throws(PromQLError) -> PromQL.Expression {
        let bracket = current.position
        advance()
        let range = try parseDuration("a duration such as 5m in the brackets")
        if current.kind == .colon {
            advance()
            var step: Int64?
            if current.kind != .rightBracket {
                step = try parseDuration("a step duration or \"]\" after \":\"")
            }
            try expect(.rightBracket, "\"]\" to close the subquery")
            guard base.type == .instantVector else {
                throw PromQLError(
                    .type, at: base.position, "subquery is only allowed on instant vector, got \(base.type.rawValue)")
            }
            if range <= 0 { throw PromQLError(.type, at: bracket, "subquery range must be positive") }
            if let step, step <= 0 { throw PromQLError(.type, at: bracket, "zero or negative subquery step") }
            let subquery = PromQL.Subquery(expression: base, range: range, step: step, offset: 0)
            return PromQL.Expression(.subquery(subquery), at: base.position)
        }
        try expect(.rightBracket, "\"]\" or \":\" after the range")
        guard case .vectorSelector(let selector) = base.kind else {
            throw PromQLError(.type, at: bracket, "ranges only allowed for vector selectors")
        }
        guard selector.offset == 0 else {
            throw PromQLError(.syntax, at: bracket, "no offset modifiers allowed before range")
        }
        if range <= 0 { throw PromQLError(.type, at: bracket, "range must be positive") }
        return PromQL.Expression(.matrixSelector(selector, range: range), at: base.position)
    }

    mutating func parseOffset(_ base: PromQL.Expression) throws(PromQLError) -> PromQL.Expression {
        let position = current.position
        advance()
        var sign: Int64 = 1
        if current.kind == .minus {
            sign = -1
            advance()
        } else if current.kind == .plus {
            advance()
        }
        let offset = sign * (try parseDuration("a duration after \"offset\""))
        var result = base
        switch base.kind {
        case .vectorSelector(var selector):
            guard selector.offset == 0 else {
                throw PromQLError(.syntax, at: position, "offset may not be set multiple times")
            }
            selector.offset = offset
            result.kind = .vectorSelector(selector)
        case .matrixSelector(var selector, let range):
            guard selector.offset == 0 else {
                throw PromQLError(.syntax, at: position, "offset may not be set multiple times")
            }
            selector.offset = offset
            result.kind = .matrixSelector(selector, range: range)
        case .subquery(var subquery):
            guard subquery.offset == 0 else {
                throw PromQLError(.syntax, at: position, "offset may not be set multiple times")
            }
            subquery.offset = offset
            result.kind = .subquery(subquery)
        default:
            throw PromQLError(
                .type, at: position,
                "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery")
        }
        return result
    }
}
