import Foundation
import Synchronization

/// The interfaces' budget trails, each computed at most once every `maxAge`: the snapshot is rebuilt
/// far more often, and the trail's steps are hours long while the history moves by 5-minute buckets.
final class SLOBudgetTrailCache: Sendable {
    static let maxAge: TimeInterval = 300

    private let entries = Mutex([String: (at: Date, points: [Double]?)]())

    /// The points kept for `key` (an interface), or those `compute` gives when they are older than
    /// `maxAge`, from a later time than `now`, or none while `hasRuns` (the first runs came in since).
    func points(of key: String, now: Date, hasRuns: Bool, compute: () -> [Double]?) -> [Double]? {
        if let entry = entries.withLock({ $0[key] }), now >= entry.at, now.timeIntervalSince(entry.at) < Self.maxAge,
            entry.points != nil || !hasRuns
        {
            return entry.points
        }
        let points = compute()
        entries.withLock { $0[key] = (now, points) }
        return points
    }
}
