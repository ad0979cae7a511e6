import Foundation
import Monitor
import SwitchboardCore

/// Prints the lines of runs from the log store, and follows runs while they are written.
struct LogFollower {
    let store: JobLogStore
    var filter = JobLineFilter()
    var pollInterval: Duration = .milliseconds(250)

    /// Prints the lines of a run numbered above `after` that are stored now; returns the last number.
    @discardableResult
    func printRemaining(runID: Int64, after: Int = 0) throws -> Int {
        guard let run = try store.run(id: runID), run.lineCount > after else { return after }
        var filter = self.filter
        filter.afterLine = after
        var output = ""
        try store.scan(runID: run.id, filter: filter) { line in
            guard line.number <= run.lineCount else { return false }
            output += Self.format(line) + "\n"
            if output.utf8.count > 1 << 16 {
                FileHandle.standardOutput.write(Data(output.utf8))
                output = ""
            }
            return true
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        return run.lineCount
    }

    /// Prints a run as it is written until it ends; with `thenLaterRuns`, goes on with the next runs.
    func follow(run: JobRunSummary, thenLaterRuns: Bool) async throws {
        var current = run
        var seen = 0
        while !Task.isCancelled {
            let fresh = try store.run(id: current.id) ?? current
            seen = try printRemaining(runID: current.id, after: seen)
            if fresh.result != .running {
                seen = try printRemaining(runID: current.id, after: seen)
                guard thenLaterRuns else { return }
                if let next = try store.run(jobID: current.jobID), next.number > current.number {
                    StandardError.write(JobsTable.summary(next))
                    current = next
                    seen = 0
                    continue
                }
            }
            try await Task.sleep(for: pollInterval)
        }
    }

    /// Follows the first run of a job that starts at `date` or later, until it ends.
    func follow(jobID: String, startedSince date: Date) async throws {
        while !Task.isCancelled {
            if let run = try store.run(jobID: jobID), run.startedAt >= date.addingTimeInterval(-1) {
                try await follow(run: run, thenLaterRuns: false)
                return
            }
            try await Task.sleep(for: pollInterval)
        }
    }

    static func format(_ line: JobLogLine) -> String {
        let stream =
            switch line.stream {
            case .stdout: "out"
            case .stderr: "err"
            case .log: "log"
            case .note: "---"
            }
        // The level column only where the line does not say it already (`INFO  INFO starting` was printed).
        let shown = line.level.flatMap { saysLevel(line.text, $0) ? nil : $0.name } ?? ""
        let level = shown.padding(toLength: 5, withPad: " ", startingAt: 0)
        let time = line.time.formatted(.iso8601.time(includingFractionalSeconds: true))
        return "\(time) \(stream) \(level) \(TerminalText.safe(line.text))"
    }

    /// Whether the text names the level as a word of its own (`INFO`, `[warn]`, `level=error`, `WARNING`).
    static func saysLevel(_ text: String, _ level: LogLevel) -> Bool {
        let words = text.split { !$0.isLetter }.prefix(8).map { $0.uppercased() }
        let names = level == .warn ? ["WARN", "WARNING"] : level == .error ? ["ERROR", "ERR"] : [level.name]
        return words.contains { names.contains($0) }
    }
}
