import SwitchboardCore

/// The footer with the keys of the view, and the flash line for messages.
enum FooterView {
    static func render(into canvas: inout Canvas, y: Int, keys: [(keys: String, meaning: String)]) {
        canvas.fill(x: 0, y: y, count: canvas.width, role: .footer)
        var x = 1
        for (keys, meaning) in keys {
            let needed = DisplayWidth.of(keys) + 1 + DisplayWidth.of(meaning) + 2
            guard x + needed <= canvas.width else { break }
            x += canvas.put(keys, x: x, y: y, role: .accent)
            x += canvas.put(" \(meaning)  ", x: x, y: y, role: .footer)
        }
    }
}

/// A one-line message that comes and goes: what a command did, a theme problem.
struct Flash: Sendable, Equatable {
    var text: String
    var role: StyleRole

    static func render(_ flash: Flash?, into canvas: inout Canvas, y: Int, glyphs: Glyphs) {
        guard let flash else { return }
        let text = DisplayWidth.truncate(
            " " + TerminalText.clean(flash.text), to: canvas.width, ellipsis: glyphs.ellipsis)
        canvas.put(text, x: 0, y: y, role: flash.role)
    }
}

/// Shown instead of everything else while the terminal is smaller than the console needs.
enum TooSmallNotice {
    static func message(have: TerminalSize, need: TerminalSize, glyphs: Glyphs) -> String {
        "terminal too small (need at least \(need), have \(have)) \(glyphs.dash) resize"
    }

    static func render(into canvas: inout Canvas, have: TerminalSize, need: TerminalSize, glyphs: Glyphs) {
        let words = message(have: have, need: need, glyphs: glyphs).split(separator: " ").map(String.init)
        var lines: [String] = [""]
        for word in words {
            let candidate = lines[lines.count - 1].isEmpty ? word : lines[lines.count - 1] + " " + word
            if DisplayWidth.of(candidate) > canvas.width, !lines[lines.count - 1].isEmpty {
                lines.append(word)
            } else {
                lines[lines.count - 1] = candidate
            }
        }
        let top = max(0, (canvas.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let x = max(0, (canvas.width - DisplayWidth.of(line)) / 2)
            canvas.put(line, x: x, y: top + offset, role: .error)
        }
    }
}

/// The view's area while its rows of a large snapshot are derived in the background (a moment).
enum PendingView {
    static func message(interfaces: Int) -> String {
        "preparing the view of \(Plural.count(interfaces, "interface"))"
    }

    static func render(into canvas: inout Canvas, y: Int, height: Int, interfaces: Int) {
        guard height > 0 else { return }
        let line = DisplayWidth.truncate(message(interfaces: interfaces), to: canvas.width, ellipsis: "")
        canvas.put(line, x: max(0, (canvas.width - DisplayWidth.of(line)) / 2), y: y + height / 2, role: .muted)
    }
}
