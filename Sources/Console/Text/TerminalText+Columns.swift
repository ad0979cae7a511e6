import SwitchboardCore

/// The console's use of the one sanitizer: tabs become spaces to the next stop, counted in display
/// columns (CJK two, combining marks none).
extension TerminalText {
    static let tabWidth = 4

    static func clean(_ text: String) -> String {
        safe(text, tabWidth: tabWidth, width: DisplayWidth.of)
    }

    /// True when the text would reach the screen unchanged.
    static func isClean(_ text: String) -> Bool {
        isSafe(text) && !text.contains("\t")
    }
}
