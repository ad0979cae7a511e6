import SwitchboardCore

/// The systems of the landscape as `✔ ERP  ✖ CRM  …`, wrapped to the width.
enum SystemsStrip {
    struct Item: Sendable, Equatable {
        var text: String
        var role: StyleRole
    }

    static func items(_ systems: [SystemStatus], glyphs: Glyphs) -> [Item] {
        systems.map {
            Item(text: "\(glyphs.glyph(for: $0.state)) \(TerminalText.clean($0.name))", role: StyleRole($0.state))
        }
    }

    /// The items laid out in lines of at most `width` columns, at most `maxLines` lines (the
    /// last one ending in `+N` for the systems that did not fit).
    static func lines(_ items: [Item], width: Int, maxLines: Int) -> [[Item]] {
        let label = "systems "
        var lines: [[Item]] = [[Item(text: label, role: .muted)]]
        var used = DisplayWidth.of(label)
        for (index, item) in items.enumerated() {
            let itemWidth = DisplayWidth.of(item.text)
            if used > DisplayWidth.of(label), used + 2 + itemWidth > width {
                if lines.count == maxLines {
                    lines[lines.count - 1] = withMoreMarker(
                        lines[lines.count - 1], hidden: items.count - index, width: width)
                    return lines
                }
                lines.append([Item(text: String(repeating: " ", count: DisplayWidth.of(label)), role: .muted)])
                used = DisplayWidth.of(label)
            }
            if used > DisplayWidth.of(label) {
                lines[lines.count - 1].append(Item(text: "  ", role: .normal))
                used += 2
            }
            lines[lines.count - 1].append(item)
            used += itemWidth
        }
        return lines
    }

    /// Ends a full line with `+N` for the items left out, dropping items until the marker fits.
    private static func withMoreMarker(_ line: [Item], hidden: Int, width: Int) -> [Item] {
        var line = line
        var hidden = hidden
        func lineWidth() -> Int { line.reduce(0) { $0 + DisplayWidth.of($1.text) } }
        while line.count > 1, lineWidth() + DisplayWidth.of("  +\(hidden)") > width {
            line.removeLast()  // the item
            if line.count > 1 { line.removeLast() }  // its separator
            hidden += 1
        }
        return line + [Item(text: "  +\(hidden)", role: .muted)]
    }

    /// Draws the strip from row `y`; returns the number of rows used.
    @discardableResult
    static func render(
        into canvas: inout Canvas, y: Int, systems: [SystemStatus], maxLines: Int, glyphs: Glyphs
    ) -> Int {
        let laidOut = lines(items(systems, glyphs: glyphs), width: canvas.width, maxLines: maxLines)
        for (offset, line) in laidOut.enumerated() {
            var x = 0
            for item in line {
                x += canvas.put(
                    DisplayWidth.truncate(item.text, to: max(0, canvas.width - x), ellipsis: glyphs.ellipsis),
                    x: x, y: y + offset, role: item.role)
            }
        }
        return laidOut.count
    }
}
