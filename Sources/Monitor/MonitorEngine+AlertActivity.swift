import SwitchboardCore

/// An alert's timeline for the console's alert detail, from the state database.
extension MonitorEngine {
    public func alertActivity(alertID: String, limit: Int) async throws -> [AlertActivity] {
        guard let store = alerting?.store else { return [] }
        return try store.activity(of: AlertID(rawValue: alertID), limit: limit)
    }
}
