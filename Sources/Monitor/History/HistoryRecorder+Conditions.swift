import Foundation
import SwitchboardCore

/// The time `health.conditions` held each owner DOWN or DEGRADED, from their evaluations: each
/// outcome holds until the next evaluation, its seconds split over the 5-minute buckets it spans.
extension HistoryRecorder {
    /// The longest an outcome holds without a next evaluation (four of the engine's 15-second
    /// intervals): past it (a suspended process, a clock that jumped) the time is not counted.
    static let conditionHoldLimit: TimeInterval = 60

    /// Records the outcome of each owner's conditions evaluated at `now` (owners as
    /// `ConditionBucket.owner(kind:id:)`): the owner's previous outcome held until `now`. Memory only.
    public func record(conditions outcomes: [String: HealthState], at now: Date) {
        buffer.withLock { buffer in
            for (owner, state) in outcomes {
                if let last = buffer.conditionOutcomes[owner] {
                    Self.hold(last.state, of: owner, from: last.at, to: now, in: &buffer)
                }
                buffer.conditionOutcomes[owner] = (state, now)
            }
        }
    }

    /// Adds the span from `from` to `to` (at most `conditionHoldLimit`) to the buckets it falls in.
    private static func hold(_ state: HealthState, of owner: String, from: Date, to: Date, in buffer: inout Buffer) {
        var second = from.timeIntervalSince1970
        let end = min(to.timeIntervalSince1970, second + conditionHoldLimit)
        while second < end {
            let start = CheckBucket.start(of: Int64(second.rounded(.down)))
            let bucketEnd = min(end, Double(start + CheckBucket.seconds))
            buffer.conditions[owner, default: [:]][start, default: empty(owner, start)].add(
                bucketEnd - second, of: state)
            second = bucketEnd
        }
    }

    private static func empty(_ owner: String, _ start: Int64) -> ConditionBucket {
        ConditionBucket(owner: owner, start: start, evaluatedSeconds: 0, downSeconds: 0, degradedSeconds: 0)
    }

    /// Moves the condition buckets to write out of the buffer: those closed by `now`, and with
    /// `includingOpen` (shutdown) every one, each owner's last outcome first held until `now`.
    static func takeConditions(_ buffer: inout Buffer, now: Date, includingOpen: Bool) -> [ConditionBucket] {
        if includingOpen {
            for (owner, last) in buffer.conditionOutcomes where last.at < now {
                hold(last.state, of: owner, from: last.at, to: now, in: &buffer)
                buffer.conditionOutcomes[owner] = (last.state, now)
            }
        }
        let current = CheckBucket.start(of: Int64(now.timeIntervalSince1970.rounded(.down)))
        var taken: [ConditionBucket] = []
        for (owner, buckets) in buffer.conditions {
            let (closed, open) = buckets.values.reduce(into: ([ConditionBucket](), [Int64: ConditionBucket]())) {
                if includingOpen || $1.start < current { $0.0.append($1) } else { $0.1[$1.start] = $1 }
            }
            taken += closed
            buffer.conditions[owner] = open.isEmpty ? nil : open
        }
        return taken
    }

    /// Puts condition buckets whose write failed back, merged with any counted since.
    static func requeue(_ conditions: [ConditionBucket], in buffer: inout Buffer) {
        for bucket in conditions {
            let kept = buffer.conditions[bucket.owner]?[bucket.start]
            buffer.conditions[bucket.owner, default: [:]][bucket.start] = kept.map { $0.merged(with: bucket) } ?? bucket
        }
    }
}
