import SwitchboardCore

/// Stands in for a probe kind this build cannot run yet, and says so instead of guessing.
public struct UnavailableProbe: Probe {
    public let kind: String

    public init(kind: String) {
        self.kind = kind
    }

    public func run(timeout: Duration) async -> ProbeOutcome {
        .failure(.unsupported, "the \(kind) probe is not available in this build yet")
    }
}
