import Testing

@testable import Console

@Suite struct TableTests {
    static let table = Table(columns: [
        Table.Column(title: "NAME", minWidth: 6, maxWidth: 12, flex: 1, priority: 9),
        Table.Column(title: "MS", minWidth: 5, maxWidth: 5, alignment: .right, priority: 1),
        Table.Column(title: "NOTE", minWidth: 4, maxWidth: 30, flex: 2, priority: 5),
    ])

    @Test func flexibleColumnsShareTheSpareWidthWithinTheirMaximum() {
        #expect(Self.table.widths(for: 17) == [6, 5, 4])
        #expect(Self.table.widths(for: 26) == [9, 5, 10])
        #expect(Self.table.widths(for: 100) == [12, 5, 30])
    }

    @Test func lowestPriorityColumnsAreLeftOutWhenTooNarrow() {
        #expect(Self.table.widths(for: 12) == [7, 0, 4])
        #expect(Self.table.widths(for: 7) == [7, 0, 0])
    }

    @Test func spareWidthGoesFirstToColumnsWhoseContentIsWider() {
        #expect(Self.table.widths(for: 26, natural: [8, 3, 20]) == [8, 5, 11])
        #expect(Self.table.widths(for: 40, natural: [3, 3, 4]) == [12, 5, 21], "then up to the maximum")
    }

    @Test func cjkCellsStayAlignedByDisplayWidth() {
        var canvas = Canvas(width: 26, height: 4)
        let rows: [[Table.Cell]] = [
            [Table.Cell("ERP"), Table.Cell("12"), Table.Cell("fine")],
            [Table.Cell("财务系统"), Table.Cell("345"), Table.Cell("发票接口很慢很慢很慢")],
            [Table.Cell("Webshop"), Table.Cell("6"), Table.Cell("ok")],
        ]
        Self.table.render(into: &canvas, x: 0, y: 0, width: 26, height: 4, rows: rows, selected: nil, offset: 0)
        #expect(canvas.line(0) == "NAME        MS NOTE       ")
        #expect(canvas.line(1) == "ERP         12 fine       ")
        #expect(canvas.line(2) == "财务系统   345 发票接口很…")
        #expect(canvas.line(3) == "Webshop      6 ok         ")
    }

    @Test func onlyVisibleRowsAreDrawnFromTheOffset() {
        var canvas = Canvas(width: 26, height: 3)
        let rows = (0..<10).map { [Table.Cell("row\($0)"), Table.Cell("\($0)"), Table.Cell("")] }
        Self.table.render(into: &canvas, x: 0, y: 0, width: 26, height: 3, rows: rows, selected: 5, offset: 4)
        #expect(canvas.line(1).hasPrefix("row4 "))
        #expect(canvas.line(2).hasPrefix("row5 "))
        #expect(canvas[25, 2].role == .selection)
        #expect(canvas[0, 1].role == .normal)
    }

    @Test func cellsAreMadeOnlyForTheVisibleRows() {
        var canvas = Canvas(width: 26, height: 3)
        var asked: [Int] = []
        Self.table.render(
            into: &canvas, x: 0, y: 0, width: 26, height: 3, rowCount: 100_000, selected: 50_001, offset: 50_000
        ) { index in
            asked.append(index)
            return [Table.Cell("row\(index)"), Table.Cell("1"), Table.Cell("")]
        }
        #expect(asked == [50_000, 50_001])
        #expect(canvas.line(2).hasPrefix("row50001 "))
    }

    @Test func scrollOffsetKeepsTheSelectionVisibleMovingAsLittleAsPossible() {
        #expect(Table.scrollOffset(selected: 0, offset: 0, visibleRows: 5, rowCount: 20) == 0)
        #expect(Table.scrollOffset(selected: 5, offset: 0, visibleRows: 5, rowCount: 20) == 1)
        #expect(Table.scrollOffset(selected: 3, offset: 1, visibleRows: 5, rowCount: 20) == 1)
        #expect(Table.scrollOffset(selected: 0, offset: 7, visibleRows: 5, rowCount: 20) == 0)
        #expect(Table.scrollOffset(selected: 2, offset: 9, visibleRows: 5, rowCount: 4) == 0)
    }
}
