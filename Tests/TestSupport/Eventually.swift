import Foundation

/// How long a test waits for what happens in real time before it fails. Only a failing test waits
/// this long: the suite runs its tests side by side on two cores, beside other builds, and a
/// waiting test can go minutes without a turn on the task pool.
public let failureDeadline: Duration = .seconds(300)

/// Waits until `condition` holds, for what happens in real time (a process, a socket, a task on
/// another thread): looks every 20 ms, for at most `deadline`. Returns whether it came to hold.
@discardableResult
public func eventually(
    within deadline: Duration = failureDeadline, _ condition: () async throws -> Bool
) async rethrows -> Bool {
    let clock = ContinuousClock()
    let end = clock.now + deadline
    while try await !condition() {
        guard clock.now < end else { return false }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return true
}

/// Polls `attempt` every 20 ms until `done` accepts its value or `deadline` passes, and returns the
/// last value seen (so that a failed expectation can show it).
public func polled<Value>(
    within deadline: Duration = failureDeadline, _ attempt: () async throws -> Value, until done: (Value) -> Bool
) async throws -> Value {
    let clock = ContinuousClock()
    let end = clock.now + deadline
    var value = try await attempt()
    while !done(value), clock.now < end {
        try await Task.sleep(for: .milliseconds(20))
        value = try await attempt()
    }
    return value
}
