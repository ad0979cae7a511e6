/// The size of a terminal in columns and rows.
struct TerminalSize: Sendable, Equatable, CustomStringConvertible {
    var columns: Int
    var rows: Int

    var description: String { "\(columns)x\(rows)" }
}

/// A screen the console draws on and reads keys from: ncurses in the program, memory in tests.
///
/// Only the UI loop uses a terminal, so implementations need not be thread-safe.
protocol Terminal: AnyObject {
    var size: TerminalSize { get }
    /// True when the terminal shows Unicode (the locale is UTF-8); box drawing and glyphs fall
    /// back to ASCII when false.
    var supportsUnicode: Bool { get }
    var colorDepth: ColorDepth { get }

    /// Sets how roles look; called once before the first `draw` and whenever the theme changes.
    func apply(_ theme: Theme)
    /// Shows the canvas, sending the terminal only what changed since the last draw.
    func draw(_ canvas: Canvas)
    /// Makes the next `draw` repaint every cell, for a screen garbled by something else.
    func invalidate()
    /// Rings the terminal's bell (or flashes the screen where it has no bell).
    func bell()
    /// Waits up to `timeoutMilliseconds` for a key; nil when none came.
    func readKey(timeoutMilliseconds: Int) -> Key?
    /// Gives the terminal back as it was. Safe to call more than once.
    func shutdown()
}
