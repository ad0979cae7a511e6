extension PromQL {
    /// A parsed query: a tree of expressions, each with the place in the text where it starts.
    public struct Expression: Sendable, Equatable, CustomStringConvertible {
        public var kind: Kind
        public var position: SourcePosition

        public init(_ kind: Kind, at position: SourcePosition) {
            self.kind = kind
            self.position = position
        }

        public indirect enum Kind: Sendable, Equatable {
            case number(Double)
            case string(String)
            /// `name{matchers} offset d`: the newest sample of each series within the lookback window.
            case vectorSelector(VectorSelector)
            /// `name{matchers}[range] offset d`: every sample of each series within the range.
            case matrixSelector(VectorSelector, range: Int64)
            /// `expr[range:step] offset d`: `expr` evaluated at every step within the range.
            case subquery(Subquery)
            case parenthesized(Expression)
            /// `-expr` (a `+` sign parses to the operand itself).
            case negation(Expression)
            case binary(BinaryOperation)
            case aggregation(Aggregation)
            case call(FunctionCall)
        }

        /// What the expression evaluates to.
        public var type: ValueType {
            switch kind {
            case .number: .scalar
            case .string: .string
            case .vectorSelector: .instantVector
            case .matrixSelector, .subquery: .rangeVector
            case .parenthesized(let inner), .negation(let inner): inner.type
            case .binary(let operation):
                operation.lhs.type == .scalar && operation.rhs.type == .scalar ? .scalar : .instantVector
            case .aggregation: .instantVector
            case .call(let call): call.function.returnType
            }
        }

        public var description: String { ExpressionPrinter.print(self) }

        /// The expressions directly inside this one.
        public var children: [Expression] {
            switch kind {
            case .number, .string, .vectorSelector, .matrixSelector: []
            case .subquery(let subquery): [subquery.expression]
            case .parenthesized(let inner), .negation(let inner): [inner]
            case .binary(let operation): [operation.lhs, operation.rhs]
            case .aggregation(let aggregation): [aggregation.parameter, aggregation.expression].compactMap { $0 }
            case .call(let call): call.arguments
            }
        }
    }

    /// The four kinds of value a PromQL expression can have.
    public enum ValueType: String, Sendable, Equatable {
        case scalar
        case string
        case instantVector = "instant vector"
        case rangeVector = "range vector"
    }

    /// The series part of a selector: the matchers (the metric name included as `__name__`) and the offset.
    public struct VectorSelector: Sendable, Equatable {
        /// The metric name written before the braces, if any.
        public var name: String?
        public var matchers: [LabelMatcher]
        /// How far back the selector looks, in milliseconds (negative looks ahead).
        public var offset: Int64

        public init(name: String?, matchers: [LabelMatcher], offset: Int64 = 0) {
            self.name = name
            self.matchers = matchers
            self.offset = offset
        }
    }

    public struct Subquery: Sendable, Equatable {
        public var expression: Expression
        public var range: Int64
        /// The resolution in milliseconds; nil uses the evaluator's default.
        public var step: Int64?
        public var offset: Int64
    }

    public enum BinaryOperator: String, Sendable, Equatable, CaseIterable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^"
        case atan2
        case equal = "==", notEqual = "!=", greater = ">", less = "<", greaterOrEqual = ">=", lessOrEqual = "<="
        case and, or, unless

        public var isComparison: Bool {
            switch self {
            case .equal, .notEqual, .greater, .less, .greaterOrEqual, .lessOrEqual: true
            default: false
            }
        }

        public var isSetOperator: Bool { self == .and || self == .or || self == .unless }

        /// Binding strength: higher binds tighter.
        var precedence: Int {
            switch self {
            case .or: 1
            case .and, .unless: 2
            case .equal, .notEqual, .greater, .less, .greaterOrEqual, .lessOrEqual: 3
            case .add, .subtract: 4
            case .multiply, .divide, .modulo, .atan2: 5
            case .power: 6
            }
        }
    }

    /// How the series of two vectors pair up: `on(…)`/`ignoring(…)` and `group_left`/`group_right`.
    public struct VectorMatching: Sendable, Equatable {
        public enum Cardinality: Sendable, Equatable {
            case oneToOne, manyToOne, oneToMany, manyToMany
        }

        public var cardinality: Cardinality
        /// The labels named in `on(…)` or `ignoring(…)`.
        public var labels: [String]
        /// True for `on(…)`, false for `ignoring(…)` or neither.
        public var on: Bool
        /// The labels named in `group_left(…)` or `group_right(…)`, copied from the "one" side.
        public var include: [String]

        public init(cardinality: Cardinality, labels: [String] = [], on: Bool = false, include: [String] = []) {
            self.cardinality = cardinality
            self.labels = labels
            self.on = on
            self.include = include
        }
    }

    public struct BinaryOperation: Sendable, Equatable {
        public var op: BinaryOperator
        public var lhs: Expression
        public var rhs: Expression
        /// `bool`: a comparison yields 0 or 1 instead of filtering.
        public var returnsBool: Bool
        /// Present when both sides are instant vectors.
        public var matching: VectorMatching?
    }

    public enum AggregationOperator: String, Sendable, Equatable, CaseIterable {
        case sum, avg, min, max, count, group, stddev, stdvar, topk, bottomk, quantile
        case countValues = "count_values"

        /// The type of the parameter before the vector, if the operator takes one.
        var parameterType: ValueType? {
            switch self {
            case .topk, .bottomk, .quantile: .scalar
            case .countValues: .string
            default: nil
            }
        }
    }

    public struct Aggregation: Sendable, Equatable {
        public var op: AggregationOperator
        public var expression: Expression
        public var parameter: Expression?
        /// The labels of `by (…)` or `without (…)`.
        public var grouping: [String]
        /// True for `without (…)`.
        public var without: Bool
    }

    public struct FunctionCall: Sendable, Equatable {
        public var function: Function
        public var arguments: [Expression]
    }
}
