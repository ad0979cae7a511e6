import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import Monitor
import PromQL
import Server
import SwitchboardCore

/// `switchboard-bench metrics`: `GET /metrics` of an engine whose store holds the newest samples of
/// many HTTP checks (7 series each, as the HTTP probe writes them) and one firing alert in twenty,
/// fetched over loopback one request at a time: time to the whole page, and its size.
struct MetricsBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics", abstract: "GET /metrics at many interfaces: time to the whole page, and its size.")

    @Option(help: "Number of interfaces (one HTTP check each).") var interfaces = 10_000
    @Option(help: "Pages fetched; the median and the slowest are reported.") var rounds = 20

    func run() async throws {
        let engine = MonitorEngine(landscape: Landscape(name: "bench", systems: [], interfaces: []))
        engine.store.append(Self.samples(interfaces: interfaces), at: 0)
        let host = EngineHost(
            source: engine, info: EngineInfo(pid: getpid(), startedAt: Date(), landscape: "bench", version: "bench"))
        let server = try await EngineServer.start(
            api: EngineAPI(host: host, access: AccessPolicy(tokens: [])),
            listeners: EngineServer.Listeners(tcp: ("127.0.0.1", 0)),
            logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        let url = "http://127.0.0.1:\(server.tcpPort!)/metrics"
        var seconds: [Double] = []
        var bytes = 0
        var lines = 0
        for _ in 0..<rounds {
            let started = ContinuousClock.now
            let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(120))
            let body = try await response.body.collect(upTo: 1 << 30)
            seconds.append((ContinuousClock.now - started).seconds)
            bytes = body.readableBytes
            lines = body.readableBytesView.lazy.filter { $0 == UInt8(ascii: "\n") }.count
        }
        await server.stop()
        await engine.shutdown()
        seconds.sort()
        print(
            "GET /metrics at \(interfaces) interfaces (\(engine.store.memoryStats().seriesCount) series), "
                + "\(rounds) pages: median \(String(format: "%.1f", QueueBenchmark.percentile(seconds, 0.5) * 1000)) ms, "
                + "slowest \(String(format: "%.1f", seconds.last! * 1000)) ms, "
                + "\(String(format: "%.1f", Double(bytes) / 1_048_576)) MB, \(lines) lines")
    }

    /// The newest run of every check, and `ALERTS`/`ALERTS_FOR_STATE` of every twentieth, stamped now.
    static func samples(interfaces: Int) -> [Sample] {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        var random = SystemRandomNumberGenerator()
        var samples: [Sample] = []
        for check in 0..<interfaces {
            let labels = CheckpointBenchmark.labels(check: check)
            samples += CheckpointBenchmark.samples(labels, check: check, step: 1, time: now, using: &random)
            guard check % 20 == 0 else { continue }
            var alert = labels.merging(["alertname": "InterfaceDown", "severity": "critical"])
            samples.append(Sample("ALERTS_FOR_STATE", alert, Double(now / 1000 - 60), timestampMilliseconds: now))
            alert["alertstate"] = "firing"
            samples.append(Sample("ALERTS", alert, 1, timestampMilliseconds: now))
        }
        return samples
    }
}
