import Foundation

/// An alert as Alertmanager's API v2 answers it (`gettableAlert`).
struct GettableAlert: Codable, Sendable, Equatable {
    var labels: [String: String]
    var annotations: [String: String]
    var receivers: [ReceiverReference]
    /// Switchboard's alert id: the same fingerprint the console, the CLI and `/api/v1` show.
    var fingerprint: String
    var startsAt: Date
    var updatedAt: Date
    var endsAt: Date
    var generatorURL: String?
    var status: AlertStatus
}

/// Whether an alert is notified, and what mutes it (`alertStatus`).
struct AlertStatus: Codable, Sendable, Equatable {
    enum State: String, Codable, Sendable {
        case unprocessed
        case active
        case suppressed
    }

    var state: State
    var silencedBy: [String]
    var inhibitedBy: [String]
    var mutedBy: [String]
}

/// A receiver by name (`receiverReference`, and `receiver` without labels).
struct ReceiverReference: Codable, Sendable, Equatable {
    var name: String
}

/// Alerts that share the route's grouping labels (`alertGroup`).
struct AlertGroup: Codable, Sendable, Equatable {
    var labels: [String: String]
    var routeLabels: [String: String]
    var receiver: ReceiverReference
    var alerts: [GettableAlert]
}
