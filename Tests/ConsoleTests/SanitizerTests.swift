import Testing

@testable import Console

@Suite struct SanitizerTests {
    @Test func escapeSequencesAreShownInCaretNotation() {
        #expect(Sanitizer.clean("\u{1B}[31mred\u{1B}[0m") == "^[[31mred^[[0m")
        #expect(Sanitizer.clean("title\u{1B}]0;owned\u{07}") == "title^[]0;owned^G")
    }

    @Test func c1ControlsAreShownAsTheEscapeSequenceTheyStandFor() {
        #expect(Sanitizer.clean("a\u{9B}31mb") == "a^[[31mb")
        #expect(Sanitizer.clean("\u{9D}x") == "^[]x")
    }

    @Test func otherControlCharactersAreVisible() {
        #expect(Sanitizer.clean("line1\r\nline2") == "line1^M^Jline2")
        #expect(Sanitizer.clean("nul\u{0}del\u{7F}") == "nul^@del^?")
    }

    @Test func tabsBecomeSpacesToTheNextTabStop() {
        #expect(Sanitizer.clean("a\tb") == "a   b")
        #expect(Sanitizer.clean("abcd\te") == "abcd    e")
    }

    @Test func bidiOverridesAreRemoved() {
        #expect(Sanitizer.clean("invoice\u{202E}fdp.exe") == "invoicefdp.exe")
        #expect(Sanitizer.clean("\u{2066}x\u{2069}") == "x")
    }

    @Test func cleanTextIsLeftAlone() {
        let text = "财务系统 (ERP) → ✔ OK e\u{301}"
        #expect(Sanitizer.clean(text) == text)
        #expect(Sanitizer.isClean(text))
        #expect(!Sanitizer.isClean("\u{1B}"))
    }

    @Test func nothingBelowSpaceOrInC1SurvivesSanitizing() {
        let every = String(String.UnicodeScalarView((0..<0xA0).compactMap(Unicode.Scalar.init)))
        let cleaned = Sanitizer.clean(every)
        #expect(!cleaned.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
    }
}
