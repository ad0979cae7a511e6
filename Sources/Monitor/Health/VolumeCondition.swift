import PromQL
import SwitchboardCore

/// `throughput.expect` as a condition: DEGRADED while the counter grew by less than `at_least`
/// over the last `per`, only within the calendar.
enum VolumeCondition {
    static func compile(_ source: ThroughputSource) -> HealthConditionEvaluator.Compiled? {
        let during = source.expect?.calendar == nil ? "" : " during business hours"
        guard let expect = source.expect, let expression = try? PromQL.parse(expression(source, expect)),
            let reason = try? Template.parse(
                "{{ $value | humanize }} messages in the last \(period(expect.per)), "
                    + "expected ≥ \(Int(expect.atLeast))\(during)")
        else { return nil }
        return HealthConditionEvaluator.Compiled(
            expression: expression, state: .degraded, reason: reason, calendar: expect.calendar)
    }

    /// `sum(increase(metric{label="value"}[3600s])) < 200`
    static func expression(_ source: ThroughputSource, _ expect: VolumeExpectation) -> String {
        let matchers = source.labels.sorted { $0.key < $1.key }.map { name, value in
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
                of: "\"", with: "\\\"")
            return "\(name)=\"\(escaped)\""
        }
        let seconds = Int(expect.per.components.seconds)
        return "sum(increase(\(source.metric){\(matchers.joined(separator: ","))}[\(seconds)s])) < \(expect.atLeast)"
    }

    /// `hour`, `2 hours`, `30 minutes`, `90 seconds`.
    static func period(_ duration: Duration) -> String {
        let seconds = Int(duration.components.seconds)
        func unit(_ count: Int, _ name: String) -> String { count == 1 ? name : "\(count) \(name)s" }
        if seconds % 86_400 == 0 { return unit(seconds / 86_400, "day") }
        if seconds % 3600 == 0 { return unit(seconds / 3600, "hour") }
        if seconds % 60 == 0 { return unit(seconds / 60, "minute") }
        return unit(seconds, "second")
    }
}
