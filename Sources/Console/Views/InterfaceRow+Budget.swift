import Foundation
import SwitchboardCore

/// The BUDGET column: the error budget left of an interface's SLO, red while a paging pair burns
/// over its factor, yellow while a ticket pair does, `-` without an SLO or before its first event.
extension InterfaceRow {
    /// Shown only when some interface has an SLO, and left out first when the width is short.
    static let budgetColumn = Table.Column(title: "BUDGET", minWidth: 6, maxWidth: 6, alignment: .right, priority: 0)

    static func budgetCell(_ slo: SLOStatus?) -> Table.Cell {
        guard let slo, let left = slo.budgetRemaining else { return Table.Cell("-", role: .muted) }
        let role: StyleRole =
            switch slo.burning {
            case "page": .down
            case "ticket": .degraded
            default: left < 0 ? .degraded : .normal
            }
        return Table.Cell(budget(left), role: role)
    }

    /// `87%`, `0%`, `-40%`: whole percent rounded down (so a spent budget never reads 1%), at most
    /// `-999%` where a column has to hold it.
    static func budget(_ left: Double, clamped: Bool = true) -> String {
        let percent = max(clamped ? -999 : -1e12, (left * 100 + 1e-9).rounded(.down))
        return "\(Int(percent))%"
    }
}
