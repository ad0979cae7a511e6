import PromQL
import Synchronization
import Testing

@testable import Monitor

/// A query engine whose answers are scripted per time, to drive the alert state machine alone.
final class ScriptedQueryEngine: RuleQueryEngine {
    private let answers: Mutex<[Int64: [RuleSample]]>
    private let failures: Set<Int64>

    init(_ answers: [Int64: [RuleSample]], failingAt failures: Set<Int64> = []) {
        self.answers = Mutex(answers)
        self.failures = failures
    }

    func validate(_ expression: String) throws(RuleQueryError) {}

    func query(_ expression: String, at time: Int64) throws(RuleQueryError) -> [RuleSample] {
        if failures.contains(time) { throw RuleQueryError("scripted failure") }
        return answers.withLock { $0[time] ?? [] }
    }
}

@Suite struct RulesAlertStateTests {
    static let minute: Int64 = 60_000

    static func down(_ instance: String, _ value: Double = 0) -> RuleSample {
        RuleSample(labels: ["__name__": "probe_success", "instance": instance], value: value)
    }

    static func group(
        for hold: Duration = .zero, keepFiringFor: Duration = .zero, limit: Int = 0,
        labels: [(name: String, template: Template)] = []
    ) -> RuleGroup {
        let rule = AlertingRuleDefinition(
            name: "Down", expression: "probe_success == 0", holdDuration: hold, keepFiringFor: keepFiringFor,
            labels: labels, annotations: [("summary", try! Template.parse("{{ $labels.instance }} is {{ $value }}"))])
        return RuleGroup(name: "g", file: "f.yml", limit: limit, rules: [.alerting(rule)])
    }

    /// States of the alert for `instance` after evaluating each minute 0…count-1.
    static func states(
        _ group: RuleGroup, minutes: Int, script: [Int64: [RuleSample]], store: SeriesStore = SeriesStore()
    ) -> [AlertState?] {
        var evaluator = RuleGroupEvaluator(group: group, defaultInterval: .seconds(60))
        let engine = ScriptedQueryEngine(script)
        return (0..<minutes).map { minute in
            evaluator.evaluate(at: Int64(minute) * Self.minute, engine: engine, appender: store)
            return evaluator.alerts(named: "Down").first?.state
        }
    }

    static func script(downAt minutes: [Int]) -> [Int64: [RuleSample]] {
        Dictionary(uniqueKeysWithValues: minutes.map { (Int64($0) * minute, [down("a")]) })
    }

    @Test func pendingThenFiringAfterFor() {
        let states = Self.states(Self.group(for: .seconds(120)), minutes: 5, script: Self.script(downAt: [1, 2, 3, 4]))
        #expect(states == [nil, .pending, .pending, .firing, .firing])
    }

    @Test func pendingDisappearsWhenConditionStops() {
        let states = Self.states(Self.group(for: .seconds(300)), minutes: 4, script: Self.script(downAt: [0, 1]))
        #expect(states == [.pending, .pending, nil, nil])
    }

    @Test func resolvedAlertIsKeptFifteenMinutesThenDropped() {
        let states = Self.states(Self.group(), minutes: 19, script: Self.script(downAt: [0]))
        #expect(states[0] == .firing)
        #expect(states[1...16].allSatisfy { $0 == .inactive })  // resolved at 1m, kept while now - 1m <= 15m
        #expect(states[17] == nil)
    }

    @Test func keepFiringForHoldsAFiringAlert() {
        let states = Self.states(
            Self.group(keepFiringFor: .seconds(120)), minutes: 5, script: Self.script(downAt: [0]))
        #expect(states == [.firing, .firing, .firing, .inactive, .inactive])
    }

    @Test func conditionReturningResetsKeepFiring() {
        var evaluator = RuleGroupEvaluator(
            group: Self.group(keepFiringFor: .seconds(120)), defaultInterval: .seconds(60))
        let engine = ScriptedQueryEngine(Self.script(downAt: [0, 2]))
        for minute in 0..<3 {
            evaluator.evaluate(at: Int64(minute) * Self.minute, engine: engine, appender: SeriesStore())
        }
        let alert = evaluator.alerts(named: "Down").first
        #expect(alert?.state == .firing)
        #expect(alert?.keepFiringSince == nil)
        #expect(alert?.activeAt == 0)
    }

    @Test func annotationsAndValueFollowTheLatestEvaluation() {
        var evaluator = RuleGroupEvaluator(group: Self.group(), defaultInterval: .seconds(60))
        let engine = ScriptedQueryEngine([0: [Self.down("a", 0)], Self.minute: [Self.down("a", 0.5)]])
        for minute in 0..<2 {
            evaluator.evaluate(at: Int64(minute) * Self.minute, engine: engine, appender: SeriesStore())
        }
        let alert = evaluator.alerts(named: "Down").first
        #expect(alert?.annotations == ["summary": "a is 0.5"])
        #expect(alert?.value == 0.5)
        #expect(alert?.labels == ["alertname": "Down", "instance": "a"])
        #expect(alert?.firedAt == 0)
    }

    @Test func duplicateLabelSetsAfterTemplatingAreAnErrorOnTheRule() {
        let group = Self.group(labels: [("instance", Template(literal: "same"))])
        var evaluator = RuleGroupEvaluator(group: group, defaultInterval: .seconds(60))
        evaluator.evaluate(
            at: 0, engine: ScriptedQueryEngine([0: [Self.down("a"), Self.down("b")]]), appender: SeriesStore())
        let rule = evaluator.status.rules[0]
        #expect(rule.health == .error)
        #expect(rule.lastError == "vector contains metrics with the same labelset after applying alert labels")
    }

