import Foundation
import PromQL
import SwitchboardCore

/// Each condition on its own, for `switchboard check`: whether it holds, and when it returned no
/// sample, whether that is because a range function inside it had too few samples to answer.
extension HealthConditionEvaluator {
    /// One verdict per condition of `owner`s, in config order.
    func reports(over source: any SeriesSource, at now: Date)
        -> [(owner: Owner, condition: String, verdict: ConditionReport.Verdict)]
    {
        let evaluator = Evaluator(source: source)
        let time = Int64((now.timeIntervalSince1970 * 1000).rounded())
        return conditions.flatMap { owner, compiled in
            compiled.map { condition in
                (owner, condition.expression.description, Self.verdict(of: condition, evaluator, at: time, now: now))
            }
        }
    }

    static func verdict(of condition: Compiled, _ evaluator: Evaluator, at time: Int64, now: Date)
        -> ConditionReport.Verdict
    {
        if let calendar = condition.calendar, !calendar.contains(now) {
            return .notEvaluated(why: "outside its calendar")
        }
        if let sample = firstSample(of: condition.expression, evaluator: evaluator, at: time) {
            return .holds(condition.state, reason: render(condition.reason, sample))
        }
        if let range = starvedRange(in: condition.expression, evaluator, at: time) {
            return .notEvaluated(why: "needs \(DurationParser.format(.milliseconds(range))) of samples")
        }
        return .clear
    }

    /// The longest range of a range function in `expression` that answered nothing although its
    /// series have samples in the range: `increase(x[10m])` after one scrape of `x`.
    static func starvedRange(in expression: PromQL.Expression, _ evaluator: Evaluator, at time: Int64) -> Int64? {
        var longest: Int64?
        if case .call(let call) = expression.kind, call.function.name != "absent_over_time",
            let argument = call.arguments.first(where: { $0.type == .rangeVector }),
            case .vector(let answer)? = try? evaluator.evaluateInstant(expression, at: time), answer.isEmpty,
            case .matrix(let series)? = try? evaluator.evaluateInstant(argument, at: time),
            series.contains(where: { !$0.points.isEmpty })
        {
            longest = range(of: argument)
        }
        for child in expression.children {
            if let range = starvedRange(in: child, evaluator, at: time) { longest = max(longest ?? 0, range) }
        }
        return longest
    }

    private static func range(of expression: PromQL.Expression) -> Int64? {
        switch expression.kind {
        case .matrixSelector(_, let range): range
        case .subquery(let subquery): subquery.range
        case .parenthesized(let inner): range(of: inner)
        default: nil
        }
    }
}
