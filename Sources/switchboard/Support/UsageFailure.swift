import ArgumentParser

/// Bad command-line input under the one exit policy (README, Commands): a one-line error naming the option, the
/// usage of the command that was typed (`switchboard silence add …`, not the top level's), and `ExitStatus.badInput`
/// (2) instead of ArgumentParser's 64. Every other outcome exits as ArgumentParser decides.
enum UsageFailure {
    static func exit(with error: any Error, arguments: [String]) -> Never {
        guard Switchboard.exitCode(for: error) == .validationFailure else { Switchboard.exit(withError: error) }
        let (command, name) = typedCommand(arguments)
        let message = Switchboard.message(for: error).split(separator: "\n").joined(separator: " ")
        StandardError.write("error: " + message)
        StandardError.write("usage: " + Switchboard.usageString(for: command))
        StandardError.write("See `\(name) --help`.")
        Switchboard.exit(withError: ExitStatus.badInput)
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