    @Test func exceedingTheGroupLimitFailsTheRuleAndDropsItsAlerts() {
        var evaluator = RuleGroupEvaluator(group: Self.group(limit: 1), defaultInterval: .seconds(60))
        evaluator.evaluate(
            at: 0, engine: ScriptedQueryEngine([0: [Self.down("a"), Self.down("b")]]), appender: SeriesStore())
        #expect(evaluator.status.rules[0].lastError == "exceeded limit of 1 with 2 alerts")
        #expect(evaluator.alerts(named: "Down").isEmpty)
    }

    @Test func failingEvaluationIsRecordedAndOtherRulesRun() {
        let failing = AlertingRuleDefinition(name: "Broken", expression: "x")
        let recording = RecordingRuleDefinition(name: "seen", expression: "y")
        let group = RuleGroup(name: "g", file: "f", rules: [.alerting(failing), .recording(recording)])
        var evaluator = RuleGroupEvaluator(group: group, defaultInterval: .seconds(60))
        final class Engine: RuleQueryEngine {
            func validate(_ expression: String) throws(RuleQueryError) {}
            func query(_ expression: String, at time: Int64) throws(RuleQueryError) -> [RuleSample] {
                if expression == "x" { throw RuleQueryError("many-to-many matching not allowed") }
                return [RuleSample(labels: ["job": "a"], value: 3)]
            }
        }
        let store = SeriesStore()
        evaluator.evaluate(at: 1000, engine: Engine(), appender: store)
        #expect(evaluator.status.rules.map(\.health) == [.error, .ok])
        #expect(evaluator.status.rules[0].lastError == "many-to-many matching not allowed")
        #expect(store.select(matchers: [.metricName("seen")], from: 0, through: 2000).first?.samples.first?.value == 3)
    }

    @Test func writesAlertsSeriesAndStaleMarkers() {
        let store = SeriesStore()
        _ = Self.states(Self.group(for: .seconds(60)), minutes: 3, script: Self.script(downAt: [0, 1]), store: store)
        let alerts = store.select(matchers: [.metricName("ALERTS")], from: 0, through: 10 * Self.minute)
        let byState = Dictionary(uniqueKeysWithValues: alerts.map { ($0.labels["alertstate"]!, $0.samples) })
        #expect(byState["pending"]?.map(\.timestampMilliseconds) == [0, Self.minute])
        #expect(byState["pending"]?.last?.isStale == true)  // pending ended when the alert fired at 1m
        #expect(byState["firing"]?.map(\.timestampMilliseconds) == [Self.minute, 2 * Self.minute])
        #expect(byState["firing"]?.last?.isStale == true)  // resolved at 2m
        let forState = store.select(matchers: [.metricName("ALERTS_FOR_STATE")], from: 0, through: Self.minute)
        #expect(forState.first?.samples.map(\.value) == [0, 0])
    }

    @Test func restoresForProgressFromAlertsForState() {
        // Before the restart: pending since 100s, last written at 400s; the engine was down until 1000s.
        let store = SeriesStore()
        let labels: Labels = ["alertname": "Down", "instance": "a"]
        store.append([Sample("ALERTS_FOR_STATE", labels, 100, timestampMilliseconds: 400_000)])
        var evaluator = RuleGroupEvaluator(
            group: Self.group(for: .seconds(1800)), defaultInterval: .seconds(60), restored: false)
        evaluator.evaluate(at: 1_000_000, engine: ScriptedQueryEngine([1_000_000: [Self.down("a")]]), appender: store)
        ForStateRestore().restore(&evaluator, from: store, at: 1_000_000)
        // 300s of the 1800s were spent; activeAt moves later by the 600s of downtime.
        #expect(evaluator.alerts(named: "Down").first?.activeAt == 700_000)
        #expect(!evaluator.needsRestore)
    }

    @Test func anAlertThatWasFiringFiresAgainAtTheRestore() {
        // Pending since 100s and written at 2000s: the 1800s had passed, so it was firing when the engine stopped.
        let store = SeriesStore()
        let labels: Labels = ["alertname": "Down", "instance": "a"]
        store.append([Sample("ALERTS_FOR_STATE", labels, 100, timestampMilliseconds: 2_000_000)])
        var evaluator = RuleGroupEvaluator(
            group: Self.group(for: .seconds(1800)), defaultInterval: .seconds(60), restored: false)
        evaluator.evaluate(at: 2_300_000, engine: ScriptedQueryEngine([2_300_000: [Self.down("a")]]), appender: store)
        #expect(evaluator.alerts(named: "Down").first?.state == .pending)
        ForStateRestore().restore(&evaluator, from: store, at: 2_300_000)
        let alert = evaluator.alerts(named: "Down").first
        #expect(alert?.state == .firing)
        #expect(alert?.activeAt == 100_000)
        #expect(alert?.firedAt == 2_300_000)
        #expect(evaluator.status.rules[0].alerts.first?.state == .firing, "the status shows it firing")
    }

    @Test func restoreNeverFiresSoonerThanTheGracePeriod() {
        let store = SeriesStore()
        let labels: Labels = ["alertname": "Down", "instance": "a"]
        store.append([Sample("ALERTS_FOR_STATE", labels, 0, timestampMilliseconds: 1_500_000)])
        var evaluator = RuleGroupEvaluator(
            group: Self.group(for: .seconds(1800)), defaultInterval: .seconds(60), restored: false)
        evaluator.evaluate(at: 1_600_000, engine: ScriptedQueryEngine([1_600_000: [Self.down("a")]]), appender: store)
        ForStateRestore().restore(&evaluator, from: store, at: 1_600_000)
        // 1500s spent, 300s remaining < 10m grace: fires 10m from now.
        let activeAt = evaluator.alerts(named: "Down").first?.activeAt
        #expect(activeAt == Int64(1_600_000 + 600_000 - 1_800_000))
    }
}
