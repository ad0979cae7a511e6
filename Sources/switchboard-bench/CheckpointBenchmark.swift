import ArgumentParser
import Foundation
import Monitor
import PromQL

/// `switchboard-bench checkpoint`: the series store's checkpoint at an hour of probe samples:
/// how long the store's lock is held, encode and write time (with fsync), file size, load time,
/// how late appends (the probes' path) get while a checkpoint is written, and memory.
struct CheckpointBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Store checkpoint write time, size and load time at an hour of samples of many checks.")

    @Option(help: "Number of checks (7 series each, as an HTTP probe writes).") var checks = 10_000
    @Option(help: "Interval of every check, in seconds.") var interval = 10
    @Option(help: "Minutes of history in the store.") var minutes = 60
    @Option(help: "Times each measurement is repeated; the median is reported, and the slowest.") var rounds = 3
    @Option(help: "Where the checkpoint is written (a temporary folder by default).") var directory: String?
    @Flag(help: "Print the figures as JSON instead of a table.") var json = false

    struct Figures: Encodable {
        var series = 0
        var samples = 0
        var fillSeconds = 0.0
        var fileBytes = 0
        /// The store's lock held to take the chunks (what appends can wait for).
        var lockHeldSeconds: [Double] = []
        var encodeSeconds: [Double] = []
        /// Encode, write, fsync and rename, on the checkpoint's own thread.
        var writeSeconds: [Double] = []
        /// Read, verify, decode and restore into an empty store.
        var loadSeconds: [Double] = []
        /// The longest an append of one check's 7 samples took while checkpoints were written.
        var appendMaxSecondsDuringWrite = 0.0
        var appendsDuringWrite = 0
        var rssAfterFillBytes = 0
        var rssPeakBytes = 0
        var rssAfterLoadBytes = 0
    }

    func run() async throws {
        let folder = URL(filePath: directory ?? NSTemporaryDirectory()).appending(
            path: "switchboard-bench-checkpoint-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let checkpointer = StoreCheckpointer(directory: folder)
        var figures = Figures()
        let end = try await measureWrites(checkpointer, &figures)
        ProcessMemory.returnFreePages()
        for _ in 0..<rounds {
            let store = SeriesStore(retention: .seconds(3600))
            let started = ContinuousClock.now
            let outcome = checkpointer.load(into: store, now: end)
            figures.loadSeconds.append((ContinuousClock.now - started).seconds)
            guard case .loaded(let report) = outcome, report.samples == figures.samples else {
                throw ValidationError("the checkpoint did not load back whole: \(outcome)")
            }
            figures.rssAfterLoadBytes = ProcessStats.current.residentBytes
        }
        figures.rssPeakBytes = ProcessStats.current.peakResidentBytes
        print(json ? try Self.json(figures) : table(figures))
    }

    /// Fills a store, then takes and writes checkpoints of it while a task appends as probes do;
    /// returns the time of the newest sample.
    private func measureWrites(_ checkpointer: StoreCheckpointer, _ figures: inout Figures) async throws -> Int64 {
        let store = SeriesStore(retention: .seconds(3600))
        let filling = ContinuousClock.now
        let end = fill(store)
        figures.fillSeconds = (ContinuousClock.now - filling).seconds
        let stats = store.memoryStats()
        (figures.series, figures.samples) = (stats.seriesCount, stats.sampleCount)
        figures.rssAfterFillBytes = ProcessStats.current.residentBytes
        for _ in 0..<rounds {
            var started = ContinuousClock.now
            let checkpoint = store.checkpoint()
            figures.lockHeldSeconds.append((ContinuousClock.now - started).seconds)
            started = ContinuousClock.now
            figures.fileBytes = checkpoint.encoded().count
            figures.encodeSeconds.append((ContinuousClock.now - started).seconds)
        }
        let probes = ProbeLikeAppender(store: store, checks: checks, after: end)
        let appending = Task { await probes.run() }
        for _ in 0..<rounds {
            let started = ContinuousClock.now
            try await checkpointer.write(store)
            figures.writeSeconds.append((ContinuousClock.now - started).seconds)
        }
        appending.cancel()
        (figures.appendsDuringWrite, figures.appendMaxSecondsDuringWrite) = await appending.value
        // One more, untimed, holding all the appender added; loading compares with it.
        try await checkpointer.write(store)
        figures.samples = store.memoryStats().sampleCount
        return end
    }

    /// An hour of samples at the checks' interval, as HTTP probes write them; returns the newest time.
    private func fill(_ store: SeriesStore) -> Int64 {
        let start: Int64 = 1_750_000_000_000
        let steps = minutes * 60 / interval
        var random = SystemRandomNumberGenerator()
        let labels = (0..<checks).map { Self.labels(check: $0) }
        for step in 0..<steps {
            let time = start + Int64(step * interval) * 1000
            var batch: [Sample] = []
            batch.reserveCapacity(checks * 7)
            for check in 0..<checks {
                batch += Self.samples(labels[check], check: check, step: step, time: time, using: &random)
            }
            store.append(batch, at: time)
        }
        return start + Int64((steps - 1) * interval) * 1000
    }

    static func labels(check: Int) -> Labels {
        [
            "system": "system-\(check % 200)", "check": "check-\(check)", "kind": "http",
            "interface": "interface-\(check)",
        ]
    }

    /// One run of an HTTP check: mostly up with 200, now and then down with 503; jittery durations
    /// quantised to 2⁻²⁰ s as the probes write them; a steady body length.
    static func samples(
        _ labels: Labels, check: Int, step: Int, time: Int64, using random: inout some RandomNumberGenerator
    ) -> [Sample] {
        let up = (step + check) % 180 != 0
        func seconds(_ base: Double) -> Double {
            (base * Double.random(in: 0.8...1.6, using: &random) * 1_048_576).rounded() / 1_048_576
        }
        let processing = seconds(0.004 + Double(check % 50) / 1000)
        let transfer = seconds(0.0002)
        let phase = { (name: String) in labels.merging(["phase": name]) }
        return [
            Sample("probe_success", labels, up ? 1 : 0, timestampMilliseconds: time),
            Sample(
                "probe_duration_seconds", labels, processing + transfer + seconds(0.0005), timestampMilliseconds: time),
            Sample("probe_http_status_code", labels, up ? 200 : 503, timestampMilliseconds: time),
            Sample(
                "probe_http_content_length", labels, up ? Double(512 + check % 300) : 0, timestampMilliseconds: time),
            Sample("probe_http_duration_seconds", phase("processing"), processing, timestampMilliseconds: time),
            Sample("probe_http_duration_seconds", phase("transfer"), transfer, timestampMilliseconds: time),
            Sample("probe_http_ssl", labels, 0, timestampMilliseconds: time),
        ]
    }

    func table(_ figures: Figures) -> String {
        let mb = { (bytes: Int) in String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        let times = { (values: [Double]) in
            let sorted = values.sorted()
            return String(format: "%.3f s (slowest %.3f s)", sorted[sorted.count / 2], sorted.last ?? .nan)
        }
        return [
            "checkpoint: \(checks) checks × 7 series, every \(interval) s for \(minutes) min; "
                + "\(figures.series) series, \(figures.samples) samples (filled in \(String(format: "%.1f", figures.fillSeconds)) s); median of \(rounds)",
            "",
            "store lock held to take the chunks  \(times(figures.lockHeldSeconds))",
            "encode                              \(times(figures.encodeSeconds))",
            "write (encode, write, fsync, rename) \(times(figures.writeSeconds))   goal < 1 s",
            "load (read, verify, decode, index)  \(times(figures.loadSeconds))   goal < 2 s",
            "file size                           \(mb(figures.fileBytes)), "
                + String(format: "%.2f bytes/sample", Double(figures.fileBytes) / Double(max(figures.samples, 1))),
            "appends during the writes           \(figures.appendsDuringWrite), slowest "
                + String(format: "%.2f ms", figures.appendMaxSecondsDuringWrite * 1000),
            "RSS after the fill \(mb(figures.rssAfterFillBytes)), after a load \(mb(figures.rssAfterLoadBytes)), "
                + "peak \(mb(figures.rssPeakBytes))",
        ].joined(separator: "\n")
    }

    static func json(_ figures: Figures) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(figures), as: UTF8.self)
    }
}

/// Appends one check's samples every millisecond, as the probes would, and times each append.
private struct ProbeLikeAppender: Sendable {
    let store: SeriesStore
    let checks: Int
    let after: Int64

    /// Until cancelled: (appends, the slowest append in seconds).
    func run() async -> (Int, Double) {
        var random = SystemRandomNumberGenerator()
        var appends = 0
        var slowest = Duration.zero
        let labels = (0..<checks).map { CheckpointBenchmark.labels(check: $0) }
        while !Task.isCancelled {
            // Each check once, one second after the store's newest sample, then the next second.
            let check = appends % checks
            let time = after + Int64(1 + appends / checks) * 1000
            let samples = CheckpointBenchmark.samples(labels[check], check: check, step: 0, time: time, using: &random)
            let started = ContinuousClock.now
            store.append(samples, at: time)
            slowest = max(slowest, ContinuousClock.now - started)
            appends += 1
            try? await Task.sleep(for: .milliseconds(1))
        }
        return (appends, slowest.seconds)
    }
}

extension Duration {
    fileprivate var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
