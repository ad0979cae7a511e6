import Foundation
import SwitchboardCore

/// The error-budget lines of the interface detail: objective, window, SLI and budget left, then
/// the burn rate over the long and short window of each workbook pair (red when a paging pair
/// burns over its factor, yellow for a ticket pair), and the chart of the budget across the window
/// (`BudgetChartLines`) where there is room.
extension InterfaceDetailView {
    static func budgetLines(_ slo: SLOStatus, width: Int = 100, glyphs: Glyphs = .unicode) -> [[Part]] {
        let window = DurationParser.format(.seconds(slo.windowSeconds), units: 1)
        let left = slo.budgetRemaining.map { InterfaceRow.budget($0, clamped: false) + " left" } ?? "no events yet"
        let leftRole: StyleRole =
            slo.burning == "page"
            ? .down : slo.burning == "ticket" || (slo.budgetRemaining ?? 1) < 0 ? .degraded : .normal
        var rates: [Part] = [("burn rate     ", .muted)]
        for (index, pair) in slo.pairs.enumerated() {
            let role: StyleRole = pair.isBurning ? (pair.severity == "page" ? .down : .degraded) : .normal
            rates.append(((index > 0 ? "  " : "") + "\(pair.longWindow)/\(pair.shortWindow) ", .muted))
            rates.append(("\(rate(pair.longRate))/\(rate(pair.shortRate))", role))
        }
        return [
            [
                ("error budget  ", .muted), (left, leftRole),
                ("   objective ", .muted), (percent(slo.objective) + " over " + window, .normal),
                ("   SLI ", .muted), (slo.sli.map { percent($0, decimals: 2) } ?? "-", .normal),
            ],
            rates,
        ] + BudgetChartLines.lines(slo, width: width, glyphs: glyphs)
    }

    /// `0.4`, `14`, `-`: one decimal below 10, whole numbers above.
    static func rate(_ value: Double?) -> String {
        guard let value else { return "-" }
        return value < 10 ? String(format: "%.1f", value) : String(Int(value.rounded(.down)))
    }

    /// `99.5%`, `99.95%`: as many decimals as the ratio needs, at most `decimals`, rounded down.
    static func percent(_ ratio: Double, decimals: Int = 3) -> String {
        let scale = pow(10, Double(decimals))
        var text = String(format: "%.\(decimals)f", (ratio * 100 * scale + 1e-6).rounded(.down) / scale)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + "%"
    }
}
