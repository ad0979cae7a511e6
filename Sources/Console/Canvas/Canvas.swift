/// One cell of a `Canvas`: a grapheme and the role it is drawn in.
///
/// A wide character fills its own cell and marks the cell to its right as a continuation,
/// which holds nothing and is never drawn by itself.
struct Cell: Sendable, Equatable {
    var text: String
    var role: StyleRole
    var isContinuation: Bool

    static let blank = Cell(text: " ", role: .normal, isContinuation: false)
}

/// A grid of cells that views draw into and terminals copy out.
///
/// Text is measured in display columns and kept in the form terminals draw alike
/// (`DrawableGrapheme`); anything past the edges is clipped, and a wide character that does not
/// fit in the last column becomes a space.
struct Canvas: Sendable, Equatable {
    let width: Int
    let height: Int
    private(set) var cells: [Cell]

    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes text from column `x` of row `y`, in at most `maxWidth` columns (to the right edge
    /// when nil). Returns the number of columns written.
    @discardableResult
    mutating func put(_ text: String, x: Int, y: Int, role: StyleRole, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var column = x
        for character in DrawableGrapheme.drawable(text) {
            guard column < limit else { break }
            let columns = DisplayWidth.of(character)
            // Zero-width leftovers and control characters never reach the terminal.
            if columns == 0 || character.unicodeScalars.contains(where: Self.isControl) { continue }
            if column < 0 {  // clipped at the left edge
                column += columns
                continue
            }
            if column + columns > limit {
                setCell(column, y, Cell(text: " ", role: role, isContinuation: false))
                column += 1
                break
            }
            setCell(column, y, Cell(text: String(character), role: role, isContinuation: false))
            if columns == 2 {
                setCell(column + 1, y, Cell(text: "", role: role, isContinuation: true))
            }
            column += columns
        }
        return max(0, column - max(x, 0))
    }

    /// Fills `count` columns of row `y` from `x` with a character (a space by default).
    mutating func fill(x: Int, y: Int, count: Int, role: StyleRole, with character: Character = " ") {
        let text = String(repeating: String(character), count: max(0, count))
        put(text, x: x, y: y, role: role, maxWidth: count)
    }

    /// Sets a cell, repairing any wide character it cuts in half.
    private mutating func setCell(_ x: Int, _ y: Int, _ cell: Cell) {
        let index = y * width + x
        if !cell.isContinuation, cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(text: " ", role: cells[index - 1].role, isContinuation: false)
        }
        if x + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(text: " ", role: cells[index + 1].role, isContinuation: false)
        }
        cells[index] = cell
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }

    /// The text of one row, wide characters once each (continuation cells add nothing).
    func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<width where !self[x, y].isContinuation {
            text += self[x, y].text
        }
        return text
    }

    /// All rows joined by newlines, trailing spaces removed: what a person would read.
    var text: String {
        (0..<height).map { line($0).trimmingTrailingSpaces() }.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
