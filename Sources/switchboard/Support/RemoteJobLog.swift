import Foundation
import Monitor
import Remote
import SwitchboardCore

/// `jobs logs --connect`: a run's lines read page by page from an engine's API, filtered here as
/// the state directory's store filters them, and printed as `LogFollower` prints them.
struct RemoteJobLog {
    let engine: RemoteDataSource
    let filter: JobLineFilter
    var pollInterval: Duration = .milliseconds(500)
    static let pageSize = 5000

    /// The run `number` of the job (the newest when nil); nil when there is none.
    func run(jobID: String, number: Int?) async throws -> JobRunSummary? {
        let runs = try await engine.jobRuns(jobID: jobID, limit: number == nil ? 1 : 1000)
        return number.map { wanted in runs.first { $0.number == wanted } } ?? runs.first
    }

    /// Prints the run's lines numbered above `after`; returns the run as it is now and the last number read.
    func printRemaining(_ run: JobRunSummary, after: Int = 0) async throws -> (JobRunSummary, Int) {
        var last = after
        var current = run
        while true {
            guard let page = try await engine.jobLog(runID: run.id, afterLine: last, limit: Self.pageSize) else {
                return (current, last)
            }
            current = page.run
            let shown = page.lines.filter(matches).map { LogFollower.format($0) + "\n" }.joined()
            FileHandle.standardOutput.write(Data(shown.utf8))
            guard let end = page.lines.last?.number else { return (current, last) }
            last = end
        }
    }

    /// Prints the run until it ends; with `thenLaterRuns`, goes on with the job's next runs.
    func follow(_ run: JobRunSummary, thenLaterRuns: Bool) async throws {
        var (current, seen) = try await printRemaining(run)
        while !Task.isCancelled {
            if current.result != .running {
                guard thenLaterRuns else { return }
                if let next = try await self.run(jobID: current.jobID, number: nil), next.number > current.number {
                    StandardError.write(JobsTable.summary(next))
                    (current, seen) = try await printRemaining(next)
                    continue
                }
            }
            try await Task.sleep(for: pollInterval)
            (current, seen) = try await printRemaining(current, after: seen)
        }
    }

    private func matches(_ line: JobLogLine) -> Bool {
        if let minimum = filter.minimumLevel {
            guard let level = line.level, level >= minimum else { return false }
        }
        return filter.regex?.matches(line.text) ?? true
    }
}
