/// `?`: a box over the view listing every key of the current view and the global ones, from the
/// view's key table, then the `:` commands. Taller than the screen, it scrolls (j/k, arrows,
/// PgUp/PgDn, g/G) and says which lines it shows; any other key closes it.
enum HelpOverlay {
    /// On the last line of a view that writes: how a write is confirmed.
    static let confirmNote = "a write asks first, y sends it"

    /// The overlay's lines: the keys, a blank line, the `:` commands.
    static func lines(for route: Route) -> [String] {
        let table = KeyMap.table(for: route)
        let commands = ConsoleCommand.words
        let width = max(
            table.map { DisplayWidth.of($0.keys) }.max() ?? 0, commands.map { DisplayWidth.of($0.usage) }.max() ?? 0)
        func line(_ left: String, _ right: String) -> String {
            left.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + right
        }
        return table.map { line($0.keys, $0.description) } + [""] + commands.map { line($0.usage, $0.summary) }
    }

    /// The rows of lines the overlay has room for on a screen `height` rows high.
    static func visibleRows(route: Route, height: Int) -> Int {
        min(height - 2, lines(for: route).count + 4) - 4
    }

    /// The first line shown after `key`, from `top`; nil when the key closes the overlay.
    static func scrolled(_ top: Int, by key: Key, route: Route, height: Int) -> Int? {
        let rows = max(1, visibleRows(route: route, height: height))
        let last = max(0, lines(for: route).count - rows)
        let top = min(top, last)
        switch key {
        case .character("j"), .down: return min(last, top + 1)
        case .character("k"), .up: return max(0, top - 1)
        case .pageDown, .character(" "), .control("f"): return min(last, top + rows)
        case .pageUp, .control("b"): return max(0, top - rows)
        case .character("g"), .home: return 0
        case .character("G"), .end: return last
        default: return nil
        }
    }

    static func render(into canvas: inout Canvas, route: Route, top: Int, glyphs: Glyphs) {
        let table = KeyMap.table(for: route)
        let lines = lines(for: route)
        let width = min(canvas.width - 2, (lines.map(DisplayWidth.of).max() ?? 0) + 4)
        let height = min(canvas.height - 2, lines.count + 4)
        guard width > 10, height > 4 else { return }
        let rows = height - 4
        let top = max(0, min(top, lines.count - rows))
        let scrolls = rows < lines.count
        let x = (canvas.width - width) / 2
        let y = (canvas.height - height) / 2
        let box = glyphs.box
        let title = " Keys \(glyphs.dash) \(route.number.map { "\($0) " } ?? "")\(route.title) "
        let border =
            box.topLeft + title + String(repeating: box.horizontal, count: max(0, width - 2 - DisplayWidth.of(title)))
        canvas.put(border + box.topRight, x: x, y: y, role: .accent, maxWidth: width)
        for row in 1..<(height - 1) {
            canvas.put(box.vertical, x: x, y: y + row, role: .accent)
            canvas.fill(x: x + 1, y: y + row, count: width - 2, role: .normal)
            canvas.put(box.vertical, x: x + width - 1, y: y + row, role: .accent)
        }
        for (index, line) in lines.dropFirst(top).prefix(rows).enumerated() {
            canvas.put(line, x: x + 2, y: y + 1 + index, role: .normal, maxWidth: width - 4)
        }
        let closing =
            (table.contains { $0.writes } ? confirmNote + "; " : "")
            + (scrolls ? "j/k PgUp/PgDn scroll, other keys close" : "any key closes")
        canvas.put(closing, x: x + 2, y: y + height - 2, role: .muted, maxWidth: width - 4)
        // Where the lines shown are, in the bottom border, when they are not all of them.
        let position = scrolls ? " \(top + 1)-\(top + rows) of \(lines.count) " : ""
        let rule = max(0, width - 2 - DisplayWidth.of(position) - 1)
        canvas.put(
            box.bottomLeft + String(repeating: box.horizontal, count: rule) + position + box.horizontal
                + box.bottomRight, x: x, y: y + height - 1, role: .accent, maxWidth: width)
    }
}
