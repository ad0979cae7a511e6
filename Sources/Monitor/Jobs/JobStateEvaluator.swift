import Foundation
import SwitchboardCore

/// Works out where a job stands from its schedule, its last run and the time: running, late,
/// missed, failed or succeeded, and whether it is over its SLA. Pure, so tests give it any time.
///
/// The expected start is the first slot of the schedule after the last run started (or after
/// monitoring began). Past that slot plus the grace period with no run, the job is late; once the
/// slot after it has begun too, the job has missed a run. A run still going past its SLA is late.
public enum JobStateEvaluator {
    public struct Evaluation: Sendable, Equatable {
        public var state: JobState
        public var nextRun: Date?
        public var expectedAt: Date?
        public var missedRuns: Int
        public var overSLA: Bool
    }

    /// The most missed slots counted.
    static let missedLimit = 1000

    public static func evaluate(
        job: Job, lastRun: JobRunSummary?, monitoringSince: Date, now: Date
    ) -> Evaluation {
        let overSLA = job.sla.map { sla in lastRun.map { $0.duration(now: now) > sla.seconds } ?? false } ?? false
        let settled = settledState(lastRun)
        guard let schedule = job.schedule else {
            return Evaluation(
                state: lastRun?.result == .running && overSLA ? .late : settled, nextRun: nil, expectedAt: nil,
                missedRuns: 0, overSLA: overSLA)
        }
        let anchor = lastRun?.startedAt ?? monitoringSince
        let slots = Slots(schedule: schedule, anchor: anchor)
        guard let expected = slots.first else {
            return Evaluation(state: settled, nextRun: nil, expectedAt: nil, missedRuns: 0, overSLA: overSLA)
        }
        let awaited = now < expected + job.grace.seconds
        let nextRun = awaited ? expected : slots.after(now)
        if lastRun?.result == .running {
            return Evaluation(
                state: overSLA ? .late : .running, nextRun: nextRun, expectedAt: nil, missedRuns: 0, overSLA: overSLA)
        }
        guard !awaited else {
            return Evaluation(state: settled, nextRun: nextRun, expectedAt: nil, missedRuns: 0, overSLA: overSLA)
        }
        let missed = slots.countPassed(from: expected, now: now, limit: missedLimit)
        return Evaluation(
            state: missed > 0 ? .missed : .late, nextRun: nextRun, expectedAt: expected, missedRuns: missed,
            overSLA: overSLA)
    }

    /// What the last run says when the schedule has nothing to add.
    static func settledState(_ run: JobRunSummary?) -> JobState {
        switch run?.result {
        case nil: .waiting
        case .running?: .running
        case .succeeded?: .succeeded
        default: .failed
        }
    }

    /// The expected start times of a schedule after an anchor.
    struct Slots {
        let schedule: JobSchedule
        let anchor: Date

        var first: Date? {
            switch schedule {
            case .cron(let cron): cron.next(after: anchor)
            case .interval(let interval): anchor + interval.seconds
            }
        }

        /// The first slot after `date`.
        func after(_ date: Date) -> Date? {
            switch schedule {
            case .cron(let cron): return cron.next(after: date)
            case .interval(let interval):
                guard let first else { return nil }
                let step = interval.seconds
                let count = ((date.timeIntervalSince(first)) / step).rounded(.down) + 1
                return first + max(0, count) * step
            }
        }

        /// How many slots from `expected` on were followed by another slot that has begun by `now`.
        func countPassed(from expected: Date, now: Date, limit: Int) -> Int {
            switch schedule {
            case .cron(let cron):
                return cron.fireTimes(after: expected, through: now, limit: limit).count
            case .interval(let interval):
                let passed = Int((now.timeIntervalSince(expected) / interval.seconds).rounded(.down))
                return min(limit, max(0, passed))
            }
        }
    }
}
