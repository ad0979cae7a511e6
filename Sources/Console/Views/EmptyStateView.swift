/// The alerts, jobs and logs views until their engines exist: what will be here and what it
/// needs, never invented rows.
enum EmptyStateView {
    static func message(for route: Route) -> [String] {
        switch route {
        case .alerts:
            [
                "No alert queue yet.",
                "Alerts come from Prometheus rule files (rule_files: in the config), evaluated over the",
                "probe and scraped series; the rule engine is not part of this build yet.",
            ]
        case .jobs:
            [
                "No job runs yet.",
                "Jobs (jobs: in the config) are parsed and validated; running them and reading their",
                "logs is not part of this build yet.",
            ]
        case .logs:
            ["No logs yet.", "The logs of job runs will be here once jobs run."]
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
