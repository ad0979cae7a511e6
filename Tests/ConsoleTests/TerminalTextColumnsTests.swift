import SwitchboardCore
import Testing

@testable import Console

/// The console's use of the one sanitizer (its cases are in `TerminalTextTests`): tab stops in
/// display columns.
@Suite struct TerminalTextColumnsTests {
    @Test func tabsBecomeSpacesToTheNextTabStopInDisplayColumns() {
        #expect(TerminalText.clean("a\tb") == "a   b")
        #expect(TerminalText.clean("abcd\te") == "abcd    e")
        #expect(TerminalText.clean("财务\tx") == "财务    x")
        #expect(TerminalText.clean("e\u{301}\tx") == "e\u{301}   x")
    }

    @Test func textWithATabIsNotCleanOnScreen() {
        #expect(TerminalText.isClean("财务系统 (ERP) → ✔ OK e\u{301}"))
        #expect(!TerminalText.isClean("a\tb"))
        #expect(!TerminalText.isClean("\u{1B}"))
    }
}
