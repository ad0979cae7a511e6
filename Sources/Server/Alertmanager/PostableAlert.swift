import Foundation
import Monitor

/// An alert as Prometheus, Grafana and `amtool alert add` post it (`postableAlert`). Fields other
/// clients add are ignored, as Alertmanager ignores them.
struct PostableAlert: Decodable, Sendable {
    var labels: [String: String]
    var annotations: [String: String]?
    var startsAt: Date?
    var endsAt: Date?
    var generatorURL: String?

    /// Go clients send the zero time (year 1) for a time they leave out.
    var posted: PostedAlert {
        func given(_ date: Date?) -> Date? { date.flatMap { $0.timeIntervalSince1970 > 0 ? $0 : nil } }
        return PostedAlert(
            labels: labels, annotations: annotations ?? [:], startsAt: given(startsAt), endsAt: given(endsAt),
            generatorURL: generatorURL.flatMap { $0.isEmpty ? nil : $0 })
    }
}
