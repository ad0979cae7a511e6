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
}
