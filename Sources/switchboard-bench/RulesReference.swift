import AsyncHTTPClient
import Foundation

/// Prometheus (the Debian package) evaluating the same rule file over the same samples, backfilled
/// with `promtool tsdb create-blocks-from openmetrics`: the reference of `switchboard-bench rules`.
///
/// Prometheus evaluates each group on its own schedule, so one full evaluation is read as the sum
/// of `prometheus_rule_group_last_duration_seconds` over the groups, polled once per interval.
enum RulesReference {
    static let prometheus = "/usr/bin/prometheus"
    static let promtool = "/usr/bin/promtool"

    struct Figures: Encodable {
        var version: String
        var backfillSeconds: Double
        /// Rounds in which every group was evaluated, between the first and the last poll.
        var rounds: Double
        /// Sum over the groups of their last duration, one value per poll.
        var evaluationMilliseconds: [Double]
        var cpuMillisecondsPerEvaluation: Double
        /// Go heap objects allocated per round (`go_memstats_mallocs_total`), less those of our own polls.
        var allocationsPerEvaluation: Double
        var allocatedBytesPerEvaluation: Double
        var firing: Int
        var pending: Int
        var alertsByRule: [String: Int]
        /// Seconds from the newest sample to the first evaluation of the first group.
        var firstEvaluationAfterData: Double
    }

    enum ReferenceError: Error, CustomStringConvertible {
        case failed(String)
        var description: String {
            switch self {
            case .failed(let message): return message
            }
        }
    }

    /// The figures, or nil when the Debian packages are not installed.
    static func run(workload: RulesWorkload, ruleFile: String, directory: String, polls: Int) async throws -> Figures? {
        guard FileManager.default.isExecutableFile(atPath: prometheus),
            FileManager.default.isExecutableFile(atPath: promtool)
        else { return nil }
        let input = directory + "/data.om"
        let tsdb = directory + "/tsdb"
        try? FileManager.default.removeItem(atPath: tsdb)  // a --directory used before
        try workload.writeOpenMetrics(to: input)
        let backfill = ContinuousClock.now
        try runToCompletion(promtool, ["tsdb", "create-blocks-from", "openmetrics", input, tsdb])
        let backfillSeconds = QueueBenchmark.milliseconds(ContinuousClock.now - backfill) / 1000
        try? FileManager.default.removeItem(atPath: input)

        try """
        global:
          evaluation_interval: \(workload.step / 1000)s
        rule_files:
          - \(ruleFile)
        """.write(toFile: directory + "/prometheus.yml", atomically: true, encoding: .utf8)
        let port = try ReferenceRun.freePort()
        let server = try ChildProcess(
            prometheus,
            [
                "--config.file=\(directory)/prometheus.yml", "--storage.tsdb.path=\(tsdb)",
                "--web.listen-address=127.0.0.1:\(port)",
            ], stderrPath: directory + "/prometheus.log")
        defer { server.stop() }
        let client = HTTPClient.shared
        let base = "http://127.0.0.1:\(port)"
        let groups = workload.systems

        // 1. Every group evaluated once: the alerts then are what one evaluation from a fresh start gives.
        var metrics = PrometheusMetrics()
        let deadline = ContinuousClock.now + .seconds(120)
        while true {
            try await Task.sleep(for: .milliseconds(500))
            if let text = try? await get(base + "/metrics", client) {
                metrics = PrometheusMetrics(text)
                if metrics.values("prometheus_rule_group_iterations_total").count == groups,
                    metrics.values("prometheus_rule_group_iterations_total").allSatisfy({ $0 >= 1 })
                {
                    break
                }
            }
            guard ContinuousClock.now < deadline else {
                throw ReferenceError.failed("Prometheus did not evaluate every group within 2 minutes; see its log")
            }
        }
        let firstEvaluation = metrics.values("prometheus_rule_group_last_evaluation_timestamp_seconds").min() ?? 0
        let alerts = try await activeAlerts(base, client)

        // 2. What our own polls of /metrics cost Prometheus, to take out of its allocations.
        var pollCost = (allocations: Double.infinity, bytes: Double.infinity)
        var previous = PrometheusMetrics(try await get(base + "/metrics", client))
        for _ in 0..<3 {
            let next = PrometheusMetrics(try await get(base + "/metrics", client))
            let allocations = next.sum("go_memstats_mallocs_total") - previous.sum("go_memstats_mallocs_total")
            if allocations < pollCost.allocations {
                pollCost = (
                    allocations,
                    next.sum("go_memstats_alloc_bytes_total") - previous.sum("go_memstats_alloc_bytes_total")
                )
            }
            previous = next
        }

        // 3. One poll per interval: each gives the sum of the groups' last durations.
        let start = previous
        var durations: [Double] = []
        var last = start
        for _ in 0..<polls {
            try await Task.sleep(for: .milliseconds(workload.step))
            last = PrometheusMetrics(try await get(base + "/metrics", client))
            durations.append(last.sum("prometheus_rule_group_last_duration_seconds") * 1000)
        }
        let rounds =
            (last.sum("prometheus_rule_group_iterations_total") - start.sum("prometheus_rule_group_iterations_total"))
            / Double(groups)
        let allocations = last.sum("go_memstats_mallocs_total") - start.sum("go_memstats_mallocs_total")
        let bytes = last.sum("go_memstats_alloc_bytes_total") - start.sum("go_memstats_alloc_bytes_total")
        let cpu = last.sum("process_cpu_seconds_total") - start.sum("process_cpu_seconds_total")
        return Figures(
            version: version(), backfillSeconds: backfillSeconds, rounds: rounds, evaluationMilliseconds: durations,
            cpuMillisecondsPerEvaluation: cpu * 1000 / rounds,
            allocationsPerEvaluation: (allocations - pollCost.allocations * Double(polls)) / rounds,
            allocatedBytesPerEvaluation: (bytes - pollCost.bytes * Double(polls)) / rounds,
            firing: alerts.filter { $0.state == "firing" }.count,
            pending: alerts.filter { $0.state == "pending" }.count,
            alertsByRule: Dictionary(grouping: alerts, by: { $0.labels["alertname"] ?? "" }).mapValues(\.count),
            firstEvaluationAfterData: firstEvaluation - Double(workload.end) / 1000)
    }

