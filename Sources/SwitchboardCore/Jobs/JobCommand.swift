/// A program Switchboard starts for each run of a job.
public struct JobCommand: Sendable, Equatable {
    /// The program and its arguments; with `shell`, one script for `/bin/sh -c`.
    public var arguments: [String]
    /// Run `arguments[0]` through `/bin/sh -c` (pipes, redirections, `&&`).
    public var shell: Bool
    public var environment: [String: String]
    public var workingDirectory: String?
    /// A run past this is killed (SIGTERM, then SIGKILL) and counted as failed.
    public var timeout: Duration?
    public var overlap: OverlapPolicy

    public init(
        arguments: [String], shell: Bool = false, environment: [String: String] = [:],
        workingDirectory: String? = nil, timeout: Duration? = nil, overlap: OverlapPolicy = .skip
    ) {
        self.arguments = arguments
        self.shell = shell
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.timeout = timeout
        self.overlap = overlap
    }

    /// What runs: the arguments, or `/bin/sh -c script` with `shell`.
    public var argv: [String] {
        shell ? ["/bin/sh", "-c", arguments.joined(separator: " ")] : arguments
    }
}

/// What happens when a run is due while the previous one still runs.
public enum OverlapPolicy: String, Sendable, Equatable, CaseIterable {
    /// The due run is not started (and counts as missed if no run covers its slot).
    case skip
    /// The due run starts when the running one ends; at most one waits.
    case queue
}
