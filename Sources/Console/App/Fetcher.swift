import Foundation

/// A query the UI loop starts and a background task answers: at most one in flight, the answers
/// left in order for the loop to take, each with the key it was asked for.
final class Fetcher<Key: Sendable & Equatable, Value: Sendable>: @unchecked Sendable {
    enum Answer {
        case value(Value)
        case failure(String)
    }

    private let lock = NSLock()
    private var inFlight = false
    private var answers: [(key: Key, answer: Answer)] = []

    /// Starts `work` unless a fetch is already running; returns whether it started.
    @discardableResult
    func start(_ key: Key, _ work: @escaping @Sendable () async throws -> Value) -> Bool {
        let started = lock.withLock {
            guard !inFlight else { return false }
            inFlight = true
            return true
        }
        guard started else { return false }
        Task.detached { [self] in
            let answer: Answer
            do {
                answer = .value(try await work())
            } catch {
                answer = .failure(String(describing: error))
            }
            lock.withLock {
                answers.append((key, answer))
                inFlight = false
            }
        }
        return true
    }

    /// Whether a fetch is running.
    var isBusy: Bool { lock.withLock { inFlight } }

    /// The answers that arrived since the last call, oldest first.
    func takeAll() -> [(key: Key, answer: Answer)] {
        lock.withLock {
            defer { answers.removeAll() }
            return answers
        }
    }
}
