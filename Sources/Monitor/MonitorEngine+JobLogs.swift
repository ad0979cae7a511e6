import SwitchboardCore

/// The job history the console's Jobs and Logs views read, straight from the log store.
extension MonitorEngine {
    public func jobRuns(jobID: String, limit: Int) async throws -> [JobRunSummary] {
        guard let jobs else { return [] }
        return try jobs.runs(jobID: jobID, limit: limit)
    }

    public func jobLog(runID: Int64, afterLine: Int, limit: Int) async throws -> JobLogPage? {
        guard let store = jobs?.logStore, let run = try store.run(id: runID) else { return nil }
        let lines = try store.lines(runID: runID, filter: JobLineFilter(afterLine: afterLine, limit: limit))
        return JobLogPage(run: run, lines: lines)
    }
}
