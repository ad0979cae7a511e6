import SwitchboardCore

/// An alert's timeline for the console's alert detail, from the state database.
extension MonitorEngine {
    public func alertActivity(alertID: String, limit: Int) async throws -> [AlertActivity] {
        guard let store = alerting?.store else { return [] }
        return try store.activity(of: AlertID(rawValue: alertID), limit: limit)
    }

    /// The newest operator actions from the state database, newest first.
    public func auditTrail(limit: Int) async throws -> [AuditTrailEntry] {
        guard let store = alerting?.store else { return [] }
        return try store.auditTrail(limit: limit).map {
            AuditTrailEntry(
                at: $0.at, actor: $0.actor, action: $0.action.rawValue, target: $0.target, detail: $0.detail)
        }
    }
}
