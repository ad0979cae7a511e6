/// The state of one 5-minute bucket of history, for the 24-hour strip of an interface.
///
/// Ordered from the least to the most alarming, so that folding buckets together keeps the worst.
public enum HistoryCell: UInt8, Sendable, Equatable, Comparable, CaseIterable, Codable {
    /// No run started in the bucket, and no condition was evaluated in it.
    case noData = 0
    /// Every run passed.
    case ok = 1
    /// Some runs failed.
    case degraded = 2
    /// Every run failed.
    case down = 3

    /// The state of a bucket with `runs` runs of which `failures` failed.
    public init(runs: Int, failures: Int) {
        self =
            if runs <= 0 { .noData } else if failures <= 0 { .ok } else if failures >= runs { .down } else { .degraded }
    }

    /// The state of a bucket whose `health.conditions` were evaluated for `evaluatedSeconds`, of
    /// which they held it DOWN for `downSeconds` and DEGRADED for `degradedSeconds`: the rule of
    /// `init(runs:failures:)` with seconds for runs, so DOWN throughout is down and any DOWN or
    /// DEGRADED second is at least degraded.
    public init(evaluatedSeconds: Double, downSeconds: Double, degradedSeconds: Double) {
        self =
            if evaluatedSeconds <= 0 {
                .noData
            } else if downSeconds >= evaluatedSeconds {
                .down
            } else if downSeconds > 0 || degradedSeconds > 0 {
                .degraded
            } else {
                .ok
            }
    }

    public static func < (lhs: HistoryCell, rhs: HistoryCell) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The last 24 hours of an interface as 288 cells of 5 minutes, oldest first; the last cell is the
/// bucket under way. One byte a cell.
public struct HistoryStrip: Sendable, Equatable {
    /// The length of a bucket of history (the persisted buckets are the same).
    public static let bucketSeconds = 300
    public static let cellCount = 288

    /// Oldest first; empty before any history was read.
    public private(set) var cells: [HistoryCell]

    public init(cells: [HistoryCell] = []) {
        self.cells = cells
    }

    public var isEmpty: Bool { cells.isEmpty }

    /// The strip in at most `width` cells: consecutive buckets folded together (the same number in
    /// each, the newest cell holding the newest bucket), the worst state of each group winning.
    public func folded(toWidth width: Int) -> [HistoryCell] {
        guard width > 0, !cells.isEmpty else { return [] }
        let perCell = bucketsPerCell(width: width)
        guard perCell > 1 else { return cells }
        var folded: [HistoryCell] = []
        folded.reserveCapacity(width)
        // Groups are aligned to the newest end, so the first group may be short.
        var end = cells.count
        while end > 0 {
            let start = max(0, end - perCell)
            folded.append(cells[start..<end].max() ?? .noData)
            end = start
        }
        return folded.reversed()
    }

    /// How many buckets one cell of `folded(toWidth:)` holds.
    public func bucketsPerCell(width: Int) -> Int {
        guard width > 0 else { return cells.count }
        return max(1, (cells.count + width - 1) / width)
    }
}
