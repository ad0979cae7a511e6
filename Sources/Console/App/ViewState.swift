import SwitchboardCore

/// What the user has chosen on a list: the selected row (followed by id when the
/// rows reorder) and the first row shown.
struct ViewState: Sendable, Equatable {
    var selectedID: String?
    var selected: Int?
    var offset = 0

    mutating func reconcile(rows: [InterfaceStatus], visibleRows: Int) {
        reconcile(ids: rows.map(\.id), visibleRows: visibleRows)
    }

    mutating func apply(_ action: Action, rows: [InterfaceStatus], visibleRows: Int) {
        apply(action, ids: rows.map(\.id), visibleRows: visibleRows)
    }

    /// Keeps the selection on the same row (by id), or in range when it went away, and visible.
    mutating func reconcile(ids rows: [String], visibleRows: Int) {
        guard !rows.isEmpty else {
            self = ViewState()
            return
        }
        let index = selectedID.flatMap { id in rows.firstIndex(of: id) } ?? min(selected ?? 0, rows.count - 1)
        select(index, rows: rows, visibleRows: visibleRows)
    }

    /// Applies a movement; other actions leave the state as it is.
    mutating func apply(_ action: Action, ids rows: [String], visibleRows: Int) {
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

    /// Moves the selection off a row that cannot be chosen (a group heading) to the nearest one
    /// that can, looking first in the direction of travel.
    mutating func skip(where unselectable: (Int) -> Bool, forward: Bool, rows: [String], visibleRows: Int) {
        guard let current = selected, rows.indices.contains(current), unselectable(current) else { return }
        let ahead = forward ? Array(current + 1..<rows.count) : Array((0..<current).reversed())
        let behind = forward ? Array((0..<current).reversed()) : Array(current + 1..<rows.count)
        guard let target = (ahead + behind).first(where: { !unselectable($0) }) else { return }
        select(target, rows: rows, visibleRows: visibleRows)
        // The heading above a group's first row scrolls into view with it.
        if target > 0, unselectable(target - 1), offset == target, visibleRows > 1 { offset = target - 1 }
    }

    private mutating func select(_ index: Int, rows: [String], visibleRows: Int) {
        selected = index
        selectedID = rows[index]
        offset = Table.scrollOffset(selected: index, offset: offset, visibleRows: visibleRows, rowCount: rows.count)
    }
}
