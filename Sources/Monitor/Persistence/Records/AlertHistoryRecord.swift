import Foundation
import GRDB

/// A row of `alert_history`: a state change (`from_state`, `to_state`) or a cleared acknowledgement
/// (`ack_cleared`).
struct AlertHistoryRecord: StateRecord {
    static let databaseTableName = "alert_history"

    var id: Int64?
    var alertID: String
    var at: Date
    var fromState: String?
    var toState: String?
    var ackCleared: String?

    enum CodingKeys: String, CodingKey {
        case id, at
        case alertID = "alert_id"
        case fromState = "from_state"
        case toState = "to_state"
        case ackCleared = "ack_cleared"
    }

    init(_ event: AlertHistoryEvent) {
        alertID = event.alertID.rawValue
        at = event.at
        switch event.change {
        case .state(let from, let to):
            fromState = from?.rawValue
            toState = to.rawValue
        case .acknowledgementCleared(let reason):
            ackCleared = reason.rawValue
        }
    }

    /// The event, or nil for a row this build cannot read.
    var event: AlertHistoryEvent? {
        let id = AlertID(rawValue: alertID)
        if let cleared = ackCleared.flatMap(Acknowledgement.Clearing.init) {
            return AlertHistoryEvent(alertID: id, at: at, change: .acknowledgementCleared(cleared))
        }
        guard let to = toState.flatMap(RuleAlert.State.init) else { return nil }
        return AlertHistoryEvent(
            alertID: id, at: at, change: .state(from: fromState.flatMap(RuleAlert.State.init), to: to))
    }
}
