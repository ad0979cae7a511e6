import SwitchboardCore

/// Runs every check on its own interval, each offset by a stable fraction of the interval so
/// that checks do not all fire at once, with a bound on how many probes run at the same time.
///
/// Each check has its own task: a slow or hung endpoint only ever delays itself. A run that
/// overruns its interval makes the check skip the due times it missed rather than queue them.
///
/// The tasks are spread over `executors` (the event loops of the HTTP clients): a probe then runs
/// on the thread its connection lives on, rather than hopping between the task pool and the loop.
public struct ProbeScheduler: Sendable {
    let runners: [CheckRunner]
    let limit: ConcurrencyLimit
    let executors: [EventLoopTaskExecutor]

    init(runners: [CheckRunner], maxConcurrentProbes: Int, executors: [EventLoopTaskExecutor] = []) {
        self.runners = runners
        self.limit = ConcurrencyLimit(maxConcurrentProbes)
        self.executors = executors
    }

    /// Runs until the task is cancelled, handing every result to `record`.
    func run(record: @escaping @Sendable (ProbeRun) -> Void) async {
        let clock = ContinuousClock()
        let start = clock.now
        await withDiscardingTaskGroup { group in
            for (index, runner) in runners.enumerated() {
                let executor = executors.isEmpty ? nil : executors[index % executors.count]
                group.addTask(executorPreference: executor) {
                    await loop(runner, start: start, clock: clock, record: record)
                }
            }
        }
    }

    private func loop(
        _ runner: CheckRunner, start: ContinuousClock.Instant, clock: ContinuousClock,
        record: @Sendable (ProbeRun) -> Void
    ) async {
        let interval = runner.owned.check.interval
        var due = start + Self.offset(of: runner.owned.check.id, within: interval)
        while !Task.isCancelled {
            do {
                try await sleepOnCurrentLoop(for: due - clock.now)
            } catch {
                return
            }
            let scheduled = due
            let run = await limit.run { await runner.run(lateness: clock.now - scheduled) }
            if Task.isCancelled { return }
            record(run)
            due = due + interval
            let now = clock.now
            if due < now {
                let missed = Int(((now - due).seconds / interval.seconds).rounded(.up))
                due = due + interval * missed
            }
        }
    }

    /// A stable offset in `[0, interval)` derived from the check id (FNV-1a), so restarts keep the phase.
    public static func offset(of id: String, within interval: Duration) -> Duration {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let millis = max(1, interval.nanoseconds / 1_000_000)
        return .milliseconds(Int64(hash % UInt64(millis)))
    }
}
