import Testing

@testable import SwitchboardCore

@Suite struct HistoryStripTests {
    @Test(arguments: [
        (runs: 0, failures: 0, cell: HistoryCell.noData), (10, 0, .ok), (10, 1, .degraded), (10, 10, .down),
    ])
    func aBucketsStateFollowsItsFailures(runs: Int, failures: Int, cell: HistoryCell) {
        #expect(HistoryCell(runs: runs, failures: failures) == cell)
    }

    @Test func foldingKeepsTheWorstStateOfEachGroupAlignedToNow() {
        var cells = [HistoryCell](repeating: .ok, count: 288)
        cells[0] = .down
        cells[286] = .degraded
        cells[287] = .noData
        let folded = HistoryStrip(cells: cells).folded(toWidth: 100)
        #expect(folded.count == 96, "three buckets per cell")
        #expect(folded.first == .down)
        #expect(folded.last == .degraded)
        #expect(folded.dropFirst().dropLast().allSatisfy { $0 == .ok })
    }

    @Test func aWideEnoughStripIsNotFolded() {
        let strip = HistoryStrip(cells: [HistoryCell](repeating: .ok, count: 288))
        #expect(strip.folded(toWidth: 300).count == 288)
        #expect(strip.bucketsPerCell(width: 72) == 4)
    }
}
