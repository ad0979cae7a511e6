import PromQL
import Testing

@testable import Monitor

@Suite struct RulesRunnerTests {
    static func groups() throws -> [RuleGroup] {
        try RuleFileLoader(engine: PromQLRuleQueryEngine.validator).load(
            yaml: """
                groups:
                  - name: fast
                    interval: 10s
                    rules:
                      - record: up:sum
                        expr: sum(up)
                  - name: slow
                    interval: 1m
                    rules:
                      - alert: TargetDown
                        expr: up == 0
                """, file: "runner.yml")
    }

    @Test func evaluatesEachGroupOncePerIntervalAtItsAlignedSlot() async throws {
        let store = SeriesStore()
        let runner = RuleGroupRunner(groups: try Self.groups(), source: store, appender: store)
        let schedule = EvaluationSchedule(interval: .seconds(10), file: "runner.yml", name: "fast")
        #expect(schedule.offsetMilliseconds >= 0 && schedule.offsetMilliseconds < 10_000)
        let start: Int64 = 1_000_000_000
        let first = await runner.evaluateDue(now: start)
        #expect(first == ["fast", "slow"])
        #expect(await runner.evaluateDue(now: start).isEmpty)
        let next = try #require(await runner.nextDue(after: start))
        #expect(next > start)
        #expect(next - start <= 10_000)
        #expect(await runner.evaluateDue(now: next).contains("fast"))
        let status = await runner.status()
        #expect(status.map(\.lastEvaluation).allSatisfy { ($0 ?? 0) % 1 == 0 && $0 != nil })
        #expect(status[0].lastEvaluation == schedule.slot(atOrBefore: next))
    }

    @Test func alertsFromStoreDataAppearInStatus() async throws {
        let store = SeriesStore()
        let now: Int64 = 1_000_000_000
        store.append([Sample("up", ["job": "erp"], 0, timestampMilliseconds: now - 100_000)])
        let runner = RuleGroupRunner(groups: try Self.groups(), source: store, appender: store)
        await runner.evaluateDue(now: now)
        let alerts = await runner.status().flatMap(\.activeAlerts)
        #expect(alerts.map(\.labels) == [["alertname": "TargetDown", "job": "erp"]])
        #expect(alerts.first?.state == .firing)
        let recorded = store.select(matchers: [.metricName("up:sum")], from: 0, through: now)
        #expect(recorded.first?.samples.last?.value == 0)
    }
}
