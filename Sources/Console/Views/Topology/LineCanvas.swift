/// Orthogonal lines collected cell by cell, then drawn with the box-drawing character that joins
/// every direction a cell has: two lines that meet become `┬`, `├` or `┼` instead of overwriting
/// each other. In ASCII every joint is `+`.
struct LineCanvas: Sendable {
    struct Directions: OptionSet, Sendable, Hashable {
        let rawValue: UInt8
        static let left = Directions(rawValue: 1)
        static let right = Directions(rawValue: 2)
        static let up = Directions(rawValue: 4)
        static let down = Directions(rawValue: 8)
    }

    private struct Mark: Sendable {
        var directions: Directions = []
        var role: StyleRole
        var rank: Int
        var heavy = false
    }

    private var marks: [Point: Mark] = [:]
    private var arrows: [Point: (role: StyleRole, rank: Int, left: Bool)] = [:]
    private var labels: [Point: (text: String, role: StyleRole, rank: Int)] = [:]

    struct Point: Hashable, Sendable {
        var x: Int
        var y: Int
    }

    /// A horizontal run from `x1` to `x2` on row `y`; `rank` decides whose role a shared cell takes,
    /// and a cell any heavy line passes through is drawn heavy.
    mutating func horizontal(y: Int, from x1: Int, to x2: Int, role: StyleRole, rank: Int, heavy: Bool = false) {
        let (low, high) = (min(x1, x2), max(x1, x2))
        guard low < high else { return }
        for x in low...high {
            var directions: Directions = []
            if x > low { directions.insert(.left) }
            if x < high { directions.insert(.right) }
            mark(Point(x: x, y: y), directions, role: role, rank: rank, heavy: heavy)
        }
    }

    /// A vertical run from `y1` to `y2` in column `x`.
    mutating func vertical(x: Int, from y1: Int, to y2: Int, role: StyleRole, rank: Int, heavy: Bool = false) {
        let (low, high) = (min(y1, y2), max(y1, y2))
        guard low < high else { return }
        for y in low...high {
            var directions: Directions = []
            if y > low { directions.insert(.up) }
            if y < high { directions.insert(.down) }
            mark(Point(x: x, y: y), directions, role: role, rank: rank, heavy: heavy)
        }
    }

    /// An arrowhead (pointing right, or left into a box on its left), drawn over whatever line ends there.
    mutating func arrow(x: Int, y: Int, role: StyleRole, rank: Int, pointingLeft: Bool = false) {
        let point = Point(x: x, y: y)
        if let existing = arrows[point], existing.rank >= rank { return }
        arrows[point] = (role, rank, pointingLeft)
    }

    /// A one-cell mark on a line (a state's glyph); where several meet, the highest rank's is drawn.
    /// `onlyOnAStraightLine` leaves out a mark that would hide a joint or a vertical line.
    mutating func label(
        _ text: String, x: Int, y: Int, role: StyleRole, rank: Int, onlyOnAStraightLine: Bool = false
    ) {
        let point = Point(x: x, y: y)
        if onlyOnAStraightLine, let mark = marks[point], !mark.directions.isDisjoint(with: [.up, .down]) { return }
        if let existing = labels[point], existing.rank >= rank { return }
        labels[point] = (text, role, rank)
    }

    private mutating func mark(_ point: Point, _ directions: Directions, role: StyleRole, rank: Int, heavy: Bool) {
        var current = marks[point] ?? Mark(role: role, rank: rank)
        current.directions.formUnion(directions)
        current.heavy = current.heavy || heavy
        if rank > current.rank { (current.role, current.rank) = (role, rank) }
        marks[point] = current
    }

    func draw(into canvas: inout Canvas, glyphs: Glyphs) {
        for (point, mark) in marks where point.x >= 0 && point.x < canvas.width && point.y >= 0 {
            canvas.put(
                Self.character(mark.directions, heavy: mark.heavy, glyphs: glyphs), x: point.x, y: point.y,
                role: mark.role)
        }
        for (point, arrow) in arrows where point.x >= 0 && point.x < canvas.width && point.y >= 0 {
            canvas.put(arrow.left ? glyphs.arrowHeadLeft : glyphs.arrowHead, x: point.x, y: point.y, role: arrow.role)
        }
        for (point, label) in labels where point.x >= 0 && point.x < canvas.width && point.y >= 0 {
            canvas.put(label.text, x: point.x, y: point.y, role: label.role)
        }
    }

    static func character(_ directions: Directions, heavy: Bool = false, glyphs: Glyphs) -> String {
        let horizontal = directions.isDisjoint(with: [.up, .down])
        let vertical = directions.isDisjoint(with: [.left, .right])
        guard glyphs == .unicode else { return horizontal ? (heavy ? "=" : "-") : vertical ? "|" : "+" }
        let set = heavy ? Self.heavy : Self.light
        if horizontal { return set[0] }
        if vertical { return set[1] }
        switch directions {
        case [.right, .down]: return set[2]
        case [.left, .down]: return set[3]
        case [.right, .up]: return set[4]
        case [.left, .up]: return set[5]
        case [.left, .right, .down]: return set[6]
        case [.left, .right, .up]: return set[7]
        case [.up, .down, .right]: return set[8]
        case [.up, .down, .left]: return set[9]
        default: return set[10]
        }
    }

    private static let light = ["─", "│", "┌", "┐", "└", "┘", "┬", "┴", "├", "┤", "┼"]
    private static let heavy = ["━", "┃", "┏", "┓", "┗", "┛", "┳", "┻", "┣", "┫", "╋"]
}
