import Foundation
import Subprocess
import SwitchboardCore

/// Runs a program without a shell; exit code 0 means up. The output (stdout and stderr together,
/// the first 64 KiB) gives the reason: its first lines, or the exit code when it printed nothing.
///
/// A program past the timeout is killed (SIGKILL) and reported as `timeout`. A program that cannot be
/// started is an `io` failure that names it.
public struct CommandProbe: Probe {
    public let settings: CommandProbeSettings

    /// Output kept for the reason; the rest is read and dropped so the program never blocks on a full pipe.
    static let maxOutputBytes = 64 * 1024
    /// The longest reason taken from the output.
    static let maxReasonLength = 200

    public init(settings: CommandProbeSettings) {
        self.settings = settings
    }

    public func run(timeout: Duration) async -> ProbeOutcome {
        guard let program = settings.arguments.first, !program.isEmpty else {
            return .failure(.io, "empty command")
        }
        let outcome = await withTimeout(timeout) { await self.execute(program) }
        return outcome ?? .failure(.timeout, "\(program) killed after \(DurationParser.format(timeout))")
    }

    private func execute(_ program: String) async -> ProbeOutcome {
        let executable: Executable = program.contains("/") ? .path(.init(program)) : .name(program)
        do {
            let result = try await Subprocess.run(
                executable, arguments: Arguments(Array(settings.arguments.dropFirst())), input: .none,
                output: .sequence, error: .combinedWithOutput
            ) { execution in
                var kept: [UInt8] = []
                for try await buffer in execution.standardOutput {
                    guard kept.count < Self.maxOutputBytes else { continue }
                    buffer.withUnsafeBytes { kept += $0.prefix(Self.maxOutputBytes - kept.count) }
                }
                return kept
            }
            return Self.judge(result.terminationStatus, output: String(decoding: result.closureResult, as: UTF8.self))
        } catch is CancellationError {
            return .failure(.timeout, "\(program) was stopped")
        } catch let error as SubprocessError where error.code == .executableNotFound {
            return .failure(.io, "cannot run \(program): no such program")
        } catch {
            return .failure(.io, "cannot run \(program): \(error)")
        }
    }

    static func judge(_ status: TerminationStatus, output: String) -> ProbeOutcome {
        switch status {
        case .exited(let code):
            let sample = Sample("probe_command_exit_code", [:], Double(code))
            let reason = summary(of: output) ?? "exit code \(code)"
            return code == 0
                ? .success(reason, samples: [sample])
                : .failure(
                    .assertion, summary(of: output).map { "exit code \(code): \($0)" } ?? reason, samples: [sample])
        case .signaled(let signal):
            return .failure(.io, "killed by signal \(signal)" + (summary(of: output).map { ": \($0)" } ?? ""))
        }
    }

    /// The first non-empty lines of `output`, trimmed and joined with ` / `, at most 200 characters.
    static func summary(of output: String) -> String? {
        let lines = output.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard !lines.isEmpty else { return nil }
        let joined = lines.prefix(3).joined(separator: " / ")
        return joined.count <= maxReasonLength ? joined : String(joined.prefix(maxReasonLength - 1)) + "…"
    }
}
