import Foundation
import TestSupport

/// A tmux server of its own running one command in a detached window: the test's terminal.
///
/// `capture()` returns what a user would see; `send` types keys. The window stays after the command
/// exits (`remain-on-exit`) so the test can read what was left on the screen.
final class TmuxSession: Sendable {
    let socket = "switchboard-e2e-\(UUID().uuidString.prefix(8))"

    init(command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        let exports = environment.map { "export \($0)=\(Self.quote($1));" }.joined(separator: " ")
        let script =
            "\(exports) \(command); echo \"[exit=$?]\"; stty -a | tr ' ' '\\n' | grep -x -e echo -e -echo -e icanon -e -icanon | tr '\\n' ' '; echo; sleep 600"
        let socket = socket
        func tmux(_ arguments: [String]) throws -> String { try Self.tmux(socket, arguments) }
        _ = try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "sh", "-c", script])
        _ = try tmux(["set-option", "-g", "remain-on-exit", "on"])
        _ = try tmux(["set-option", "-g", "escape-time", "10"])
        panePID = pid_t(
            try tmux(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The shell of the pane, leader of the process group the command runs in.
    private let panePID: pid_t?

    /// Hangs up on the command, as a closed terminal does, then ends the server. (`kill-server`
    /// alone was seen to leave a console running with its server under load.)
    deinit {
        if let panePID, panePID > 1 { kill(-panePID, SIGHUP) }
        _ = try? tmux(["kill-server"])
    }

    /// The visible screen as plain text, one string per row.
    func capture() throws -> [String] {
        var rows = try tmux(["capture-pane", "-p"]).components(separatedBy: "\n")
        if rows.last == "" { rows.removeLast() }
        return rows
    }

    /// The visible screen with its SGR escape sequences (colours, bold, reverse).
    func captureWithStyles() throws -> String {
        try tmux(["capture-pane", "-p", "-e"])
    }

    func send(_ keys: String...) throws {
        try tmux(["send-keys"] + keys)
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `condition` holds or `timeout` passes; returns the last screen seen.
    @discardableResult
    func waitFor(
        timeout: TimeInterval = 180, _ what: String, _ condition: ([String]) -> Bool
    ) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = try capture()
        while !condition(screen) {
            guard Date() < deadline else {
                throw Timeout(what: what, screen: screen.joined(separator: "\n"))
            }
            Thread.sleep(forTimeInterval: 0.2)
            screen = try capture()
        }
        return screen
    }

    struct Timeout: Error, CustomStringConvertible {
        var what: String
        var screen: String
        var description: String { "timed out waiting for \(what); the screen was:\n\(screen)" }
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        try Self.tmux(socket, arguments)
    }

    private static func tmux(_ socket: String, _ arguments: [String]) throws -> String {
        try ChildProcess.run(tmuxPath!, ["-L", socket] + arguments).stdout
    }

    static let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static func quote(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// The `switchboard` binary built beside the test bundle.
enum BuiltBinary {
    static var path: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("switchboard").path
    }
}
