import Foundation
import Synchronization

/// The interfaces' budget trails, each computed at most once every `maxAge`: the snapshot is rebuilt
/// far more often, and the trail's steps are hours long while the history moves by 5-minute buckets.
/// The last point is always the budget left now, so a burst shows at once.
///
/// A trail costs about 3 ms (`switchboard-bench history --slo-interfaces`), so the first trail with
/// points of each interface is taken as computed up to `maxAge` earlier (a fixed share per interface):
/// the interfaces' refreshes spread over the 5 minutes instead of all falling on one snapshot.
public final class SLOBudgetTrailCache: Sendable {
    public static let maxAge: TimeInterval = 300

    private let entries = Mutex([String: (at: Date, points: [Double]?)]())
    private let spreading: Bool

    /// `spreading: false` refreshes every trail `maxAge` after it was first computed (tests).
    public init(spreading: Bool = true) {
        self.spreading = spreading
    }

    /// The points kept for `key` (an interface), or those `compute` gives when they are older than
    /// `maxAge`, from a later time than `now`, or none though there is a budget `left` now (the first
    /// runs came in since); the last point replaced by `left`.
    public func points(of key: String, now: Date, left: Double?, compute: () -> [Double]?) -> [Double]? {
        var points: [Double]?
        let entry = entries.withLock { $0[key] }
        if let entry, now >= entry.at, now.timeIntervalSince(entry.at) < Self.maxAge, entry.points != nil || left == nil
        {
            points = entry.points
        } else {
            points = compute()
            let at = entry?.points == nil && spreading ? now.addingTimeInterval(-Self.offset(of: key)) : now
            entries.withLock { $0[key] = (at, points) }
        }
        if let left, var trail = points, !trail.isEmpty {
            trail[trail.count - 1] = SLOBudgetTrail.rounded(left)
            return trail
        }
        return points
    }

    /// A share of `maxAge` fixed by the key (FNV-1a of its bytes), the same on every run.
    static func offset(of key: String) -> TimeInterval {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Double(hash % 1000) / 1000 * maxAge
    }
}
