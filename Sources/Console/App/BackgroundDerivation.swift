import Foundation

/// Work the UI loop starts and background tasks do, of which only the newest counts: each start
/// runs at once in a task of its own, and `take` hands over the newest result finished since the
/// last one taken. A result that finishes after a newer one was taken (or after `discard`) is
/// dropped, so an older snapshot's rows never replace a newer one's.
final class BackgroundDerivation<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    /// The number of the last start.
    private var started = 0
    /// Starts still running.
    private var running = 0
    /// The newest result not taken yet, by the number of its start.
    private var finished: (number: Int, value: Value)?
    /// Results of this start and older ones are dropped.
    private var settled = 0

    /// Starts `work` in the background.
    func start(_ work: @escaping @Sendable () async -> Value) {
        let number = lock.withLock {
            started += 1
            running += 1
            return started
        }
        Task.detached { [self] in
            let value = await work()
            lock.withLock {
                running -= 1
                guard number > settled, number > (finished?.number ?? 0) else { return }
                finished = (number, value)
            }
        }
    }

    /// The newest result finished since the last one taken; nil when none is newer.
    func take() -> Value? {
        lock.withLock {
            guard let result = finished else { return nil }
            finished = nil
            settled = result.number
            return result.value
        }
    }

    /// Drops every result of the starts made so far (what they derive was overtaken).
    func discard() {
        lock.withLock {
            settled = started
            finished = nil
        }
    }

    /// Whether a start is still running.
    var isBusy: Bool { lock.withLock { running > 0 } }
}
