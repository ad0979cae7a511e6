/// What the user asks for, independent of the key that asked.
enum Action: Sendable, Equatable {
    case quit
    case moveUp, moveDown, pageUp, pageDown, moveToTop, moveToBottom
    case redraw
    case checkNow
    case resized
}

/// The keys of the interfaces view.
enum KeyMap {
    static func action(for key: Key) -> Action? {
        switch key {
        case .character("q"), .character("Q"): .quit
        case .character("j"), .down: .moveDown
        case .character("k"), .up: .moveUp
        case .character("g"), .home: .moveToTop
        case .character("G"), .end: .moveToBottom
        case .pageUp, .control("b"): .pageUp
        case .pageDown, .control("f"), .character(" "): .pageDown
        case .character("r"), .control("l"): .redraw
        case .character("c"): .checkNow
        case .resize: .resized
        default: nil
        }
    }

    /// The keys shown in the footer, in order.
    static let help: [(keys: String, meaning: String)] = [
        ("j/k", "move"), ("g/G", "top/end"), ("PgUp/PgDn", "page"), ("c", "check now"), ("r", "redraw"),
        ("q", "quit"),
    ]
}
