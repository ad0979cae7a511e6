/// A line of sanitized text with a role per character, cut by display columns: scrolled
/// sideways, wrapped, and drawn as runs of one role.
struct StyledLine: Sendable, Equatable {
    struct Piece: Sendable, Equatable {
        var character: Character
        var width: Int
        var role: StyleRole
    }

    private(set) var pieces: [Piece] = []

    init() {}

    /// Sanitized text in one role; zero-width leftovers are dropped.
    init(_ text: String, role: StyleRole) {
        append(text, role: role)
    }

    var width: Int { pieces.reduce(0) { $0 + $1.width } }

    mutating func append(_ text: String, role: StyleRole) {
        for character in text {
            let width = DisplayWidth.of(character)
            if width > 0 { pieces.append(Piece(character: character, width: width, role: role)) }
        }
    }

    /// Gives `role` to the characters in `range` (character offsets).
    mutating func mark(_ range: Range<Int>, role: StyleRole) {
        for index in range where pieces.indices.contains(index) { pieces[index].role = role }
    }

    /// The part from column `start` on; a wide character cut by the edge becomes a space.
    func dropping(columns start: Int) -> StyledLine {
        guard start > 0 else { return self }
        var result = StyledLine()
        var column = 0
        for piece in pieces {
            defer { column += piece.width }
            if column >= start {
                result.pieces.append(piece)
            } else if column + piece.width > start {
                result.pieces.append(Piece(character: " ", width: 1, role: piece.role))
            }
        }
        return result
    }

    /// At most `columns` columns, ending with `ellipsis` (in the role of the text it replaces)
    /// when anything was cut.
    func truncated(to columns: Int, ellipsis: String) -> StyledLine {
        guard width > columns else { return self }
        let budget = columns - DisplayWidth.of(ellipsis)
        var result = StyledLine()
        var used = 0
        for piece in pieces {
            guard used + piece.width <= budget else {
                result.append(ellipsis, role: piece.role)
                break
            }
            result.pieces.append(piece)
            used += piece.width
        }
        return result
    }

    /// Cut into rows of at most `width` columns; a wide character never splits; at least one row.
    func wrapped(width: Int) -> [StyledLine] {
        guard width > 0 else { return [self] }
        var rows: [StyledLine] = []
        var row = StyledLine()
        var used = 0
        for piece in pieces {
            if used + piece.width > width, used > 0 {
                rows.append(row)
                row = StyledLine()
                used = 0
            }
            row.pieces.append(piece)
            used += piece.width
        }
        rows.append(row)
        return rows
    }

    /// Draws the line from column `x` of row `y`, clipped to `maxWidth` columns.
    func draw(into canvas: inout Canvas, x: Int, y: Int, maxWidth: Int) {
        var column = x
        var index = 0
        let limit = x + maxWidth
        while index < pieces.count, column < limit {
            let role = pieces[index].role
            var run = ""
            while index < pieces.count, pieces[index].role == role {
                run.append(pieces[index].character)
                index += 1
            }
            column += canvas.put(run, x: column, y: y, role: role, maxWidth: limit - column)
        }
    }
}
