import ArgumentParser
import Console
import Monitor
import SwitchboardCore

/// `switchboard`: the console on a config file; subcommands for the demo, one-shot checks and config checks.
@main
struct Switchboard: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "A terminal operations console for integration landscapes.",
        discussion: """
            Without a subcommand, polls the systems and interfaces of a config file and shows them in \
            the console. Press q to quit.

            New here? Run `switchboard demo` to see a simulated landscape on this machine.
            """,
        version: version,
        subcommands: [
            DemoCommand.self, CheckCommand.self, ConfigCommand.self, RulesCommand.self, AlertsCommand.self,
            SilenceCommand.self, MaintenanceCommand.self, JobsCommand.self, ReportCommand.self, ServeCommand.self,
            SLOCommand.self,
        ]
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var console: ConsoleFlags
    @OptionGroup var remote: ConnectOptions

    /// As ArgumentParser's, with its errors under the one exit policy (`ExitPolicy`).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            ExitPolicy.exit(
                with: error, arguments: Array(CommandLine.arguments.dropFirst()),
                stateDirectory: ConfigLocator().stateDirectory(explicit: stateDirectoryArgument()))
        }
    }

    /// `--state-dir DIR` or `--state-dir=DIR` from the raw arguments, for errors that escaped before or after parsing.
    private static func stateDirectoryArgument() -> String? {
        let arguments = CommandLine.arguments
        for (index, argument) in arguments.enumerated() {
            if argument == "--state-dir", index + 1 < arguments.count { return arguments[index + 1] }
            if argument.hasPrefix("--state-dir=") { return String(argument.dropFirst("--state-dir=".count)) }
        }
        return nil
    }

    func run() async throws {
        OperatorLog.start(stateDirectory: common.stateDirectory, command: "console")
        let runner = ConsoleRunner(options: console.options)
        if let endpoint = try remote.endpoint() {
            try ConsoleRunner.preflight(options: console.options)
            try await runner.attach(endpoint, token: try remote.token(), trustedCertificates: remote.caFile)
            OperatorLog.info("stopped")
            return
        }
        // The config first: a broken config or rule file is reported (and logged) before the terminal is checked.
        let configFile = try common.configFile()
        let landscape = try ConfigLoading.load(configFile)
        let plan = try EngineFactory.plan(landscape: landscape, configFile: configFile)
        try ConsoleRunner.preflight(options: console.options)
        try await runner.run(stateDirectory: common.stateDirectory) { plan }
        OperatorLog.info("stopped")
    }
}
