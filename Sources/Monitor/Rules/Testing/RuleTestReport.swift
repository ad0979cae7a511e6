/// The outcome of one rule test file: how many test groups passed, and each failure as promtool words it.
public struct RuleTestReport: Sendable {
    public var path: String
    public var passed: Int
    public var failed: Int
    /// Failure messages in promtool's format (indented, without the `FAILED:` header).
    public var errors: [String]

    public var succeeded: Bool { errors.isEmpty }

    /// `Unit Testing:  file` then `  SUCCESS` or `  FAILED:` with the errors, as promtool prints them.
    public var text: String {
        var lines = ["Unit Testing:  \(path)"]
        if succeeded {
            lines.append("  SUCCESS")
        } else {
            lines.append("  FAILED:")
            for error in errors { lines += [error, ""] }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
