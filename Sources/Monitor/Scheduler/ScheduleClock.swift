/// Where the probe scheduler reads the time and waits: monotonic time since the clock's origin.
/// The program uses ``LoopClock``; tests move a manual clock forward instead of sleeping.
protocol ScheduleClock: Sendable {
    /// Time since the clock's origin; never goes back.
    func now() -> Duration
    /// Returns at `instant` or later; throws `CancellationError` when the task is cancelled first.
    func sleep(until instant: Duration) async throws
}

/// The monotonic clock, waiting on the timer of the event loop the task runs on.
struct LoopClock: ScheduleClock {
    private let origin = ContinuousClock.now

    func now() -> Duration { ContinuousClock.now - origin }

    func sleep(until instant: Duration) async throws {
        try await sleepOnCurrentLoop(for: instant - now())
    }
}
