import Foundation

/// Waits until `condition` holds, for what happens in real time (a process, a socket, a task on
/// another thread): looks every 20 ms, for at most `deadline`. Returns whether it came to hold.
@discardableResult
public func eventually(within deadline: Duration = .seconds(120), _ condition: () throws -> Bool) async rethrows -> Bool
{
    let clock = ContinuousClock()
    let end = clock.now + deadline
    while try !condition() {
        guard clock.now < end else { return false }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return true
}
