/// A key press, as the console understands it.
enum Key: Sendable, Equatable, Hashable {
    case character(Character)
    /// A character typed with Control held: `.control("l")` for Ctrl-L.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace
    case function(Int)
    /// The terminal changed size.
    case resize

    /// The key for a character code read from the terminal (not a function key).
    init(code: UInt32) {
        switch code {
        case 9: self = .tab
        case 10, 13: self = .enter
        case 27: self = .escape
        case 8, 127: self = .backspace
        case 1...26: self = .control(Character(UnicodeScalar(UInt8(code + 96))))
        default: self = .character(Character(UnicodeScalar(code) ?? "?"))
        }
    }
}
