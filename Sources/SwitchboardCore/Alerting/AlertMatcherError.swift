/// A matcher that does not parse: which one, at which column, and what was expected there.
public struct AlertMatcherError: Error, Sendable, Equatable, CustomStringConvertible {
    public var input: String
    /// 1-based column in `input`.
    public var column: Int
    public var expected: String
    /// 1-based position among several matchers, when parsed with `parseAll`.
    public var argument: Int?

    public init(input: String, column: Int, expected: String, argument: Int? = nil) {
        self.input = input
        self.column = column
        self.expected = expected
        self.argument = argument
    }

    public var description: String {
        let which = argument.map { "matcher \($0) " } ?? "matcher "
        return "\(which)`\(input)`, column \(column): expected \(expected)"
    }
}
