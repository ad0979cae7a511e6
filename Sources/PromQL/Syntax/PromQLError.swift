/// Why a query could not be parsed or evaluated, and where in its text.
public struct PromQLError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// The text is not PromQL: a stray character, a missing bracket, an unknown function.
        case syntax
        /// The query is well formed but its parts do not fit, as a range vector where a number must be.
        case type
        /// The query failed on the data, as a many-to-many match or a duplicate result series.
        case evaluation
    }

    public var kind: Kind
    public var position: SourcePosition
    /// What went wrong, without the position, in Prometheus' wording where it has one.
    public var message: String

    public init(_ kind: Kind, at position: SourcePosition, _ message: String) {
        self.kind = kind
        self.position = position
        self.message = message
    }

    public var description: String { "\(position): \(kind.rawValue) error: \(message)" }
}
