import Foundation
import Synchronization

/// The interfaces' budget trails, each computed at most once every `maxAge`: the snapshot is rebuilt
/// far more often, and the trail's steps are hours long while the history moves by 5-minute buckets.
/// The last point is always the budget left now, so a burst shows at once.
public final class SLOBudgetTrailCache: Sendable {
    public static let maxAge: TimeInterval = 300

    private let entries = Mutex([String: (at: Date, points: [Double]?)]())

    public init() {}

    /// The points kept for `key` (an interface), or those `compute` gives when they are older than
    /// `maxAge`, from a later time than `now`, or none though there is a budget `left` now (the first
    /// runs came in since); the last point replaced by `left`.
    public func points(of key: String, now: Date, left: Double?, compute: () -> [Double]?) -> [Double]? {
        var points: [Double]?
        if let entry = entries.withLock({ $0[key] }), now >= entry.at, now.timeIntervalSince(entry.at) < Self.maxAge,
            entry.points != nil || left == nil
        {
            points = entry.points
        } else {
            points = compute()
            entries.withLock { $0[key] = (now, points) }
        }
        if let left, var trail = points, !trail.isEmpty {
            trail[trail.count - 1] = SLOBudgetTrail.rounded(left)
            return trail
        }
        return points
    }
}
