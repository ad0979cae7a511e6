import SwitchboardCore

extension Glyphs {
    /// The mark of one cell of the 24-hour strip: higher as it gets worse, so that the strip reads
    /// without colour (`·▁▄█` in UTF-8, `.-!x` in ASCII).
    func historyCell(_ cell: HistoryCell) -> String {
        switch cell {
        case .noData: isUnicode ? "·" : "."
        case .ok: isUnicode ? "▁" : "-"
        case .degraded: isUnicode ? "▄" : "!"
        case .down: isUnicode ? "█" : "x"
        }
    }
}

extension StyleRole {
    /// The role a cell of the 24-hour strip is drawn in.
    init(_ cell: HistoryCell) {
        switch cell {
        case .noData: self = .muted
        case .ok: self = .ok
        case .degraded: self = .degraded
        case .down: self = .down
        }
    }
}
