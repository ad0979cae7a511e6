import SwitchboardCore

/// The lines of one run the console holds: a window of at most `capacity` lines, filled a page at
/// a time; while following, the oldest lines drop off the front so memory stays bounded.
struct LogBuffer: Sendable {
    static let capacity = 50_000
    static let pageSize = 5_000

    let runID: Int64
    private(set) var run: JobRunSummary?
    private(set) var lines: [JobLogLine] = []
    /// The number of the last line before the window (0 when the window starts at the first line).
    private(set) var startsAfter: Int
    /// Bumped on every change, so a frame is drawn only when the buffer changed.
    private(set) var version = 0
    /// The last fetch's failure, shown until a fetch succeeds.
    private(set) var problem: String?

    /// A buffer that will start after line `startsAfter` (0: from the first line).
    init(runID: Int64, startsAfter: Int = 0) {
        self.runID = runID
        self.startsAfter = max(0, startsAfter)
    }

    /// The number of the newest line held, or of the line before the window when empty.
    var lastNumber: Int { lines.last?.number ?? startsAfter }

    /// Every line written so far is held (the window reaches the end of the run).
    var reachesEnd: Bool { run.map { lastNumber >= $0.lineCount } ?? false }

    /// Nothing more will arrive: the run ended and its end is held.
    var isComplete: Bool { reachesEnd && run.map { $0.result != .running } == true }

    var isFull: Bool { lines.count >= Self.capacity }

    /// Whether to ask for more: lines are missing at the end, and there is room or the user follows.
    func wantsMore(following: Bool) -> Bool {
        guard let run else { return true }
        if run.result == .running && reachesEnd { return true }
        return !reachesEnd && (!isFull || following)
    }

    /// Adds a fetched page; when following past the capacity, the oldest lines are let go.
    mutating func merge(_ page: JobLogPage, following: Bool) {
        run = page.run
        problem = nil
        let fresh = page.lines.filter { $0.number > lastNumber }
        if following {
            lines += fresh
            let excess = lines.count - Self.capacity
            if excess > 0 {
                startsAfter = lines[excess - 1].number
                lines.removeFirst(excess)
            }
        } else {
            lines += fresh.prefix(max(0, Self.capacity - lines.count))
        }
        version &+= 1
    }

    mutating func fail(_ message: String) {
        problem = message
        version &+= 1
    }

    /// The window to start from to show the newest `capacity` lines of a run of `lineCount` lines.
    static func tailStart(lineCount: Int) -> Int { max(0, lineCount - capacity) }

    /// The lines shown with a lowest level: leveled lines at or above it, and Switchboard's notes.
    func visible(minimumLevel: LogLevel?) -> [JobLogLine] {
        guard let minimumLevel else { return lines }
        return lines.filter { line in
            line.stream == .note || (line.level.map { $0 >= minimumLevel } ?? false)
        }
    }
}
