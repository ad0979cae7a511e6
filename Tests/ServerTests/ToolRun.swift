import Foundation
import TestSupport

/// Runs an installed tool (promtool, amtool) to its end with `input` on stdin, and returns its exit
/// status and what it wrote.
func runTool(
    _ path: String, _ arguments: [String], input: String = ""
) async throws -> (status: Int32, stdout: String, stderr: String) {
    let output = try await ChildProcess.output(
        path, arguments, environment: ["HOME": FileManager.default.temporaryDirectory.path, "PATH": "/usr/bin:/bin"],
        input: input)
    return (output.status, output.stdout, output.stderr)
}
