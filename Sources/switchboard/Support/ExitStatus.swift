import ArgumentParser

/// The exit codes of every command, so a script reads them alike (README, Commands):
/// 0 done, 1 done and the answer is no, 2 bad input, 3 the state database is unusable.
enum ExitStatus {
    /// The command ran and the answer is no: a check is down or a `down` health condition holds, a run
    /// or a rule test failed.
    static let failed = ExitCode(1)
    /// Bad input, nothing changed: an invalid config, option value, matcher, duration or regex, an
    /// unknown id.
    static let badInput = ExitCode(2)
    /// The state directory's database cannot be used (locked, read-only, corrupt, newer); it is
    /// named and never replaced.
    static let stateUnusable = ExitCode(3)
}
