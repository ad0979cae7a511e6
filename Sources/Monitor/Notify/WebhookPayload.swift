import Foundation
import PromQL

/// Alertmanager's webhook payload, version 4: what its webhook receiver posts, and what ours posts.
public struct WebhookPayload: Codable, Sendable, Equatable {
    public struct Alert: Codable, Sendable, Equatable {
        public var status: String
        public var labels: [String: String]
        public var annotations: [String: String]
        public var startsAt: String
        public var endsAt: String
        public var generatorURL: String
        public var fingerprint: String
    }

    public var version: String
    public var groupKey: String
    public var truncatedAlerts: Int
    public var status: String
    public var receiver: String
    public var groupLabels: [String: String]
    public var commonLabels: [String: String]
    public var commonAnnotations: [String: String]
    public var externalURL: String
    public var alerts: [Alert]

    /// The payload of one notification: firing alerts first, then the resolved ones.
    public init(_ notification: AlertNotification, externalURL: String = "") {
        let all = notification.firing + notification.resolved
        version = "4"
        groupKey = notification.groupKey
        truncatedAlerts = 0
        status = notification.firing.isEmpty ? "resolved" : "firing"
        receiver = notification.receiver
        groupLabels = Self.dictionary(notification.groupLabels)
        commonLabels = Self.common(all.map { Self.dictionary($0.labels) })
        commonAnnotations = Self.common(all.map(\.annotations))
        self.externalURL = externalURL
        alerts = all.map { entry in
            Alert(
                status: entry.isResolved ? "resolved" : "firing", labels: Self.dictionary(entry.labels),
                annotations: entry.annotations, startsAt: RFC3339.format(entry.firedAt ?? entry.activeAt),
                endsAt: entry.resolvedAt.map(RFC3339.format) ?? RFC3339.zero, generatorURL: externalURL,
                fingerprint: entry.id.rawValue)
        }
    }

    static func dictionary(_ labels: Labels) -> [String: String] {
        Dictionary(uniqueKeysWithValues: labels.pairs.map { ($0.name, $0.value) })
    }

    /// The pairs every dictionary has with the same value.
    static func common(_ dictionaries: [[String: String]]) -> [String: String] {
        guard var common = dictionaries.first else { return [:] }
        for dictionary in dictionaries.dropFirst() {
            common = common.filter { dictionary[$0.key] == $0.value }
        }
        return common
    }
}

/// Times as Alertmanager writes them.
enum RFC3339 {
    /// Go's zero time, which Alertmanager sends as the end of a firing alert.
    static let zero = "0001-01-01T00:00:00Z"

    static func format(_ date: Date) -> String {
        date.formatted(
            .iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}
