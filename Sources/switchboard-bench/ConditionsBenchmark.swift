import ArgumentParser
import Foundation
import Monitor
import PromQL
import SwitchboardCore

/// `switchboard-bench conditions`: the engine's `health.conditions` tick at many interfaces, each
/// with a lag, a dead-letter and a latency condition over its own series in the store.
struct ConditionsBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conditions",
        abstract: "Time per evaluation tick of 3 health conditions on each of 1,000 interfaces (goal < 50 ms).")

    @Option(help: "Interfaces, each with 3 conditions and 5 series.") var interfaces = 1_000
    @Option(help: "Ticks timed, after one warm-up tick.") var ticks = 200
    @Option(help: "Minutes of samples (15 s apart) before the newest one.") var historyMinutes = 15

    func validate() throws {
        guard interfaces > 0, ticks > 0, historyMinutes >= 10 else {
            throw ValidationError("--interfaces and --ticks must be positive, --history-minutes at least 10")
        }
    }

    func run() async throws {
        let engine = MonitorEngine(landscape: landscape())
        let end = Date()
        let filling = ContinuousClock.now
        fill(engine.store, until: end)
        let fillSeconds = (ContinuousClock.now - filling).seconds
        // The first tick publishes the snapshot the outcomes change; the others find nothing moved.
        let first = time { engine.evaluateConditions(now: end) }
        var durations: [Double] = []
        for tick in 0..<ticks {
            // Within the newest scrape interval, so that every tick sees the same outcomes.
            let now = end.addingTimeInterval(Double(tick % 10))
            durations.append(time { engine.evaluateConditions(now: now) })
        }
        durations.sort()
        let snapshot = engine.snapshot
        let down = snapshot.interfaces.count { $0.state == .down }
        let degraded = snapshot.interfaces.count { $0.state == .degraded }
        print(
            """
            \(interfaces) interfaces, \(interfaces * 3) conditions, \(interfaces * 5) series, \
            \(historyMinutes * 4 + 1) samples each (filled in \(String(format: "%.2f", fillSeconds)) s)
            outcomes: \(down) down, \(degraded) degraded
            first tick (with the snapshot it changes): \(ms(first)) ms
            ticks (\(ticks)): p50 \(ms(QueueBenchmark.percentile(durations, 0.5))) ms, \
            p99 \(ms(QueueBenchmark.percentile(durations, 0.99))) ms, max \(ms(durations.last ?? 0)) ms
            """)
        await engine.shutdown()
    }

    private func ms(_ milliseconds: Double) -> String { String(format: "%.2f", milliseconds) }

    private func time(_ body: () -> Void) -> Double {
        let started = ContinuousClock.now
        body()
        return (ContinuousClock.now - started).seconds * 1000
    }

    /// Interfaces `i0`…, each with the three conditions of README's presets over its own series.
    private func landscape() -> Landscape {
        let systems = [System(id: "bus", name: "Bus"), System(id: "erp", name: "ERP")]
        let list = (0..<interfaces).map { index in
            let conditions = [
                HealthCondition(
                    when: #"sum(kafka_consumergroup_lag{consumergroup="g\#(index)"}) > 10000"#, state: .down,
                    reason: "consumer lag {{ $value | humanize }} messages"),
                HealthCondition(
                    when: #"increase(rabbitmq_queue_messages_published_total{queue="q\#(index).dlq"}[10m]) > 0"#,
                    state: .degraded, reason: "{{ $value }} messages dead-lettered in 10m"),
                HealthCondition(
                    when: #"avg_over_time(probe_duration_seconds{instance="i\#(index)"}[5m]) > 1"#, state: .degraded,
                    reason: "answers take {{ $value | humanizeDuration }} on average"),
            ]
            return Interface(
                id: "i\(index)", name: "Interface \(index)", from: "bus", to: "erp", kind: .kafka,
                health: HealthThresholds(conditions: conditions))
        }
        return Landscape(name: "bench", systems: systems, interfaces: list)
    }

    /// 3 lag partitions, a dead-letter counter and a probe duration per interface, every 15 s;
    /// one interface in ten lags, one in seven dead-letters, one in thirteen is slow.
    private func fill(_ store: SeriesStore, until end: Date) {
        let steps = historyMinutes * 4
        let endMilliseconds = Int64(end.timeIntervalSince1970 * 1000)
        for step in 0...steps {
            let time = endMilliseconds - Int64(steps - step) * 15_000
            var samples: [Sample] = []
            samples.reserveCapacity(interfaces * 5)
            for index in 0..<interfaces {
                let lag = index % 10 == 0 ? 5_000.0 : 20
                for partition in 0..<3 {
                    samples.append(
                        Sample(
                            "kafka_consumergroup_lag",
                            ["consumergroup": "g\(index)", "topic": "t\(index)", "partition": "\(partition)"], lag))
                }
                let dead = index % 7 == 0 ? Double(step) : 0
                samples.append(Sample("rabbitmq_queue_messages_published_total", ["queue": "q\(index).dlq"], dead))
                samples.append(
                    Sample("probe_duration_seconds", ["instance": "i\(index)"], index % 13 == 0 ? 1.5 : 0.05))
            }
            _ = store.append(samples, at: time)
        }
    }
}
