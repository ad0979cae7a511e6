import Foundation
import SwitchboardCore

/// Runs every check on its own interval, each offset by a stable fraction of the interval so
/// that checks do not all fire at once, with a bound on how many probes run at the same time.
///
/// The checks that share an interval share one timetable: a single task walks them in the order of
/// their offsets and starts a task for each run when it falls due, so ten thousand checks cost ten
/// thousand small slots rather than ten thousand sleeping tasks. A slow or hung endpoint only ever
/// delays itself: a check whose previous run is still going skips the due time.
///
/// Runs are spread over `executors` (the event loops of the HTTP clients) by check: a probe then
/// runs on the thread its connection lives on, rather than hopping between the task pool and the loop.
public struct ProbeScheduler: Sendable {
    let runners: [CheckRunner]
    let limit: ConcurrencyLimit
    let executors: [EventLoopTaskExecutor]
    let clock: any ScheduleClock

    init(
        runners: [CheckRunner], maxConcurrentProbes: Int, executors: [EventLoopTaskExecutor] = [],
        clock: any ScheduleClock = LoopClock()
    ) {
        self.runners = runners
        self.limit = ConcurrencyLimit(maxConcurrentProbes)
        self.executors = executors
        self.clock = clock
    }

    /// Runs until the task is cancelled, handing every result to `record`.
    func run(record: @escaping @Sendable (ProbeRun) -> Void) async {
        let epoch = ScheduleEpoch(start: clock.now())
        let byInterval = Dictionary(grouping: runners.indices) { runners[$0].owned.check.interval }
        await withDiscardingTaskGroup { group in
            for (number, (interval, indices)) in byInterval.sorted(by: { $0.key < $1.key }).enumerated() {
                let timetable = Timetable(
                    interval: interval,
                    slots: indices.map {
                        (runner: $0, offset: Self.offset(of: runners[$0].owned.check.id, within: interval))
                    }
                    .sorted { ($0.offset, $0.runner) < ($1.offset, $1.runner) })
                group.addTask(executorPreference: executor(number)) {
                    await walk(timetable, epoch: epoch, record: record)
                }
            }
        }
    }

    /// The checks of one interval, in the order of their offsets within it.
    private struct Timetable: Sendable {
        let interval: Duration
        let slots: [(runner: Int, offset: Duration)]
    }

    private func executor(_ number: Int) -> EventLoopTaskExecutor? {
        executors.isEmpty ? nil : executors[number % executors.count]
    }

    /// Starts each check of `timetable` at its offset in every interval, until cancelled.
    private func walk(
        _ timetable: Timetable, epoch: ScheduleEpoch,
        record: @escaping @Sendable (ProbeRun) -> Void
    ) async {
        let interval = timetable.interval
        let inFlight = RunsInFlight(capacities: timetable.slots.map { runners[$0.runner].maxRunsInFlight })
        await withDiscardingTaskGroup { runs in
            var cycle: Int64 = 0
            var position = 0
            while !Task.isCancelled {
                let slot = timetable.slots[position]
                var due = epoch.start + interval * cycle + slot.offset
                // Behind by a whole interval or more (the machine stalled): skip the due times
                // missed rather than fire them all at once.
                let behind = clock.now() - due
                if behind >= interval {
                    let missed = Int64((behind.seconds / interval.seconds).rounded(.down))
                    cycle += missed
                    due = due + interval * missed
                }
                do {
                    try await clock.sleep(until: due)
                } catch {
                    return
                }
                let runner = runners[slot.runner]
                if inFlight.begin(position) {
                    let index = position
                    runs.addTask(executorPreference: executor(slot.runner)) {
                        guard runner.maxRunsInFlight == 1 else {
                            await overlappingRun(runner, index: index, due: due, inFlight: inFlight, record: record)
                            inFlight.end(index)
                            return
                        }
                        let run = await limit.run {
                            let lateness = clock.now() - due
                            let stamp = inFlight.stamp(
                                index, due: epoch.wallMilliseconds(of: due), lateness: lateness,
                                tolerance: Self.alignmentTolerance(of: interval))
                            return await runner.run(lateness: lateness, sampleTime: stamp)
                        }
                        inFlight.end(index)
                        if !Task.isCancelled { record(run) }
                    }
                }
                position += 1
                if position == timetable.slots.count {
                    position = 0
                    cycle += 1
                }
            }
        }
    }

    /// A run of a check whose runs overlap (a flow): outside the concurrency limit, since it mostly
    /// waits between polls, and with its samples stamped when it ends, so that a run which ends after
    /// a newer one never writes samples older than the newest of its series. Stamped and recorded
    /// under one lock: runs that end together are recorded in the order of their stamps.
    private func overlappingRun(
        _ runner: CheckRunner, index: Int, due: Duration, inFlight: RunsInFlight,
        record: @Sendable (ProbeRun) -> Void
    ) async {
        let lateness = clock.now() - due
        var run = await runner.run(lateness: lateness)
        guard !Task.isCancelled else { return }
        let now = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        inFlight.stamp(index, now: now) { stamp in
            for position in run.samples.indices { run.samples[position].timestampMilliseconds = stamp }
            record(run)
        }
    }

    /// How late a run may start and still have its samples stamped with its due time: a tenth of the
    /// interval, at most a second. Prometheus aligns scrape timestamps the same way (by 2 ms).
    static func alignmentTolerance(of interval: Duration) -> Duration {
        min(interval / 10, .seconds(1))
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

/// The instant a schedule started, on the schedule's clock and the wall clock, to turn due times
/// into sample timestamps.
struct ScheduleEpoch: Sendable {
    let start: Duration
    let wallMilliseconds: Int64

    init(start: Duration, wall: Date = Date()) {
        self.start = start
        self.wallMilliseconds = Int64((wall.timeIntervalSince1970 * 1000).rounded())
    }

    /// The wall-clock time of `instant`, in milliseconds since 1970.
    func wallMilliseconds(of instant: Duration) -> Int64 {
        wallMilliseconds + (instant - start).nanoseconds / 1_000_000
    }
}
