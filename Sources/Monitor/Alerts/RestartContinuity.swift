import Foundation
import SwitchboardCore

/// What keeps a restart from resolving alerts because their data has not arrived yet.
///
/// The alerts that were pending or firing when the engine stopped are *held* (see
/// `AlertQueue.update(alerts:topology:now:held:)`) until every check has reported once since the start
/// (or `dataLimit` has passed, for a check that never reports), and every rule group has then been
/// evaluated once and had its alerts' `for` state restored. From then on the rules' word is final.
struct RestartContinuity: Sendable {
    /// How long the engine waits for every check at most before taking the data it has as complete.
    static let dataLimit: TimeInterval = 600

    private var restored: Set<AlertID>
    private var startedAt: Date?
    private var arrived = false

    init(restored: some Sequence<AlertID>) {
        self.restored = Set(restored)
    }

    /// True at the one tick at which the data that decides the restored alerts has arrived: every check
    /// has reported (`checks`), or `dataLimit` has passed since the first tick.
    mutating func dataArrives(checks: CheckProgress, now: Date) -> Bool {
        guard !arrived else { return false }
        let start = startedAt ?? now
        startedAt = start
        arrived = checks.isComplete || now.timeIntervalSince(start) >= Self.dataLimit
        return arrived
    }

    /// Whether some restored alert may still be held.
    var isHolding: Bool { !restored.isEmpty }

    /// The alerts the queue holds at this evaluation: the restored ones while some group is `restoring`;
    /// none, ever again, once every group has been restored after the data arrived.
    mutating func held(restoring: Bool) -> Set<AlertID> {
        if arrived, !restoring { restored = [] }
        return restored
    }
}
