import Testing

@testable import Console

@Suite struct CanvasTests {
    @Test func wideCharacterTakesTwoCellsWithAContinuation() {
        var canvas = Canvas(width: 10, height: 1)
        let written = canvas.put("a财b", x: 0, y: 0, role: .normal)
        #expect(written == 4)
        #expect(canvas[1, 0].text == "财")
        #expect(canvas[2, 0].isContinuation)
        #expect(canvas[3, 0].text == "b")
        #expect(canvas.line(0) == "a财b      ")
    }

    @Test func textIsClippedAtTheRightEdge() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.put("abcdefgh", x: 2, y: 0, role: .normal)
        #expect(canvas.line(0) == "  abc")
    }

    @Test func wideCharacterThatDoesNotFitTheLastColumnBecomesASpace() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("abc财", x: 0, y: 0, role: .ok)
        #expect(canvas.line(0) == "abc ")
        #expect(!canvas[3, 0].isContinuation)
    }

    @Test func maxWidthLimitsTheColumnsWritten() {
        var canvas = Canvas(width: 10, height: 1)
        canvas.put("财务系统", x: 0, y: 0, role: .normal, maxWidth: 5)
        #expect(canvas.line(0) == "财务      ")
    }

    @Test func textOutsideTheRowsOrLeftOfTheCanvasIsClipped() {
        var canvas = Canvas(width: 4, height: 2)
        canvas.put("zz", x: 0, y: 5, role: .normal)
        canvas.put("zz", x: 0, y: -1, role: .normal)
        canvas.put("abcdef", x: -2, y: 1, role: .normal)
        #expect(canvas.text == "\ncdef")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("财务", x: 0, y: 0, role: .normal)
        canvas.put("x", x: 1, y: 0, role: .normal)
        #expect(canvas.line(0) == " x务")
        canvas.put("y", x: 2, y: 0, role: .normal)
        #expect(canvas.line(0) == " xy ")
        #expect(canvas.cells.allSatisfy { !$0.isContinuation })
    }

    @Test func controlCharactersNeverReachACell() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("a\u{1B}b\u{9B}c", x: 0, y: 0, role: .normal)
        #expect(canvas.line(0) == "abc   ")
    }

    @Test func rolesAreKeptPerCell() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("ab", x: 0, y: 0, role: .down)
        #expect(canvas[0, 0].role == .down)
        #expect(canvas[2, 0].role == .normal)
    }
}
