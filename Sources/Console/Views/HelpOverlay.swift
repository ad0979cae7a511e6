/// `?`: a box over the view listing every key of the current view and the global ones, from the
/// view's key table.
enum HelpOverlay {
    /// On the last line of a view that writes: how a write is confirmed.
    static let confirmNote = "a write asks first, y sends it"

    static func render(into canvas: inout Canvas, route: Route, glyphs: Glyphs) {
        let table = KeyMap.table(for: route)
        let keyWidth = table.map { DisplayWidth.of($0.keys) }.max() ?? 0
        let lines = table.map {
            $0.keys.padding(toLength: keyWidth, withPad: " ", startingAt: 0) + "  " + $0.description
        }
        let closing = (table.contains { $0.writes } ? confirmNote + "; " : "") + "any key closes"
        let width = min(canvas.width - 2, (lines.map(DisplayWidth.of).max() ?? 0) + 4)
        let height = min(canvas.height - 2, lines.count + 4)
        guard width > 10, height > 4 else { return }
        let x = (canvas.width - width) / 2
        let y = (canvas.height - height) / 2
        let box = glyphs.box
        let title = " Keys \(glyphs.dash) \(route.number.map { "\($0) " } ?? "")\(route.title) "
        let top =
            box.topLeft + title + String(repeating: box.horizontal, count: max(0, width - 2 - DisplayWidth.of(title)))
        canvas.put(top + box.topRight, x: x, y: y, role: .accent, maxWidth: width)
        for row in 1..<(height - 1) {
            canvas.put(box.vertical, x: x, y: y + row, role: .accent)
            canvas.fill(x: x + 1, y: y + row, count: width - 2, role: .normal)
            canvas.put(box.vertical, x: x + width - 1, y: y + row, role: .accent)
        }
        for (index, line) in lines.prefix(height - 4).enumerated() {
            canvas.put(line, x: x + 2, y: y + 1 + index, role: .normal, maxWidth: width - 4)
        }
        canvas.put(closing, x: x + 2, y: y + height - 2, role: .muted, maxWidth: width - 4)
        canvas.put(
            box.bottomLeft + String(repeating: box.horizontal, count: width - 2) + box.bottomRight, x: x,
            y: y + height - 1, role: .accent)
    }
}
