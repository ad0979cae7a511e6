import Foundation
import SwitchboardCore

/// What views read beyond the snapshot — a job's runs, a run's lines, an alert's history —
/// fetched in the background while the view is open, and taken in by the UI loop.
extension ConsoleSession {
    /// A run's lines are asked for again this often while it runs (or while the window fills).
    static let logPollInterval: TimeInterval = 0.5
    /// A job's runs are asked for again this often while its list is open.
    static let runsPollInterval: TimeInterval = 2

    /// Takes what the fetches brought, and starts the next one the open view needs.
    func refreshFetchedData(now: Date) {
        for (jobID, answer) in runsFetcher.takeAll() {
            switch answer {
            case .value(let list): runs = JobRunsData(jobID: jobID, list: list, problem: nil, fetchedAt: now)
            case .failure(let message): runs = JobRunsData(jobID: jobID, list: nil, problem: message, fetchedAt: now)
            }
            fetchedVersion &+= 1
        }
        // A page is taken only if it continues the window held (not one replaced since it was asked).
        for (key, answer) in logFetcher.takeAll()
        where logBuffer?.runID == key.runID && logBuffer?.lastNumber == key.afterLine {
            switch answer {
            case .value(let page?): logBuffer?.merge(page, following: state.log.follow)
            case .value(nil): logBuffer?.fail("this run is no longer stored (its job's retention removed it)")
            case .failure(let message): logBuffer?.fail(message)
            }
            logFetchedAt = now
        }
        for (alertID, answer) in activityFetcher.takeAll() {
            switch answer {
            case .value(let list):
                activity = AlertActivityData(alertID: alertID, list: list, problem: nil, fetchedAt: now)
            case .failure(let message):
                activity = AlertActivityData(alertID: alertID, list: nil, problem: message, fetchedAt: now)
            }
            fetchedVersion &+= 1
        }
        switch state.route {
        case .alert(let id): fetchActivity(id, now: now)
        case .jobRuns(let jobID): fetchRuns(jobID, now: now)
        case .logs: fetchLog(now: now)
        default: break
        }
    }

    private func fetchRuns(_ jobID: String, now: Date) {
        if let runs, runs.jobID == jobID, now.timeIntervalSince(runs.fetchedAt) < Self.runsPollInterval { return }
        let dataSource = dataSource
        runsFetcher.start(jobID) { try await dataSource.jobRuns(jobID: jobID, limit: 200) }
    }

    private func fetchActivity(_ alertID: String, now: Date) {
        if let activity, activity.alertID == alertID, now.timeIntervalSince(activity.fetchedAt) < Self.runsPollInterval
        {
            return
        }
        let dataSource = dataSource
        activityFetcher.start(alertID) { try await dataSource.alertActivity(alertID: alertID, limit: 50) }
    }

    private func fetchLog(now: Date) {
        guard let subject = logSubject(), let runID = subject.runID else {
            logBuffer = nil
            return
        }
        if logBuffer?.runID != runID {
            let start = state.log.follow ? LogBuffer.tailStart(lineCount: subject.run?.lineCount ?? 0) : 0
            logBuffer = LogBuffer(runID: runID, startsAfter: start)
            logFetchedAt = nil
        }
        guard let buffer = logBuffer, buffer.wantsMore(following: state.log.follow) else { return }
        // A page that came back full is followed at once; otherwise wait for the run to write more.
        let pageWasFull = buffer.run.map { buffer.lastNumber < $0.lineCount } ?? true
        if let fetched = logFetchedAt, !pageWasFull, now.timeIntervalSince(fetched) < Self.logPollInterval { return }
        let dataSource = dataSource
        let after = buffer.lastNumber
        logFetcher.start(LogFetchKey(runID: runID, afterLine: after)) {
            try await dataSource.jobLog(runID: runID, afterLine: after, limit: LogBuffer.pageSize)
        }
    }

}

/// Which page of which run a log fetch asked for.
struct LogFetchKey: Sendable, Equatable {
    var runID: Int64
    var afterLine: Int
}

/// An alert's timeline as last fetched for its detail.
struct AlertActivityData: Sendable {
    var alertID: String
    var list: [AlertActivity]?
    var problem: String?
    var fetchedAt: Date
}

/// A job's runs as last fetched for the runs list.
struct JobRunsData: Sendable {
    var jobID: String
    var list: [JobRunSummary]?
    var problem: String?
    var fetchedAt: Date
}
