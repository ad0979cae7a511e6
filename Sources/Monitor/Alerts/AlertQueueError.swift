import Foundation

/// What went wrong with an operator's action on the alert queue.
public enum AlertQueueError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownAlert(String)
    case ambiguousAlert(String, candidates: [AlertID])
    case unknownSilence(String)
    case ambiguousSilence(String, candidates: [String])
    case silenceAlreadyExpired(String)
    case silenceEndsBeforeItStarts(startsAt: Date, endsAt: Date)
    case silenceMatchesEverything
    case notAcknowledged(AlertID)
    case invalidMaintenanceWindow(String)
    case unknownMaintenanceWindow(String)
    case ambiguousMaintenanceWindow(String, candidates: [String])
    case maintenanceWindowInConfig(String)
    case alertResolved(AlertID)
    case acknowledgementExpiresInThePast(Date)

    public var description: String {
        switch self {
        case .unknownAlert(let id): "no alert with id `\(id)` (see `switchboard alerts list --state all`)"
        case .ambiguousAlert(let id, let candidates):
            "alert id `\(id)` is ambiguous: it starts \(candidates.map(\.rawValue).joined(separator: ", "))"
        case .unknownSilence(let id): "no silence with id `\(id)` (see `switchboard silence list`)"
        case .ambiguousSilence(let id, let candidates):
            "silence id `\(id)` is ambiguous: it starts \(candidates.joined(separator: ", "))"
        case .silenceAlreadyExpired(let id): "silence `\(id)` has already expired"
        case .silenceEndsBeforeItStarts(let start, let end):
            "a silence must end after it starts (starts \(Self.format(start)), ends \(Self.format(end)))"
        case .silenceMatchesEverything:
            "a silence needs at least one matcher that does not match the empty string, such as alertname=\"X\""
        case .notAcknowledged(let id): "alert `\(id)` is not acknowledged"
        case .invalidMaintenanceWindow(let reason): "invalid maintenance window: \(reason)"
        case .unknownMaintenanceWindow(let id):
            "no maintenance window with id `\(id)` (see `switchboard maintenance list`)"
        case .ambiguousMaintenanceWindow(let id, let candidates):
            "maintenance window id `\(id)` is ambiguous: it starts \(candidates.joined(separator: ", "))"
        case .maintenanceWindowInConfig(let id):
            "maintenance window `\(id)` is written in the config file: change it there and reload"
        case .alertResolved(let id): "alert `\(id)` is resolved; only pending and firing alerts can be acknowledged"
        case .acknowledgementExpiresInThePast(let date):
            "an acknowledgement must expire in the future, not at \(Self.format(date))"
        }
    }

    private static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
