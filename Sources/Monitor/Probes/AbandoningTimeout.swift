import Synchronization

/// Runs `operation` and returns its result, or nil once `timeout` has passed, without waiting for an
/// operation that cannot be cancelled (a blocking `getaddrinfo` on a pool thread) to finish.
///
/// Unlike `withTimeout`, which cancels and then waits, this leaves such an operation running to its own end.
func withAbandoningTimeout<T: Sendable>(
    _ timeout: Duration, _ operation: @escaping @Sendable () async -> T
) async -> T? {
    let timer = Mutex<Task<Void, Never>?>(nil)
    let result: T? = await withCheckedContinuation { continuation in
        let resume = ResumeOnce(continuation)
        Task { resume(await operation()) }
        timer.withLock {
            $0 = Task {
                try? await Task.sleep(for: timeout)
                resume(nil)
            }
        }
    }
    timer.withLock { $0?.cancel() }
    return result
}

/// Resumes a continuation with the first value it is given and ignores the rest.
private final class ResumeOnce<T: Sendable>: Sendable {
    private let continuation: Mutex<CheckedContinuation<T?, Never>?>

    init(_ continuation: CheckedContinuation<T?, Never>) {
        self.continuation = Mutex(continuation)
    }

    func callAsFunction(_ value: T?) {
        continuation.withLock { pending in
            pending?.resume(returning: value)
            pending = nil
        }
    }
}
