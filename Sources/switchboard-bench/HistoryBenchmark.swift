import ArgumentParser
import Foundation
import GRDB
import Monitor
import SwitchboardCore

/// `switchboard-bench history`: 35 days of 5-minute buckets for N checks written as the engine
/// writes them (each 5-minute step of every check in one transaction, merged by upsert), then the
/// database size per check, the insert rate, the 7-day report and the detail's 30-day query.
struct HistoryBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "35 days of 5-minute history: size per check, insert rate, report and detail query times.")

    @Option(help: "Checks (one interface each).") var checks = 10_000
    @Option(help: "Days of buckets to write.") var days = 35
    @Option(help: "Detail queries to time (random interfaces).") var detailQueries = 200
    @Option(help: "Interfaces whose 28-day SLO budget trail is timed (history + 3 days in a store; 0 for none).")
    var sloInterfaces = 0
    @Option(help: "Where the database goes (a temporary folder by default).") var directory: String?
    @Flag(help: "Print the figures as JSON instead of a table.") var json = false

    struct Figures: Encodable {
        var checks = 0
        var days = 0
        var buckets = 0
        var insertSeconds = 0.0
        var bucketsPerSecond = 0.0
        var fileBytes = 0
        var bytesPerCheck = 0.0
        var report7dSeconds = 0.0
        var detail30dMeanSeconds = 0.0
        var detail30dMaxSeconds = 0.0
        var sloInterfaces = 0
        var sloTrailsSeconds = 0.0
        var sloCachedTrailsSeconds = 0.0
    }

    func run() throws {
        let folder = URL(filePath: directory ?? NSTemporaryDirectory()).appending(
            path: "switchboard-bench-history-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if directory == nil { try? FileManager.default.removeItem(at: folder) } }
        let database = try StateDatabase(directory: folder)
        let ids = (0..<checks).map { String(format: "check-%05d", $0) }
        let now = Date()
        let steps = days * 288
        let first = CheckBucket.start(of: Int64(now.timeIntervalSince1970)) - Int64(steps - 1) * CheckBucket.seconds
        var figures = Figures(checks: checks, days: days, buckets: checks * steps)

        let start = ContinuousClock.now
        for step in 0..<steps {
            let bucketStart = first + Int64(step) * CheckBucket.seconds
            try database.pool.write { db in
                for (index, id) in ids.enumerated() {
                    let failures = (index + step) % 97 == 0 ? 3 : 0
                    try CheckBucket(
                        checkID: id, start: bucketStart, runs: 30, failures: failures,
                        latencyP50: 0.040 + Double(index % 50) / 1000, latencyP95: 0.120, latencyMax: 0.8
                    ).merge(into: db)
                }
            }
            if step % 1440 == 1439 {
                FileHandle.standardError.write(Data("history: \(step + 1) of \(steps) steps written\n".utf8))
            }
        }
        figures.insertSeconds = (ContinuousClock.now - start).seconds
        figures.bucketsPerSecond = Double(figures.buckets) / figures.insertSeconds
        _ = try database.pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        let size = (try FileManager.default.attributesOfItem(atPath: database.path)[.size] as? Int) ?? 0
        figures.fileBytes = size
        figures.bytesPerCheck = Double(size) / Double(checks)

        let landscape = Landscape(
            name: "bench", systems: [System(id: "a", name: "A"), System(id: "b", name: "B")],
            interfaces: ids.map { id in
                Interface(
                    id: "if-" + id, name: id, from: "a", to: "b", kind: .rest,
                    checks: [Check(id: id, probe: .tcp(TCPProbeSettings(address: "127.0.0.1:9")))])
            })
        let reportStart = ContinuousClock.now
        let report = try HistoryReport.read(
            from: database.pool, landscape: landscape, window: .seconds(7 * 86400), now: now)
        figures.report7dSeconds = (ContinuousClock.now - reportStart).seconds
        precondition(report.entries.count == checks)

        let recorder = HistoryRecorder(database: database.pool)
        var generator = SystemRandomNumberGenerator()
        var total = 0.0
        for _ in 0..<detailQueries {
            let id = ids[Int.random(in: 0..<ids.count, using: &generator)]
            let queryStart = ContinuousClock.now
            let summary = try recorder.summary(of: [id], now: now)
            let seconds = (ContinuousClock.now - queryStart).seconds
            precondition(summary.counts[.month]?.runs ?? 0 > 0)
            total += seconds
            figures.detail30dMaxSeconds = max(figures.detail30dMaxSeconds, seconds)
        }
        figures.detail30dMeanSeconds = total / Double(max(detailQueries, 1))
        if sloInterfaces > 0 {
            figures.sloInterfaces = min(sloInterfaces, checks)
            (figures.sloTrailsSeconds, figures.sloCachedTrailsSeconds) = Self.budgetTrails(
                of: Array(landscape.interfaces.prefix(sloInterfaces)), history: recorder, now: now)
        }
        print(json ? Self.json(figures) : Self.table(figures))
    }

    static func table(_ figures: Figures) -> String {
        func f(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
        return [
            "history: \(figures.checks) checks × \(figures.days) days of 5-minute buckets (\(figures.buckets) rows)",
            "",
            "insert          \(f(figures.insertSeconds, 1)) s, \(f(figures.bucketsPerSecond, 0)) buckets/s "
                + "(one transaction per 5-minute step of all checks, upsert)",
            "database        \(f(Double(figures.fileBytes) / 1_048_576, 1)) MB, "
                + "\(f(figures.bytesPerCheck / 1_048_576, 3)) MB per check (goal ≤ 2 MB)",
            "report 7d       \(f(figures.report7dSeconds * 1000, 1)) ms for all \(figures.checks) interfaces",
            "detail 30d      mean \(f(figures.detail30dMeanSeconds * 1000, 2)) ms, "
                + "max \(f(figures.detail30dMaxSeconds * 1000, 2)) ms per interface (24 h rows + 7 d/30 d sums)",
        ]
        .joined(separator: "\n")
            + (figures.sloInterfaces == 0
                ? ""
                : "\nSLO trails      \(f(figures.sloTrailsSeconds * 1000, 1)) ms for \(figures.sloInterfaces) interfaces "
                    + "(28d, 112 steps, history + 3 days of store; once per 5 minutes), "
                    + "\(f(figures.sloCachedTrailsSeconds * 1000, 2)) ms from the cache (every statistics refresh)")
    }

    static func json(_ figures: Figures) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? encoder.encode(figures)) ?? Data(), as: UTF8.self)
    }
}

extension Duration {
    fileprivate var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
