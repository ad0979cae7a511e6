import PromQL
import SwitchboardCore

/// One rule group evaluated in order at given times, writing results, `ALERTS` and stale markers.
///
/// A failing rule is marked unhealthy with its error; the rules after it still run.
public struct RuleGroupEvaluator: Sendable {
    public let group: RuleGroup
    public let interval: Duration
    private var rules: [Evaluator]
    private var statuses: [RuleStatus]
    /// Series each rule wrote at its last successful evaluation, to mark the ones that disappear stale.
    private var previousSeries: [Set<SeriesIdentity>]
    public private(set) var lastEvaluation: Int64?
    public private(set) var lastEvaluationDuration: Duration = .zero

    private enum Evaluator {
        case alerting(AlertingRuleEvaluator)
        case recording(RecordingRuleEvaluator)
    }

    struct SeriesIdentity: Hashable {
        var name: String
        var labels: Labels
    }

    /// - Parameter restored: whether `ALERTS` series are written from the first evaluation (true in
    ///   tests; the runner sets it after restoring `for` state).
    public init(group: RuleGroup, defaultInterval: Duration, restored: Bool = true) {
        self.group = group
        self.interval = group.interval ?? defaultInterval
        rules = group.rules.map { rule in
            switch rule {
            case .alerting(var definition):
                let ruleLabels = Set(definition.labels.map(\.name))
                for pair in group.labels.pairs where !ruleLabels.contains(pair.name) {
                    definition.labels.append((pair.name, Template(literal: pair.value)))
                }
                return .alerting(AlertingRuleEvaluator(definition: definition, restored: restored))
            case .recording(var definition):
                definition.labels = group.labels.merging(definition.labels)
                return .recording(RecordingRuleEvaluator(definition: definition))
            }
        }
        statuses = group.rules.map { rule in
            let kind: RuleStatus.Kind
            if case .alerting = rule { kind = .alerting } else { kind = .recording }
            return RuleStatus(
                name: rule.name, kind: kind, expression: rule.expression, health: .unknown, lastError: nil,
                lastEvaluation: nil, lastEvaluationDuration: .zero, alerts: [])
        }
        previousSeries = Array(repeating: [], count: group.rules.count)
    }

    /// Evaluates every rule at `time` (milliseconds since 1970) and appends what they produce.
    public mutating func evaluate(
        at time: Int64, engine: any RuleQueryEngine, appender: any RuleSampleAppender, externalLabels: Labels = [:],
        externalURL: String = ""
    ) {
        let clock = ContinuousClock()
        let groupStart = clock.now
        let context = RuleContext(
            engine: engine, time: time,
            queryOffset: group.queryOffset.map(\.milliseconds) ?? 0, limit: group.limit,
            externalLabels: externalLabels, externalURL: externalURL)
        for index in rules.indices {
            let start = clock.now
            var samples: [Sample]
            do {
                samples = try evaluateRule(at: index, context)
                statuses[index].health = .ok
                statuses[index].lastError = nil
            } catch {
                statuses[index].health = .error
                statuses[index].lastError = error.message
                samples = []
            }
            if statuses[index].health == .ok {
                samples += staleMarkers(for: index, written: samples, at: context.queryTime)
            }
            if !samples.isEmpty { appender.append(samples) }
            if case .alerting(let rule) = rules[index] { statuses[index].alerts = rule.alerts }
            statuses[index].lastEvaluation = time
            statuses[index].lastEvaluationDuration = clock.now - start
        }
        lastEvaluation = time
        lastEvaluationDuration = clock.now - groupStart
    }

    private mutating func evaluateRule(at index: Int, _ context: RuleContext) throws(RuleEvaluationError) -> [Sample] {
        switch rules[index] {
        case .alerting(var rule):
            defer { rules[index] = .alerting(rule) }
            return try rule.evaluate(context)
        case .recording(let rule):
            return try rule.evaluate(context)
        }
    }

    /// Stale markers for the series a rule wrote last time and not this time.
    private mutating func staleMarkers(for index: Int, written: [Sample], at time: Int64) -> [Sample] {
        let current = Set(written.map { SeriesIdentity(name: $0.name, labels: $0.labels) })
        let gone = previousSeries[index].subtracting(current)
        previousSeries[index] = current
        return gone.sorted { ($0.name, $0.labels) < ($1.name, $1.labels) }.map {
            Sample($0.name, $0.labels, .staleMarker, timestampMilliseconds: time)
        }
    }

    /// The rules' health, errors and alerts as of the last evaluation.
    public var status: RuleGroupStatus {
        RuleGroupStatus(
            name: group.name, file: group.file, interval: interval, lastEvaluation: lastEvaluation,
            lastEvaluationDuration: lastEvaluationDuration, rules: statuses)
    }

    /// The alerts of the alerting rule named `name` (every rule of that name in the group).
    public func alerts(named name: String) -> [ActiveAlert] {
        rules.flatMap { rule -> [ActiveAlert] in
            guard case .alerting(let evaluator) = rule, evaluator.definition.name == name else { return [] }
            return evaluator.alerts
        }
    }

    /// Whether any alerting rule still waits for its `for` state to be restored.
    var needsRestore: Bool {
        rules.contains { if case .alerting(let rule) = $0 { !rule.restored } else { false } }
    }

    /// Applies `body` to every alerting rule.
    mutating func updateAlertingRules(_ body: (inout AlertingRuleEvaluator) -> Void) {
        for index in rules.indices {
            guard case .alerting(var rule) = rules[index] else { continue }
            body(&rule)
            rules[index] = .alerting(rule)
            statuses[index].alerts = rule.alerts
        }
    }
}
