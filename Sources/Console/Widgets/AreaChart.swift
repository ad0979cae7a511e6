/// A filled area chart of values from zero to the largest, in braille dots (two values per cell
/// and four steps per row) or, without them, one value per cell in level characters.
enum AreaChart {
    /// `rows` lines of at most `width` cells, top line first, of the newest values that fit.
    static func lines(_ values: [Double], width: Int, rows: Int, glyphs: Glyphs) -> [String] {
        guard width > 0, rows > 0 else { return [] }
        let perCell = glyphs.isUnicode ? 2 : 1
        let shown = Array(values.suffix(width * perCell))
        let top = max(shown.max() ?? 0, .leastNonzeroMagnitude)
        return glyphs.isUnicode
            ? braille(shown, top: top, rows: rows) : blocks(shown, top: top, rows: rows, glyphs: glyphs)
    }

    /// Dot bits of a braille cell by column (0 left, 1 right) and dot row (0 top … 3 bottom).
    private static let dotBits: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    private static func braille(_ values: [Double], top: Double, rows: Int) -> [String] {
        let dots = rows * 4
        let heights = values.map { $0 > 0 ? max(1, Int(($0 / top * Double(dots)).rounded())) : 0 }
        let cells = (heights.count + 1) / 2
        return (0..<rows).map { row in
            var line = ""
            for cell in 0..<cells {
                var bits: UInt32 = 0
                for column in 0..<2 where cell * 2 + column < heights.count {
                    for dot in 0..<4 {
                        let fromBottom = (rows - 1 - row) * 4 + (3 - dot)
                        if fromBottom < heights[cell * 2 + column] { bits |= dotBits[column][dot] }
                    }
                }
                line.unicodeScalars.append(Unicode.Scalar(0x2800 + bits)!)
            }
            return line
        }
    }

    private static func blocks(_ values: [Double], top: Double, rows: Int, glyphs: Glyphs) -> [String] {
        let steps = glyphs.levels.count
        let heights = values.map { $0 > 0 ? max(1, Int(($0 / top * Double(rows * steps)).rounded())) : 0 }
        return (0..<rows).map { row in
            let below = (rows - 1 - row) * steps
            return heights.map { height in
                let level = height - below
                if level <= 0 { return " " }
                return level >= steps ? glyphs.levels[steps - 1] : glyphs.levels[level - 1]
            }.joined()
        }
    }
}
