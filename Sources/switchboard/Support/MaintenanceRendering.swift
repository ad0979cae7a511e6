import Foundation
import SwitchboardCore

/// Maintenance windows as a table for people and as JSON or CSV for tools.
enum MaintenanceRendering {
    static func table(_ windows: [MaintenanceWindowSnapshot]) -> [[String]] {
        var rows = [["ID", "STATE", "NAME", "MATCHERS", "SCHEDULE", "BY", "COMMENT"]]
        for window in windows {
            rows.append([
                window.id, window.state.rawValue, window.name, AlertMatcher.listDescription(window.matchers),
                schedule(window.schedule), window.createdBy, window.comment,
            ])
        }
        return rows
    }

    /// `2026-12-01T20:00:00Z – 2026-12-02T02:00:00Z` or `weekly sat,sun 22:00 for 4h (Europe/Berlin)`.
    static func schedule(_ schedule: MaintenanceSchedule) -> String {
        switch schedule {
        case .once(let start, let end):
            return "\(AlertCommandSupport.format(start)) – \(AlertCommandSupport.format(end))"
        case .weekly(let days, let minute, let duration, let zone):
            let days = MaintenanceScheduleSyntax.names(of: days).joined(separator: ",")
            let length = DurationParser.format(.seconds(Int(duration)))
            return "weekly \(days) \(MaintenanceScheduleSyntax.timeOfDay(minute)) for \(length) (\(zone.identifier))"
        }
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

    static func json(_ windows: [MaintenanceWindowSnapshot]) -> String {
        AlertListRendering.encode(
            windows.map { window in
                let schedule: WindowJSON.Schedule =
                    switch window.schedule {
                    case .once(let start, let end): .init(kind: "once", start: start, end: end)
                    case .weekly(let days, let minute, let duration, let zone):
                        .init(
                            kind: "weekly", days: MaintenanceScheduleSyntax.names(of: days),
                            at: MaintenanceScheduleSyntax.timeOfDay(minute), duration_seconds: duration,
                            time_zone: zone.identifier)
                    }
                return WindowJSON(
                    id: window.id, name: window.name, state: window.state.rawValue,
                    matchers: window.matchers.map(AlertListRendering.matcherJSON), schedule: schedule,
                    created_by: window.createdBy, comment: window.comment)
            })
    }
}
