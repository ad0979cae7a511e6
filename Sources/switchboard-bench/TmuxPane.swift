import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One program in a detached tmux session on a tmux server of the benchmark's own (`-L`), so that
/// the user's sessions and the end-to-end tests are never touched.
struct TmuxPane {
    let socket: String
    let session: String

    /// Starts `command` (run with `exec`, so the pane's process is the program itself) in a new
    /// session of `columns` x `rows`.
    static func start(
        _ command: String, name: String, columns: Int, rows: Int, socket: String = "sb-bench-\(getpid())"
    ) throws -> TmuxPane {
        let pane = TmuxPane(socket: socket, session: name)
        try pane.tmux([
            "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", String(columns), "-y", String(rows),
            "exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color " + command,
        ])
        return pane
    }

    /// The process running in the pane.
    func pid() throws -> pid_t {
        guard let pid = pid_t(try tmux(["display-message", "-p", "-t", session, "#{pane_pid}"])) else {
            throw TmuxError.failed("no pane_pid for \(session)")
        }
        return pid
    }

    func sendKeys(_ keys: String) throws {
        try tmux(["send-keys", "-t", session, keys])
    }

    /// The pane's text as it shows now.
    func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", session])
    }

    /// Appends every byte the program writes to the terminal to `path`, until `stopPiping`.
    func pipe(to path: String) throws {
        try tmux(["pipe-pane", "-o", "-t", session, "cat >> '\(path)'"])
    }

    func stopPiping() throws {
        try tmux(["pipe-pane", "-t", session])
    }

    func kill() {
        _ = try? tmux(["kill-session", "-t", session])
    }

    /// Polls the screen until `predicate` holds; false after `timeout` seconds.
    func waitFor(timeout: Double, _ predicate: (String) -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if predicate(try capture()) { return true }
            usleep(50_000)
        }
        return false
    }

    /// Stops the benchmark's tmux server and everything still running in it.
    static func killServer(socket: String = "sb-bench-\(getpid())") {
        _ = try? TmuxPane(socket: socket, session: "").tmux(["kill-server"])
    }

    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    /// Runs one tmux client and waits for it (posix_spawn and waitpid: Foundation's `Process` missed
    /// the client's exit here). Its output goes through a file: the first client starts the server,
    /// which keeps a copy of the client's standard output open, so a pipe would never reach its end.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sb-bench-tmux-\(getpid())").path
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["/usr/bin/tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let code = posix_spawn(&pid, "/usr/bin/tmux", &actions, nil, argv, environ)
        guard code == 0 else { throw TmuxError.failed("tmux did not start (\(code))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        guard status == 0 else {
            throw TmuxError.failed("tmux \(arguments.prefix(2).joined(separator: " ")) failed (status \(status))")
        }
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        return text.trimmingCharacters(in: .newlines)
    }
}

enum TmuxError: Error, CustomStringConvertible {
    case failed(String)

    var description: String {
        switch self {
        case .failed(let message): message
        }
    }
}
