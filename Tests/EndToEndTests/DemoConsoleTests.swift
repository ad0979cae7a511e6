import Foundation
import TestSupport
import Testing

/// The real binary's `demo` in tmux: what a user sees, the keys they press, the terminal they get back.
@Suite(.serialized, .enabled(if: TmuxSession.tmuxPath != nil, "tmux is not installed"))
struct DemoConsoleTests {
    static let utf8 = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]

    static func demo(term: String, environment: [String: String] = utf8, width: Int = 100, height: Int = 30) throws
        -> TmuxSession
    {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("sb-e2e-\(UUID().uuidString)").path
        var environment = environment
        environment["TERM"] = term
        return try TmuxSession(
            command: "\(TmuxSession.quote(BuiltBinary.path)) demo --state-dir \(TmuxSession.quote(state))",
            width: width, height: height, environment: environment)
    }

    static func rows(_ screen: [String], containing word: String) -> [String] {
        screen.filter { $0.contains(" \(word) ") || $0.contains(" \(word)  ") }
    }

    @Test func demoShowsLiveChangingStatesAndQuitRestoresTheTerminal() async throws {
        try await OwnThread.run { try Self.showsLiveChangingStatesAndRestores() }
    }

    static func showsLiveChangingStatesAndRestores() throws {
        let session = try demo(term: "xterm-256color")
        try session.waitFor("the overview") { screen in
            screen.contains { $0.contains("SYSTEMS") } && screen.contains { $0.contains("NEEDS ATTENTION") }
        }
        try session.send("3")
        let first = try session.waitFor("interfaces with a state") { screen in
            screen.contains { $0.hasPrefix("✔ OK") }
        }
        #expect(first.contains { $0.contains("财务系统 (ERP)") }, "CJK system names are shown")
        #expect(first.contains { $0.contains("STATE") && $0.contains("P95") && $0.contains("AVAIL") })
        try session.waitFor("a scripted fault to show as DOWN") { screen in
            screen.contains { $0.hasPrefix("✖ DOWN") }
        }
        try navigatesEveryView(session)
        try session.send("q")
        let after = try session.waitFor("the process to exit and stty to report") { screen in
            screen.contains { $0.contains("[exit=") } && screen.contains { $0.contains("icanon") }
        }
        #expect(after.contains("[exit=0]"))
        #expect(!after.contains { $0.contains("STATE") }, "the console's screen is gone (alternate screen left)")
        let modes = after.first { $0.contains("echo") } ?? ""
        #expect(modes.contains("icanon") && !modes.contains("-icanon"), "canonical mode restored: \(modes)")
        #expect(modes.split(separator: " ").contains("echo"), "echo restored: \(modes)")
    }

    /// Every view by its number, drill-down and back, the filter, the help and the command line.
    static func navigatesEveryView(_ session: TmuxSession) throws {
        try session.send("g", "Enter")
        try session.waitFor("the interface detail") { screen in
            screen.contains { $0.contains("availability") } && screen.contains { $0.contains("CHECKS") }
        }
        try session.send("Escape")
        try session.waitFor("back on the table") {
            $0.contains { $0.contains("[3 Interfaces]") && !$0.contains("›") }
        }
        try session.send("/", "E", "R", "P", "Enter")
        try session.waitFor("the filtered table") { $0.contains { $0.contains("filter /ERP") } }
        try session.send("2")
        try session.waitFor("the topology") { screen in
            screen.contains { $0.contains("[2 Topology]") } && screen.contains { $0.contains("blast radius") }
        }
        try session.send("?")
        try session.waitFor("the help overlay") { screen in
            screen.contains { $0.contains("any key closes") || $0.contains("other keys close") }
        }
        try session.send("x")
        try session.send("5", "Enter")
        try session.waitFor("the runs of the first job") { screen in
            screen.contains { $0.contains("newest first") } && screen.contains { $0.contains("RESULT") }
        }
        try session.send("Enter")
        try session.waitFor("the log of its newest run") { screen in
            screen.contains { $0.contains("run #") }
                && screen.contains { $0.contains("FOLLOW") || $0.contains("finished") }
        }
        try session.send("Escape", "Escape")
        for (key, title) in [("4", "[4 Alerts]"), ("5", "[5 Jobs]"), ("6", "[6 Logs]"), ("1", "[1 Overview]")] {
            try session.send(key)
            try session.waitFor("view \(key)") { $0.contains { $0.contains(title) } }
        }
        try session.send(":", "t", "o", "p", "o", "Enter")
        try session.waitFor(":topo") { $0.contains { $0.contains("[2 Topology]") } }
    }

    @Test(arguments: [
        ("xterm-256color", utf8), ("tmux-256color", utf8), ("screen", utf8), ("linux", utf8), ("vt100", utf8),
        ("xterm-256color", ["LANG": "C", "LC_ALL": "C"]),
    ])
    func readableUnderEachTerminalAndLocale(_ term: String, _ environment: [String: String]) async throws {
        try await OwnThread.run { try Self.readable(term: term, environment: environment) }
    }

    static func readable(term: String, environment: [String: String]) throws {
        let session = try demo(term: term, environment: environment, width: 80, height: 24)
        try session.waitFor("the overview under TERM=\(term)") { screen in
            screen.contains { $0.contains("SYSTEMS") && $0.contains(" ok") }
        }
        for (key, marker) in [
            ("1", "NEEDS ATTENTION"), ("2", "blast radius"), ("3", "P95"), ("5", "SCHEDULE"), ("6", "run #"),
        ] {
            try session.send(key)
            let screen = try session.waitFor("view \(key) under TERM=\(term)") { screen in
                screen.contains { $0.contains(marker) }
            }
            #expect(screen.count == 24)
            #expect(screen.allSatisfy { TerminalWidth.columns($0) <= 80 }, "no row wraps past 80 columns")
            if environment["LANG"] == "C" {
                let nonASCII = screen.joined().unicodeScalars.filter { !$0.isASCII }
                #expect(
                    nonASCII.isEmpty, "ASCII only without UTF-8, found \(String(String.UnicodeScalarView(nonASCII)))")
            }
        }
        // The help is taller than 24 rows: it scrolls to its last line.
        try session.send("?", "G")
        try session.waitFor("the last line of the help under TERM=\(term)") { screen in
            screen.contains { $0.contains(":quit :q") }
        }
        try session.send("x", "q")
        let after = try session.waitFor("the process to exit") { $0.contains { $0.contains("[exit=") } }
        #expect(after.contains("[exit=0]"))
    }

    @Test func theTopologyCountsParallelInterfacesUnderTheMonoTheme() async throws {
        try await OwnThread.run { try Self.monoTopology() }
    }

    static func monoTopology() throws {
        let session = try demo(term: "xterm-256color", width: 120, height: 36)
        try session.waitFor("the overview") { $0.contains { $0.contains("SYSTEMS") } }
        try session.send(":", "t", "h", "e", "m", "e", " ", "m", "Tab", "Enter", "2")
        let screen = try session.waitFor("the topology in mono") { screen in
            screen.contains { $0.contains("blast radius") } && screen.contains { $0.contains("theme mono") }
        }
        // ERP receives from the broker, HRM and MFT on one arrowhead, and from WMS (twice), the
        // payment gateway, the webshop and CRM on the one pointing back: both are counted.
        let erp = try #require(screen.first { $0.contains("财务系统") }, "\(screen.joined(separator: "\n"))")
        #expect(erp.contains("3▶┃") || erp.contains("3▶│"), "\(erp)")
        #expect(erp.contains(try Regex("[┃│]◀.5")), "the worst glyph (or the line), then the count: \(erp)")
        try session.send("q")
        try session.waitFor("the process to exit") { $0.contains { $0.contains("[exit=0]") } }
    }

    @Test(arguments: [("dumb", "cannot address the cursor"), ("no-such-terminal-xyz", "no-such-terminal-xyz")])
    func unusableTerminalGetsOneClearLine(_ term: String, _ message: String) async throws {
        try await OwnThread.run { try Self.unusable(term: term, message: message) }
    }

    static func unusable(term: String, message: String) throws {
        let session = try demo(term: term)
        let screen = try session.waitFor("the process to exit") { $0.contains { $0.contains("[exit=") } }
        #expect(screen.contains("[exit=1]"))
        let errors = screen.filter { $0.hasPrefix("switchboard: ") }
        #expect(errors.count == 1 && errors[0].contains(message), "got: \(screen.joined(separator: "\n"))")
    }

    @Test func tooSmallTerminalShowsANoticeUntilResized() async throws {
        try await OwnThread.run { try Self.tooSmall() }
    }

    static func tooSmall() throws {
        let session = try demo(term: "xterm-256color", width: 40, height: 8)
        try session.waitFor("the too-small notice") { screen in
            screen.joined(separator: " ").lowercased().contains("too small")
        }
        try session.resize(width: 100, height: 30)
        try session.waitFor("the overview after the resize") { screen in
            screen.contains { $0.contains("SYSTEMS") }
        }
        try session.send("q")
        // Known: under this harness (not by hand) rows of the last frame can remain above the exit line
        // after a resize from too small; the exit code is what this test pins.
        try session.waitFor("the process to exit") { $0.contains { $0.hasPrefix("[exit=0]") } }
    }
}

/// Display columns of a captured row: East Asian wide characters take two.
enum TerminalWidth {
    static func columns(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
