import Foundation
import SwitchboardCore
import Synchronization

/// Runs the jobs of a landscape and keeps their runs: schedules command jobs, tails the log files
/// of log-file jobs, takes push reports through `push`, and publishes where each job stands as
/// `JobStatus` values and as `switchboard_job_*` series in the store.
///
/// ```swift
/// let engine = try JobEngine(jobs: landscape.jobs, store: store, database: database)
/// Task { await engine.run() }         // until cancelled
/// engine.statuses()                    // for the console
/// engine.runNow("nightly-load")        // from the console or the CLI
/// ```
public final class JobEngine: Sendable {
    public let jobs: [Job]
    public let push: JobPushIngest
    let ledger: JobRunLedger
    let store: SeriesStore
    let clock: any JobClock
    let pollInterval: Duration
    let monitoringSince: Date
    private let control: Mutex<Control> = Mutex(Control())

    struct Control {
        /// Jobs with a run starting or under way (set before the run exists, so two triggers never race).
        var active: Set<String> = []
        var queued: Set<String> = []
        var triggers: AsyncStream<String>.Continuation?
    }

    /// What `runNow` did.
    public enum RunNowOutcome: Sendable, Equatable {
        case started, queued, alreadyRunning, unknownJob, notACommand
    }

    public init(
        jobs: [Job], store: SeriesStore, database: StateDatabase, clock: any JobClock = SystemJobClock(),
        limits: RunRecorder.Limits = RunRecorder.Limits(), pollInterval: Duration = .milliseconds(500)
    ) throws {
        self.jobs = jobs
        self.store = store
        self.clock = clock
        self.pollInterval = pollInterval
        self.monitoringSince = clock.now()
        let ledger = try JobRunLedger(jobs: jobs, store: JobLogStore(database: database), limits: limits)
        self.ledger = ledger
        let statusOf = StatusBox()
        push = JobPushIngest(ledger: ledger, clock: clock) { statusOf.engine?.status($0) }
        statusOf.engine = self
    }

    /// The log store behind the engine (runs and lines).
    public var logStore: JobLogStore { ledger.store }

    /// Runs until the task is cancelled: schedules, tails, and refreshes the metrics.
    public func run() async {
        _ = try? ledger.store.abandonRunning(at: clock.now())
        let (triggers, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(64))
        control.withLock { $0.triggers = continuation }
        await withTaskGroup(of: Void.self) { group in
            for job in jobs {
                switch job.source {
                case .command: group.addTask { await self.schedule(job) }
                case .logFile(let source): group.addTask { await self.tail(job, source) }
                case .push: break
                }
            }
            group.addTask { await self.refreshMetrics() }
            // Ends when this task is cancelled: an AsyncStream finishes for a cancelled consumer.
            for await jobID in triggers {
                group.addTask { _ = await self.execute(jobID) }
            }
            group.cancelAll()
        }
        control.withLock { $0.triggers = nil }
    }

    /// Starts a command job now (or queues it behind its running run, if its policy says so).
    @discardableResult
    public func runNow(_ jobID: String) -> RunNowOutcome {
        guard let job = jobs.first(where: { $0.id == jobID }) else { return .unknownJob }
        guard case .command(let command) = job.source else { return .notACommand }
        let (outcome, triggers) = control.withLock { control -> (RunNowOutcome, AsyncStream<String>.Continuation?) in
            if control.active.contains(jobID) {
                guard command.overlap == .queue else { return (.alreadyRunning, nil) }
                control.queued.insert(jobID)
                return (.queued, nil)
            }
            control.active.insert(jobID)
            return (.started, control.triggers)
        }
        guard outcome == .started else { return outcome }
        if let triggers {
            triggers.yield(jobID)
        } else {
            Task { await self.execute(jobID, claimed: true) }
        }
        return outcome
    }

    /// Runs a command job now and waits for it to end (the CLI's `jobs run`); nil if it was running.
    public func runAndWait(_ jobID: String) async -> JobRunSummary? {
        guard jobs.first(where: { $0.id == jobID })?.command.isEmpty == false else { return nil }
        let claimed = control.withLock { $0.active.insert(jobID).inserted }
        guard claimed else { return nil }
        return await execute(jobID, claimed: true)
    }

    /// Every job's status at the clock's time, in config order.
    public func statuses() -> [JobStatus] {
        jobs.map { status(of: $0, now: clock.now()) }
    }

    public func status(_ jobID: String) -> JobStatus? {
        jobs.first { $0.id == jobID }.map { status(of: $0, now: clock.now()) }
    }

    /// The newest runs of a job, newest first.
    public func runs(jobID: String, limit: Int = 50) throws -> [JobRunSummary] {
        try ledger.store.runs(jobID: jobID, limit: limit)
    }

