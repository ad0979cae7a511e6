/// What a piece of the screen means; the theme decides how it looks.
enum StyleRole: String, Sendable, CaseIterable, Hashable {
    case normal
    case ok
    case degraded
    case down
    case unknown
    case muted
    case accent
    case selection
    case border
    case title
    case header
    case footer
    case flash
    case error
    /// A state on the title bar (the header's `up 14/18`, `STALE`, `PAUSED`): the state's colour on
    /// the title's background. Derived from the two unless a theme names them.
    case titleDegraded, titleDown, titleUnknown

    /// The roles a theme file names; the others are derived from them.
    static let themed = allCases.filter { $0.onTitle == nil }

    /// The state role whose colour this title-bar role shows.
    var onTitle: StyleRole? {
        switch self {
        case .titleDegraded: .degraded
        case .titleDown: .down
        case .titleUnknown: .unknown
        default: nil
        }
    }

    /// This role as drawn on the title bar: a state keeps its colour on the title's background.
    var onTitleBar: StyleRole {
        switch self {
        case .degraded: .titleDegraded
        case .down, .error: .titleDown
        case .unknown: .titleUnknown
        default: .title
        }
    }
}
