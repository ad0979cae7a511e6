import ArgumentParser
import Monitor

/// Every error that reaches `main`, under the one exit policy (README, Commands). Bad command-line input: a
/// one-line error naming the option, the usage of the command that was typed (`switchboard silence add …`, not
/// the top level's), and `ExitStatus.badInput` (2) instead of ArgumentParser's 64. A state-database error that no
/// command reported itself: `error: …` and `ExitStatus.stateUnusable` (3), never ArgumentParser's 1. Everything
/// else (help, version, the `ExitCode`s commands throw) exits as ArgumentParser decides.
enum ExitPolicy {
    static func exit(with error: any Error, arguments: [String], stateDirectory: String) -> Never {
        if let unusable = stateError(error, stateDirectory: stateDirectory) {
            StandardError.write("error: \(unusable)")
            Switchboard.exit(withError: ExitStatus.stateUnusable)
        }
        guard Switchboard.exitCode(for: error) == .validationFailure else { Switchboard.exit(withError: error) }
        let (command, name) = typedCommand(arguments)
        let message = Switchboard.message(for: error).split(separator: "\n").joined(separator: " ")
        StandardError.write("error: " + message)
        StandardError.write("usage: " + Switchboard.usageString(for: command))
        StandardError.write("See `\(name) --help`.")
        Switchboard.exit(withError: ExitStatus.badInput)
    }

    private static func stateError(_ error: any Error, stateDirectory: String) -> (any Error)? {
        if error is AlertStoreError || error is StateDatabaseError { return error }
        return StateDatabaseError.fromSQLite(error, path: stateDirectory + "/" + StateDatabase.fileName)
    }

    /// The deepest subcommand the arguments name (the root when they name none) and its full name.
    static func typedCommand(_ arguments: [String]) -> (any ParsableCommand.Type, String) {
        var command: any ParsableCommand.Type = Switchboard.self
        var names = [Switchboard._commandName]
        for argument in arguments {
            if let sub = command.configuration.subcommands.first(where: { $0._commandName == argument }) {
                command = sub
                names.append(argument)
            }
        }
        return (command, names.joined(separator: " "))
    }
}