    struct Alert: Decodable {
        var labels: [String: String]
        var state: String
    }

    static func activeAlerts(_ base: String, _ client: HTTPClient) async throws -> [Alert] {
        struct Response: Decodable {
            struct Payload: Decodable { var alerts: [Alert] }
            var data: Payload
        }
        let body = try await get(base + "/api/v1/alerts", client)
        return try JSONDecoder().decode(Response.self, from: Data(body.utf8)).data.alerts
    }

    static func get(_ url: String, _ client: HTTPClient) async throws -> String {
        let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
        guard response.status == .ok else { throw ReferenceError.failed("GET \(url): \(response.status)") }
        return String(buffer: try await response.body.collect(upTo: 256 << 20))
    }

    static func runToCompletion(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ReferenceError.failed(
                "\(executable) \(arguments.joined(separator: " ")) failed: " + String(decoding: message, as: UTF8.self))
        }
    }

    static func version() -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: prometheus)
        process.arguments = ["--version"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        guard (try? process.run()) != nil else { return "prometheus" }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // "prometheus, version 2.42.0+ds (branch: …"
        return text.split(separator: "\n").first.map { $0.replacingOccurrences(of: ",", with: "") } ?? "prometheus"
    }
}

/// The samples of a Prometheus `/metrics` page, by metric name (labels not kept apart).
struct PrometheusMetrics {
    private var byName: [String: [Double]] = [:]

    init() {}

    init(_ text: String) {
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                continue
            }
            let series = line[..<space]
            let name = series.firstIndex(of: "{").map { series[..<$0] } ?? series
            byName[String(name), default: []].append(value)
        }
    }

    func values(_ name: String) -> [Double] { byName[name] ?? [] }

    func sum(_ name: String) -> Double { values(name).reduce(0, +) }
}
