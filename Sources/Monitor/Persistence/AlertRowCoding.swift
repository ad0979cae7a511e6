import Foundation
import PromQL

/// How the alert tables spell the values their records keep as text: label sets and annotations as
/// JSON objects, matchers as JSON arrays, schedules as tagged JSON objects.
enum AlertRowCoding {
    private struct StoredMatcher: Codable {
        var name: String
        var op: String
        var value: String
    }

    private struct StoredSchedule: Codable {
        var kind: String
        var start: Double?
        var end: Double?
        var weekdays: [Int]?
        var minuteOfDay: Int?
        var duration: Double?
        var timeZone: String?
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String, table: String, id: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw AlertStoreError.invalidRow(table: table, id: id, reason: "unreadable JSON: \(text.prefix(80))")
        }
    }

    static func labels(_ labels: Labels) throws -> String {
        try json(Dictionary(uniqueKeysWithValues: labels.pairs.map { ($0.name, $0.value) }))
    }

    static func labels(_ text: String, table: String, id: String) throws -> Labels {
        Labels(try decode([String: String].self, text, table: table, id: id))
    }

    static func matchers(_ matchers: [LabelMatcher]) throws -> String {
        try json(matchers.map { StoredMatcher(name: $0.name, op: $0.kind.rawValue, value: $0.value) })
    }

    static func matchers(_ text: String, table: String, id: String) throws -> [LabelMatcher] {
        try decode([StoredMatcher].self, text, table: table, id: id).map { stored in
            guard let kind = LabelMatcher.Kind(rawValue: stored.op) else {
                throw AlertStoreError.invalidRow(table: table, id: id, reason: "unknown matcher operator \(stored.op)")
            }
            do throws(LabelMatcherError) {
                return try LabelMatcher(stored.name, kind, stored.value)
            } catch {
                throw AlertStoreError.invalidRow(table: table, id: id, reason: error.description)
            }
        }
    }

    static func schedule(_ schedule: MaintenanceWindow.Schedule) throws -> String {
        switch schedule {
        case .once(let start, let end):
            try json(
                StoredSchedule(kind: "once", start: start.timeIntervalSince1970, end: end.timeIntervalSince1970))
        case .weekly(let weekdays, let minute, let duration, let zone):
            try json(
                StoredSchedule(
                    kind: "weekly", weekdays: weekdays.sorted(), minuteOfDay: minute, duration: duration,
                    timeZone: zone.identifier))
        }
    }

    static func schedule(_ text: String, id: String) throws -> MaintenanceWindow.Schedule {
        let table = "alert_maintenance_window"
        let stored = try decode(StoredSchedule.self, text, table: table, id: id)
        switch stored.kind {
        case "once":
            if let start = stored.start, let end = stored.end {
                return .once(start: Date(timeIntervalSince1970: start), end: Date(timeIntervalSince1970: end))
            }
        case "weekly":
            if let weekdays = stored.weekdays, let minute = stored.minuteOfDay, let duration = stored.duration,
                let zone = stored.timeZone.flatMap(TimeZone.init(identifier:))
            {
                return .weekly(weekdays: Set(weekdays), minuteOfDay: minute, duration: duration, timeZone: zone)
            }
        default: break
        }
        throw AlertStoreError.invalidRow(table: table, id: id, reason: "unreadable schedule \(text.prefix(80))")
    }
}
