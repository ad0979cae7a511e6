import SwitchboardCore

/// The second row: the six views by number, the current one marked, then the breadcrumbs of a
/// drill-down (`3 Interfaces › orders-shop-erp`).
enum TabBar {
    static func render(into canvas: inout Canvas, y: Int, navigation: Navigation, glyphs: Glyphs) {
        var x = 1
        let top = navigation.stack[0]
        for view in Route.views {
            let label = "\(view.number ?? 0) \(view.title)"
            let current = view == top
            guard x + DisplayWidth.of(label) + 2 <= canvas.width else { break }
            x += canvas.put(current ? "[\(label)]" : " \(label) ", x: x, y: y, role: current ? .accent : .muted)
        }
        let trail = navigation.stack.dropFirst().map { TerminalText.clean($0.title) }
        guard !trail.isEmpty else { return }
        let separator = glyphs == .unicode ? " › " : " > "
        let text = separator + trail.joined(separator: separator)
        canvas.put(
            DisplayWidth.truncate(text, to: max(0, canvas.width - x - 1), ellipsis: glyphs.ellipsis), x: x, y: y,
            role: .title)
    }
}
