/// The broker's RabbitMQ page in the Prometheus text format, named as the RabbitMQ Prometheus
/// plugin's per-object metrics name them: the goods-receipts queue the MES feeds the WMS through,
/// and its dead-letter queue, which fills while a `deadLetters` episode has the WMS reject receipts.
enum RabbitMQMetrics {
    static let queue = "wms.goods-receipts"
    static let deadLetterQueue = "wms.goods-receipts.dlq"
    /// The WMS endpoint that rejects goods receipts during a `deadLetters` episode.
    static let rejectingPath = "/api/goods-receipts"
    /// Seconds between two dead-lettered messages while an episode lasts.
    static let secondsPerDeadLetter = 4.0

    /// Every message dead-lettered since the demo started: all episodes of the cycles before this
    /// one, and the part of this cycle's episodes that has passed.
    static func deadLettered(_ timeline: FaultTimeline, at elapsed: Duration) -> Int {
        let episodes = timeline.episodes.filter { $0.kind == .deadLetters }
        let cycles = (max(0, elapsed.seconds) / timeline.cycle.seconds).rounded(.down)
        let inCycle = timeline.timeInCycle(elapsed).seconds
        let perCycle = episodes.reduce(0) { $0 + $1.duration.seconds }
        let thisCycle = episodes.reduce(0) { $0 + min(max(inCycle - $1.start.seconds, 0), $1.duration.seconds) }
        return Int((cycles * perCycle + thisCycle) / secondsPerDeadLetter)
    }

    static func exposition(_ simulation: SimulationContext) -> String {
        let elapsed = simulation.elapsed
        let seconds = Int(max(0, elapsed.seconds))
        let total = deadLettered(simulation.timeline, at: elapsed)
        let published = 120_000 + seconds * 9
        // The dead letters nobody has looked at yet: an operator drains the queue every 10 minutes.
        let drained = deadLettered(simulation.timeline, at: .seconds(seconds - seconds % 600))
        let deadReady = total - drained
        let queues: [(String, ready: Int, unacked: Int, published: Int, consumers: Int)] = [
            (queue, 2 + seconds % 11, 1, published, 2),
            (deadLetterQueue, max(0, deadReady), 0, total, 0),
        ]
        var lines: [String] = []
        func family(_ name: String, _ type: String, _ help: String, _ value: (Int, Int, Int, Int) -> Int) {
            lines += ["# TYPE \(name) \(type)", "# HELP \(name) \(help)"]
            for (queue, ready, unacked, published, consumers) in queues {
                let number = value(ready, unacked, published, consumers)
                lines.append(#"\#(name){vhost="/",queue="\#(queue)"} \#(number)"#)
            }
        }
        family("rabbitmq_queue_messages_ready", "gauge", "Messages ready to be delivered to consumers") { r, _, _, _ in
            r
        }
        family("rabbitmq_queue_messages_unacked", "gauge", "Messages delivered to consumers but not yet acknowledged") {
            _, u, _, _ in u
        }
        family("rabbitmq_queue_messages", "gauge", "Sum of ready and unacknowledged messages") { r, u, _, _ in r + u }
        family("rabbitmq_queue_messages_published_total", "counter", "Total number of messages published to queues") {
            _, _, p, _ in p
        }
        family("rabbitmq_queue_consumers", "gauge", "Consumers on a queue") { _, _, _, c in c }
        return lines.joined(separator: "\n") + "\n"
    }
}
