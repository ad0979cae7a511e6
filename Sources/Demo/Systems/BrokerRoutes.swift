import Hummingbird
import SwitchboardCore

/// The event bus: Kafka consumer lag as Prometheus metrics (named as kafka_exporter names
/// them), plus the RabbitMQ queue the MES feeds the WMS through and its Prometheus page.
enum BrokerRoutes {
    static func add(to router: Router<BasicRequestContext>, _ simulation: SimulationContext) {
        router.get("/metrics") { _, _ in
            Reply.text(
                BrokerMetrics.exposition(simulation),
                contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.get("/rabbitmq/metrics") { _, _ in
            Reply.text(
                RabbitMQMetrics.exposition(simulation), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.get("/api/consumer-groups") { _, _ in
            let groups: [[String: Any]] = ConsumerGroup.all.map { group in
                ["group": group.name, "topic": group.topic, "lag": BrokerMetrics.totalLag(group, simulation)]
            }
            return Reply.json(["groups": groups])
        }
        router.get("/api/queues/:name") { _, context in
            let name = context.parameters.get("name") ?? "wms.goods-receipts"
            let ready = 2 + Int(simulation.seconds) % 11
            return Reply.json([
                "name": name, "vhost": "/", "messages": ready + 1, "messages_ready": ready,
                "messages_unacknowledged": 1, "consumers": 2, "state": "running",
            ])
        }
    }
}

/// The broker's `/metrics` page in the Prometheus text format 0.0.4.
enum BrokerMetrics {
    /// Seconds into the lag episode of `group`, when one is under way.
    static func spike(of group: ConsumerGroup, _ simulation: SimulationContext) -> Double? {
        let elapsed = simulation.elapsed
        guard
            let episode = simulation.timeline.activeEpisodes(at: elapsed).first(where: {
                $0.kind == .consumerLag && $0.target.consumerGroup == group.name
            })
        else { return nil }
        let into = simulation.timeline.timeInCycle(elapsed) - episode.start
        return into.seconds
    }

    static func lag(_ group: ConsumerGroup, partition: Int, _ simulation: SimulationContext) -> Int {
        group.lag(
            partition: partition, seconds: simulation.seconds, spike: spike(of: group, simulation),
            seed: simulation.seed)
    }

    static func totalLag(_ group: ConsumerGroup, _ simulation: SimulationContext) -> Int {
        (0..<group.partitions).reduce(0) { $0 + lag(group, partition: $1, simulation) }
    }

    static func exposition(_ simulation: SimulationContext) -> String {
        var lines = [
            "# HELP kafka_brokers Number of Brokers in the Kafka Cluster.",
            "# TYPE kafka_brokers gauge",
            "kafka_brokers 3",
        ]
        lines += family(
            "kafka_topic_partition_current_offset", help: "Current Offset of a Broker at Topic/Partition"
        ) { group, partition in
            (["topic": group.topic, "partition": "\(partition)"], endOffset(group, partition, simulation))
        }
        lines += family(
            "kafka_consumergroup_current_offset", help: "Current Offset of a ConsumerGroup at Topic/Partition"
        ) { group, partition in
            let offset = endOffset(group, partition, simulation) - lag(group, partition: partition, simulation)
            return (["consumergroup": group.name, "topic": group.topic, "partition": "\(partition)"], offset)
        }
        lines += family(
            "kafka_consumergroup_lag", help: "Current Approximate Lag of a ConsumerGroup at Topic/Partition"
        ) { group, partition in
            (
                ["consumergroup": group.name, "topic": group.topic, "partition": "\(partition)"],
                lag(group, partition: partition, simulation)
            )
        }
        lines += [
            "# HELP kafka_consumergroup_lag_sum Current Approximate Lag of a ConsumerGroup at Topic for all partitions",
            "# TYPE kafka_consumergroup_lag_sum gauge",
        ]
        lines += ConsumerGroup.all.map { group in
            let labels = ["consumergroup": group.name, "topic": group.topic]
            return sample("kafka_consumergroup_lag_sum", labels, totalLag(group, simulation))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func endOffset(_ group: ConsumerGroup, _ partition: Int, _ simulation: SimulationContext) -> Int {
        1_000_000 * (partition + 1) + Int(simulation.seconds) * group.rate + 50_000
    }

    private static func family(
        _ name: String, help: String, _ value: (ConsumerGroup, Int) -> ([String: String], Int)
    ) -> [String] {
        var lines = ["# HELP \(name) \(help)", "# TYPE \(name) gauge"]
        for group in ConsumerGroup.all {
            for partition in 0..<group.partitions {
                let (labels, number) = value(group, partition)
                lines.append(sample(name, labels, number))
            }
        }
        return lines
    }

    /// `name{consumergroup="…",topic="…",partition="0"} 42`, labels in a fixed order.
    private static func sample(_ name: String, _ labels: [String: String], _ value: Int) -> String {
        let order = ["consumergroup", "topic", "partition"]
        let text = order.compactMap { key in labels[key].map { "\(key)=\"\($0)\"" } }.joined(separator: ",")
        return "\(name){\(text)} \(value)"
    }
}
