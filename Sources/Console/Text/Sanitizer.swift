/// Makes text from outside (names, reasons, log lines) safe to put on a terminal.
///
/// No control character reaches the terminal: ESC and the other C0 controls are shown in caret
/// notation (`^[`, `^M`), DEL as `^?`, and the C1 controls as the ESC sequence they stand for
/// (CSI, U+009B, as `^[[`), so an escape sequence from a remote system is shown, not obeyed.
/// Tabs become spaces up to the next tab stop; bidi overrides, embeddings and isolates, which
/// could make text read in another order than it is stored, are removed; line and paragraph
/// separators become spaces.
enum Sanitizer {
    static let tabWidth = 4

    static func clean(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var column = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x09:
                let spaces = tabWidth - column % tabWidth
                result += String(repeating: " ", count: spaces)
                column += spaces
            case 0x00..<0x20:
                result += "^" + String(UnicodeScalar(UInt8(value + 0x40)))
                column += 2
            case 0x7F:
                result += "^?"
                column += 2
            case 0x80..<0xA0:
                result += "^[" + String(UnicodeScalar(UInt8(value - 0x40)))
                column += 3
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                continue
            case 0x2028, 0x2029:
                result += " "
                column += 1
            default:
                result.unicodeScalars.append(scalar)
                column += DisplayWidth.of(scalar)
            }
        }
        return result
    }

    /// True when the text would reach the terminal unchanged.
    static func isClean(_ text: String) -> Bool {
        clean(text) == text
    }
}
