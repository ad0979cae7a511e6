import NIOConcurrencyHelpers

/// The time the fault timeline is read at: how long the demo has been running.
///
/// Servers ask the clock on every request, so tests can move time with ``ManualDemoClock``
/// and ask "what does the ERP's SOAP endpoint do at t = 42 s" without waiting 42 seconds.
public protocol DemoClock: Sendable {
    /// Time elapsed since the demo started.
    func elapsed() -> Duration
}

/// Wall-clock time since the clock was made (monotonic, immune to clock changes).
public struct RunningDemoClock: DemoClock {
    private let start: ContinuousClock.Instant

    public init() {
        start = ContinuousClock.now
    }

    public func elapsed() -> Duration {
        ContinuousClock.now - start
    }
}

/// A clock that stands still until it is set or advanced; for tests.
///
/// ```swift
/// let clock = ManualDemoClock()
/// let demo = try await DemoLandscape.start(seed: 1, clock: clock)
/// clock.set(.seconds(42))
/// ```
public final class ManualDemoClock: DemoClock {
    private let now: NIOLockedValueBox<Duration>

    public init(_ elapsed: Duration = .zero) {
        now = NIOLockedValueBox(elapsed)
    }

    public func elapsed() -> Duration {
        now.withLockedValue { $0 }
    }

    public func set(_ elapsed: Duration) {
        now.withLockedValue { $0 = elapsed }
    }

    public func advance(by duration: Duration) {
        now.withLockedValue { $0 += duration }
    }
}
