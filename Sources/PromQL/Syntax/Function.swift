extension PromQL {
    /// A PromQL function's signature: what it takes and what it returns.
    public struct Function: Sendable, Equatable {
        public var name: String
        public var argumentTypes: [ValueType]
        /// How many trailing arguments may be left out; nil when the last one may repeat without bound.
        public var optionalCount: Int?
        public var returnType: ValueType

        init(_ name: String, _ argumentTypes: [ValueType], optional: Int? = 0, returns: ValueType = .instantVector) {
            self.name = name
            self.argumentTypes = argumentTypes
            self.optionalCount = optional
            self.returnType = returns
        }

        /// The functions this implementation knows, by name.
        public static let all: [String: Function] = {
            let vector = ValueType.instantVector
            let matrix = ValueType.rangeVector
            var list: [Function] = [
                Function("absent", [vector]),
                Function("absent_over_time", [matrix]),
                Function("changes", [matrix]),
                Function("clamp", [vector, .scalar, .scalar]),
                Function("clamp_max", [vector, .scalar]),
                Function("clamp_min", [vector, .scalar]),
                Function("delta", [matrix]),
                Function("deriv", [matrix]),
                Function("histogram_quantile", [.scalar, vector]),
                Function("idelta", [matrix]),
                Function("increase", [matrix]),
                Function("irate", [matrix]),
                Function("label_join", [vector, .string, .string, .string], optional: nil),
                Function("label_replace", [vector, .string, .string, .string, .string]),
                Function("pi", [], returns: .scalar),
                Function("predict_linear", [matrix, .scalar]),
                Function("quantile_over_time", [.scalar, matrix]),
                Function("rate", [matrix]),
                Function("resets", [matrix]),
                Function("round", [vector, .scalar], optional: 1),
                Function("scalar", [vector], returns: .scalar),
                Function("sort", [vector]),
                Function("sort_desc", [vector]),
                Function("time", [], returns: .scalar),
                Function("timestamp", [vector]),
                Function("vector", [.scalar]),
            ]
            let overTime = [
                "avg", "min", "max", "sum", "count", "last", "present", "stddev", "stdvar",
            ]
            list += overTime.map { Function("\($0)_over_time", [matrix]) }
            let math = [
                "abs", "ceil", "floor", "exp", "ln", "log2", "log10", "sqrt", "sgn", "deg", "rad",
                "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
            ]
            list += math.map { Function($0, [vector]) }
            let calendar = [
                "day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month", "year",
            ]
            list += calendar.map { Function($0, [vector], optional: 1) }
            return Dictionary(uniqueKeysWithValues: list.map { ($0.name, $0) })
        }()
    }
}
