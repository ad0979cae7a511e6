import ArgumentParser
import Foundation
import Monitor
import PromQL
import SwitchboardCore

/// `switchboard-bench queue`: recomputing a large alert queue after one evaluation, and the time from an
/// acknowledgement to its durable commit in the state database.
struct QueueBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Alert queue: recompute after one evaluation, and acknowledgement to durable commit (p50/p99).")

    @Option(help: "Active alerts.") var alerts = 10_000
    @Option(help: "Silences (one in ten a regex).") var silences = 1_000
    @Option(help: "Inhibition rules.") var inhibitionRules = 100
    @Option(help: "Evaluations timed.") var evaluations = 50
    @Option(help: "Acknowledgements timed.") var acknowledgements = 500
    @Option(help: "Where the state database is made (a new directory inside it). Default: the temporary directory.")
    var directory: String?
    @Flag(help: "Print the figures as JSON instead of a table.") var json = false

    struct Figures: Encodable {
        var alerts: Int
        var silences: Int
        var inhibitionRules: Int
        var systems: Int
        var mutedAlerts: Int
        var recomputeMillisecondsP50: Double
        var recomputeMillisecondsP99: Double
        var acknowledgeMillisecondsP50: Double
        var acknowledgeMillisecondsP99: Double
        var databaseBytes: Int
    }

    func run() async throws {
        let workload = QueueWorkload(alerts: alerts, silences: silences, inhibitionRules: inhibitionRules)
        var queue = AlertQueue(
            alerts: [], acknowledgements: [], silences: workload.silences, notes: [], maintenanceWindows: [],
            inhibitionRules: workload.inhibitionRules)
        let start = Date()
        _ = queue.update(alerts: workload.alerts, topology: workload.topology, now: start)

        var recompute: [Double] = []
        for round in 1...evaluations {
            let now = start.addingTimeInterval(Double(round) * 15)
            let next = workload.evaluation(round)
            let began = ContinuousClock.now
            _ = queue.update(alerts: next, topology: workload.topology, now: now)
            recompute.append(Self.milliseconds(ContinuousClock.now - began))
        }
        let muted = queue.entries.count { $0.isMuted }

        let base = directory ?? FileManager.default.temporaryDirectory.path
        let stateDirectory = base + "/switchboard-bench-queue-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: stateDirectory) }
        let store = AlertStateStore(writer: try AlertDatabase.open(directory: stateDirectory))
        try store.replaceAlerts(queue, at: start)
        var acknowledge: [Double] = []
        let ids = queue.entries.filter { !$0.isResolved }.map(\.id.rawValue)
        for index in 0..<acknowledgements {
            let id = ids[index * 7919 % ids.count]
            let began = ContinuousClock.now
            _ = try store.acknowledge(id, by: "bench", note: "ack \(index)", now: start.addingTimeInterval(1000))
            acknowledge.append(Self.milliseconds(ContinuousClock.now - began))
        }
        let bytes = ["", "-wal"].compactMap {
            (try? FileManager.default.attributesOfItem(atPath: stateDirectory + "/" + AlertDatabase.fileName + $0))?[
                .size]
                as? Int
        }.reduce(0, +)

        let figures = Figures(
            alerts: queue.entries.count, silences: silences, inhibitionRules: inhibitionRules,
            systems: workload.systemCount, mutedAlerts: muted,
            recomputeMillisecondsP50: Self.percentile(recompute, 0.5),
            recomputeMillisecondsP99: Self.percentile(recompute, 0.99),
            acknowledgeMillisecondsP50: Self.percentile(acknowledge, 0.5),
            acknowledgeMillisecondsP99: Self.percentile(acknowledge, 0.99), databaseBytes: bytes)
        print(
            json ? Self.json(figures) : Self.table(figures, evaluations: evaluations, acks: acknowledgements, at: base))
    }

    static func table(_ figures: Figures, evaluations: Int, acks: Int, at directory: String) -> String {
        """
        queue: \(figures.alerts) active alerts, \(figures.silences) silences, \(figures.inhibitionRules) inhibition rules, \
        \(figures.systems) systems in the topology (\(figures.mutedAlerts) alerts muted)
        recompute after one evaluation (\(evaluations) evaluations): p50 \(format(figures.recomputeMillisecondsP50)) ms, \
        p99 \(format(figures.recomputeMillisecondsP99)) ms
        acknowledgement to durable commit (\(acks) acks, WAL, synchronous=FULL, in \(directory)): \
        p50 \(format(figures.acknowledgeMillisecondsP50)) ms, p99 \(format(figures.acknowledgeMillisecondsP99)) ms
        state database: \(figures.databaseBytes / 1024) KiB
        """
    }

    static func json(_ figures: Figures) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? encoder.encode(figures)) ?? Data(), as: UTF8.self)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        duration.seconds * 1000
    }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
