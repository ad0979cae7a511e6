import Foundation
import SwitchboardCore
import Synchronization

/// Where every source (command, log file, push) starts and ends runs: the log store plus what the
/// engine keeps in memory per job (the last run, the last success, counts by result).
final class JobRunLedger: Sendable {
    let store: JobLogStore
    let limits: RunRecorder.Limits
    let jobs: [String: Job]
    private let records: Mutex<[String: JobRecord]>

    /// What is known of one job without asking the database.
    struct JobRecord: Sendable {
        var lastRun: JobRunSummary?
        /// The newest run that has ended, for `switchboard_job_last_run_failed`.
        var lastFinished: JobRunSummary?
        var lastSuccess: Date?
        var successes = 0
        var failures = 0
        var running: Set<Int64> = []
    }

    init(jobs: [Job], store: JobLogStore, limits: RunRecorder.Limits) throws {
        self.store = store
        self.limits = limits
        self.jobs = Dictionary(jobs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var records: [String: JobRecord] = [:]
        for job in jobs {
            var record = JobRecord()
            record.lastRun = try store.run(jobID: job.id)
            record.lastFinished = try store.lastFinishedRun(jobID: job.id)
            record.lastSuccess = try store.lastSuccess(jobID: job.id)
            for (result, count) in try store.resultCounts(jobID: job.id) where result != .running {
                if result.isFailure { record.failures += count } else { record.successes += count }
            }
            records[job.id] = record
        }
        self.records = Mutex(records)
    }

    func record(_ jobID: String) -> JobRecord? {
        records.withLock { $0[jobID] }
    }

    func isRunning(_ jobID: String) -> Bool {
        records.withLock { !($0[jobID]?.running.isEmpty ?? true) }
    }

    /// Starts a run and returns the recorder its lines go through.
    func start(jobID: String, at time: Date, externalID: String? = nil, levelPattern: PosixRegex? = nil) throws
        -> RunRecorder
    {
        let run = try store.startRun(jobID: jobID, at: time, externalID: externalID)
        records.withLock {
            $0[jobID, default: JobRecord()].lastRun = run
            $0[jobID, default: JobRecord()].running.insert(run.id)
        }
        var limits = self.limits
        if let retention = jobs[jobID]?.retention { limits.maxBytes = min(limits.maxBytes, retention.bytes) }
        return RunRecorder(run: run, store: store, limits: limits, levelPattern: levelPattern)
    }

    /// Ends a run: flushes its lines, records the result, applies the job's retention.
    @discardableResult
    func finish(
        _ recorder: RunRecorder, at time: Date, result: JobRunResult, exitCode: Int? = nil, message: String? = nil,
        records count: Int? = nil
    ) throws -> JobRunSummary? {
        try recorder.flush(at: time)
        let run = recorder.run
        let finished = try store.finishRun(
            runID: run.id, at: time, result: result, exitCode: exitCode, message: message, records: count)
        records.withLock { records in
            var record = records[run.jobID, default: JobRecord()]
            record.running.remove(run.id)
            if let finished, record.lastRun.map({ $0.number <= finished.number }) ?? true { record.lastRun = finished }
            if let finished, record.lastFinished.map({ $0.number <= finished.number }) ?? true {
                record.lastFinished = finished
            }
            if result == .succeeded { record.successes += 1 } else { record.failures += 1 }
            if result == .succeeded { record.lastSuccess = max(record.lastSuccess ?? time, time) }
            records[run.jobID] = record
        }
        if let retention = jobs[run.jobID]?.retention {
            try store.applyRetention(jobID: run.jobID, retention: retention)
        }
        return finished
    }

    /// Refreshes the cached last run (its line counts change while it runs).
    func refresh(_ jobID: String) {
        guard let current = try? store.run(jobID: jobID) else { return }
        records.withLock { $0[jobID, default: JobRecord()].lastRun = current }
    }
}
