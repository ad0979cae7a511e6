import Foundation
import Testing

@testable import Demo

@Suite("Broker metrics")
struct BrokerMetricsTests {
    /// A sample line of the Prometheus text format 0.0.4: name, optional labels, value.
    static let sampleLine = try! NSRegularExpression(
        pattern: #"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? -?[0-9.eE+]+$"#)

    /// Checks the exposition's grammar and returns the value of each sample by its line head.
    static func parse(_ text: String) -> [String: Int] {
        var typed: Set<String> = []
        var helped: Set<String> = []
        var samples: [String: Int] = [:]
        #expect(text.hasSuffix("\n"))
        for line in text.split(separator: "\n").map(String.init) {
            if line.hasPrefix("# HELP ") {
                helped.insert(String(line.split(separator: " ")[2]))
            } else if line.hasPrefix("# TYPE ") {
                let parts = line.split(separator: " ")
                #expect(parts.count == 4 && ["gauge", "counter"].contains(parts[3]), "\(line)")
                typed.insert(String(parts[2]))
            } else {
                let range = NSRange(line.startIndex..., in: line)
                let match = sampleLine.firstMatch(in: line, range: range)
                #expect(match != nil, "not a sample line: \(line)")
                let name = String(line.prefix { $0 != "{" && $0 != " " })
                #expect(typed.contains(name) && helped.contains(name), "\(name) has no HELP/TYPE before it")
                let head = String(line[..<line.lastIndex(of: " ")!])
                samples[head] = Int(line[line.index(after: line.lastIndex(of: " ")!)...])
            }
        }
        return samples
    }

    static func lagSum(_ samples: [String: Int], group: ConsumerGroup) -> Int? {
        samples["kafka_consumergroup_lag_sum{consumergroup=\"\(group.name)\",topic=\"\(group.topic)\"}"]
    }

    @Test func metricsEndpointServesPrometheusTextWithConsumerLag() async throws {
        let clock = ManualDemoClock(.seconds(3))
        try await DemoLandscape.withLandscape(seed: 1, clock: clock) { demo in
            let answer = try await Fetch.get("\(demo.baseURL(of: "broker")!)/metrics")
            #expect(answer.status == 200)
            #expect(answer.contentType == "text/plain; version=0.0.4; charset=utf-8")
            let samples = Self.parse(answer.body)
            #expect(samples["kafka_brokers"] == 3)
            let partition =
                #"kafka_consumergroup_lag{consumergroup="crm-order-events",topic="erp.orders.v1",partition="0"}"#
            #expect(samples[partition] != nil)
            for group in ConsumerGroup.all {
                let sum = try #require(Self.lagSum(samples, group: group))
                #expect((0..<1_000).contains(sum), "\(group.name) lags \(sum) without a fault")
            }
        }
    }

    @Test func consumerLagSpikesDuringItsEpisodeAndDriftsOtherwise() async throws {
        let clock = ManualDemoClock(.zero)
        try await DemoLandscape.withLandscape(seed: 1, clock: clock) { demo in
            let url = "\(demo.baseURL(of: "broker")!)/metrics"
            let (episode, during) = try #require(demo.timeline.first(.consumerLag))
            let group = try #require(ConsumerGroup.all.first { $0.name == episode.target.consumerGroup })
            clock.set(during + .seconds(5))
            let spiking = try #require(Self.lagSum(Self.parse(try await Fetch.get(url).body), group: group))
            #expect(spiking >= 1_000)

            var calm: Set<Int> = []
            for second in 0..<6 {
                clock.set(.seconds(second * 7))
                if demo.currentFaults().contains(where: { $0.kind == .consumerLag }) { continue }
                calm.insert(try #require(Self.lagSum(Self.parse(try await Fetch.get(url).body), group: group)))
            }
            #expect(calm.allSatisfy { $0 < 1_000 })
            #expect(calm.count > 1, "lag should drift over time")
        }
    }
}

/// The broker's RabbitMQ page: the dead-letter queue's counter grows only during a dead-letter
/// episode, and never falls.
@Suite struct RabbitMQMetricsTests {
    @Test(arguments: [UInt64(1), 7, 42])
    func theDeadLetterCounterGrowsOnlyDuringItsEpisodes(seed: UInt64) throws {
        let timeline = FaultTimeline(seed: seed)
        let episode = try #require(timeline.episodes.first { $0.kind == .deadLetters })
        let before = RabbitMQMetrics.deadLettered(timeline, at: episode.start)
        let during = RabbitMQMetrics.deadLettered(timeline, at: episode.start + .seconds(12))
        let after = RabbitMQMetrics.deadLettered(timeline, at: episode.end)
        #expect(during > before)
        #expect(RabbitMQMetrics.deadLettered(timeline, at: episode.end + .seconds(1)) == after)
        let counts = (0..<600).map { RabbitMQMetrics.deadLettered(timeline, at: .seconds($0)) }
        #expect(zip(counts, counts.dropFirst()).allSatisfy { $0 <= $1 }, "a counter never falls")
        #expect(counts[599] > counts[239], "the next cycle adds more")
    }

    @Test func thePageNamesTheQueuesAsThePluginDoes() async throws {
        let timeline = FaultTimeline(seed: 1)
        let episode = try #require(timeline.episodes.first { $0.kind == .deadLetters })
        let clock = ManualDemoClock(episode.start + .seconds(10))
        try await DemoLandscape.withLandscape(seed: 1, clock: clock) { demo in
            let answer = try await Fetch.get("\(demo.baseURL(of: "broker")!)/rabbitmq/metrics")
            #expect(answer.status == 200)
            let samples = BrokerMetricsTests.parse(answer.body)
            let dead = #"rabbitmq_queue_messages_published_total{vhost="/",queue="wms.goods-receipts.dlq"}"#
            #expect(samples[dead] == RabbitMQMetrics.deadLettered(timeline, at: episode.start + .seconds(10)))
            #expect(samples[#"rabbitmq_queue_messages_ready{vhost="/",queue="wms.goods-receipts"}"#] != nil)
            #expect(samples[#"rabbitmq_queue_messages_unacked{vhost="/",queue="wms.goods-receipts"}"#] == 1)
        }
    }
}
