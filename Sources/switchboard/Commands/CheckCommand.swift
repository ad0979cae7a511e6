import ArgumentParser
import Foundation
import Monitor
import SwitchboardCore

/// `switchboard check`: runs every check once and prints one result per check.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run every check of a config once and print the results.",
        discussion: """
            Exits 0 when every check is up, 1 when any is down, 2 when the config or a rule file it names is \
            invalid.
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: OutputFormat.help)
    var format: OutputFormat = .text

    func run() async throws {
        if format == .csv { throw OutputFormat.unsupported(format) }
        let configFile = try common.configFile()
        let landscape = try ConfigLoading.load(configFile)
        // Checked though `check` evaluates no rules: a broken rule file would stop the console.
        _ = try ConfigLoading.ruleGroups(of: landscape, configFile: configFile)
        let engine = MonitorEngine(landscape: landscape)
        let showProgress = format == .text && isatty(STDERR_FILENO) == 1
        let reports = await engine.runAllOnce { finished, total in
            if showProgress { StandardError.rewrite("checks \(finished)/\(total)") }
        }
        if showProgress { StandardError.rewrite("") }
        await engine.shutdown()
        switch format {
        case .json: print(try JSONOutput.encode(reports))
        case .text, .csv: print(CheckReportTable(reports: reports).render())
        }
        if reports.contains(where: { !$0.result.up }) { throw ExitStatus.failed }
    }
}
