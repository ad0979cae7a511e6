import Foundation

/// When a minimum volume is expected: weekdays and times of day in one time zone, written as
/// `mon-fri 08:00-18:00`, `sat,sun`, `daily 06:00-12:00,13:00-22:00`. Without times, all day.
///
/// ```swift
/// let hours = try BusinessCalendar(parsing: "mon-fri 08:00-18:00", timeZone: TimeZone(identifier: "Europe/Berlin")!)
/// hours.contains(Date())
/// ```
public struct BusinessCalendar: Sendable, Equatable, CustomStringConvertible {
    /// Weekdays as `Calendar` numbers them: 1 is Sunday, 7 Saturday.
    public var weekdays: Set<Int>
    /// Minutes after midnight, each range from its start up to (not including) its end.
    public var times: [Range<Int>]
    public var timeZone: TimeZone
    /// The text as written.
    public var spec: String

    static let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    /// Parses `spec`; throws with the 1-based column of the first problem.
    public init(parsing spec: String, timeZone: TimeZone) throws(BusinessCalendarError) {
        self.spec = spec
        self.timeZone = timeZone
        let parts = spec.split(separator: " ", omittingEmptySubsequences: true)
        guard let days = parts.first, parts.count <= 2 else {
            throw BusinessCalendarError(
                "expected weekdays and optional times, such as `mon-fri 08:00-18:00`", column: parts.isEmpty ? 1 : 1)
        }
        weekdays = try Self.weekdays(days, in: spec)
        times = try parts.count == 2 ? Self.times(parts[1], in: spec) : [0..<(24 * 60)]
    }

    /// Whether `date` falls on one of the weekdays, within one of the times, in the calendar's zone.
    public func contains(_ date: Date) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: date)
        guard let weekday = parts.weekday, weekdays.contains(weekday) else { return false }
        let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        return times.contains { $0.contains(minute) }
    }

    public var description: String { spec }

    private static func column(of part: Substring, in spec: String) -> Int {
        spec.distance(from: spec.startIndex, to: part.startIndex) + 1
    }

    private static func weekdays(_ text: Substring, in spec: String) throws(BusinessCalendarError) -> Set<Int> {
        if text.lowercased() == "daily" { return Set(1...7) }
        var days: Set<Int> = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = item.split(separator: "-", omittingEmptySubsequences: false)
            let numbers = bounds.map { dayNames.firstIndex(of: $0.lowercased()) }
            guard (1...2).contains(bounds.count), let first = numbers.first ?? nil, let last = numbers.last ?? nil
            else {
                throw BusinessCalendarError(
                    "`\(item)` is no weekday or range of weekdays (mon, tue, wed, thu, fri, sat, sun, or daily)",
                    column: column(of: item, in: spec))
            }
            // A range may wrap round the week: `fri-mon`.
            var day = first
            while true {
                days.insert(day + 1)
                if day == last { break }
                day = (day + 1) % 7
            }
        }
        return days
    }

    private static func times(_ text: Substring, in spec: String) throws(BusinessCalendarError) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = item.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count == 2, let start = minutes(bounds[0]), let end = minutes(bounds[1]), start < end else {
                throw BusinessCalendarError(
                    "`\(item)` is no time range such as 08:00-18:00 (start before end, 24:00 at most)",
                    column: column(of: item, in: spec))
            }
            ranges.append(start..<end)
        }
        return ranges
    }

    /// `08:00` as 480; `24:00` as the end of the day.
    private static func minutes(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]),
            let minute = Int(parts[1]), (0...59).contains(minute), (0...24).contains(hour),
            hour < 24 || minute == 0
        else { return nil }
        return hour * 60 + minute
    }
}

/// Why a calendar spec does not parse; `column` is 1-based within the spec.
public struct BusinessCalendarError: Error, Sendable, Equatable {
    public var problem: String
    public var column: Int

    public init(_ problem: String, column: Int) {
        self.problem = problem
        self.column = column
    }
}
