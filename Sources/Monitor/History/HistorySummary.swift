import Foundation
import SwitchboardCore

/// The windows availability is reported over.
public enum HistoryWindow: Int64, Sendable, CaseIterable {
    case hour = 3600
    case day = 86400
    case week = 604_800
    case month = 2_592_000

    public var seconds: Int64 { rawValue }

    /// The start of the oldest bucket in the window that ends with the bucket holding `now`: a
    /// window holds `seconds / 300` buckets, the one under way included.
    public func firstBucket(now: Date) -> Int64 {
        CheckBucket.start(of: Int64(now.timeIntervalSince1970.rounded(.down))) - seconds + CheckBucket.seconds
    }
}

/// Runs and failed runs, added up.
public struct RunCount: Sendable, Equatable {
    public var runs = 0
    public var failures = 0

    public init(runs: Int = 0, failures: Int = 0) {
        self.runs = runs
        self.failures = failures
    }

    /// The share of runs that passed, nil without runs.
    public var availability: Double? { runs == 0 ? nil : Double(runs - failures) / Double(runs) }

    mutating func add(_ bucket: CheckBucket) {
        runs += bucket.runs
        failures += bucket.failures
    }
}

/// What the persisted history says of a set of checks (an interface's) at one moment: runs per
/// window and the 24-hour strip, which also shows the time the interface's conditions held it
/// DOWN or DEGRADED. The windows' availability counts runs only.
public struct HistorySummary: Sendable, Equatable {
    public private(set) var counts: [HistoryWindow: RunCount] = [:]
    /// The runs of each 5-minute cell of the strip, oldest first.
    private var cells = [RunCount](repeating: RunCount(), count: HistoryStrip.cellCount)
    /// The seconds of conditions in each cell of the strip, oldest first.
    private var conditionCells: [ConditionBucket]
    /// The start of the strip's first bucket.
    private let stripStart: Int64
    private let firsts: [(window: HistoryWindow, first: Int64)]
    private let end: Int64

    /// An empty summary of the windows that end with the bucket holding `now`.
    public init(now: Date) {
        stripStart = HistoryWindow.day.firstBucket(now: now)
        firsts = HistoryWindow.allCases.map { ($0, $0.firstBucket(now: now)) }
        end = stripStart + Int64(HistoryStrip.cellCount) * CheckBucket.seconds
        let stripStart = stripStart
        conditionCells = (0..<HistoryStrip.cellCount).map {
            ConditionBucket(
                owner: "", start: stripStart + Int64($0) * CheckBucket.seconds, evaluatedSeconds: 0, downSeconds: 0,
                degradedSeconds: 0)
        }
    }

    public func availability(_ window: HistoryWindow) -> Double? { counts[window]?.availability }

    /// The strip of the last 24 hours: each cell the worse of its checks' state and its conditions'.
    public var strip: HistoryStrip {
        HistoryStrip(
            cells: zip(cells, conditionCells).map { max(HistoryCell(runs: $0.runs, failures: $0.failures), $1.cell) })
    }

    /// Adds `bucket` (of any check) to the windows (among `windows`) and the strip cell it falls in.
    mutating func add(_ bucket: CheckBucket, to windows: Set<HistoryWindow> = Set(HistoryWindow.allCases)) {
        guard bucket.start < end else { return }
        for (window, first) in firsts where bucket.start >= first && windows.contains(window) {
            counts[window, default: RunCount()].add(bucket)
        }
        if bucket.start >= stripStart { cells[Int((bucket.start - stripStart) / CheckBucket.seconds)].add(bucket) }
    }

    /// Adds the seconds of `bucket` to the strip cell it falls in.
    mutating func add(_ bucket: ConditionBucket) {
        guard bucket.start < end, bucket.start >= stripStart else { return }
        let index = Int((bucket.start - stripStart) / CheckBucket.seconds)
        conditionCells[index] = conditionCells[index].merged(with: bucket)
    }

    /// Adds runs counted elsewhere (a sum in SQL) to `window`.
    mutating func add(_ count: RunCount, to window: HistoryWindow) {
        guard count.runs > 0 else { return }
        counts[window, default: RunCount()].runs += count.runs
        counts[window, default: RunCount()].failures += count.failures
    }

    public static func == (lhs: HistorySummary, rhs: HistorySummary) -> Bool {
        lhs.counts == rhs.counts && lhs.cells == rhs.cells && lhs.conditionCells == rhs.conditionCells
            && lhs.stripStart == rhs.stripStart
    }
}
