import Foundation

/// Polls `attempt` every 20 ms until `done` accepts its value or `seconds` pass, and returns the
/// last value seen (so that a failed expectation can show it).
func poll<Value>(
    within seconds: Double = 30, _ attempt: () async throws -> Value, until done: (Value) -> Bool
) async throws -> Value {
    let deadline = Date().addingTimeInterval(seconds)
    var value = try await attempt()
    while !done(value), Date() < deadline {
        try await Task.sleep(for: .milliseconds(20))
        value = try await attempt()
    }
    return value
}
