import Foundation
import PromQL
import SwitchboardCore

/// The series a job publishes, labelled `job` and `system`, so rule files can alert on jobs.
enum JobMetrics {
    static func samples(_ status: JobStatus, record: JobRunLedger.JobRecord?, now: Date) -> [Sample] {
        var labels = Labels(["job": status.id])
        if let system = status.system { labels = Labels(["job": status.id, "system": system]) }
        let running = status.lastRun?.result == .running
        var samples = [
            Sample("switchboard_job_running", labels, running ? 1 : 0),
            Sample("switchboard_job_late", labels, status.isLate ? 1 : 0),
            Sample("switchboard_job_missed_runs", labels, Double(status.missedRuns)),
            Sample("switchboard_job_over_sla", labels, status.overSLA ? 1 : 0),
            Sample("switchboard_job_runs_total", labels.merging(["result": "success"]), Double(record?.successes ?? 0)),
            Sample("switchboard_job_runs_total", labels.merging(["result": "failure"]), Double(record?.failures ?? 0)),
        ]
        if let success = status.lastSuccess {
            samples.append(
                Sample("switchboard_job_last_success_timestamp_seconds", labels, success.timeIntervalSince1970))
        }
        // 1 while the newest finished run failed: JobFailed resolves as soon as a later run succeeds.
        if let finished = record?.lastFinished {
            samples.append(Sample("switchboard_job_last_run_failed", labels, finished.result.isFailure ? 1 : 0))
        }
        if let last = status.lastRun, let ended = last.endedAt {
            samples.append(
                Sample("switchboard_job_last_run_duration_seconds", labels, ended.timeIntervalSince(last.startedAt)))
        }
        return samples
    }
}
