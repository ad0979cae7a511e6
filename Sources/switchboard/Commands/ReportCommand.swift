import ArgumentParser
import Foundation
import Monitor
import SwitchboardCore

/// `switchboard report --since 7d`: availability and latency per interface and check, from the
/// 5-minute history in the state database.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Availability and latency per interface over a window, from the history.",
        discussion: """
            Reads the 5-minute buckets kept in the state database (history.retention, default 35d) \
            for every interface of the config and its checks: availability, runs, failures, latency \
            p50/p95 (run-weighted means of the 5-minute percentiles) and the maximum. Exits 2 on bad \
            input, 1 when the state database cannot be read.
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("How far back: a duration such as 1h, 24h, 7d or 30d.", valueName: "duration"))
    var since: String = "7d"

    @Option(help: OutputFormat.help) var format: OutputFormat = .text

    func run() throws {
        guard let window = DurationParser.parse(since), window >= .seconds(300) else {
            StandardError.write(
                "error: --since \(since): expected a duration of at least 5m, such as 1h, 24h, 7d or 30d")
            throw ExitStatus.badInput
        }
        let landscape = try ConfigLoading.load(common.configFile())
        let report: HistoryReport
        do {
            let database = try StateDatabase(directory: URL(filePath: common.stateDirectory))
            report = try HistoryReport.read(from: database.pool, landscape: landscape, window: window, now: Date())
        } catch {
            StandardError.write("error: \(error)")
            throw ExitStatus.stateUnusable
        }
        let rendering = ReportRendering(report: report, window: DurationParser.format(window))
        switch format {
        case .text: print(rendering.table(), terminator: "")
        case .json: print(try rendering.json())
        case .csv: print(rendering.csv(), terminator: "")
        }
    }
}
