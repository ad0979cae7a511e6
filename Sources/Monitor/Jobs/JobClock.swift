import Foundation
import Synchronization

/// Where the jobs engine reads the time and waits: the system clock, or a manual one in tests.
public protocol JobClock: Sendable {
    func now() -> Date
    /// Returns at `date` or later; throws when the task is cancelled.
    func sleep(until date: Date) async throws
}

/// The wall clock.
public struct SystemJobClock: JobClock {
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(until date: Date) async throws {
        let seconds = date.timeIntervalSinceNow
        if seconds > 0 { try await Task.sleep(for: .milliseconds(Int64(seconds * 1000) + 1)) }
    }
}

/// A clock that moves only when told to, for tests of schedules, lateness and missed runs.
public final class ManualJobClock: JobClock {
    private struct State {
        var now: Date
        var sleepers: [(id: UInt64, until: Date, continuation: CheckedContinuation<Void, any Error>)] = []
        var nextID: UInt64 = 0
    }

    private let state: Mutex<State>

    public init(_ start: Date) {
        state = Mutex(State(now: start))
    }

    public func now() -> Date { state.withLock { $0.now } }

    /// The earliest time a sleeper waits for, if any sleeps.
    public var nextWake: Date? { state.withLock { $0.sleepers.map(\.until).min() } }

    /// Moves the time forward and wakes every sleeper whose time has come.
    public func advance(by seconds: TimeInterval) {
        set(now() + seconds)
    }

    public func set(_ date: Date) {
        let woken = state.withLock { state in
            state.now = date
            let due = state.sleepers.filter { $0.until <= date }
            state.sleepers.removeAll { $0.until <= date }
            return due.map(\.continuation)
        }
        for continuation in woken { continuation.resume() }
    }

    public func sleep(until date: Date) async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow = state.withLock { state in
                    if state.now >= date || Task.isCancelled { return true }
                    state.sleepers.append((id, date, continuation))
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let cancelled = state.withLock { state in
                let found = state.sleepers.first { $0.id == id }?.continuation
                state.sleepers.removeAll { $0.id == id }
                return found
            }
            cancelled?.resume(throwing: CancellationError())
        }
        try Task.checkCancellation()
    }
}
