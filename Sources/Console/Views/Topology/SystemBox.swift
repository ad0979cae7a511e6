import SwitchboardCore

/// One system drawn as a three-row box: its state glyph and name inside, the border in the
/// state's colour, heavy when the system is in the selected blast radius.
enum SystemBox {
    static func draw(
        into canvas: inout Canvas, x: Int, y: Int, width: Int, name: String, state: HealthState, heavy: Bool,
        selected: Bool, glyphs: Glyphs
    ) {
        let box = heavy && glyphs == .unicode ? heavyBox : glyphs.box
        let role = StyleRole(state)
        let inner = width - 2
        let horizontal = String(repeating: heavy && glyphs != .unicode ? "=" : box.horizontal, count: inner)
        canvas.put(box.topLeft + horizontal + box.topRight, x: x, y: y, role: role)
        canvas.put(box.vertical, x: x, y: y + 1, role: role)
        canvas.fill(x: x + 1, y: y + 1, count: inner, role: selected ? .selection : .normal)
        let label = DisplayWidth.truncate(name, to: max(0, inner - 3), ellipsis: glyphs.ellipsis)
        canvas.put(glyphs.glyph(for: state), x: x + 1, y: y + 1, role: selected ? .selection : role)
        canvas.put(label, x: x + 3, y: y + 1, role: selected ? .selection : .normal, maxWidth: inner - 3)
        canvas.put(box.vertical, x: x + width - 1, y: y + 1, role: role)
        canvas.put(box.bottomLeft + horizontal + box.bottomRight, x: x, y: y + 2, role: role)
    }

    static let heavyBox = Glyphs.Box(
        topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛", horizontal: "━", vertical: "┃")
}
