import ArgumentParser
import Foundation
import Monitor
import SwitchboardCore

/// `switchboard maintenance …`: planned maintenance windows in the state directory.
struct MaintenanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintenance", abstract: "Plan maintenance windows that mute matching alerts.",
        subcommands: [Add.self, List.self, Remove.self])

    /// `switchboard maintenance add MATCHER... (--end T | --weekly DAYS --at HH:MM --duration D) --comment TEXT`
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a one-off or weekly maintenance window.",
            discussion: """
                Alerts matching all matchers are muted while the window is open. Matchers are written as \
                for `silence add`. One-off or weekly:
                  switchboard maintenance add system=erp --start 2026-12-01T20:00:00Z --end 2026-12-02T02:00:00Z --comment "ERP upgrade"
                  switchboard maintenance add system=erp --weekly sat,sun --at 22:00 --duration 4h --time-zone Europe/Berlin --comment "patch night"
                """)

        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp("Label matchers, all of which must hold.", valueName: "matcher"))
        var matchers: [String]
        @Option(help: ArgumentHelp("One-off: when it opens, as ISO 8601. Default: now.", valueName: "time"))
        var start: String?
        @Option(help: ArgumentHelp("One-off: when it closes, as ISO 8601 (2026-12-02T02:00:00Z).", valueName: "time"))
        var end: String?
        @Option(help: ArgumentHelp("Weekly: the days it opens (mon,tue,…).", valueName: "days"))
        var weekly: String?
        @Option(help: ArgumentHelp("Weekly: the local time it opens, HH:MM.", valueName: "time"))
        var at: String?
        @Option(help: ArgumentHelp("Weekly: how long it stays open (30m, 4h).", valueName: "duration"))
        var duration: String?
        @Option(
            name: .customLong("time-zone"),
            help: ArgumentHelp(
                "Weekly: the time zone of --at (Europe/Berlin). Default: this host's.", valueName: "zone"))
        var timeZone: String?
        @Option(help: "A short name. Default: the matchers.") var name: String?
        @Option(help: "Why.") var comment: String
        @Option(help: "Who plans it. Default: your login name.") var by: String?
        @OptionGroup var remote: ConnectOptions

        func run() async throws {
            let user = by ?? AlertCommandSupport.loginName
            let window = try AlertCommandSupport.reporting { try self.window(now: Date()) }
            if let endpoint = try remote.endpoint() {
                return try await RemoteEngine.perform(
                    .addMaintenance(window, by: user), on: endpoint, connect: remote, user: user)
            }
            let store = try AlertCommandSupport.store(common)
            let planned = try AlertCommandSupport.reporting {
                let planned = try MaintenanceWindow(window, createdBy: user)
                try store.addMaintenanceWindow(planned, now: Date())
                return planned
            }
            print(planned.id)
            StandardError.write(
                "maintenance window \(planned.name): \(MaintenanceRendering.schedule(planned.schedule))")
        }

        /// The window the options describe (`MaintenanceRequest`, as the API takes it), its errors naming the options.
        func window(now: Date) throws -> MaintenanceWindowConfig {
            let request = MaintenanceRequest(
                matchers: AlertMatcher.listDescription(try AlertMatcher.parseAll(matchers)), comment: comment,
                name: name, start: start, end: end, weekly: weekly, at: at, duration: duration, timeZone: timeZone)
            return try request.window(now: now) { field in
                switch field {
                case "matchers": "matcher"
                case "timeZone": "--time-zone"
                default: "--" + field
                }
            }
        }
    }

    /// `switchboard maintenance list`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List maintenance windows.",
            discussion: """
                Lists the windows added with `maintenance add` (kept in the state directory) and, when a config \
                is given or found, those of its alerting.maintenance_windows (ids config:<name>; change them in \
                the config, `maintenance remove` refuses them).
                """)

        @OptionGroup var common: CommonOptions
        @Option(help: OutputFormat.help) var format: OutputFormat = .text
        @OptionGroup var remote: ConnectOptions

        func run() async throws {
            let windows =
                if let endpoint = try remote.endpoint() {
                    try await RemoteEngine.snapshot(on: endpoint, connect: remote).alerts.maintenance
                } else {
                    try AlertCommandSupport.queue(common, now: Date()).maintenance
                }
            switch format {
            case .json: print(MaintenanceRendering.json(windows))
            case .text, .csv:
                let table = MaintenanceRendering.table(windows)
                print(AlertListRendering.render(table, as: format, empty: "no maintenance windows"), terminator: "")
            }
        }

        /// The config's windows, as the engine's queue holds them; none without a valid config.
        static func configWindows(_ common: CommonOptions) -> [MaintenanceWindow] {
            guard let file = try? ConfigLocator().configFile(explicit: common.config),
                let landscape = try? ConfigLoader().load(file: file)
            else { return [] }
            return (try? landscape.alerting.queueMaintenanceWindows()) ?? []
        }
    }

    /// `switchboard maintenance remove ID`
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a maintenance window.")

        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp("The window's id, or a unique prefix of at least 4 characters.", valueName: "id"))
        var id: String
        @Option(help: "Who removes it. Default: your login name.") var by: String?
        @OptionGroup var remote: ConnectOptions

        func run() async throws {
            if let endpoint = try remote.endpoint() {
                let user = by ?? AlertCommandSupport.loginName
                return try await RemoteEngine.perform(
                    .removeMaintenance(id: id, by: user), on: endpoint, connect: remote, user: user)
            }
            let store = try AlertCommandSupport.store(common)
            let window = try AlertCommandSupport.reporting {
                try store.removeMaintenanceWindow(id, by: by ?? AlertCommandSupport.loginName, now: Date())
            }
            print("removed \(window.id)")
        }
    }
}
