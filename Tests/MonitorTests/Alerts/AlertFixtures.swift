import Foundation
import Monitor
import PromQL
import SwitchboardCore

/// Builders for alert queue tests: a fixed clock origin and short ways to write alerts.
enum AlertFixtures {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }

    static func alert(
        _ name: String, _ labels: Labels = [:], state: RuleAlert.State = .firing, activeAt: TimeInterval = 0,
        annotations: [String: String] = [:]
    ) -> RuleAlert {
        RuleAlert(
            ruleName: name, labels: labels, annotations: annotations, state: state, activeAt: at(activeAt),
            firedAt: state == .firing ? at(activeAt) : nil)
    }

    static func silence(
        _ matchers: [String], from start: TimeInterval = 0, to end: TimeInterval = 3600, id: String = "s1"
    ) throws -> Silence {
        try Silence(
            id: id, matchers: LabelMatcher.alerting(AlertMatcher.parseAll(matchers)), startsAt: at(start),
            endsAt: at(end),
            createdBy: "ana", comment: "test")
    }
}
