import Foundation
import Synchronization

/// Per check of a timetable: whether a run is going, and the timestamp its last samples carried.
final class RunsInFlight: Sendable {
    private struct Slot {
        var running = false
        var lastStamp = Int64.min
    }

    private let slots: Mutex<[Slot]>

    init(count: Int) {
        slots = Mutex([Slot](repeating: Slot(), count: count))
    }

    /// Marks the check's run as started; false when its previous run is still going.
    func begin(_ index: Int) -> Bool {
        slots.withLock { slots in
            if slots[index].running { return false }
            slots[index].running = true
            return true
        }
    }

    func end(_ index: Int) {
        slots.withLock { $0[index].running = false }
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
}
