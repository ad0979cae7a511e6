import Foundation

/// When a maintenance window is open: once, or every week on some days at a local time of day.
public enum MaintenanceSchedule: Sendable, Hashable {
    case once(start: Date, end: Date)
    /// Opens on `weekdays` (1 = Sunday … 7 = Saturday, as `Calendar`) at `minuteOfDay` in `timeZone`.
    case weekly(weekdays: Set<Int>, minuteOfDay: Int, duration: TimeInterval, timeZone: TimeZone)
}
