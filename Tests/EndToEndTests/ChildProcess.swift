import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program to completion and returns its exit status and output.
///
/// Spawns with `posix_spawn` and reaps with `waitpid`: Foundation's `Process` was seen to leave a
/// quickly exiting `tmux` client unreaped here, so that `waitUntilExit()` and `isRunning` never ended.
enum ChildProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct SpawnError: Error, CustomStringConvertible {
        var code: Int32
        var executable: String
        var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
    }

    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil
    ) throws -> Output {
        let directory = FileManager.default.temporaryDirectory
        let stdoutPath = directory.appendingPathComponent("sb-out-\(UUID().uuidString)").path
        let stderrPath = directory.appendingPathComponent("sb-err-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: stdoutPath)
            try? FileManager.default.removeItem(atPath: stderrPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let pid = try spawn(executable, arguments, environment, &actions, nil)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Output(
            status: exitStatus,
            stdout: (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "")
    }

    /// A started program whose stdout is the read end `output`; stdin and stderr are /dev/null.
    struct Piped {
        var pid: pid_t
        var output: Int32
    }

    /// Starts a program with its stdout on a pipe; `newProcessGroup` puts it in a group of its own, so
    /// `kill(-pid, …)` reaches its children too. The caller reaps it and closes `output`.
    static func startPiped(
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
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if newProcessGroup {
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        defer { close(pipe[1]) }
        do {
            return Piped(pid: try spawn(executable, arguments, environment, &actions, &attributes), output: pipe[0])
        } catch {
            close(pipe[0])
            throw error
        }
    }

    /// `posix_spawn` with the arguments and environment (the test's own when nil) as C strings.
    private static func spawn(
        _ executable: String, _ arguments: [String], _ environment: [String: String]?,
        _ actions: inout posix_spawn_file_actions_t, _ attributes: UnsafePointer<posix_spawnattr_t>?
    ) throws -> pid_t {
        let environment = (environment ?? ProcessInfo.processInfo.environment).map { "\($0)=\($1)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let code = posix_spawn(&pid, executable, &actions, attributes, argv, envp)
        guard code == 0 else { throw SpawnError(code: code, executable: executable) }
        return pid
    }
}
