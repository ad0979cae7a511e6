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

/// The `:` or `/` line being typed, with a block cursor after the text and, while a prompt's answer
/// does not parse, what is wrong with it: the problem keeps up to half the line, and the end of the
/// text scrolls in the rest, so a long answer on a narrow screen never hides it.
enum InputLineView {
    static func render(_ input: InputLine, into canvas: inout Canvas, y: Int, glyphs: Glyphs) {
        canvas.fill(x: 0, y: y, count: canvas.width, role: .normal)
        let problem = input.problem.map {
            DisplayWidth.truncate($0, to: canvas.width / 2, ellipsis: glyphs.ellipsis)
        }
        let reserved = problem.map { DisplayWidth.of($0) + 2 } ?? 0
        let text = input.prompt + input.text
        let shown = String(text.suffix(max(1, canvas.width - 2 - reserved)))
        let x = canvas.put(shown, x: 0, y: y, role: .accent)
        let end = x + canvas.put(" ", x: x, y: y, role: .selection)
        guard let problem, end + 2 < canvas.width else { return }
        canvas.put(problem, x: end + 2, y: y, role: .error)
    }
}
