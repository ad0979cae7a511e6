import Foundation
import PromQL
import SwitchboardCore

/// Evaluates the `health.conditions` of every interface and system over the store: each `when`
/// parsed once, each reason template parsed once, evaluated at one instant.
///
/// ```swift
/// let conditions = HealthConditionEvaluator(landscape: landscape)
/// let outcomes = conditions.evaluate(over: store, at: Date())   // [owner: ConditionOutcome]
/// ```
struct HealthConditionEvaluator: Sendable {
    /// Whose conditions these are: an interface or a system (ids of the two may coincide).
    enum Owner: Hashable, Sendable {
        case interface(String)
        case system(String)
    }

    struct Compiled: Sendable {
        var expression: PromQL.Expression
        var state: HealthState
        var reason: Template
        /// When the condition applies at all; always without one.
        var calendar: BusinessCalendar?
    }

    let conditions: [(owner: Owner, conditions: [Compiled])]

    init(landscape: Landscape) {
        let owners =
            landscape.interfaces.map { (Owner.interface($0.id), $0.health.conditions, $0.throughput) }
            + landscape.systems.map { (Owner.system($0.id), $0.health.conditions, nil) }
        conditions = owners.compactMap { owner, conditions, throughput in
            var compiled = conditions.compactMap(Self.compile)
            if let throughput, let volume = VolumeCondition.compile(throughput) { compiled.append(volume) }
            return compiled.isEmpty ? nil : (owner, compiled)
        }
    }

    var isEmpty: Bool { conditions.isEmpty }

    /// A condition as the engine runs it; nil for an expression that does not parse (the config
    /// loader refuses those). A reason that is not a valid template is shown as written.
    static func compile(_ condition: HealthCondition) -> Compiled? {
        guard let expression = try? PromQL.parse(condition.when) else { return nil }
        let reason = (try? Template.parse(condition.reason)) ?? Template(literal: condition.reason)
        return Compiled(expression: expression, state: condition.state, reason: reason)
    }

    /// The outcome of every owner with conditions at `now`.
    func evaluate(over source: any SeriesSource, at now: Date) -> [Owner: ConditionOutcome] {
        let evaluator = Evaluator(source: source)
        let time = Int64((now.timeIntervalSince1970 * 1000).rounded())
        var outcomes: [Owner: ConditionOutcome] = [:]
        outcomes.reserveCapacity(conditions.count)
        for (owner, compiled) in conditions {
            outcomes[owner] = Self.outcome(of: compiled, evaluator: evaluator, at: time, now: now)
        }
        return outcomes
    }

    /// The worst matching condition, the first in config order among equals.
    static func outcome(of conditions: [Compiled], evaluator: Evaluator, at time: Int64, now: Date)
        -> ConditionOutcome
    {
        var outcome = ConditionOutcome.clear
        for condition in conditions where condition.state.severity > outcome.state.severity {
            if let calendar = condition.calendar, !calendar.contains(now) { continue }
            guard let sample = firstSample(of: condition.expression, evaluator: evaluator, at: time) else { continue }
            outcome = ConditionOutcome(state: condition.state, reason: render(condition.reason, sample))
        }
        return outcome
    }

    static func firstSample(of expression: PromQL.Expression, evaluator: Evaluator, at time: Int64)
        -> VectorSample?
    {
        switch try? evaluator.evaluateInstant(expression, at: time) {
        case .vector(let samples): samples.first
        case .scalar(let value): VectorSample(labels: Labels(), value: value)
        case .matrix, .string, nil: nil
        }
    }

    static func render(_ template: Template, _ sample: VectorSample) -> String {
        var labels: [String: String] = [:]
        for pair in sample.labels.pairs { labels[pair.name] = pair.value }
        do {
            return try template.render(TemplateData(labels: labels, value: sample.value))
        } catch {
            return "\(template.source) (\(error))"
        }
    }
}

/// Checks the reason templates of `health.conditions`, which the config loader cannot (it checks
/// the expressions; the template engine lives here).
public enum HealthConditionTemplates {
    /// Every `reason` of the landscape's conditions that is not a valid template, at its position.
    public static func errors(in landscape: Landscape) -> [ConfigError] {
        let all = landscape.interfaces.flatMap(\.health.conditions) + landscape.systems.flatMap(\.health.conditions)
        return all.compactMap { condition -> ConfigError? in
            do throws(TemplateError) {
                _ = try Template.parse(condition.reason)
                return nil
            } catch {
                let kind = ConfigError.Kind.invalidExpression(
                    condition.reason, language: "reason template", problem: error.message)
                guard var location = condition.reasonLocation else { return ConfigError(kind, file: "") }
                if error.line == 1 { location.column += error.column - 1 }
                return ConfigError(kind, at: location)
            }
        }
    }
}
