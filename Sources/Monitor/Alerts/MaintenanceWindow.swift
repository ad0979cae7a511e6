import Foundation
import PromQL
import SwitchboardCore

/// A planned period in which alerts matching the window's matchers are silenced.
public struct MaintenanceWindow: Sendable, Hashable, Identifiable {
    /// When a window is open: once, or every week on some days at a time of day in a time zone.
    public typealias Schedule = MaintenanceSchedule

    public var id: String
    public var name: String
    public var matchers: [LabelMatcher]
    public var schedule: Schedule
    public var createdBy: String
    public var comment: String

    /// A validated window; throws when the schedule cannot open or could never close.
    public init(
        id: String = UUID().uuidString.lowercased(), name: String, matchers: [LabelMatcher], schedule: Schedule,
        createdBy: String, comment: String = ""
    ) throws(AlertQueueError) {
        switch schedule {
        case .once(let start, let end):
            guard end > start else { throw .invalidMaintenanceWindow("`\(name)` ends before it starts") }
        case .weekly(let weekdays, let minute, let duration, _):
            guard !weekdays.isEmpty, weekdays.allSatisfy((1...7).contains) else {
                throw .invalidMaintenanceWindow("`\(name)` needs weekdays between 1 (Sunday) and 7 (Saturday)")
            }
            guard (0..<1440).contains(minute) else {
                throw .invalidMaintenanceWindow("`\(name)` starts at minute \(minute); expected 0 to 1439")
            }
            guard duration > 0, duration <= 7 * 86400 else {
                throw .invalidMaintenanceWindow(
                    "`\(name)` lasts \(Int(duration)) s; expected more than 0, at most 7 days")
            }
        }
        guard !matchers.isEmpty else { throw .invalidMaintenanceWindow("`\(name)` has no matchers") }
        self.id = id
        self.name = name
        self.matchers = matchers
        self.schedule = schedule
        self.createdBy = createdBy
        self.comment = comment
    }

    /// A window planned as `config` describes it, by `createdBy`.
    public init(
        _ config: MaintenanceWindowConfig, id: String = UUID().uuidString.lowercased(), createdBy: String
    ) throws {
        try self.init(
            id: id, name: config.name, matchers: try LabelMatcher.alerting(config.matchers),
            schedule: config.schedule, createdBy: createdBy, comment: config.comment)
    }

    /// The window as the console and the command line show it at `now`.
    public func snapshot(now: Date) -> MaintenanceWindowSnapshot {
        let state: MaintenanceWindowSnapshot.State =
            if isOpen(at: now) {
                .open
            } else if case .once(_, let end) = schedule, end <= now {
                .over
            } else {
                .closed
            }
        return MaintenanceWindowSnapshot(
            id: id, name: name, matchers: matchers.map(AlertMatcher.init), schedule: schedule, createdBy: createdBy,
            comment: comment, state: state)
    }

    /// Whether the window is open at `now`.
    public func isOpen(at now: Date) -> Bool {
        switch schedule {
        case .once(let start, let end):
            return start <= now && now < end
        case .weekly(let weekdays, let minuteOfDay, let duration, let timeZone):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let today = calendar.startOfDay(for: now)
            // A window that opened up to seven days ago may still be open.
            for daysBack in 0...7 {
                guard let day = calendar.date(byAdding: .day, value: -daysBack, to: today),
                    weekdays.contains(calendar.component(.weekday, from: day)),
                    let opens = calendar.date(
                        bySettingHour: minuteOfDay / 60, minute: minuteOfDay % 60, second: 0, of: day,
                        matchingPolicy: .nextTime)
                else { continue }
                if opens <= now && now < opens.addingTimeInterval(duration) { return true }
            }
            return false
        }
    }
}
