/// A view that has nothing to show in this build says so and where to look instead, never invented rows.
enum EmptyStateView {
    static func message(for route: Route) -> [String] {
        switch route {
        case .logs:
            [
                "Job logs are not browsable in the console yet.",
                "Runs and their lines are stored (levels, first error, search): read them with",
                "switchboard jobs logs ID [--run N] [--follow] [--grep REGEX]",
            ]
        default: []
        }
    }

    static func render(into canvas: inout Canvas, y: Int, height: Int, route: Route, glyphs: Glyphs) {
        for (index, line) in message(for: route).prefix(max(0, height - 1)).enumerated() {
            canvas.put(
                DisplayWidth.truncate(line, to: canvas.width - 4, ellipsis: glyphs.ellipsis), x: 2, y: y + 1 + index,
                role: index == 0 ? .title : .muted)
        }
    }
}
