import Foundation
import PromQL
import SwitchboardCore
import Testing

@testable import Monitor

/// `health.conditions` over the engine's store: the worst matching state joins the checks' state,
/// and the matching condition's rendered reason becomes the interface's.
@Suite struct HealthConditionTests {
    static let lagCondition = HealthCondition(
        when: #"sum(kafka_consumergroup_lag{consumergroup="erp-orders"}) > 10000"#, state: .down,
        reason: "consumer lag {{ $value | humanize }} messages")
    static let deadLetterCondition = HealthCondition(
        when: #"increase(rabbitmq_queue_messages_published_total{queue="orders.dlq"}[10m]) > 0"#, state: .degraded,
        reason: "{{ $value }} messages dead-lettered in 10m on {{ $labels.queue }}")

    static func engine(interface conditions: [HealthCondition], system: [HealthCondition] = []) -> MonitorEngine {
        var erp = System(id: "erp", name: "ERP")
        erp.health.conditions = system
        let landscape = Landscape(
            name: "t", systems: [System(id: "bus", name: "Bus"), erp],
            interfaces: [
                Interface(
                    id: "orders", name: "Orders", from: "bus", to: "erp", kind: .kafka,
                    health: HealthThresholds(conditions: conditions))
            ])
        return MonitorEngine(landscape: landscape)
    }

    static func lag(_ engine: MonitorEngine, _ partitions: [Double], at time: Date) {
        let samples = partitions.enumerated().map { partition, lag in
            Sample(
                "kafka_consumergroup_lag",
                ["consumergroup": "erp-orders", "topic": "orders", "partition": String(partition)], lag)
        }
        engine.store.append(samples, at: Int64(time.timeIntervalSince1970 * 1000))
    }

    @Test func aLagThatCrossesTheThresholdTurnsTheInterfaceDownWithTheRenderedReasonAndBack() async {
        let engine = Self.engine(interface: [Self.lagCondition])
        defer { Task { await engine.shutdown() } }
        let start = Date(timeIntervalSince1970: 1_800_000_000)

        Self.lag(engine, [4000, 3000], at: start)
        engine.evaluateConditions(now: start)
        let calm = engine.snapshot
        #expect(calm.interfaces[0].state == .ok, "conditions evaluated, none matching, no checks")
        #expect(calm.interfaces[0].reason == nil)

        Self.lag(engine, [9000, 7500], at: start + 15)
        engine.evaluateConditions(now: start + 15)
        let lagging = engine.snapshot
        #expect(lagging.interfaces[0].state == .down)
        #expect(lagging.interfaces[0].reason == "consumer lag 16.5k messages")
        #expect(lagging.version > calm.version, "a condition's result moves the snapshot on")
        #expect(lagging.interfaces[0].history.last?.to == .down)
        #expect(lagging.interfaces[0].history.last?.reason == "consumer lag 16.5k messages")

        Self.lag(engine, [100, 50], at: start + 30)
        engine.evaluateConditions(now: start + 30)
        #expect(engine.snapshot.interfaces[0].state == .ok)
        #expect(engine.snapshot.interfaces[0].reason == nil)
    }

    @Test func theWorstMatchingConditionDecidesAndLabelsReachTheReason() async {
        let engine = Self.engine(interface: [Self.deadLetterCondition, Self.lagCondition])
        defer { Task { await engine.shutdown() } }
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        for (offset, published) in [(0.0, 10.0), (300, 10), (600, 13)] {
            engine.store.append(
                [Sample("rabbitmq_queue_messages_published_total", ["queue": "orders.dlq"], published)],
                at: Int64((start + offset).timeIntervalSince1970 * 1000))
        }
        Self.lag(engine, [10], at: start + 600)
        engine.evaluateConditions(now: start + 600)
        #expect(engine.snapshot.interfaces[0].state == .degraded)
        // 3 more between the two samples inside the window, 300 s apart: `increase` extrapolates to 10m as Prometheus does.
        #expect(engine.snapshot.interfaces[0].reason == "6 messages dead-lettered in 10m on orders.dlq")

        Self.lag(engine, [20_000], at: start + 615)
        engine.evaluateConditions(now: start + 615)
        #expect(engine.snapshot.interfaces[0].state == .down, "DOWN is worse than DEGRADED, whatever the order")
        #expect(engine.snapshot.interfaces[0].reason == "consumer lag 20k messages")
    }

    @Test func aSystemsConditionJoinsItsStateAndCountsAsItsOwnFailure() async {
        let engine = Self.engine(interface: [], system: [Self.lagCondition])
        defer { Task { await engine.shutdown() } }
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        Self.lag(engine, [12_000], at: now)
        engine.evaluateConditions(now: now)
        let erp = engine.snapshot.systems[1]
        #expect(erp.state == .down && erp.reason == "consumer lag 12k messages")
        #expect(erp.isFailingItsOwnChecks)
    }

    @Test func theJoinIsTheWorseOfChecksAndConditions() {
        let down = ConditionOutcome(state: .down, reason: "lag")
        let clear = ConditionOutcome.clear
        #expect(SnapshotBuilder.join(.unknown, hasChecks: true, clear) == (.unknown, nil), "never UNKNOWN to OK")
        #expect(SnapshotBuilder.join(.ok, hasChecks: true, down) == (.down, "lag"))
        #expect(SnapshotBuilder.join(.unknown, hasChecks: true, down) == (.down, "lag"))
        let degraded = ConditionOutcome(state: .degraded, reason: "dlq")
        #expect(SnapshotBuilder.join(.down, hasChecks: true, degraded) == (.down, nil), "the failing checks explain")
        #expect(SnapshotBuilder.join(.unknown, hasChecks: false, clear) == (.ok, nil))
        #expect(SnapshotBuilder.join(.degraded, hasChecks: true, nil) == (.degraded, nil), "not evaluated yet")
    }

    @Test func aReasonThatIsNoTemplateIsAConfigErrorAtItsPlace() throws {
        let yaml = """
            systems: [{id: bus}, {id: erp}]
            interfaces:
              - id: orders
                from: bus
                to: erp
                health:
                  conditions:
                    - when: 'lag > 1'
                      state: down
                      reason: 'lag {{ $value | nosuchfunction }}'
            """
        let landscape = try ConfigLoader(environment: [:]).load(yaml: yaml, file: "c.yaml")
        let errors = HealthConditionTemplates.errors(in: landscape)
        #expect(errors.count == 1)
        #expect(errors.first?.description.hasPrefix("c.yaml:10:") == true, "\(errors)")
        #expect(errors.first?.message.contains("reason template") == true)
    }
}
