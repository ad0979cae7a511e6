import Foundation
import SwitchboardCore
import Synchronization

/// Which consoles are attached and what each has open. A console reports on every change of view
/// and every `heartbeat`; one not heard from for `expiry` has gone (closed, or its link died).
public final class PresenceBoard: Sendable {
    /// How often a console reports even when nothing changed.
    public static let heartbeat: Duration = .seconds(10)
    public static let expiry: TimeInterval = 25

    private struct Entry {
        var viewer: Viewer
        var heardAt: Date
        /// The console in the engine's own process: there until it leaves, never expired.
        var pinned: Bool
    }

    private let entries = Mutex<[String: Entry]>([:])

    public init() {}

    /// Records a console's report; true when what the board shows changed.
    @discardableResult
    public func report(_ report: PresenceReport, user: String, pinned: Bool = false, now: Date = Date()) -> Bool {
        entries.withLock { entries in
            let previous = entries[report.console]
            let since = previous?.viewer.viewing == report.viewing ? previous!.viewer.since : now
            let viewer = Viewer(user: user, viewing: report.viewing, since: since)
            entries[report.console] = Entry(viewer: viewer, heardAt: now, pinned: pinned)
            return previous?.viewer != viewer
        }
    }

    /// A console said goodbye; true when it was on the board.
    @discardableResult
    public func leave(console: String) -> Bool {
        entries.withLock { $0.removeValue(forKey: console) != nil }
    }

    /// Drops consoles not heard from for `expiry`; true when any was dropped.
    public func expire(now: Date = Date()) -> Bool {
        entries.withLock { entries in
            let before = entries.count
            entries = entries.filter { $0.value.pinned || now.timeIntervalSince($0.value.heardAt) < Self.expiry }
            return entries.count != before
        }
    }

    /// The attached consoles, by user then view (stable, for the screen).
    public func viewers() -> [Viewer] {
        entries.withLock { $0.values.map(\.viewer) }.sorted { ($0.user, $0.viewing) < ($1.user, $1.viewing) }
    }
}
