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
        ]
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var console: ConsoleFlags
    @OptionGroup var remote: ConnectOptions

    func run() async throws {
        try ConsoleRunner.preflight(options: console.options)
        let runner = ConsoleRunner(options: console.options)
        if let endpoint = try remote.endpoint() {
            return try await runner.attach(endpoint, token: try remote.token())
        }
        let configFile = try common.configFile()
        let landscape = try ConfigLoading.load(configFile)
        FileLogHandler.bootstrap(stateDirectory: common.stateDirectory)
        try await runner.run(stateDirectory: common.stateDirectory) {
            try EngineFactory.plan(landscape: landscape, configFile: configFile)
        }
    }
}
