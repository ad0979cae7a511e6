import Foundation
import SwitchboardCore

/// Runs one check once: stamps the probe's outcome with the check, start time and duration.
struct CheckRunner: Sendable {
    let owned: OwnedCheck
    let probe: any Probe

    /// Extra time a probe gets past its timeout before the runner gives up on it from outside.
    static let grace: Duration = .milliseconds(250)

    func run() async -> CheckResult {
        let startedAt = Date()
        let clock = ContinuousClock()
        let begin = clock.now
        let timeout = owned.check.timeout
        let outcome =
            await withTimeout(timeout + Self.grace) { await probe.run(timeout: timeout) }
            ?? .failure(.timeout, "no answer within \(DurationParser.format(timeout))")
        return CheckResult(
            checkID: owned.check.id, up: outcome.up, startedAt: startedAt,
            durationSeconds: (clock.now - begin).seconds, errorClass: outcome.errorClass,
            reason: outcome.reason, httpStatus: outcome.httpStatus)
    }
}
