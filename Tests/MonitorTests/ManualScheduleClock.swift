import Foundation

@testable import Monitor

/// The scheduler's time on a `ManualJobClock`, in whole milliseconds from the reference date: it
/// moves only when the test advances it.
struct ManualScheduleClock: ScheduleClock {
    let manual = ManualJobClock(Date(timeIntervalSinceReferenceDate: 0))

    func now() -> Duration { Self.instant(manual.now()) }

    func sleep(until instant: Duration) async throws {
        try await manual.sleep(until: Self.date(instant))
    }

    func advance(to instant: Duration) { manual.set(Self.date(instant)) }

    /// The earliest instant a sleeper waits for.
    var nextWake: Duration? { manual.nextWake.map(Self.instant) }

    private static func date(_ instant: Duration) -> Date {
        Date(timeIntervalSinceReferenceDate: Double(instant.milliseconds) / 1000)
    }

    private static func instant(_ date: Date) -> Duration {
        .milliseconds(Int64((date.timeIntervalSinceReferenceDate * 1000).rounded()))
    }
}
