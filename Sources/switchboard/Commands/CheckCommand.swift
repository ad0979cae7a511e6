import ArgumentParser
import Foundation
import Monitor
import SwitchboardCore

/// `switchboard check`: runs every check once, then evaluates the `health.conditions` once over the
/// samples those runs left, and prints one result per check and per condition.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run every check of a config once, evaluate its health conditions, and print the results.",
        discussion: """
            Exits 0 when every check is up and no `down` health condition holds, 1 when a check is down or a \
            `down` condition holds, 2 when the config or a rule file it names is invalid. A `degraded` \
            condition, or one that needs more samples than one run leaves (`increase(x[10m])`), is printed \
            but leaves the exit status alone.
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
        let conditions = engine.conditionReports(now: Date())
        await engine.shutdown()
        switch format {
        case .json:
            print(try JSONOutput.encode(reports.map(CheckOutputRow.check) + conditions.map(CheckOutputRow.condition)))
        case .text, .csv: print(CheckReportTable(reports: reports, conditions: conditions).render())
        }
        if reports.contains(where: { !$0.result.up }) || conditions.contains(where: \.isDown) {
            throw ExitStatus.failed
        }
    }
}
