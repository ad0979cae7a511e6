/// Why the console cannot start or had to stop, in one line a person can act on.
public struct ConsoleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
