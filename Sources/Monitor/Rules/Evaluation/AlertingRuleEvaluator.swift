import PromQL
import SwitchboardCore

/// One alerting rule and its alerts: Prometheus' state machine (`rules/alerting.go`), evaluation by evaluation.
///
/// A new series of the expression makes a pending alert; it fires once it has been active for the
/// rule's `for`; when the series goes away a pending alert is dropped, a firing one keeps firing for
/// `keep_firing_for` and then resolves, and a resolved alert is kept 15 minutes before it is forgotten.
struct AlertingRuleEvaluator {
    let definition: AlertingRuleDefinition
    /// Alerts by their labels.
    private(set) var active: [Labels: ActiveAlert] = [:]
    /// Whether `ALERTS` and `ALERTS_FOR_STATE` are written (after the `for` state is restored).
    var restored: Bool

    /// How long a resolved alert is kept.
    static let resolvedRetention: Int64 = 15 * 60 * 1000

    init(definition: AlertingRuleDefinition, restored: Bool) {
        self.definition = definition
        self.restored = restored
    }

    var holdMilliseconds: Int64 { definition.holdDuration.milliseconds }

    mutating func evaluate(_ context: RuleContext) throws(RuleEvaluationError) -> [Sample] {
        let results: [RuleSample]
        do {
            results = try context.engine.query(definition.expression, at: context.queryTime)
        } catch {
            throw RuleEvaluationError(error.message)
        }
        let current = try alerts(for: results, context)
        for (labels, alert) in current {
            if var existing = active[labels], existing.state != .inactive {
                existing.value = alert.value
                existing.annotations = alert.annotations
                active[labels] = existing
            } else {
                active[labels] = alert
            }
        }
        return try advance(current: current, context)
    }

    /// The alerts the expression's results stand for, labels and annotations templated.
    private func alerts(for results: [RuleSample], _ context: RuleContext) throws(RuleEvaluationError)
        -> [Labels: ActiveAlert]
    {
        var alerts: [Labels: ActiveAlert] = [:]
        let externalLabels = Self.dictionary(context.externalLabels)
        for result in results {
            var seriesLabels = result.labels
            seriesLabels[LabelMatcher.metricNameLabel] = nil
            let data = TemplateData(
                labels: Self.dictionary(seriesLabels), externalLabels: externalLabels,
                externalURL: context.externalURL, value: result.value)
            var labels = seriesLabels
            for (name, template) in definition.labels { labels[name] = Self.expand(template, data) }
            labels["alertname"] = definition.name
            var annotations = Labels()
            for (name, template) in definition.annotations { annotations[name] = Self.expand(template, data) }
            guard alerts[labels] == nil else { throw .duplicateAlertLabels }
            alerts[labels] = ActiveAlert(
                labels: labels, annotations: annotations, state: .pending, activeAt: context.time, value: result.value)
        }
        return alerts
    }

    /// Moves every alert along and returns the `ALERTS` / `ALERTS_FOR_STATE` samples of this evaluation.
    private mutating func advance(current: [Labels: ActiveAlert], _ context: RuleContext) throws(RuleEvaluationError)
        -> [Sample]
    {
        let time = context.time
        let keepFiringFor = definition.keepFiringFor.milliseconds
        var samples: [Sample] = []
        var activeCount = 0
        for labels in active.keys.sorted() {
            guard var alert = active[labels] else { continue }
            if current[labels] == nil {
                var keepFiring = false
                if alert.state == .firing, keepFiringFor > 0 {
                    let since = alert.keepFiringSince ?? time
                    alert.keepFiringSince = since
                    keepFiring = time - since < keepFiringFor
                }
                if alert.state == .pending || (alert.resolvedAt.map { time - $0 > Self.resolvedRetention } ?? false) {
                    active[labels] = nil
                    continue
                }
                if alert.state != .inactive, !keepFiring {
                    alert.state = .inactive
                    alert.resolvedAt = time
                }
                active[labels] = alert
                if !keepFiring { continue }
            } else {
                alert.keepFiringSince = nil
            }
            activeCount += 1
            if alert.state == .pending, time - alert.activeAt >= holdMilliseconds {
                alert.state = .firing
                alert.firedAt = time
            }
            active[labels] = alert
            if restored { samples += Self.series(of: alert, at: context.queryTime) }
        }
        if context.limit > 0, activeCount > context.limit {
            active = [:]
            throw RuleEvaluationError("exceeded limit of \(context.limit) with \(activeCount) alerts")
        }
        return samples
    }

    /// `ALERTS{alertstate=…} 1` and `ALERTS_FOR_STATE <activeAt in seconds>` for one alert.
    static func series(of alert: ActiveAlert, at time: Int64) -> [Sample] {
        var alertLabels = alert.labels
        alertLabels["alertstate"] = alert.state.rawValue
        return [
            Sample("ALERTS", alertLabels, 1, timestampMilliseconds: time),
            Sample(
                "ALERTS_FOR_STATE", alert.labels, Double(alert.activeAt / 1000), timestampMilliseconds: time),
        ]
    }

    /// Replaces an alert's `activeAt` (restoring `for` progress after a restart).
    mutating func setActiveAt(_ time: Int64, for labels: Labels) {
        active[labels]?.activeAt = time
    }

    /// Fires a pending alert at `time` (one restored as firing after a restart).
    mutating func fire(_ labels: Labels, at time: Int64) {
        guard var alert = active[labels], alert.state == .pending else { return }
        alert.state = .firing
        alert.firedAt = time
        active[labels] = alert
    }

    /// The alerts, sorted by labels.
    var alerts: [ActiveAlert] { active.keys.sorted().compactMap { active[$0] } }

    private static func expand(_ template: Template, _ data: TemplateData) -> String {
        do {
            return try template.render(data)
        } catch {
            return "<error expanding template: \(error)>"
        }
    }

    static func dictionary(_ labels: Labels) -> [String: String] {
        Dictionary(labels.pairs.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
    }

}
