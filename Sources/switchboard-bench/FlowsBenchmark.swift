import ArgumentParser
import Foundation
import Monitor
import SwitchboardCore

/// `switchboard-bench flows`: many end-to-end flow checks at once against a loopback order server
/// (in a process of its own) whose orders arrive after a few polls: CPU per minute and peak memory.
struct FlowsBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flows", abstract: "CPU per minute and peak memory of many overlapping flow checks.")

    @Option(help: "Number of flow checks.") var flows = 1000
    @Option(help: "Interval of every flow, in seconds.") var interval = 60.0
    @Option(help: "Poll interval of every flow, in seconds.") var poll = 5.0
    @Option(help: "The flows' `within`, in seconds.") var within = 60.0
    @Option(help: "Seconds measured, after the warm-up.") var seconds = 180.0
    @Option(help: "Seconds of warm-up before measuring.") var warmup = 30.0
    @Flag(help: "Print the figures as JSON instead of a table.") var json = false

    func run() async throws {
        let (targets, port) = try TargetsCommand.start()
        defer { targets.stop() }
        let counter = RequestCounter(url: "http://127.0.0.1:\(port)/count")
        defer { counter.shutdown() }
        let base = "http://127.0.0.1:\(port)"
        let status = try JSONAssertionParser.parse(#"$.status == "POSTED""#).get()
        let flow = FlowProbeSettings(
            start: FlowStep(
                request: HTTPProbeSettings(url: base + "/orders", method: "POST", body: #"{"sku":"BENCH"}"#),
                extract: [
                    FlowExtraction(name: "order_id", source: .jsonPath(try JSONAssertionParser.parse("$.id").get()))
                ]),
            arrive: FlowStep(
                request: HTTPProbeSettings(url: base + "/orders/{{ order_id }}"), expect: Expectations(json: [status])),
            within: .milliseconds(Int64(within * 1000)), poll: .milliseconds(Int64(poll * 1000)))
        let period = Duration.milliseconds(Int64(interval * 1000))
        let interfaces = (0..<flows).map { index in
            Interface(
                id: "if-\(index)", name: "Flow \(index)", from: "shop", to: "erp", kind: .rest,
                checks: [Check(id: "flow-\(index)", probe: .flow(flow), interval: period, timeout: .seconds(5))])
        }
        let landscape = Landscape(
            name: "bench", systems: [System(id: "shop", name: "Shop"), System(id: "erp", name: "ERP")],
            interfaces: interfaces)
        let engine = MonitorEngine(landscape: landscape, maxConcurrentProbes: 256)
        let polling = Task { await engine.run() }
        try await Task.sleep(for: .seconds(warmup))
        let before = ProcessStats.current
        let requestsBefore = try await counter.count()
        try await Task.sleep(for: .seconds(seconds))
        let requestsAfter = try await counter.count()
        let after = ProcessStats.current
        let snapshot = engine.snapshot
        polling.cancel()
        await polling.value
        let results = snapshot.interfaces.compactMap { $0.checks.first?.last }
        let figures = Figures(
            flows: flows, intervalSeconds: interval, pollSeconds: poll, secondsMeasured: seconds,
            cpuSecondsPerMinute: (after.cpuSeconds - before.cpuSeconds) / seconds * 60,
            peakResidentMegabytes: Double(after.peakResidentBytes) / 1_048_576,
            requestsPerSecond: Double(requestsAfter - requestsBefore) / seconds,
            newestRunsArrived: results.filter(\.up).count, newestRunsFailed: results.filter { !$0.up }.count)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(figures), as: UTF8.self))
        } else {
            print(
                String(
                    format: """
                        flows: %d flows every %.0f s, polling every %.0f s, %.0f s measured
                        CPU            %.2f s per minute of wall time (user+sys)
                        peak RSS       %.1f MB
                        requests       %.1f per second
                        newest runs    %d arrived, %d failed
                        """, flows, interval, poll, seconds, figures.cpuSecondsPerMinute,
                    figures.peakResidentMegabytes, figures.requestsPerSecond, figures.newestRunsArrived,
                    figures.newestRunsFailed))
        }
    }

    struct Figures: Encodable {
        var flows: Int
        var intervalSeconds: Double
        var pollSeconds: Double
        var secondsMeasured: Double
        var cpuSecondsPerMinute: Double
        var peakResidentMegabytes: Double
        var requestsPerSecond: Double
        var newestRunsArrived: Int
        var newestRunsFailed: Int
    }
}
