import SwitchboardCore

/// The snapshots consoles hold, kept as the bases of their next deltas: the newest few versions
/// served, and each whole snapshot served for a while after, so that a console whose download and
/// decoding of a whole snapshot outlasts several versions (a slow link, a busy machine) still
/// catches up by a delta instead of fetching everything again, and again.
struct ServedVersions {
    /// How many of the newest versions are kept.
    let recentCount: Int
    /// How long a whole snapshot stays a base after it was last served.
    let wholeLifetime: Duration
    /// How many whole snapshots are kept at most (the oldest served goes first).
    let wholeCount: Int

    private var recent: [Snapshot] = []
    private var wholes: [(snapshot: Snapshot, servedAt: ContinuousClock.Instant)] = []

    init(recentCount: Int = 4, wholeLifetime: Duration = .seconds(30), wholeCount: Int = 4) {
        self.recentCount = recentCount
        self.wholeLifetime = wholeLifetime
        self.wholeCount = wholeCount
    }

    /// Keeps `snapshot`, just sent to a console (`whole` when sent entire rather than as a delta).
    mutating func remember(_ snapshot: Snapshot, whole: Bool, at now: ContinuousClock.Instant) {
        if let index = recent.lastIndex(where: { $0.version == snapshot.version }) {
            recent[index] = snapshot
        } else {
            recent.append(snapshot)
            if recent.count > recentCount { recent.removeFirst(recent.count - recentCount) }
        }
        guard whole else { return }
        wholes.removeAll { $0.snapshot.version == snapshot.version }
        wholes.append((snapshot, now))
        if wholes.count > wholeCount { wholes.removeFirst(wholes.count - wholeCount) }
    }

    /// The snapshot of `version`, if it is still kept at `now`.
    mutating func base(_ version: UInt64, at now: ContinuousClock.Instant) -> Snapshot? {
        wholes.removeAll { now - $0.servedAt > wholeLifetime }
        return recent.last { $0.version == version } ?? wholes.last { $0.snapshot.version == version }?.snapshot
    }
}
