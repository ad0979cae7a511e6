import SwitchboardCore
import Testing

/// The one sanitizer of the console and the CLI: what reaches a terminal from outside text.
@Suite struct TerminalTextTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var shown: String
        var why: String
        var testDescription: String { why }
    }

    @Test(arguments: [
        Case(input: "\u{1B}[31mred\u{1B}[0m", shown: "^[[31mred^[[0m", why: "an SGR escape sequence"),
        Case(input: "title\u{1B}]0;owned\u{07}", shown: "title^[]0;owned^G", why: "an OSC title change"),
        Case(input: "a\u{9B}31mb", shown: "a^[[31mb", why: "C1 CSI as the escape sequence it stands for"),
        Case(input: "\u{9D}x\u{85}", shown: "^[]x^[E", why: "C1 OSC and NEL"),
        Case(input: "line1\r\nline2", shown: "line1^M^Jline2", why: "carriage return and line feed"),
        Case(input: "nul\u{0}del\u{7F}", shown: "nul^@del^?", why: "NUL and DEL"),
        Case(input: "a\tb", shown: "a\tb", why: "a tab is kept"),
        Case(input: "invoice\u{202E}fdp.exe", shown: "invoicefdp.exe", why: "a right-to-left override"),
        Case(input: "\u{202A}\u{202B}\u{202C}\u{202D}x", shown: "x", why: "embeddings and overrides"),
        Case(input: "\u{2066}x\u{2069}\u{2067}\u{2068}", shown: "x", why: "isolates"),
        Case(input: "a\u{200E}b\u{200F}c\u{061C}", shown: "abc", why: "bidi marks"),
        Case(input: "pay\u{200B}ment\u{2060}s\u{FEFF}", shown: "payments", why: "zero-width space, word joiner, BOM"),
        Case(input: "👩\u{200D}💻 ک\u{200C}ه", shown: "👩\u{200D}💻 ک\u{200C}ه", why: "joiners that build emoji and words"),
        Case(input: "a\u{2028}b\u{2029}c", shown: "a b c", why: "line and paragraph separators"),
        Case(input: "财务系统 (ERP)", shown: "财务系统 (ERP)", why: "CJK"),
        Case(input: "e\u{301}a\u{308}", shown: "e\u{301}a\u{308}", why: "combining marks"),
    ])
    func textIsShownSafely(_ testCase: Case) {
        #expect(TerminalText.safe(testCase.input) == testCase.shown)
        #expect(TerminalText.isSafe(testCase.input) == (testCase.input == testCase.shown))
    }

    @Test func nothingBelowSpaceOrInC1SurvivesButTabs() {
        let every = String(String.UnicodeScalarView((0..<0xA0).compactMap(Unicode.Scalar.init)))
        let cleaned = TerminalText.safe(every)
        #expect(
            !cleaned.unicodeScalars.contains { ($0.value < 0x20 && $0.value != 9) || (0x7F..<0xA0).contains($0.value) })
    }

    @Test func tabsCanBecomeSpacesToTheNextStop() {
        let width: (Unicode.Scalar) -> Int = { $0.value >= 0x1100 ? 2 : 1 }
        #expect(TerminalText.safe("ab\tc", tabWidth: 4, width: width) == "ab  c")
        #expect(TerminalText.safe("财\tc", tabWidth: 4, width: width) == "财  c")
        #expect(TerminalText.safe("\u{1B}\tc", tabWidth: 4, width: width) == "^[  c")
    }
}
