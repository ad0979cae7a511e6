import SwitchboardCore

/// The characters the console draws with: Unicode where the locale is UTF-8, ASCII elsewhere.
struct Glyphs: Sendable, Equatable {
    var ok: String
    var degraded: String
    var down: String
    var unknown: String
    var arrow: String
    var arrowBack: String
    var ellipsis: String
    var separator: String
    var rule: Character
    var dash: String
    /// The head of a line that enters a box from the left.
    var arrowHead: String
    /// The head of a line that enters a box from the right (an edge closing a cycle).
    var arrowHeadLeft: String
    var box: Box
    /// Sparkline levels, lowest first.
    var levels: [String]
    /// Whether symbols beyond ASCII may be drawn: braille charts (2x4 dots per cell, otherwise one
    /// value per column of `levels`), state marks such as `◔` and `▼`.
    var isUnicode: Bool

    /// A box's corners and sides.
    struct Box: Sendable, Equatable {
        var topLeft: String
        var topRight: String
        var bottomLeft: String
        var bottomRight: String
        var horizontal: String
        var vertical: String
    }

    static let unicode = Glyphs(
        ok: "✔", degraded: "▲", down: "✖", unknown: "?", arrow: "→", arrowBack: "←", ellipsis: "…", separator: "│",
        rule: "─", dash: "—",
        arrowHead: "▶", arrowHeadLeft: "◀",
        box: Box(
            topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│"),
        levels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], isUnicode: true
    )
    static let ascii = Glyphs(
        ok: "+", degraded: "!", down: "x", unknown: "?", arrow: "->", arrowBack: "<-", ellipsis: "~", separator: "|",
        rule: "-",
        dash: "-", arrowHead: ">", arrowHeadLeft: "<",
        box: Box(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|"),
        levels: ["_", ".", "-", "=", "+", "*", "#"], isUnicode: false)

    func glyph(for state: HealthState) -> String {
        switch state {
        case .ok: ok
        case .degraded: degraded
        case .down: down
        case .unknown: unknown
        }
    }
}

extension StyleRole {
    /// The role a health state is shown in.
    init(_ state: HealthState) {
        switch state {
        case .ok: self = .ok
        case .degraded: self = .degraded
        case .down: self = .down
        case .unknown: self = .unknown
        }
    }
}
