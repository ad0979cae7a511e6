/// A terminal in memory, for tests: it keeps the last canvas drawn and replays scripted keys.
final class MemoryTerminal: Terminal {
    var size: TerminalSize
    let supportsUnicode: Bool
    let colorDepth: ColorDepth
    private(set) var screen: Canvas
    private(set) var theme: Theme?
    private(set) var drawCount = 0
    private(set) var invalidateCount = 0
    private(set) var isShutDown = false
    private(set) var bellCount = 0
    /// Keys returned by `readKey`, first first; nil entries are timeouts.
    var pendingKeys: [Key?] = []
    /// Called before each `readKey`, so a test can change the world between frames.
    var onReadKey: ((MemoryTerminal) -> Void)?

    init(columns: Int = 80, rows: Int = 24, supportsUnicode: Bool = true, colorDepth: ColorDepth = .colors256) {
        size = TerminalSize(columns: columns, rows: rows)
        self.supportsUnicode = supportsUnicode
        self.colorDepth = colorDepth
        screen = Canvas(width: columns, height: rows)
    }

    func apply(_ theme: Theme) { self.theme = theme }

    func draw(_ canvas: Canvas) {
        screen = canvas
        drawCount += 1
    }

    func invalidate() { invalidateCount += 1 }

    func bell() { bellCount += 1 }

    func readKey(timeoutMilliseconds: Int) -> Key? {
        onReadKey?(self)
        if pendingKeys.isEmpty { return .character("q") }  // a script that ran out ends the app
        return pendingKeys.removeFirst()
    }

    func shutdown() { isShutDown = true }

    /// The screen as text, one line per row, trailing spaces removed.
    var text: String { screen.text }

    /// The role of the cell at a column and row.
    func role(x: Int, y: Int) -> StyleRole { screen[x, y].role }

    /// Changes the size, as a terminal window being resized would.
    func resize(columns: Int, rows: Int) {
        size = TerminalSize(columns: columns, rows: rows)
        pendingKeys.insert(.resize, at: 0)
    }
}
