/// A comparison on a value found in a JSON body by a path, as in `$.queues[0].depth < 1000`.
public struct JSONAssertion: Sendable, Equatable, CustomStringConvertible {
    /// One step of a path: an object key or an array index.
    public enum Step: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    public enum Operator: String, Sendable, CaseIterable {
        case equal = "==", notEqual = "!=", lessOrEqual = "<=", greaterOrEqual = ">="
        case less = "<", greater = ">"
    }

    /// A literal on the right-hand side.
    public enum Literal: Sendable, Equatable {
        case string(String), number(Double), bool(Bool), null
    }

    public var path: [Step]
    /// Nil means the path must merely exist.
    public var comparison: (op: Operator, value: Literal)?
    public var description: String

    public static func == (lhs: JSONAssertion, rhs: JSONAssertion) -> Bool {
        lhs.description == rhs.description
    }

    public init(path: [Step], comparison: (op: Operator, value: Literal)?, description: String) {
        self.path = path
        self.comparison = comparison
        self.description = description
    }
}
