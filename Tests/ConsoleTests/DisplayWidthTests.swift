import Testing

@testable import Console

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("hello", 5), ("", 0), ("财务系统", 8), ("ＡＢ", 4), ("e\u{301}", 1), ("\u{301}", 0),
        ("👍", 2), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("❤\u{FE0F}", 1), ("❤", 1), ("🇩🇪", 2), ("✔ OK", 4),
        ("1\u{FE0F}\u{20E3}", 1), ("🇩", 1), ("👩‍💻 Dev Team 🇩🇪 Café", 19),
        ("한국어", 6), ("a\u{200B}b", 2), ("\u{1B}", 0), ("\t", 0), ("\u{9B}", 0),
    ])
    func displayWidthOfText(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    /// What tmux 3.3a draws, measured there (`printf` then `#{cursor_x}`): 👩‍💻 2 columns, 🇩🇪 2,
    /// ❤️ 1, 1️⃣ 1, 👍🏽 4; and what ncurses can put in a cell: one spacing character and its marks.
    @Test(arguments: [
        ("👩‍💻", "👩"), ("👨‍👩‍👧", "👨"), ("🇩🇪", "DE"), ("🇩", "D"), ("❤\u{FE0F}", "❤"), ("👍🏽", "👍"),
        ("1\u{FE0F}\u{20E3}", "1\u{20E3}"), ("e\u{301}", "e\u{301}"), ("财", "财"), ("한", "한"),
        ("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", "🏴"),
    ])
    func emojiSequencesAreDrawnInAFormEveryTerminalAgreesOn(grapheme: String, drawn: String) {
        #expect(DrawableGrapheme.drawable(grapheme) == drawn)
        #expect(DisplayWidth.of(grapheme) == DisplayWidth.of(drawn))
    }

    @Test func aNameWithEmojiSequencesFillsExactlyItsWidthOnTheCanvas() {
        let name = "👩‍💻 Dev Team 🇩🇪 Café"
        var canvas = Canvas(width: 30, height: 1)
        let written = canvas.put(name, x: 0, y: 0, role: .normal)
        #expect(written == DisplayWidth.of(name))
        #expect(canvas.line(0).trimmingTrailingSpaces() == "👩 Dev Team DE Café")
        // Every cell holds one spacing character and its marks, or continues a wide one.
        for x in 0..<canvas.width where !canvas[x, 0].isContinuation {
            let scalars = canvas[x, 0].text.unicodeScalars
            #expect(scalars.dropFirst().allSatisfy { DisplayWidth.of($0) == 0 }, "cell \(x): \(canvas[x, 0].text)")
        }
    }

    @Test func wideRangeTableIsSortedAndDisjoint() {
        let ranges = EastAsianWidth.wideRanges
        for (left, right) in zip(ranges, ranges.dropFirst()) {
            #expect(left.upperBound < right.lowerBound)
        }
        #expect(EastAsianWidth.isWide(0x4E00))
        #expect(EastAsianWidth.isWide(0xFF21))  // fullwidth A
        #expect(!EastAsianWidth.isWide(0x41))
        #expect(!EastAsianWidth.isWide(0x2714))  // ✔ has text presentation
    }

    @Test func truncationAddsAnEllipsisAndKeepsTheWidth() {
        #expect(DisplayWidth.truncate("Customer sync", to: 8) == "Custome…")
        #expect(DisplayWidth.truncate("short", to: 8) == "short")
        #expect(DisplayWidth.truncate("Customer sync", to: 8, ellipsis: "~") == "Custome~")
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        // 5 columns: two CJK characters (4) leave 0 for "…" at 4; the third would straddle.
        let cut = DisplayWidth.truncate("财务系统", to: 6)
        #expect(cut == "财务 …")
        #expect(DisplayWidth.of(cut) == 6)
        let odd = DisplayWidth.truncate("财务系统", to: 5)
        #expect(odd == "财务…")
        #expect(DisplayWidth.of(odd) == 5)
    }

    @Test func fitPadsToTheWidthWithAlignment() {
        #expect(DisplayWidth.fit("42ms", to: 7, alignment: .right) == "   42ms")
        #expect(DisplayWidth.fit("财务", to: 6) == "财务  ")
        #expect(DisplayWidth.fit("ab", to: 6, alignment: .center) == "  ab  ")
    }
}
