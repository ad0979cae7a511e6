import GRDB
import SwitchboardCore

/// An alert's timeline for the console: state changes and the operator actions on it, merged.
extension AlertStateStore {
    /// The newest `limit` events of one alert, newest first.
    public func activity(of id: AlertID, limit: Int) throws -> [AlertActivity] {
        let changes = try history(of: id).map { event in
            AlertActivity(at: event.at, by: nil, text: Self.describe(event.change))
        }
        let actions = try mapping {
            try writer.read { db in
                try AuditRecord.filter(Column("target") == id.rawValue).order(Column("id").desc).limit(limit)
                    .fetchAll(db).map { record in
                        let action = AuditEntry.Action(rawValue: record.action).map(Self.verb) ?? record.action
                        let detail = record.detail
                        return AlertActivity(
                            at: record.at, by: record.actor, text: detail.isEmpty ? action : "\(action): \(detail)")
                    }
            }
        }
        return Array((changes + actions).sorted { $0.at > $1.at }.prefix(limit))
    }

    private static func describe(_ change: AlertHistoryEvent.Change) -> String {
        switch change {
        case .state(let from, let to):
            let target = to == .inactive ? "resolved" : to.rawValue
            return from.map { "\($0 == .inactive ? "resolved" : $0.rawValue) → \(target)" } ?? "appeared \(target)"
        case .acknowledgementCleared(let why):
            return "acknowledgement cleared (\(why.rawValue.replacingOccurrences(of: "-", with: " ")))"
        }
    }

    private static func verb(_ action: AuditEntry.Action) -> String {
        switch action {
        case .acknowledge: "acknowledged"
        case .unacknowledge: "acknowledgement undone"
        case .silence: "silenced"
        case .expire: "silence expired"
        case .note: "note"
        case .maintenance: "maintenance window"
        case .endMaintenance: "maintenance ended"
        }
    }
}
