import Foundation
import Testing

@testable import SwitchboardCore

/// `health.conditions`: PromQL checked where it is written, a state of `down` or `degraded`, a reason.
@Suite struct HealthConditionConfigTests {
    static func load(_ health: String) throws -> Landscape {
        let yaml = """
            systems: [{id: bus}, {id: erp}]
            interfaces:
              - id: orders
                from: bus
                to: erp
                health:
            \(health)
            """
        return try ConfigLoader(environment: [:]).load(yaml: yaml, file: "c.yaml")
    }

    @Test func conditionsAreReadInOrder() throws {
        let landscape = try Self.load(
            """
                  conditions:
                    - when: 'sum(kafka_consumergroup_lag{consumergroup="erp-orders"}) > 10000'
                      state: down
                      reason: 'consumer lag {{ $value | humanize }} messages'
                    - when: 'increase(rabbitmq_queue_messages_published_total{queue="orders.dlq"}[10m]) > 0'
                      state: degraded
                      reason: '{{ $value }} messages dead-lettered in 10m'
            """)
        let conditions = landscape.interfaces[0].health.conditions
        #expect(conditions.map(\.state) == [.down, .degraded])
        #expect(conditions[0].when == #"sum(kafka_consumergroup_lag{consumergroup="erp-orders"}) > 10000"#)
        #expect(conditions[1].reason == "{{ $value }} messages dead-lettered in 10m")
        #expect(conditions[1].reasonLocation?.line == 13)
    }

    @Test func aPromQLErrorNamesTheColumnOfTheFaultInTheExpression() throws {
        let errors = #expect(throws: ConfigErrors.self) {
            try Self.load(
                """
                      conditions:
                        - when: 'sum(lag > 10'
                          state: down
                          reason: lag
                """)
        }
        let error = try #require(errors?.errors.first)
        #expect(error.location?.line == 8)
        // The expression starts after the quote at column 17; the parser stops at its end.
        #expect((error.location?.column ?? 0) > 17, "\(error)")
        #expect(error.message.contains("invalid PromQL `sum(lag > 10`"), "\(error)")
    }

    @Test func aRangeVectorIsNoCondition() {
        let errors = #expect(throws: ConfigErrors.self) {
            try Self.load("      conditions: [{when: 'lag[5m]', state: down, reason: r}]")
        }
        #expect(errors?.errors.first?.message.contains("instant vector or a scalar, found range vector") == true)
        #expect(errors?.errors.first?.description.hasPrefix("c.yaml:7:") == true)
    }

    @Test func theStateIsDownOrDegradedAndEveryFieldIsRequired() {
        let errors = #expect(throws: ConfigErrors.self) {
            try Self.load(
                """
                      conditions:
                        - {when: 'lag > 1', state: broken, reason: r}
                        - {when: 'lag > 1', state: down}
                """)
        }
        let messages = errors?.errors.map(\.description) ?? []
        #expect(messages.count == 2, "\(messages)")
        #expect(messages.first?.contains("c.yaml:8:") == true && messages.first?.contains("down or degraded") == true)
        #expect(messages.last?.contains("reason") == true)
    }
}
