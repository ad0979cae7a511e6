import Synchronization

/// Lets at most `limit` tasks through at once; the rest wait in arrival order.
///
/// A lock rather than an actor: a task that finds a free slot (nearly every probe) goes on without
/// hopping to another executor and back, and a waiting task is resumed by the one that leaves.
final class ConcurrencyLimit: Sendable {
    private struct State {
        var running = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
        /// Index of the oldest waiter not yet resumed, so that resuming one does not shift the array.
        var head = 0
    }

    private let limit: Int
    private let state = Mutex(State())

    init(_ limit: Int) {
        precondition(limit > 0, "a concurrency limit must allow at least one task")
        self.limit = limit
    }

    /// How many tasks wait for a slot.
    var waiting: Int {
        state.withLock { $0.waiters.count - $0.head }
    }

    /// Runs `operation` once a slot is free.
    func run<T: Sendable>(_ operation: () async -> T) async -> T {
        await acquire()
        defer { release() }
        return await operation()
    }

    private func acquire() async {
        let admitted = state.withLock { state in
            guard state.running < limit else { return false }
            state.running += 1
            return true
        }
        if admitted { return }
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state in
                // A slot may have come free between the check above and now.
                guard state.running < limit else {
                    state.waiters.append(continuation)
                    return false
                }
                state.running += 1
                return true
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// Hands the slot to the oldest waiter, or frees it.
    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.head < state.waiters.count else {
                state.running -= 1
                return nil
            }
            let waiter = state.waiters[state.head]
            state.head += 1
            if state.head == state.waiters.count {
                state.waiters.removeAll(keepingCapacity: true)
                state.head = 0
            } else if state.head >= 1024, state.head * 2 >= state.waiters.count {
                state.waiters.removeFirst(state.head)
                state.head = 0
            }
            return waiter
        }
        next?.resume()
    }
}
