import Foundation
import Subprocess
import SwitchboardCore

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// Runs one run of a command job: no shell unless the job asks for one, its own session (so a
/// timeout ends the whole process group), stdout and stderr read line by line into a `RunRecorder`.
struct CommandRunner {
    let command: JobCommand
    let clock: any JobClock
    var maxLineBytes = 64 * 1024

    /// How a run ended, before it is written to the store.
    struct Outcome: Sendable, Equatable {
        var result: JobRunResult
        var exitCode: Int?
        var message: String?
    }

    func run(into recorder: RunRecorder) async -> Outcome {
        let argv = command.argv
        guard let program = argv.first, !program.isEmpty else {
            return Outcome(result: .notStarted, message: "empty command")
        }
        if let timeout = command.timeout {
            let finished = await withTaskGroup(of: Outcome?.self) { group in
                group.addTask { await execute(argv, recorder: recorder) }
                group.addTask { [clock] in
                    try? await clock.sleep(until: clock.now() + timeout.seconds)
                    return nil
                }
                let first = await group.next() ?? nil
                group.cancelAll()
                return first
            }
            if let finished { return finished }
            try? recorder.flush(at: clock.now())
            return Outcome(result: .timedOut, message: "\(program) killed after \(DurationParser.format(timeout))")
        }
        return await execute(argv, recorder: recorder)
    }

    private func execute(_ argv: [String], recorder: RunRecorder) async -> Outcome {
        let program = argv[0]
        let executable: Executable = program.contains("/") ? .path(FilePath(program)) : .name(program)
        var options = PlatformOptions()
        options.createSession = true
        options.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: .seconds(2))]
        var environment = Environment.inherit
        if !command.environment.isEmpty {
            var overrides: [Environment.Key: String?] = [:]
            for (name, value) in command.environment { overrides[Environment.Key(stringLiteral: name)] = value }
            environment = environment.updating(overrides)
        }
        let clock = self.clock
        let maxLineBytes = self.maxLineBytes
        // A script written a moment ago can still be open for writing in another process that is
        // being forked (ETXTBSY): try again shortly rather than fail the run.
        var attempt = 0
        while true {
            attempt += 1
            do {
                let result = try await Subprocess.run(
                    executable, arguments: Arguments(Array(argv.dropFirst())), environment: environment,
                    workingDirectory: command.workingDirectory.map { FilePath($0) }, platformOptions: options,
                    input: .none, output: .sequence, error: .sequence
                ) { execution in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            try await Self.pump(execution.standardOutput, .stdout, recorder, clock, maxLineBytes)
                        }
                        group.addTask {
                            try await Self.pump(execution.standardError, .stderr, recorder, clock, maxLineBytes)
                        }
                        try await group.waitForAll()
                    }
                }
                try recorder.flush(at: clock.now())
                switch result.terminationStatus {
                case .exited(let code):
                    return Outcome(result: code == 0 ? .succeeded : .failed, exitCode: Int(code))
                case .signaled(let signal):
                    return Outcome(result: .failed, message: "killed by signal \(signal)")
                }
            } catch let error as SubprocessError where error.underlyingError?.rawValue == ETXTBSY && attempt < 6 {
                try? await Task.sleep(for: .milliseconds(25 * attempt))
                continue
            } catch is CancellationError {
                try? recorder.flush(at: clock.now())
                return Outcome(result: .abandoned, message: "\(program) was stopped")
            } catch let error as SubprocessError where error.code == .executableNotFound {
                return Outcome(result: .notStarted, message: "cannot run \(program): no such program")
            } catch let error as SubprocessError where error.code == .failedToChangeWorkingDirectory {
                return Outcome(
                    result: .notStarted,
                    message: "cannot run \(program): no working directory \(command.workingDirectory ?? "")")
            } catch {
                try? recorder.flush(at: clock.now())
                return Outcome(result: .notStarted, message: "cannot run \(program): \(error)")
            }
        }
    }

    private static func pump(
        _ sequence: SubprocessOutputSequence, _ stream: JobLogLine.Stream, _ recorder: RunRecorder,
        _ clock: any JobClock, _ maxLineBytes: Int
    ) async throws {
        var splitter = LineSplitter(maxLineBytes: maxLineBytes)
        for try await buffer in sequence {
            let lines = buffer.withUnsafeBytes { splitter.feed($0) }
            if !lines.isEmpty { try recorder.ingest(lines, stream: stream, at: clock.now()) }
        }
        if let last = splitter.finish() { try recorder.ingest([last], stream: stream, at: clock.now()) }
    }
}
