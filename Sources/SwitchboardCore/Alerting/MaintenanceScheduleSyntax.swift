import Foundation

/// The parts of a maintenance schedule as people write them, shared by the config and the command
/// line: weekdays (`mon,tue`), a time of day (`22:00`), a time zone (`Europe/Berlin`), a time (ISO 8601).
public enum MaintenanceScheduleSyntax {
    /// Weekday names by their first three letters, as `Calendar` numbers them (1 = Sunday).
    static let weekdayNumbers = ["sun": 1, "mon": 2, "tue": 3, "wed": 4, "thu": 5, "fri": 6, "sat": 7]
    static let fullNames = [
        "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "tues", "thur", "thurs",
    ]

    /// One weekday: `mon`, `Monday`, `tue`… (case does not matter).
    public static func weekday(_ text: String) throws(MaintenanceScheduleError) -> Int {
        let name = text.trimmingCharacters(in: .whitespaces).lowercased()
        let short = String(name.prefix(3))
        guard let number = weekdayNumbers[short], name == short || fullNames.contains(name) else {
            throw MaintenanceScheduleError(
                "unknown weekday `\(text)`; expected mon, tue, wed, thu, fri, sat or sun")
        }
        return number
    }

    /// Weekdays separated by commas: `mon,tue,fri`.
    public static func weekdays(_ text: String) throws(MaintenanceScheduleError) -> Set<Int> {
        var days: Set<Int> = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            days.insert(try weekday(String(part)))
        }
        return days
    }

    /// The weekdays' short names, Monday first as people plan weeks: `["sat", "sun"]`.
    public static func names(of weekdays: Set<Int>) -> [String] {
        let names = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        return [2, 3, 4, 5, 6, 7, 1].filter(weekdays.contains).map { names[$0 - 1] }
    }

    /// Minutes after midnight as `HH:MM`.
    public static func timeOfDay(_ minuteOfDay: Int) -> String {
        let hour = minuteOfDay / 60
        let minute = minuteOfDay % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    /// `HH:MM` on a 24-hour clock, as minutes after midnight.
    public static func minuteOfDay(_ text: String) throws(MaintenanceScheduleError) -> Int {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else {
            throw MaintenanceScheduleError(
                "invalid time of day `\(text)`; expected HH:MM on a 24-hour clock, such as 22:00")
        }
        return hour * 60 + minute
    }

    /// An IANA time zone name (`Europe/Berlin`, `UTC`).
    public static func timeZone(_ text: String) throws(MaintenanceScheduleError) -> TimeZone {
        guard !text.isEmpty, let zone = TimeZone(identifier: text) else {
            throw MaintenanceScheduleError(
                "unknown time zone `\(text)`; expected an IANA name such as Europe/Berlin, America/New_York or UTC")
        }
        return zone
    }

    /// An ISO 8601 time with its offset: `2026-12-01T20:00:00Z`, `2026-12-01T21:00:00+01:00`.
    public static func time(_ text: String) throws(MaintenanceScheduleError) -> Date {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return date
        }
        throw MaintenanceScheduleError("invalid time `\(text)`; expected ISO 8601 such as 2026-12-01T20:00:00Z")
    }

    /// A one-off window; it must end after it starts.
    public static func once(start: Date, end: Date) throws(MaintenanceScheduleError) -> MaintenanceSchedule {
        guard end > start else {
            throw MaintenanceScheduleError(
                "the window ends (\(end.formatted(.iso8601))) before it starts (\(start.formatted(.iso8601)))")
        }
        return .once(start: start, end: end)
    }

    /// A weekly window; it lasts more than nothing and at most a week.
    public static func weekly(
        weekdays: Set<Int>, minuteOfDay: Int, duration: TimeInterval, timeZone: TimeZone
    ) throws(MaintenanceScheduleError) -> MaintenanceSchedule {
        guard !weekdays.isEmpty else { throw MaintenanceScheduleError("a weekly window needs at least one weekday") }
        guard duration > 0, duration <= 7 * 86400 else {
            throw MaintenanceScheduleError("a weekly window lasts more than 0 and at most 7 days")
        }
        return .weekly(weekdays: weekdays, minuteOfDay: minuteOfDay, duration: duration, timeZone: timeZone)
    }
}

/// A maintenance schedule that does not read: what is wrong, in words.
public struct MaintenanceScheduleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
