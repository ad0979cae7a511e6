import Foundation

/// A table with a header row, a selected row and scrolling, measured in display columns so that
/// CJK text stays aligned. It knows nothing of what its rows mean.
struct Table: Sendable {
    struct Column: Sendable, Equatable {
        var title: String
        var minWidth: Int
        var maxWidth: Int
        /// Share of the spare width this column takes; 0 keeps it at `minWidth`.
        var flex: Int = 0
        var alignment: TextAlignment = .left
        /// Columns of lower priority are left out first when the width is short.
        var priority: Int = 0
        /// The width the column wants whatever its cells hold, for a column whose content comes and
        /// goes (a reason), so that the others keep their width when it does; nil to follow the
        /// widest visible cell.
        var preferredWidth: Int?
    }

    struct Cell: Sendable, Equatable {
        var text: String
        var role: StyleRole
        /// The row's only cell, across every column (a group heading).
        var spans = false
        /// Shorter forms, longest first, shown instead of cutting `text` when it does not fit.
        var shorter: [String] = []
        /// Two ends joined by a separator (`CRM Sales Cloud → ERP`), in forms from longest to
        /// shortest (names, then ids): the first that fits, or else the last with both ends cut, so
        /// that neither end is ever dropped.
        var ends: [Ends] = []

        init(_ text: String, role: StyleRole = .normal, shorter: [String] = []) {
            self.text = text
            self.role = role
            self.shorter = shorter
        }

        /// A row of one cell across the whole width.
        static func spanning(_ text: String, role: StyleRole) -> [Cell] {
            var cell = Cell(text, role: role)
            cell.spans = true
            return [cell]
        }

        /// A cell of two ends joined by `separator`, in forms from longest to shortest.
        static func ends(_ forms: [(from: String, to: String)], separator: String, role: StyleRole = .normal) -> Cell {
            let first = forms.first ?? ("", "")
            var cell = Cell(first.from + separator + first.to, role: role)
            cell.ends = forms.map { Ends(from: $0.from, separator: separator, to: $0.to) }
            return cell
        }

        /// The text as it fits `columns` columns: whole, a shorter form, both ends cut, or cut at the end.
        func fitted(to columns: Int, ellipsis: String) -> String {
            if DisplayWidth.of(text) <= columns { return text }
            if let form = shorter.first(where: { DisplayWidth.of($0) <= columns }) { return form }
            if let last = ends.last {
                if let form = ends.first(where: { DisplayWidth.of($0.text) <= columns }) { return form.text }
                return DisplayWidth.joining(
                    last.from, last.separator.trimmingCharacters(in: .whitespaces), last.to, to: columns,
                    ellipsis: ellipsis)
            }
            return text
        }
    }

    /// The two ends of a route.
    struct Ends: Sendable, Equatable {
        var from: String
        var separator: String
        var to: String

        var text: String { from + separator + to }
    }

    var columns: [Column]
    var gap = 1
    var ellipsis = "…"

    /// The width of each column for a total width; 0 for a column left out.
    ///
    /// Columns start at their minimum; spare width goes first to flexible columns whose content
    /// (`natural`, in display columns) is wider, in proportion to `flex`, then to the rest up to `maxWidth`.
    func widths(for total: Int, natural: [Int]? = nil) -> [Int] {
        var shown = Array(repeating: true, count: columns.count)
        func needed() -> Int {
            let visible = columns.indices.filter { shown[$0] }
            return visible.reduce(0) { $0 + columns[$1].minWidth } + max(0, visible.count - 1) * gap
        }
        while needed() > total,
            let drop = columns.indices.filter({ shown[$0] }).min(by: {
                (columns[$0].priority, -$0) < (columns[$1].priority, -$1)
            })
        {
            shown[drop] = false
        }
        var widths = columns.indices.map { shown[$0] ? columns[$0].minWidth : 0 }
        var spare = total - needed()
        if let natural {
            let wanted = columns.indices.map { min(columns[$0].maxWidth, max(columns[$0].minWidth, natural[$0])) }
            spare = grow(&widths, by: spare, shown: shown, limits: wanted)
        }
        _ = grow(&widths, by: spare, shown: shown, limits: columns.map(\.maxWidth))
        return widths
    }

    /// Widths after a column whose cells came out in a shorter form (ids for names) gives the
    /// width it does not use to the flexible columns: a route shown as `crm → erp` keeps no gap.
    private func reclaimingShortenedWidth(_ widths: [Int], rows: [[Cell]]) -> [Int] {
        var widths = widths
        var limits = columns.map(\.maxWidth)
        var spare = 0
        for index in columns.indices where widths[index] > 0 {
            let cells = rows.compactMap { index < $0.count && !$0[index].spans ? $0[index] : nil }
            guard cells.contains(where: { !$0.shorter.isEmpty || !$0.ends.isEmpty }) else { continue }
            let used = cells.reduce(DisplayWidth.of(columns[index].title)) {
                max($0, DisplayWidth.of($1.fitted(to: widths[index], ellipsis: ellipsis)))
            }
            guard used < widths[index] else { continue }
            let kept = max(used, columns[index].minWidth)
            spare += widths[index] - kept
            widths[index] = kept
            limits[index] = kept
        }
        if spare > 0 { _ = grow(&widths, by: spare, shown: widths.map { $0 > 0 }, limits: limits) }
        return widths
    }

