import SwitchboardCore

/// What the user has chosen on the interfaces view: the selected row (followed by id when the
/// rows reorder) and the first row shown.
struct ViewState: Sendable, Equatable {
    var selectedID: String?
    var selected: Int?
    var offset = 0

    /// Keeps the selection on the same interface, or in range when it went away, and visible.
    mutating func reconcile(rows: [InterfaceStatus], visibleRows: Int) {
        guard !rows.isEmpty else {
            self = ViewState()
            return
        }
        let index = selectedID.flatMap { id in rows.firstIndex { $0.id == id } } ?? min(selected ?? 0, rows.count - 1)
        select(index, rows: rows, visibleRows: visibleRows)
    }

    /// Applies a movement; other actions leave the state as it is.
    mutating func apply(_ action: Action, rows: [InterfaceStatus], visibleRows: Int) {
        guard !rows.isEmpty else { return }
        let current = selected ?? 0
        let page = max(1, visibleRows - 1)
        let target: Int
        switch action {
        case .moveUp: target = current - 1
        case .moveDown: target = current + 1
        case .pageUp: target = current - page
        case .pageDown: target = current + page
        case .moveToTop: target = 0
        case .moveToBottom: target = rows.count - 1
        default: return
        }
        select(min(max(0, target), rows.count - 1), rows: rows, visibleRows: visibleRows)
    }

    private mutating func select(_ index: Int, rows: [InterfaceStatus], visibleRows: Int) {
        selected = index
        selectedID = rows[index].id
        offset = Table.scrollOffset(selected: index, offset: offset, visibleRows: visibleRows, rowCount: rows.count)
    }
}
