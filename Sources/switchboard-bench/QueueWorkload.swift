import Foundation
import Monitor
import PromQL
import SwitchboardCore

/// A synthetic alert load: alerts over 100 systems and their interfaces, silences by instance (one in ten a
/// regex over systems), and inhibition rules from each rule's critical alert to the warnings of its system.
struct QueueWorkload {
    let alerts: [RuleAlert]
    let silences: [Silence]
    let inhibitionRules: [InhibitionRule]
    let topology: AlertTopology
    let systemCount = 100
    private let ruleCount = 100

    init(alerts count: Int, silences silenceCount: Int, inhibitionRules ruleCount: Int) {
        let start = Date().addingTimeInterval(-3600)
        let generated = (0..<count).map { index in
            let system = index % 100
            return RuleAlert(
                ruleName: "Rule\(index % 100)",
                labels: Labels([
                    "system": "sys-\(system)", "interface": "if-\(system)-\(index % 7)", "instance": "i-\(index)",
                    "severity": index % 10 == 0 ? "critical" : "warning",
                ]), annotations: ["summary": "alert \(index)"], state: index % 20 == 0 ? .pending : .firing,
                activeAt: start, firedAt: index % 20 == 0 ? nil : start, value: Double(index))
        }
        // sys-3 is down by its own firing alert, so that what depends on it is suppressed (docs/alerts.md).
        alerts =
            generated + [
                RuleAlert(
                    ruleName: "SystemDown", labels: ["system": "sys-3", "severity": "critical"], state: .firing,
                    activeAt: start, firedAt: start)
            ]
        silences = (0..<silenceCount).map { index in
            let matchers: [LabelMatcher] =
                index % 10 == 0
                ? [.equal("alertname", "Rule\(index % 100)"), try! .matching("system", "sys-(1|2)\(index % 10)")]
                : [.equal("instance", "i-\(index * 7 % max(count, 1))")]
            return try! Silence(
                id: "silence-\(index)", matchers: matchers, startsAt: start, endsAt: start.addingTimeInterval(86400),
                createdBy: "bench", comment: "")
        }
        inhibitionRules = (0..<ruleCount).map { index in
            InhibitionRule(
                sourceMatchers: [.equal("alertname", "Rule\(index)"), .equal("severity", "critical")],
                targetMatchers: [.equal("severity", "warning"), .equal("alertname", "Rule\((index + 1) % 100)")],
                equal: ["system"])
        }
        let systems = (0..<100).map {
            System(id: "sys-\($0)", name: "System \($0)", dependsOn: $0 >= 10 ? ["sys-\($0 % 10)"] : [])
        }
        let interfaces = (0..<100).flatMap { system in
            (0..<7).map {
                Interface(
                    id: "if-\(system)-\($0)", name: "", from: "sys-\(system)", to: "sys-\((system + $0 + 1) % 100)",
                    kind: .rest)
            }
        }
        var health: [AlertTopology.NodeID: AlertTopology.NodeHealth] = [:]
        for system in 0..<100 {
            health[.system("sys-\(system)")] = AlertTopology.NodeHealth(isDown: system == 3)
        }
        topology = AlertTopology(
            landscape: Landscape(name: "bench", systems: systems, interfaces: interfaces), health: health)
    }

    /// The alerts of evaluation `round`: the same alerts with new values, one in a hundred changing state.
    func evaluation(_ round: Int) -> [RuleAlert] {
        alerts.enumerated().map { index, alert in
            var alert = alert
            alert.value = Double(index + round)
            if (index + round) % 100 == 0 { alert.state = alert.state == .firing ? .pending : .firing }
            return alert
        }
    }
}
