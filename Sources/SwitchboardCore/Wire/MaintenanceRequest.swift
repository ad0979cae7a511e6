import Foundation

/// `POST /api/v1/maintenance`, and the options of `maintenance add`: a one-off window (`start`,
/// `end`) or a weekly one (`weekly`, `at`, `duration`, `timeZone`), as people write them.
public struct MaintenanceRequest: APIRequestBody, Equatable {
    public static let fields: Set<String> = [
        "matchers", "comment", "name", "start", "end", "weekly", "at", "duration", "timeZone",
    ]
    /// Alertmanager's list syntax: `{system="erp", alertname=~"Interface.*"}`.
    public var matchers: String
    public var comment: String
    /// Default: the matchers.
    public var name: String?
    /// One-off: ISO 8601; default now.
    public var start: String?
    public var end: String?
    /// Weekly: `sat,sun`, `22:00`, `4h`, `Europe/Berlin` (default: the engine's zone).
    public var weekly: String?
    public var at: String?
    public var duration: String?
    public var timeZone: String?

    public init(
        matchers: String, comment: String, name: String? = nil, start: String? = nil, end: String? = nil,
        weekly: String? = nil, at: String? = nil, duration: String? = nil, timeZone: String? = nil
    ) {
        self.matchers = matchers
        self.comment = comment
        self.name = name
        self.start = start
        self.end = end
        self.weekly = weekly
        self.at = at
        self.duration = duration
        self.timeZone = timeZone
    }

    /// The request that plans `window` (a schedule written back as the fields say it).
    public init(_ window: MaintenanceWindowConfig) {
        self.init(matchers: AlertMatcher.listDescription(window.matchers), comment: window.comment, name: window.name)
        switch window.schedule {
        case .once(let start, let end):
            self.start = start.formatted(.iso8601)
            self.end = end.formatted(.iso8601)
        case .weekly(let weekdays, let minuteOfDay, let duration, let timeZone):
            weekly = MaintenanceScheduleSyntax.names(of: weekdays).joined(separator: ",")
            at = MaintenanceScheduleSyntax.timeOfDay(minuteOfDay)
            self.duration = DurationParser.format(.seconds(duration))
            self.timeZone = timeZone.identifier
        }
    }

    /// The window the fields describe; what is wrong names the field (`end`, `matchers`, `--end`
    /// on the command line, where `option` spells the names).
    public func window(now: Date, option: (String) -> String = { $0 }) throws(MaintenanceScheduleError)
        -> MaintenanceWindowConfig
    {
        let parsed: [AlertMatcher]
        do {
            parsed = try AlertMatcher.parseList(matchers)
        } catch {
            throw MaintenanceScheduleError("\(option("matchers")): \(error.description)")
        }
        guard !parsed.isEmpty else { throw MaintenanceScheduleError("\(option("matchers")): give at least one") }
        return MaintenanceWindowConfig(
            name: name ?? AlertMatcher.listDescription(parsed), matchers: parsed,
            schedule: try schedule(now: now, option: option), comment: comment)
    }

    private func schedule(now: Date, option: (String) -> String) throws(MaintenanceScheduleError)
        -> MaintenanceSchedule
    {
        let weeklyFields = [("weekly", weekly), ("at", at), ("duration", duration), ("timeZone", timeZone)]
            .filter { $0.1 != nil }.map { option($0.0) }
        let onceFields = [("start", start), ("end", end)].filter { $0.1 != nil }.map { option($0.0) }
        if !weeklyFields.isEmpty && !onceFields.isEmpty {
            throw MaintenanceScheduleError(
                "\(onceFields.joined(separator: ", ")) and \(weeklyFields.joined(separator: ", ")) do not mix: "
                    + "a window is one-off (\(option("start")), \(option("end"))) or weekly (\(option("weekly")), "
                    + "\(option("at")), \(option("duration")))")
        }
        if weeklyFields.isEmpty {
            guard let end else {
                throw MaintenanceScheduleError(
                    "say when the window closes (\(option("end"))) or when it recurs (\(option("weekly")))")
            }
            let startsAt = try start.map(MaintenanceScheduleSyntax.time) ?? now
            return try MaintenanceScheduleSyntax.once(start: startsAt, end: MaintenanceScheduleSyntax.time(end))
        }
        guard let weekly, let at, let duration else {
            throw MaintenanceScheduleError(
                "a weekly window needs \(option("weekly")), \(option("at")) and \(option("duration"))")
        }
        let zone = try timeZone.map(MaintenanceScheduleSyntax.timeZone) ?? TimeZone.current
        guard let length = DurationParser.parse(duration), length > .zero else {
            throw MaintenanceScheduleError(
                "\(option("duration")) \(duration): expected a duration such as 30m, 2h or 1d12h")
        }
        return try MaintenanceScheduleSyntax.weekly(
            weekdays: MaintenanceScheduleSyntax.weekdays(weekly),
            minuteOfDay: MaintenanceScheduleSyntax.minuteOfDay(at), duration: length.seconds, timeZone: zone)
    }
}
