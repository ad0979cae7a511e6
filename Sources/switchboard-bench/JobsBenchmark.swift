import ArgumentParser
import Foundation
import Monitor
import SwitchboardCore

/// `switchboard-bench jobs`: lines per second stored from a running command and from a tailed
/// file, regex search over a 100 MB run beside `grep -c -E` on the same lines, and memory while
/// a job floods its output past the rate limit.
struct JobsBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Job log ingest (command and tailed file), search over a 100 MB run, memory under a flood.")

    @Option(help: "Lines the command and the log file write (about 100 bytes each).") var lines = 1_000_000
    @Option(help: "Seconds the flooding job runs.") var floodSeconds = 10
    @Option(help: "Where the database and files go (a temporary folder by default).") var directory: String?
    @Flag(help: "Print the figures as JSON instead of a table.") var json = false

    struct Figures: Encodable {
        var commandLines = 0
        var commandSeconds = 0.0
        var fileLines = 0
        var fileBytes = 0
        var fileSeconds = 0.0
        var searches: [Search] = []
        var floodLinesRead = 0
        var floodLinesStored = 0
        var floodLinesDropped = 0
        var floodSeconds = 0.0
        var rssBeforeFlood = 0
        var rssPeakFlood = 0
        var rssAfterFlood = 0
    }

    struct Search: Encodable {
        var pattern: String
        var matches: Int
        var seconds: Double
        var grepMatches: Int?
        var grepSeconds: Double?
    }

    func run() async throws {
        let folder = URL(filePath: directory ?? NSTemporaryDirectory()).appending(
            path: "switchboard-bench-jobs-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if directory == nil { try? FileManager.default.removeItem(at: folder) } }
        var figures = Figures()
        let generator = try writeGenerator(in: folder)
        let logPath = folder.appending(path: "etl.log").path
        let unlimited = RunRecorder.Limits(linesPerSecond: 1e12, maxBytes: 1 << 40)
        let logSource = LogFileSource(
            path: logPath, start: try PosixRegex("^BEGIN"), end: try PosixRegex("^END"), readFrom: .start)
        let jobs = [
            Job(id: "writer", name: "writer", source: .command(JobCommand(arguments: [generator, String(lines)]))),
            Job(id: "tailed", name: "tailed", source: .logFile(logSource), retention: JobRetention(bytes: 1 << 40)),
            Job(
                id: "flood", name: "flood",
                source: .command(
                    JobCommand(arguments: ["/usr/bin/yes", Self.floodLine], timeout: .seconds(floodSeconds)))),
        ]
        let database = try StateDatabase(directory: folder)
        let engine = try JobEngine(jobs: jobs, store: SeriesStore(), database: database, limits: unlimited)

        // 1. A running command.
        var start = ContinuousClock.now
        let written = await engine.runAndWait("writer")
        figures.commandSeconds = (ContinuousClock.now - start).seconds
        figures.commandLines = written?.lineCount ?? 0

        // 2. A tailed file of the same lines.
        let (fileLines, fileBytes) = try writeLogFile(logPath, lines: lines)
        figures.fileBytes = fileBytes
        let tailEngine = try JobEngine(
            jobs: [jobs[1]], store: SeriesStore(), database: database, limits: unlimited, pollInterval: .milliseconds(5)
        )
        start = ContinuousClock.now
        let tailing = Task { await tailEngine.run() }
        var tailedRun: JobRunSummary?
        while tailedRun == nil {
            try await Task.sleep(for: .milliseconds(20))
            if let run = try tailEngine.logStore.run(jobID: "tailed"), run.result != .running { tailedRun = run }
        }
        figures.fileSeconds = (ContinuousClock.now - start).seconds
        tailing.cancel()
        await tailing.value
        figures.fileLines = tailedRun?.lineCount ?? 0
        precondition(figures.fileLines == fileLines, "tailed \(figures.fileLines) of \(fileLines) lines")

        // 3. Search over the tailed run, beside grep on the file.
        for pattern in ["ERROR", "order [0-9]+7 .*status=(FAILED|HELD)", "^zzz-no-such-line"] {
            let regex = try PosixRegex(pattern)
            start = ContinuousClock.now
            let matches = try engine.logStore.count(runID: tailedRun!.id, filter: JobLineFilter(regex: regex))
            let seconds = (ContinuousClock.now - start).seconds
            let grep = Self.grepCount(pattern, logPath)
            figures.searches.append(
                Search(pattern: pattern, matches: matches, seconds: seconds, grepMatches: grep?.0, grepSeconds: grep?.1)
            )
        }

        // 4. Memory while a job floods (the default rate limit applies).
        let floodEngine = try JobEngine(jobs: [jobs[2]], store: SeriesStore(), database: database)
        figures.rssBeforeFlood = ProcessStats.current.residentBytes
        start = ContinuousClock.now
        guard floodEngine.runNow("flood") == .started else { throw ValidationError("the flood job did not start") }
        var peak = figures.rssBeforeFlood
        var flood: JobRunSummary?
        while flood?.result ?? .running == .running {
            try await Task.sleep(for: .milliseconds(100))
            peak = max(peak, ProcessStats.current.residentBytes)
            flood = try floodEngine.logStore.run(jobID: "flood")
        }
        figures.floodSeconds = (ContinuousClock.now - start).seconds
        figures.rssPeakFlood = peak
        figures.rssAfterFlood = ProcessStats.current.residentBytes
        figures.floodLinesStored = flood?.lineCount ?? 0
        figures.floodLinesDropped = flood?.droppedLines ?? 0
        figures.floodLinesRead = figures.floodLinesStored + figures.floodLinesDropped
        print(json ? try Self.json(figures) : Self.table(figures, lines: lines))
    }

    static let floodLine = "2026-11-26T10:00:00Z INFO flood line from a job that writes far too much output, on and on"

    /// A shell script printing N numbered lines of about 100 bytes, as fast as `awk` can.
    private func writeGenerator(in folder: URL) throws -> String {
        let path = folder.appending(path: "generate.sh").path
        let script = """
            #!/bin/sh
            exec awk -v n="$1" 'BEGIN { for (i = 1; i <= n; i++) printf "2026-11-26T10:00:00.%06dZ INFO  order %d loaded into the warehouse, status=%s\\n", i % 1000000, i, (i % 97 == 0 ? "FAILED" : "OK") }'
            """
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    /// A log file: BEGIN, `lines` lines (1 in 500 an ERROR, 1 in 97 FAILED, 1 in 89 HELD), END.
    private func writeLogFile(_ path: String, lines: Int) throws -> (lines: Int, bytes: Int) {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(filePath: path))
        defer { try? handle.close() }
        var chunk = "BEGIN run=bench\n"
        var bytes = 0
        for index in 1...lines {
            let level = index % 500 == 0 ? "ERROR" : "INFO "
            let status = index % 97 == 0 ? "FAILED" : index % 89 == 0 ? "HELD" : "OK"
            chunk +=
                "2026-11-26T10:00:00.\(String(format: "%06d", index % 1_000_000))Z \(level) order \(index) loaded into the warehouse, status=\(status)\n"
            if chunk.utf8.count > 1 << 20 {
                bytes += chunk.utf8.count
                try handle.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        chunk += "END run=bench\n"
        bytes += chunk.utf8.count
        try handle.write(contentsOf: Data(chunk.utf8))
        return (lines + 2, bytes)
    }

    /// `grep -c -E pattern file`: its count and wall seconds, or nil without grep.
    static func grepCount(_ pattern: String, _ path: String) -> (Int, Double)? {
        let process = Process()
        process.executableURL = URL(filePath: "/bin/grep")
        process.arguments = ["-c", "-E", pattern, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        let start = ContinuousClock.now
        guard (try? process.run()) != nil else { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let seconds = (ContinuousClock.now - start).seconds
        return Int(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)).map {
            ($0, seconds)
        }
    }

    static func table(_ figures: Figures, lines: Int) -> String {
        let mb = { (bytes: Int) in String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        let rate = { (count: Int, seconds: Double) in String(format: "%.0f lines/s", Double(count) / seconds) }
        var out = [
            "jobs: \(lines) lines of ~100 bytes; SQLite WAL in a temporary folder", "",
            "ingest from a running command  \(figures.commandLines) lines in \(String(format: "%.2f", figures.commandSeconds)) s = \(rate(figures.commandLines, figures.commandSeconds))",
            "ingest from a tailed file      \(figures.fileLines) lines (\(mb(figures.fileBytes))) in \(String(format: "%.2f", figures.fileSeconds)) s = \(rate(figures.fileLines, figures.fileSeconds))",
            "",
            "search over the \(mb(figures.fileBytes)) run         matches   seconds   grep -c -E   grep s   ratio",
        ]
        for search in figures.searches {
            let ratio = search.grepSeconds.map { String(format: "%.1f", search.seconds / $0) } ?? "-"
            out.append(
                "  \(search.pattern.padding(toLength: 38, withPad: " ", startingAt: 0)) \(String(search.matches).padding(toLength: 9, withPad: " ", startingAt: 0)) "
                    + String(format: "%-9.3f ", search.seconds)
                    + "\((search.grepMatches.map(String.init) ?? "-").padding(toLength: 12, withPad: " ", startingAt: 0)) "
                    + (search.grepSeconds.map { String(format: "%-8.3f ", $0) } ?? "-        ") + ratio)
        }
        out += [
            "",
            "flood (yes, default limit 20000 lines/s) for \(String(format: "%.1f", figures.floodSeconds)) s: "
                + "\(figures.floodLinesRead) lines read = \(rate(figures.floodLinesRead, figures.floodSeconds)), "
                + "\(figures.floodLinesStored) stored, \(figures.floodLinesDropped) dropped",
            "RSS before \(mb(figures.rssBeforeFlood)), peak during \(mb(figures.rssPeakFlood)), after \(mb(figures.rssAfterFlood))",
        ]
        return out.joined(separator: "\n")
    }

    static func json(_ figures: Figures) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(figures), as: UTF8.self)
    }
}
