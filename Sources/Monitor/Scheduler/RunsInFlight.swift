import Foundation
import Synchronization

/// Per check of a timetable: how many runs are going, and the timestamp its last samples carried.
final class RunsInFlight: Sendable {
    private struct Slot {
        var running = 0
        var capacity = 1
        var lastStamp = Int64.min
    }

    private let slots: Mutex<[Slot]>

    /// One slot per check, each allowing one run at a time.
    convenience init(count: Int) {
        self.init(capacities: [Int](repeating: 1, count: count))
    }

    /// One slot per check, each allowing its capacity of runs at once (a flow's runs overlap).
    init(capacities: [Int]) {
        slots = Mutex(capacities.map { Slot(capacity: max(1, $0)) })
    }

    /// Marks a run of the check as started; false when as many as it may have are still going.
    func begin(_ index: Int) -> Bool {
        slots.withLock { slots in
            if slots[index].running >= slots[index].capacity { return false }
            slots[index].running += 1
            return true
        }
    }

    func end(_ index: Int) {
        slots.withLock { $0[index].running -= 1 }
    }

    /// The timestamp, in milliseconds, for the samples of a run due at `due`: the due time when the
    /// run started within `tolerance` of it (so a series' timestamps keep an even step and compress
    /// to a bit each), else the time it started. Always after the check's previous stamp.
    func stamp(_ index: Int, due: Int64, lateness: Duration, tolerance: Duration) -> Int64 {
        let started = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        return slots.withLock { slots in
            let aligned = lateness <= tolerance && due > slots[index].lastStamp
            let stamp = aligned ? due : max(started, slots[index].lastStamp + 1)
            slots[index].lastStamp = stamp
            return stamp
        }
    }

    /// Gives `body` the timestamp of a run that ended `now`, after the check's previous stamp, and
    /// runs it under the lock, so that the next run's stamp and `body` wait for this one's.
    func stamp(_ index: Int, now: Int64, _ body: (Int64) -> Void) {
        slots.withLock { slots in
            let stamp = max(now, slots[index].lastStamp + 1)
            slots[index].lastStamp = stamp
            body(stamp)
        }
    }
}
