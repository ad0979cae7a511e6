import Foundation
import SwitchboardCore

/// The result of one check with where it sits, as `switchboard check` prints it.
public struct CheckReport: Sendable, Encodable {
    public var owned: OwnedCheck
    public var result: CheckResult

    enum CodingKeys: String, CodingKey {
        case check, interface, system, kind, target, up
        case errorClass = "error_class"
        case reason
        case durationSeconds = "duration_seconds"
        case httpStatus = "http_status"
        case startedAt = "started_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(owned.check.id, forKey: .check)
        try container.encode(owned.interface, forKey: .interface)
        try container.encode(owned.system, forKey: .system)
        try container.encode(owned.check.probe.kind, forKey: .kind)
        try container.encode(owned.check.probe.target, forKey: .target)
        try container.encode(result.up, forKey: .up)
        try container.encode(result.errorClass?.rawValue, forKey: .errorClass)
        try container.encode(result.reason, forKey: .reason)
        try container.encode(result.durationSeconds, forKey: .durationSeconds)
        try container.encode(result.httpStatus, forKey: .httpStatus)
        try container.encode(result.startedAt, forKey: .startedAt)
    }
}
