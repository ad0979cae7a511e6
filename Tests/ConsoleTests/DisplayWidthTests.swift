import Testing

@testable import Console

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("hello", 5), ("", 0), ("财务系统", 8), ("ＡＢ", 4), ("e\u{301}", 1), ("\u{301}", 0),
        ("👍", 2), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("❤\u{FE0F}", 2), ("❤", 1), ("🇩🇪", 2), ("✔ OK", 4),
        ("한국어", 6), ("a\u{200B}b", 2), ("\u{1B}", 0), ("\t", 0), ("\u{9B}", 0),
    ])
    func displayWidthOfText(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
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
