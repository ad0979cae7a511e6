/// An action the console asks the data source to perform.
public enum Command: Sendable, Equatable {
    /// Run every check of one interface or system now, outside its schedule.
    case checkNow(target: String)
}

/// What became of a command, to be shown to the user.
public struct CommandOutcome: Sendable, Equatable {
    public var succeeded: Bool
    public var message: String

    public init(succeeded: Bool, message: String) {
        self.succeeded = succeeded
        self.message = message
    }
}