    /// Hands out `spare` columns to the flexible columns below their limits, by weight; returns what is left.
    private func grow(_ widths: inout [Int], by spare: Int, shown: [Bool], limits: [Int]) -> Int {
        var spare = spare
        while spare > 0 {
            let growing = columns.indices.filter { shown[$0] && columns[$0].flex > 0 && widths[$0] < limits[$0] }
            guard !growing.isEmpty else { break }
            let weight = growing.reduce(0) { $0 + columns[$1].flex }
            var given = 0
            for index in growing {
                let share = max(1, spare * columns[index].flex / weight)
                let grant = min(share, limits[index] - widths[index], spare - given)
                widths[index] += grant
                given += grant
                if given == spare { break }
            }
            if given == 0 { break }
            spare -= given
        }
        return spare
    }

    /// The first row to show so that `selected` is visible in `visibleRows` rows, moving as
    /// little as possible from `offset`.
    static func scrollOffset(selected: Int, offset: Int, visibleRows: Int, rowCount: Int) -> Int {
        guard visibleRows > 0, rowCount > 0 else { return 0 }
        var result = min(offset, max(0, rowCount - visibleRows))
        if selected < result { result = selected }
        if selected >= result + visibleRows { result = selected - visibleRows + 1 }
        return max(0, result)
    }

    /// Draws the header and the rows from `offset` that fit in `height` rows (header included).
    func render(
        into canvas: inout Canvas, x: Int, y: Int, width: Int, height: Int,
        rows: [[Cell]], selected: Int?, offset: Int
    ) {
        render(
            into: &canvas, x: x, y: y, width: width, height: height, rowCount: rows.count, selected: selected,
            offset: offset
        ) { rows[$0] }
    }

    /// Draws the header and the rows from `offset` that fit in `height` rows, asking `cells` only for
    /// those rows: a frame costs what its visible rows cost, however many rows the table has. The
    /// columns fit the widest visible cell.
    func render(
        into canvas: inout Canvas, x: Int, y: Int, width: Int, height: Int,
        rowCount: Int, selected: Int?, offset: Int, cells: (Int) -> [Cell]
    ) {
        guard height > 0, width > 0 else { return }
        let visible = max(0, height - 1)
        let shown = (offset..<max(offset, min(rowCount, offset + visible))).map { (index: $0, cells: cells($0)) }
        let natural = columns.indices.map { column in
            if let preferred = columns[column].preferredWidth { return preferred }
            return shown.reduce(DisplayWidth.of(columns[column].title)) { widest, row in
                column < row.cells.count && !row.cells[column].spans
                    ? max(widest, DisplayWidth.of(row.cells[column].text)) : widest
            }
        }
        let widths = reclaimingShortenedWidth(widths(for: width, natural: natural), rows: shown.map(\.cells))
        let header = columns.map { Cell($0.title, role: .header) }
        draw(header, widths: widths, into: &canvas, x: x, y: y, width: width, rowRole: .header)
        for (line, row) in shown.enumerated() {
            let rowRole: StyleRole? = row.index == selected ? .selection : nil
            draw(row.cells, widths: widths, into: &canvas, x: x, y: y + 1 + line, width: width, rowRole: rowRole)
        }
    }

    /// One row: each cell fitted to its column; `rowRole` (selection, header) overrides the
    /// cells' own roles and fills the gaps.
    private func draw(
        _ cells: [Cell], widths: [Int], into canvas: inout Canvas, x: Int, y: Int, width: Int, rowRole: StyleRole?
    ) {
        if let rowRole { canvas.fill(x: x, y: y, count: width, role: rowRole) }
        if let only = cells.first, only.spans {
            canvas.put(
                DisplayWidth.truncate(only.text, to: width, ellipsis: ellipsis), x: x, y: y, role: rowRole ?? only.role,
                maxWidth: width)
            return
        }
        var column = x
        for (index, columnWidth) in widths.enumerated() where columnWidth > 0 {
            let cell = index < cells.count ? cells[index] : Cell("")
            let text = DisplayWidth.fit(
                cell.fitted(to: columnWidth, ellipsis: ellipsis), to: columnWidth, alignment: columns[index].alignment,
                ellipsis: ellipsis)
            canvas.put(text, x: column, y: y, role: rowRole ?? cell.role, maxWidth: columnWidth)
            column += columnWidth + gap
        }
    }
}
