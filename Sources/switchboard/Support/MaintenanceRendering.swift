import Foundation
import Monitor
import SwitchboardCore

/// Maintenance windows as a table for people and as JSON or CSV for tools.
enum MaintenanceRendering {
    static let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    static func table(_ windows: [MaintenanceWindow], now: Date) -> [[String]] {
        var rows = [["ID", "STATE", "NAME", "MATCHERS", "SCHEDULE", "BY", "COMMENT"]]
        for window in windows {
            rows.append([
                window.id, state(window, now: now), window.name,
                "{" + window.matchers.map(\.description).joined(separator: ", ") + "}", schedule(window.schedule),
                window.createdBy, window.comment,
            ])
        }
        return rows
    }

    /// `open` while it is open, `over` once a one-off window has closed, `closed` otherwise.
    static func state(_ window: MaintenanceWindow, now: Date) -> String {
        if window.isOpen(at: now) { return "open" }
        if case .once(_, let end) = window.schedule, end <= now { return "over" }
        return "closed"
    }

    /// `2026-12-01T20:00:00Z – 2026-12-02T02:00:00Z` or `weekly sat,sun 22:00 for 4h (Europe/Berlin)`.
    static func schedule(_ schedule: MaintenanceWindow.Schedule) -> String {
        switch schedule {
        case .once(let start, let end):
            return "\(AlertCommandSupport.format(start)) – \(AlertCommandSupport.format(end))"
        case .weekly(let days, let minute, let duration, let zone):
            return "weekly \(weekdays(days)) \(timeOfDay(minute)) for \(length(duration)) (\(zone.identifier))"
        }
    }

    static func weekdays(_ days: Set<Int>) -> String {
        // Monday first, as people plan weeks.
        [2, 3, 4, 5, 6, 7, 1].filter(days.contains).map { dayNames[$0 - 1] }.joined(separator: ",")
    }

    static func timeOfDay(_ minute: Int) -> String {
        String(format: "%02d:%02d", minute / 60, minute % 60)
    }

    static func length(_ seconds: TimeInterval) -> String {
        DurationParser.format(.seconds(Int(seconds)))
    }

    struct WindowJSON: Encodable {
        struct Schedule: Encodable {
            var kind: String
            var start: Date?
            var end: Date?
            var days: [String]?
            var at: String?
            var duration_seconds: Double?
            var time_zone: String?
        }

        var id: String
        var name: String
        var state: String
        var matchers: [[String: String]]
        var schedule: Schedule
        var created_by: String
        var comment: String
    }

    static func json(_ windows: [MaintenanceWindow], now: Date) -> String {
        AlertListRendering.encode(
            windows.map { window in
                let schedule: WindowJSON.Schedule =
                    switch window.schedule {
                    case .once(let start, let end): .init(kind: "once", start: start, end: end)
                    case .weekly(let days, let minute, let duration, let zone):
                        .init(
                            kind: "weekly", days: weekdays(days).split(separator: ",").map(String.init),
                            at: timeOfDay(minute), duration_seconds: duration, time_zone: zone.identifier)
                    }
                return WindowJSON(
                    id: window.id, name: window.name, state: state(window, now: now),
                    matchers: window.matchers.map { ["name": $0.name, "type": $0.kind.rawValue, "value": $0.value] },
                    schedule: schedule, created_by: window.createdBy, comment: window.comment)
            })
    }
}
