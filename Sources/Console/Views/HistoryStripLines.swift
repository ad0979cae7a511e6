import SwitchboardCore

/// The last 24 hours of an interface under its availability: its 5-minute cells folded to the
/// width there is (the worst state of each group wins), and a time axis under them.
///
/// ```
/// history 24h   ▁▁▁▁▁▁▄▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁██▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁
/// 25 min/cell   -24h                        -12h                            now
/// ```
enum HistoryStripLines {
    typealias Part = (text: String, role: StyleRole)
    /// Columns left of the strip, as the other lines of the detail.
    static let labelWidth = 14

    /// Nothing without history; `width` is the whole line's.
    static func lines(_ strip: HistoryStrip, width: Int, glyphs: Glyphs) -> [[Part]] {
        let room = width - labelWidth - 2
        guard !strip.isEmpty, room >= 24 else { return [] }
        let cells = strip.folded(toWidth: room)
        var line: [Part] = [("history 24h   ", .muted)]
        for cell in cells {
            let part = (glyphs.historyCell(cell), StyleRole(cell))
            if let last = line.last, last.role == part.1, line.count > 1 {
                line[line.count - 1].text += part.0
            } else {
                line.append(part)
            }
        }
        let minutes = strip.bucketsPerCell(width: room) * HistoryStrip.bucketSeconds / 60
        let label = "\(minutes) min/cell"
        return [
            line,
            [
                (label + String(repeating: " ", count: max(1, labelWidth - label.count)), .muted),
                (axis(cells.count), .muted),
            ],
        ]
    }

    /// `-24h`, `-12h` and `now` placed under the first, middle and last cells.
    static func axis(_ count: Int) -> String {
        var text = [Character](repeating: " ", count: count)
        func place(_ label: String, at start: Int) {
            for (offset, character) in label.enumerated() where start + offset < count && start + offset >= 0 {
                text[start + offset] = character
            }
        }
        place("-24h", at: 0)
        place("-12h", at: count / 2 - 2)
        place("now", at: count - 3)
        return String(text)
    }
}