    public func lines(runID: Int64, filter: JobLineFilter = JobLineFilter()) throws -> [JobLogLine] {
        try ledger.store.lines(runID: runID, filter: filter)
    }

    func status(of job: Job, now: Date) -> JobStatus {
        let record = ledger.record(job.id)
        let evaluation = JobStateEvaluator.evaluate(
            job: job, lastRun: record?.lastRun, monitoringSince: monitoringSince, now: now)
        return JobStatus(
            id: job.id, name: job.name, system: job.system, source: job.source.kind,
            schedule: job.schedule?.description, state: evaluation.state, lastRun: record?.lastRun,
            lastSuccess: record?.lastSuccess, nextRun: evaluation.nextRun, expectedAt: evaluation.expectedAt,
            missedRuns: evaluation.missedRuns, overSLA: evaluation.overSLA)
    }

    // MARK: - Command jobs

    private func schedule(_ job: Job) async {
        guard let schedule = job.schedule else { return }
        var last = clock.now()
        if case .interval = schedule { runNow(job.id) }
        while !Task.isCancelled {
            let due: Date? =
                switch schedule {
                case .cron(let cron): cron.next(after: last)
                case .interval(let interval): last + interval.seconds
                }
            guard let due else { return }
            do { try await clock.sleep(until: due) } catch { return }
            last = due
            runNow(job.id)
        }
    }

    @discardableResult
    private func execute(_ jobID: String, claimed: Bool = true) async -> JobRunSummary? {
        guard let job = jobs.first(where: { $0.id == jobID }), case .command(let command) = job.source else {
            return nil
        }
        defer { release(jobID) }
        do {
            let recorder = try ledger.start(jobID: jobID, at: clock.now())
            publishMetrics()
            let outcome = await CommandRunner(command: command, clock: clock).run(into: recorder)
            if let message = outcome.message, outcome.result != .succeeded {
                try recorder.ingest(
                    [Array("[switchboard: \(message)]".utf8)], stream: .note, at: clock.now(), level: .error)
            }
            let finished = try ledger.finish(
                recorder, at: clock.now(), result: outcome.result, exitCode: outcome.exitCode, message: outcome.message)
            publishMetrics()
            return finished
        } catch {
            return nil
        }
    }

    /// Ends a job's turn; starts the queued run, if any.
    private func release(_ jobID: String) {
        let (again, triggers) = control.withLock { control -> (Bool, AsyncStream<String>.Continuation?) in
            if control.queued.remove(jobID) != nil { return (true, control.triggers) }
            control.active.remove(jobID)
            return (false, nil)
        }
        guard again else { return }
        if let triggers { triggers.yield(jobID) } else { Task { await self.execute(jobID) } }
    }

    // MARK: - Log-file jobs

    private func tail(_ job: Job, _ source: LogFileSource) async {
        let saved = try? ledger.store.tailPosition(jobID: job.id)
        let tailer = LogFileTailer(path: source.path, readFrom: source.readFrom, saved: saved)
        let splitter = LogRunSplitter(jobID: job.id, source: source, ledger: ledger)
        while !Task.isCancelled {
            pollOnce(job, tailer, splitter)
            do { try await clock.sleep(until: clock.now() + pollInterval.seconds) } catch { return }
        }
    }

    func pollOnce(_ job: Job, _ tailer: LogFileTailer, _ splitter: LogRunSplitter) {
        let poll = tailer.poll()
        let now = clock.now()
        for event in poll.events {
            switch event {
            case .rotated: try? splitter.note("log file rotated", at: now)
            case .truncated: try? splitter.note("log file truncated", at: now)
            case .deleted: try? splitter.note("log file deleted", at: now)
            case .opened: break
            }
        }
        guard !poll.lines.isEmpty || !poll.events.isEmpty else { return }
        try? splitter.consume(poll.lines, at: now)
        if let position = tailer.position { try? ledger.store.saveTailPosition(position, jobID: job.id) }
        publishMetrics()
    }

    // MARK: - Metrics

    private func refreshMetrics() async {
        while !Task.isCancelled {
            publishMetrics()
            for job in jobs where ledger.isRunning(job.id) { ledger.refresh(job.id) }
            do { try await clock.sleep(until: clock.now() + 5) } catch { return }
        }
    }

    /// Appends the `switchboard_job_*` samples of every job at the clock's time.
    public func publishMetrics() {
        let now = clock.now()
        let samples = jobs.flatMap {
            JobMetrics.samples(status(of: $0, now: now), record: ledger.record($0.id), now: now)
        }
        store.append(samples, at: Int64((now.timeIntervalSince1970 * 1000).rounded()))
    }
}

/// Lets the push API ask the engine for a status without a reference cycle at init.
private final class StatusBox: @unchecked Sendable {
    weak var engine: JobEngine?
}
