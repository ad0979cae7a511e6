import Foundation
import PromQL
import SwitchboardCore

/// The runs of one check as the store keeps them: its `probe_success` and `probe_duration_seconds`
/// samples, joined on their timestamps. The store is the one copy of a check's latencies; the
/// statistics and charts read them back from it.
enum StoredRuns {
    /// The check's runs from `start` through `end` (milliseconds since 1970), oldest first.
    static func read(_ labels: Labels, from store: SeriesStore, since start: Int64, through end: Int64) -> [RecentRun] {
        let successes = store.points(name: "probe_success", labels: labels, from: start, through: end)
        let durations = store.points(name: "probe_duration_seconds", labels: labels, from: start, through: end)
        var runs: [RecentRun] = []
        runs.reserveCapacity(min(successes.count, durations.count))
        var next = successes.startIndex
        for duration in durations {
            while next < successes.endIndex, successes[next].timestampMilliseconds < duration.timestampMilliseconds {
                next += 1
            }
            guard next < successes.endIndex, successes[next].timestampMilliseconds == duration.timestampMilliseconds
            else { continue }
            runs.append(
                RecentRun(
                    at: Date(timeIntervalSince1970: TimeInterval(duration.timestampMilliseconds) / 1000),
                    seconds: duration.value, up: successes[next].value == 1))
        }
        return runs
    }
}
