import SwitchboardCore

/// One finished run of a check: its result, the samples it produced, and how late it started.
public struct ProbeRun: Sendable {
    public var result: CheckResult
    /// `probe_success`, `probe_duration_seconds` and the probe's own samples, labelled with
    /// `system`, `interface` (for interface checks), `check` and `kind`.
    public var samples: [Sample]
    /// How long after its due time the run started (nil for runs outside the schedule).
    public var lateness: Duration?
}
