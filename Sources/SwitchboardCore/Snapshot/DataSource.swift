/// Where the console gets its data and sends its commands: the in-process engine or a daemon.
public protocol DataSource: Sendable {
    /// The newest snapshot. Cheap and safe to call from any thread, including the UI loop.
    var snapshot: Snapshot { get }

    /// Performs a command and reports what happened.
    func perform(_ command: Command) async -> CommandOutcome
}
