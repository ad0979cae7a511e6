import ArgumentParser
import Monitor
import SwitchboardCore

/// `switchboard slo …`: the service level objectives of a config.
struct SLOCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slo", abstract: "Work with the SLOs of a config.", subcommands: [Rules.self])

    /// `switchboard slo rules CONFIG`
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the config's SLOs as Prometheus recording and alerting rules.",
            discussion: """
                Prints a Prometheus rule file on stdout: per interface with an `slo:`, the burn rate over \
                each window of the Google SRE workbook's pairs (slo:burn_rate:5m … slo:burn_rate:3d), the \
                error budget left over the SLO's window (slo:error_budget_remaining:ratio), and the \
                SLOBurnRate alerts the engine fires itself. Exits 2 when the config is invalid.
                """)

        @Argument(help: ArgumentHelp("The config file.", valueName: "config"))
        var config: String

        func run() throws {
            print(SLORuleFile(landscape: try ConfigLoading.load(config)).yaml(), terminator: "")
        }
    }
}
