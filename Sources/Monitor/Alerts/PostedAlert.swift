import Foundation

/// An alert another source posted (Prometheus, Grafana, `amtool alert add`) through Alertmanager's
/// `POST /api/v2/alerts`: its labels (with `alertname`), annotations and time span.
///
/// Without `endsAt` it is active until `PostedAlerts.resolveTimeout` after it was last posted, as in
/// Alertmanager; with an `endsAt` that has passed it is a resolution.
public struct PostedAlert: Sendable, Hashable {
    public var labels: [String: String]
    public var annotations: [String: String]
    public var startsAt: Date?
    public var endsAt: Date?
    public var generatorURL: String?

    public init(
        labels: [String: String], annotations: [String: String] = [:], startsAt: Date? = nil, endsAt: Date? = nil,
        generatorURL: String? = nil
    ) {
        self.labels = labels
        self.annotations = annotations
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.generatorURL = generatorURL
    }

    /// Why a posted alert is refused, as Alertmanager refuses it (`labels`, names, time span).
    public func problem() -> String? {
        let named = labels.filter { !$0.value.isEmpty }
        guard !named.isEmpty else { return "labels: an alert needs at least one label with a value" }
        if let bad = labels.keys.sorted().first(where: { !Self.isLabelName($0) }) {
            return "labels: \"\(bad)\" is not a label name ([a-zA-Z_][a-zA-Z0-9_]*)"
        }
        if let startsAt, let endsAt, endsAt < startsAt {
            return "endsAt: the alert ends before it starts"
        }
        return nil
    }

    static func isLabelName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return name.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
        }
    }
}
