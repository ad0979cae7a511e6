import Foundation
import PromQL
import SwitchboardCore

/// Runs one check once: stamps the probe's outcome with the check, start time and duration.
struct CheckRunner: Sendable {
    let owned: OwnedCheck
    let probe: any Probe

    /// Extra time a probe gets past its timeout before the runner gives up on it from outside.
    static let grace: Duration = .milliseconds(250)

    /// The labels every sample of this check carries.
    let labels: Labels

    /// How many runs of this check may be in flight at once: 1, except for a flow, whose runs poll
    /// for up to `within` and overlap (see `FlowProbeSettings.maxRunsInFlight`).
    var maxRunsInFlight: Int {
        guard case .flow(let flow) = owned.check.probe else { return 1 }
        return flow.maxRunsInFlight(interval: owned.check.interval)
    }

    init(owned: OwnedCheck, probe: any Probe) {
        self.owned = owned
        self.probe = probe
        var labels: Labels = ["system": owned.system, "check": owned.check.id, "kind": owned.check.probe.kind]
        labels["interface"] = owned.interface
        self.labels = labels
    }

    /// Runs the probe once. Its samples carry `sampleTime` (milliseconds since 1970) when given, the
    /// time the run started otherwise.
    func run(lateness: Duration? = nil, sampleTime: Int64? = nil) async -> ProbeRun {
        let startedAt = Date()
        let clock = ContinuousClock()
        let begin = clock.now
        let timeout = owned.check.timeout
        let outcome: ProbeOutcome
        if probe.enforcesTimeout {
            outcome = await probe.run(timeout: timeout)
        } else {
            outcome =
                await withTimeout(timeout + Self.grace) { await probe.run(timeout: timeout) }
                ?? .failure(.timeout, ProbeWords.timedOut(timeout))
        }
        let took = clock.now - begin
        let duration = took.seconds
        let result = CheckResult(
            checkID: owned.check.id, up: outcome.up, startedAt: startedAt, durationSeconds: duration,
            errorClass: outcome.errorClass, reason: outcome.reason, httpStatus: outcome.httpStatus,
            flow: outcome.flow)
        let timestamp = sampleTime ?? Int64(startedAt.timeIntervalSince1970 * 1000)
        var samples = [
            Sample("probe_success", labels, outcome.up ? 1 : 0, timestampMilliseconds: timestamp),
            Sample("probe_duration_seconds", labels, took.probeSeconds, timestampMilliseconds: timestamp),
        ]
        for var sample in outcome.samples {
            sample.labels = sample.labels.merging(labels)
            sample.timestampMilliseconds = sample.timestampMilliseconds ?? timestamp
            samples.append(sample)
        }
        return ProbeRun(result: result, samples: samples, lateness: lateness)
    }
}
