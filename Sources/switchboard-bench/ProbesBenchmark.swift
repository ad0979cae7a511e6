import ArgumentParser
import AsyncHTTPClient
import Foundation
import Monitor
import SwitchboardCore

/// `switchboard-bench probes`: sustained HTTP probing against loopback targets, beside Prometheus
/// with blackbox_exporter probing the same targets at the same rate.
struct ProbesBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probes",
        abstract: "Probes per second, CPU per 1,000 probes, scheduler lateness and memory, beside blackbox_exporter.")

    @Option(help: "Number of HTTP checks.") var checks = 1000
    @Option(help: "Interval of every check, in seconds.") var interval = 1.0
    @Option(help: "Seconds measured, after the warm-up.") var seconds = 30.0
    @Option(help: "Seconds of warm-up before measuring.") var warmup = 5.0
    @Option(help: "Probes allowed at once.") var concurrency = 256
    @Flag(help: "Skip the Prometheus + blackbox_exporter reference run.") var noReference = false
    @Flag(help: "Print the figures as JSON instead of a table.") var json = false
    @Option(help: "Seconds between memory reports on stderr while measuring (0: none).") var reportEvery = 60.0

    func run() async throws {
        let (targets, port) = try TargetsCommand.start()
        defer { targets.stop() }
        let counter = RequestCounter(url: "http://127.0.0.1:\(port)/count")
        defer { counter.shutdown() }
        let urls = (0..<checks).map { "http://127.0.0.1:\(port)/health/\($0)" }

        var rows = [try await measureSwitchboard(urls: urls, counter: counter)]
        if !noReference {
            if let reference = try await ReferenceRun.blackbox(
                urls: urls, interval: interval, warmup: warmup, seconds: seconds, counter: counter)
            {
                rows.append(reference)
            } else {
                FileHandle.standardError.write(
                    Data("reference skipped: prometheus and prometheus-blackbox-exporter are not installed\n".utf8))
            }
        }
        let report = BenchReport(
            title: "probes: \(checks) HTTP checks every \(interval) s on loopback, \(seconds) s measured", rows: rows)
        print(json ? report.json() : report.table())
    }

    private func measureSwitchboard(urls: [String], counter: RequestCounter) async throws -> BenchRow {
        let period = Duration.milliseconds(Int64(interval * 1000))
        stage("before the landscape")
        let interfaces = urls.enumerated().map { index, url in
            Interface(
                id: "if-\(index)", name: "Interface \(index)", from: "source", to: "target", kind: .rest,
                checks: [
                    Check(
                        id: "check-\(index)", probe: .http(HTTPProbeSettings(url: url)), interval: period,
                        timeout: min(period, .seconds(5)))
                ])
        }
        let landscape = Landscape(
            name: "bench", systems: [System(id: "source", name: "Source"), System(id: "target", name: "Target")],
            interfaces: interfaces)
        stage("landscape built")
        let engine = MonitorEngine(landscape: landscape, maxConcurrentProbes: concurrency)
        stage("engine built")
        let polling = Task { await engine.run() }
        try await Task.sleep(for: .seconds(warmup))
        stage("after the warm-up")
        engine.lateness.reset()
        let before = ProcessStats.current
        let countBefore = try await counter.count()
        let reports = reportEvery > 0 ? Task { await reportMemory(of: engine) } : nil
        try await Task.sleep(for: .seconds(seconds))
        reports?.cancel()
        let countAfter = try await counter.count()
        let after = ProcessStats.current
        let heapInUse = ProcessMemory.heapInUseBytes
        ProcessMemory.returnFreePages()
        let trimmed = ProcessStats.current
        polling.cancel()
        await polling.value
        let lateness = engine.lateness.summary()
        let probes = countAfter - countBefore
        let memory = engine.store.memoryStats()
        return BenchRow(
            name: "switchboard", probes: probes, seconds: seconds, cpuSeconds: after.cpuSeconds - before.cpuSeconds,
            residentBytes: after.residentBytes, latenessP50: lateness.p50, latenessP99: lateness.p99,
            store: StoreFigures(
                series: memory.seriesCount, samples: memory.sampleCount,
                payloadBytesPerSample: memory.payloadBytesPerSample, totalBytesPerSample: memory.totalBytesPerSample),
            memory: MemoryFigures(
                peakResidentBytes: after.peakResidentBytes, heapInUseBytes: heapInUse,
                residentAfterTrimBytes: trimmed.residentBytes))
    }

    /// The heap in use at a stage of setting up, on stderr with the memory reports.
    private func stage(_ name: String) {
        guard reportEvery > 0 else { return }
        FileHandle.standardError.write(
            Data(
                String(format: "heap in use %7.1f MB %@\n", Double(ProcessMemory.heapInUseBytes) / 1_048_576, name).utf8
            ))
    }

    /// Every `reportEvery` seconds, one line on stderr: resident memory, live heap and the store.
    private func reportMemory(of engine: MonitorEngine) async {
        let start = ContinuousClock.now
        while (try? await Task.sleep(for: .seconds(reportEvery))) != nil {
            let stats = ProcessStats.current
            let store = engine.store.memoryStats()
            let line = String(
                format: "%6.0f s  RSS %7.1f MB  heap in use %7.1f MB  store %d series, %d samples, %.2f bytes/sample\n",
                (ContinuousClock.now - start).seconds.rounded(.down), Double(stats.residentBytes) / 1_048_576,
                Double(ProcessMemory.heapInUseBytes) / 1_048_576, store.seriesCount, store.sampleCount,
                store.totalBytesPerSample)
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}

/// Reads how many probe requests the target server has answered.
final class RequestCounter: Sendable {
    let url: String
    let client = HTTPClient(eventLoopGroupProvider: .singleton)

    init(url: String) {
        self.url = url
    }

    func count() async throws -> Int {
        let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(5))
        let body = try await response.body.collect(upTo: 64)
        return Int(String(buffer: body)) ?? 0
    }

    func shutdown() {
        try? client.syncShutdown()
    }
}

enum BenchPaths {
    static var selfExecutable: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    }
}
