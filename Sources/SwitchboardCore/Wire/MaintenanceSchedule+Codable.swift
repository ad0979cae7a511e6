import Foundation

/// A schedule on the wire: `{"kind": "once", "start", "end"}` or
/// `{"kind": "weekly", "weekdays": ["sat", "sun"], "at": "22:00", "duration": "4h", "timeZone": "Europe/Berlin"}`.
extension MaintenanceSchedule: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, start, end, weekdays, at, duration, timeZone
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .once(let start, let end):
            try container.encode("once", forKey: .kind)
            try container.encode(start, forKey: .start)
            try container.encode(end, forKey: .end)
        case .weekly(let weekdays, let minuteOfDay, let duration, let timeZone):
            try container.encode("weekly", forKey: .kind)
            try container.encode(MaintenanceScheduleSyntax.names(of: weekdays), forKey: .weekdays)
            try container.encode(MaintenanceScheduleSyntax.timeOfDay(minuteOfDay), forKey: .at)
            try container.encode(DurationParser.format(.seconds(duration)), forKey: .duration)
            try container.encode(timeZone.identifier, forKey: .timeZone)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        do {
            switch kind {
            case "once":
                self = try MaintenanceScheduleSyntax.once(
                    start: try container.decode(Date.self, forKey: .start),
                    end: try container.decode(Date.self, forKey: .end))
            case "weekly":
                let days = try container.decode([String].self, forKey: .weekdays)
                let durationText = try container.decode(String.self, forKey: .duration)
                guard let duration = DurationParser.parse(durationText) else {
                    throw MaintenanceScheduleError("duration: expected a duration such as 4h, got \(durationText)")
                }
                self = try MaintenanceScheduleSyntax.weekly(
                    weekdays: MaintenanceScheduleSyntax.weekdays(days.joined(separator: ",")),
                    minuteOfDay: MaintenanceScheduleSyntax.minuteOfDay(try container.decode(String.self, forKey: .at)),
                    duration: duration.seconds,
                    timeZone: MaintenanceScheduleSyntax.timeZone(try container.decode(String.self, forKey: .timeZone)))
            default:
                throw MaintenanceScheduleError("kind: expected once or weekly, got \(kind)")
            }
        } catch let error as MaintenanceScheduleError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }
}
