import Foundation

/// A 5-field cron expression (`minute hour day-of-month month day-of-week`) in a time zone, with
/// the next time it fires.
///
/// Fields take `*`, numbers, ranges `1-5`, steps `*/15` and `8-18/2`, lists `1,15`, and names
/// (`JAN`, `MON`); day-of-week 0 and 7 are Sunday. As in cron, when both day fields are restricted
/// a day matching either one fires. `@hourly`, `@daily`, `@weekly`, `@monthly` and `@yearly` stand
/// for their expressions.
public struct CronExpression: Sendable, Equatable {
    /// The expression as written.
    public let text: String
    public let timeZone: TimeZone
    let minutes: Set<Int>
    let hours: Set<Int>
    let days: Set<Int>
    let months: Set<Int>
    let weekdays: Set<Int>
    let daysRestricted: Bool
    let weekdaysRestricted: Bool

    /// Parses `text`; a problem names the 1-based column within `text` where it starts.
    public init(parsing text: String, timeZone: TimeZone = TimeZone(identifier: "UTC")!) throws(CronError) {
        self.text = text
        self.timeZone = timeZone
        let expanded = Self.macros[text.trimmingCharacters(in: .whitespaces).lowercased()]
        let fields = CronFieldScanner.fields(of: expanded ?? text)
        guard fields.count == 5 else {
            throw CronError(
                column: expanded == nil ? (fields.count > 5 ? fields[5].column : text.count + 1) : 1,
                problem: "expected 5 fields (minute hour day-of-month month day-of-week), found \(fields.count)")
        }
        let at = { (column: Int) in expanded == nil ? column : 1 }
        do {
            minutes = try CronField.minute.values(fields[0].text, column: at(fields[0].column))
            hours = try CronField.hour.values(fields[1].text, column: at(fields[1].column))
            days = try CronField.dayOfMonth.values(fields[2].text, column: at(fields[2].column))
            months = try CronField.month.values(fields[3].text, column: at(fields[3].column))
            weekdays = Set(try CronField.dayOfWeek.values(fields[4].text, column: at(fields[4].column)).map { $0 % 7 })
        }
        daysRestricted = !fields[2].text.hasPrefix("*")
        weekdaysRestricted = !fields[4].text.hasPrefix("*")
    }

    static let macros = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
        "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
    ]

    public static func == (lhs: CronExpression, rhs: CronExpression) -> Bool {
        lhs.text == rhs.text && lhs.timeZone.identifier == rhs.timeZone.identifier
    }

    /// The first time after `date` (to the minute) that the expression fires, or nil if it never
    /// does within eight years (`0 0 30 2 *`).
    public func next(after date: Date) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var time = (date.timeIntervalSince1970 / 60).rounded(.down) * 60 + 60
        let limit = time + 8 * 366 * 86400
        while time < limit {
            let instant = Date(timeIntervalSince1970: time)
            let parts = calendar.dateComponents([.month, .day, .weekday, .hour, .minute], from: instant)
            let (month, day, hour, minute) = (parts.month!, parts.day!, parts.hour!, parts.minute!)
            if !months.contains(month) {
                time = Self.startOfNextMonth(instant, calendar).timeIntervalSince1970
            } else if !dayMatches(day: day, weekday: parts.weekday! - 1) {
                time =
                    calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: instant))!
                    .timeIntervalSince1970
            } else if !hours.contains(hour) {
                time += Double(60 - minute) * 60
            } else if !minutes.contains(minute) {
                time += 60
            } else {
                return instant
            }
        }
        return nil
    }

    /// The times it fires after `start` up to and including `end`, at most `limit` of them.
    public func fireTimes(after start: Date, through end: Date, limit: Int = 1000) -> [Date] {
        var times: [Date] = []
        var cursor = start
        while times.count < limit, let next = next(after: cursor), next <= end {
            times.append(next)
            cursor = next
        }
        return times
    }

    private func dayMatches(day: Int, weekday: Int) -> Bool {
        if daysRestricted && weekdaysRestricted { return days.contains(day) || weekdays.contains(weekday) }
        return days.contains(day) && weekdays.contains(weekday)
    }

    private static func startOfNextMonth(_ date: Date, _ calendar: Calendar) -> Date {
        let first = calendar.date(from: calendar.dateComponents([.year, .month], from: date))!
        return calendar.date(byAdding: .month, value: 1, to: first)!
    }
}

/// What is wrong with a cron expression and where, as a 1-based column within it.
public struct CronError: Error, Sendable, Equatable, CustomStringConvertible {
    public var column: Int
    public var problem: String

    public var description: String { "column \(column): \(problem)" }
}
