import Testing

@testable import Console

@Suite struct TerminalCheckTests {
    static func facts(stdin: Bool = true, stdout: Bool = true, term: String?, cup: Int32 = 1) -> TerminalCheck.Facts {
        TerminalCheck.Facts(
            standardInputIsTerminal: stdin, standardOutputIsTerminal: stdout, term: term,
            cursorAddressing: { _ in cup })
    }

    @Test func usableTerminalPasses() throws {
        try TerminalCheck.verify(Self.facts(term: "xterm-256color"))
    }

    @Test func dumbTerminalIsRefusedInOneLine() {
        let error = #expect(throws: ConsoleError.self) { try TerminalCheck.verify(Self.facts(term: "dumb", cup: 0)) }
        #expect(
            error?.message == "switchboard: TERM=dumb cannot address the cursor; use a terminal such as xterm-256color")
    }

    @Test func unknownAndUnsetTermAreRefused() {
        let unknown = #expect(throws: ConsoleError.self) {
            try TerminalCheck.verify(Self.facts(term: "vt9000", cup: -1))
        }
        #expect(unknown?.message.hasPrefix("switchboard: TERM=vt9000 is not a terminal type known here") == true)
        let unset = #expect(throws: ConsoleError.self) { try TerminalCheck.verify(Self.facts(term: nil)) }
        #expect(unset?.message.contains("TERM is not set") == true)
    }

    @Test func pipesAreRefused() {
        let input = #expect(throws: ConsoleError.self) {
            try TerminalCheck.verify(Self.facts(stdin: false, term: "xterm"))
        }
        #expect(input?.message.contains("standard input is not a terminal") == true)
        let output = #expect(throws: ConsoleError.self) {
            try TerminalCheck.verify(Self.facts(stdout: false, term: "xterm"))
        }
        #expect(output?.message.contains("standard output is not a terminal") == true)
    }

    @Test func escapeSequencesInTermAreNotEchoed() {
        let error = #expect(throws: ConsoleError.self) {
            try TerminalCheck.verify(Self.facts(term: "x\u{1B}[2J", cup: -1))
        }
        #expect(error?.message.contains("\u{1B}") == false)
    }

    @Test func realTerminfoKnowsXtermAndDumb() {
        let facts = TerminalCheck.currentFacts()
        #expect(facts.cursorAddressing("xterm-256color") == 1)
        #expect(facts.cursorAddressing("dumb") == 0)
        #expect(facts.cursorAddressing("no-such-terminal-type") == -1)
    }

    @Test func preflightRefusesWhenNotATerminal() {
        // `swift test` runs with its output captured, never on a terminal.
        guard !TerminalCheck.currentFacts().standardOutputIsTerminal else { return }
        #expect(throws: ConsoleError.self) { try ConsoleApp.preflight() }
    }
}
