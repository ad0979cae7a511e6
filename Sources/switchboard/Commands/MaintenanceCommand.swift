import ArgumentParser
import Foundation
import Monitor
import SwitchboardCore

/// `switchboard maintenance …`: planned maintenance windows in the state directory.
struct MaintenanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintenance", abstract: "Plan maintenance windows that mute matching alerts.",
        subcommands: [Add.self, List.self, Remove.self])

    /// `switchboard maintenance add MATCHER... (--end T | --weekly DAYS --at HH:MM --duration D) --comment TEXT`
    struct Add: ParsableCommand {
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

        func run() throws {
            let now = Date()
            let schedule = try AlertCommandSupport.reporting { try self.schedule(now: now) }
            let store = try AlertCommandSupport.store(common)
            let window = try AlertCommandSupport.reporting {
                let parsed = try AlertCommandSupport.matchers(matchers)
                let window = try MaintenanceWindow(
                    name: name ?? "{" + parsed.map(\.description).joined(separator: ", ") + "}", matchers: parsed,
                    schedule: schedule, createdBy: by ?? AlertCommandSupport.loginName, comment: comment)
                try store.addMaintenanceWindow(window, now: now)
                return window
            }
            print(window.id)
            StandardError.write(
                "maintenance window \(window.name): \(MaintenanceRendering.schedule(window.schedule))")
        }

        /// The schedule the options describe; one-off and weekly options do not mix.
        func schedule(now: Date) throws -> MaintenanceWindow.Schedule {
            let weeklyOptions = [
                weekly.map { _ in "--weekly" }, at.map { _ in "--at" }, duration.map { _ in "--duration" },
                timeZone.map { _ in "--time-zone" },
            ].compactMap { $0 }
            let onceOptions = [start.map { _ in "--start" }, end.map { _ in "--end" }].compactMap { $0 }
            if !weeklyOptions.isEmpty && !onceOptions.isEmpty {
                throw MaintenanceScheduleError(
                    "\(onceOptions.joined(separator: ", ")) and \(weeklyOptions.joined(separator: ", ")) do not mix: "
                        + "a window is one-off (--start, --end) or weekly (--weekly, --at, --duration)")
            }
            if weeklyOptions.isEmpty {
                guard let end else {
                    throw MaintenanceScheduleError("say when the window closes (--end) or when it recurs (--weekly)")
                }
                let startsAt = try start.map(MaintenanceScheduleSyntax.time) ?? now
                return try Self.schedule(
                    MaintenanceScheduleSyntax.once(start: startsAt, end: MaintenanceScheduleSyntax.time(end)))
            }
            guard let weekly, let at, let duration else {
                throw MaintenanceScheduleError("a weekly window needs --weekly, --at and --duration")
            }
            let zone = try timeZone.map(MaintenanceScheduleSyntax.timeZone) ?? TimeZone.current
            guard let length = DurationParser.parse(duration), length > .zero else {
                throw MaintenanceScheduleError("--duration \(duration): expected a duration such as 30m, 2h or 1d12h")
            }
            return try Self.schedule(
                MaintenanceScheduleSyntax.weekly(
                    weekdays: MaintenanceScheduleSyntax.weekdays(weekly),
                    minuteOfDay: MaintenanceScheduleSyntax.minuteOfDay(at), duration: length.seconds, timeZone: zone))
        }

        static func schedule(_ schedule: MaintenanceSchedule) -> MaintenanceWindow.Schedule {
            switch schedule {
            case .once(let start, let end): .once(start: start, end: end)
            case .weekly(let days, let minute, let duration, let zone):
                .weekly(weekdays: days, minuteOfDay: minute, duration: duration, timeZone: zone)
            }
        }
    }

    /// `switchboard maintenance list`
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List maintenance windows.",
            discussion: """
                Lists the windows added with `maintenance add` (kept in the state directory) and, when a config \
                is given or found, those of its alerting.maintenance_windows (ids config:<name>; change them in \
                the config, `maintenance remove` refuses them).
                """)

        @OptionGroup var common: CommonOptions
        @Option(help: OutputFormat.help) var format: OutputFormat = .text

        func run() throws {
            let store = try AlertCommandSupport.store(common)
            let queue = try AlertCommandSupport.reporting { try store.loadQueue() }
            let windows = (Array(queue.maintenanceWindows.values) + Self.configWindows(common))
                .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
            switch format {
            case .json: print(MaintenanceRendering.json(windows, now: Date()))
            case .text, .csv:
                let table = MaintenanceRendering.table(windows, now: Date())
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
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a maintenance window.")

        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp("The window's id, or a unique prefix of at least 4 characters.", valueName: "id"))
        var id: String
        @Option(help: "Who removes it. Default: your login name.") var by: String?

        func run() throws {
            let store = try AlertCommandSupport.store(common)
            let window = try AlertCommandSupport.reporting {
                try store.removeMaintenanceWindow(id, by: by ?? AlertCommandSupport.loginName, now: Date())
            }
            print("removed \(window.id)")
        }
    }
}
