import CNcurses
import Foundation
import SwitchboardCore

/// Checks, before the screen is touched, that the console can run here, so that a wrong
/// `TERM` or a pipe gives one clear line instead of a garbage screen or ncurses' `exit(1)`.
enum TerminalCheck {
    /// What the check looks at, gathered from the process or given by a test.
    struct Facts: Sendable {
        var standardInputIsTerminal: Bool
        var standardOutputIsTerminal: Bool
        var term: String?
        /// 1 when the terminal type is known and can address the cursor, 0 when known but it
        /// cannot, -1 when no terminfo entry describes it.
        var cursorAddressing: @Sendable (String) -> Int32
    }

    static func verify(_ facts: Facts) throws {
        guard facts.standardInputIsTerminal else {
            throw ConsoleError(
                "switchboard: standard input is not a terminal; run the console in an interactive terminal")
        }
        guard facts.standardOutputIsTerminal else {
            throw ConsoleError(
                "switchboard: standard output is not a terminal; run the console in an interactive terminal")
        }
        guard let term = facts.term, !term.isEmpty else {
            throw ConsoleError("switchboard: TERM is not set; set it to your terminal's type, such as xterm-256color")
        }
        let safeTerm = TerminalText.clean(term)
        switch facts.cursorAddressing(term) {
        case 1:
            return
        case 0:
            throw ConsoleError(
                "switchboard: TERM=\(safeTerm) cannot address the cursor; use a terminal such as xterm-256color")
        default:
            throw ConsoleError(
                "switchboard: TERM=\(safeTerm) is not a terminal type known here (no terminfo entry); "
                    + "use a terminal such as xterm-256color")
        }
    }

    /// The facts of the running process.
    static func currentFacts() -> Facts {
        Facts(
            standardInputIsTerminal: isatty(STDIN_FILENO) == 1,
            standardOutputIsTerminal: isatty(STDOUT_FILENO) == 1,
            term: ProcessInfo.processInfo.environment["TERM"],
            cursorAddressing: { term in term.withCString { sb_term_can_address_cursor($0) } })
    }
}
