import Foundation

/// Runs blocking work (waiting on child processes, polling tmux) on a thread of its own, so it never
/// holds one of the few threads of Swift's cooperative pool that the other tests need.
public enum OwnThread {
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }
}
