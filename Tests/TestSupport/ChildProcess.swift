import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Runs programs for the tests: to completion with their output, or in the background until stopped.
///
/// Spawns with `posix_spawn` and reaps with `waitpid` on the one child: Foundation's `Process` was
/// seen here to leave children unreaped (a quickly exiting `tmux` client, an `amtool` under load), so
/// that `waitUntilExit()`, `isRunning` and `terminationHandler` never ended and the run hung.
public enum ChildProcess {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public struct SpawnError: Error, CustomStringConvertible {
        var code: Int32
        var executable: String
        public var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
    }

    /// Runs `executable` to its end with `input` on stdin (from a file, so that a program that stops
    /// reading early cannot break a pipe); blocks the calling thread.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, input: String? = nil
    ) throws -> Output {
        let directory = FileManager.default.temporaryDirectory
        let stdoutPath = directory.appendingPathComponent("sb-out-\(UUID().uuidString)").path
        let stderrPath = directory.appendingPathComponent("sb-err-\(UUID().uuidString)").path
        let stdinPath = input.map { _ in directory.appendingPathComponent("sb-in-\(UUID().uuidString)").path }
        if let stdinPath, let input { try Data(input.utf8).write(to: URL(filePath: stdinPath)) }
        defer {
            for path in [stdoutPath, stderrPath] + (stdinPath.map { [$0] } ?? []) {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let status = reap(try spawn(executable, arguments, environment, &actions))
        return Output(
            status: status,
            stdout: (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "")
    }

    /// `run` on a thread of its own, so the wait never holds one of the cooperative pool's few threads.
    public static func output(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, input: String? = nil
    ) async throws -> Output {
        try await OwnThread.run { try run(executable, arguments, environment: environment, input: input) }
    }

    /// A program running in the background (a server), stdin from /dev/null and its output appended to
    /// `log` (discarded when nil); `stop()` ends it and reaps it.
    public final class Background: Sendable {
        public let pid: pid_t
        private let exit = Mutex<Int32?>(nil)

        public init(
            _ executable: String, _ arguments: [String], environment: [String: String]? = nil, log: String? = nil
        ) throws {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, log ?? "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0o600)
            pid = try ChildProcess.spawn(executable, arguments, environment, &actions)
        }

        /// Whether it still runs (reaps it when it ended).
        public var isRunning: Bool {
            exit.withLock { exit in
                guard exit == nil else { return false }
                var status: Int32 = 0
                guard waitpid(pid, &status, WNOHANG) == pid else { return true }
                exit = ChildProcess.exitStatus(status)
                return false
            }
        }

        /// Sends `signal` (SIGTERM unless told) and waits for it to end; returns its exit status.
        @discardableResult
        public func stop(_ signal: Int32 = SIGTERM) -> Int32 {
            exit.withLock { exit in
                if let exit { return exit }
                kill(pid, signal)
                let status = ChildProcess.reap(pid)
                exit = status
                return status
            }
        }

        deinit {
            stop(SIGKILL)
        }
    }

    /// Waits for `pid` to end and returns its exit status (128 + the signal that ended it).
    static func reap(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return exitStatus(status)
    }

    static func exitStatus(_ status: Int32) -> Int32 {
        (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// A started program whose stdout is the read end `output`; stdin and stderr are /dev/null.
    public struct Piped {
        public var pid: pid_t
        public var output: Int32
    }

    /// Starts a program with its stdout on a pipe; `newProcessGroup` puts it in a group of its own, so
    /// `kill(-pid, …)` reaches its children too. The caller reaps it and closes `output`.
    public static func startPiped(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
        newProcessGroup: Bool = false
    ) throws -> Piped {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { throw SpawnError(code: errno, executable: executable) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        defer { close(pipe[1]) }
        do {
            return Piped(
                pid: try spawn(executable, arguments, environment, &actions, newProcessGroup: newProcessGroup),
                output: pipe[0])
        } catch {
            close(pipe[0])
            throw error
        }
    }

    /// `posix_spawn` with the arguments and environment (the test's own when nil) as C strings.
    /// `posix_spawn` with the arguments and environment (the test's own when nil) as C strings. The
    /// child starts with no signal blocked and every signal at its default: the spawning thread may be
    /// one of the runtime's, which block some (a child blocking SIGTERM would never stop).
    private static func spawn(
        _ executable: String, _ arguments: [String], _ environment: [String: String]?,
        _ actions: inout posix_spawn_file_actions_t, newProcessGroup: Bool = false
    ) throws -> pid_t {
        let environment = (environment ?? ProcessInfo.processInfo.environment).map { "\($0)=\($1)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        if newProcessGroup {
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        var pid = pid_t()
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard code == 0 else { throw SpawnError(code: code, executable: executable) }
        return pid
    }
}
