/// Makes text from outside (names, labels, reasons, response bodies, log lines) safe to put on a
/// terminal: the one sanitizer of the console and the CLI.
///
/// No control character reaches the terminal: ESC and the other C0 controls are shown in caret
/// notation (`^[`, `^M`), DEL as `^?`, and the C1 controls as the ESC sequence they stand for
/// (CSI, U+009B, as `^[[`), so an escape sequence from a remote system is shown, not obeyed.
/// Bidi overrides, embeddings, isolates and marks, which could make text read in another order
/// than it is stored (`invoice‮fdp.exe`), are removed, and so are the invisible zero-width space,
/// word joiner and byte order mark, whose width terminals disagree on; line and paragraph
/// separators become spaces. Tabs are kept, or become spaces up to the next tab stop.
/// Everything else (CJK, combining marks, emoji, the zero-width joiners that build them) is kept.
///
/// ```swift
/// TerminalText.safe("\u{1B}[31mred")  // "^[[31mred"
/// ```
public enum TerminalText {
    /// The text made safe; tabs kept.
    public static func safe(_ text: String) -> String {
        clean(text, tabWidth: nil) { _ in 1 }
    }

    /// The text made safe, tabs turned into spaces up to the next multiple of `tabWidth` columns,
    /// each character counting `width(scalar)` columns.
    public static func safe(_ text: String, tabWidth: Int, width: (Unicode.Scalar) -> Int) -> String {
        clean(text, tabWidth: tabWidth, width: width)
    }

    /// True when the text would reach the terminal unchanged (tabs kept).
    public static func isSafe(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar.value == 0x09 || replacement(for: scalar) == nil
        }
    }

    private static func clean(_ text: String, tabWidth: Int?, width: (Unicode.Scalar) -> Int) -> String {
        var result = String.UnicodeScalarView()
        var column = 0
        for scalar in text.unicodeScalars {
            if scalar.value == 0x09, let tabWidth {
                let spaces = tabWidth - column % tabWidth
                result.append(contentsOf: repeatElement(" ", count: spaces))
                column += spaces
            } else if scalar.value != 0x09, let replacement = replacement(for: scalar) {
                result.append(contentsOf: replacement.unicodeScalars)
                column += replacement.unicodeScalars.count
            } else {
                result.append(scalar)
                column += width(scalar)
            }
        }
        return String(result)
    }

    /// What a scalar is shown as, or nil when it is shown as it is.
    private static func replacement(for scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        switch value {
        case 0x00..<0x20: return "^" + String(Unicode.Scalar(UInt8(value + 0x40)))
        case 0x7F: return "^?"
        case 0x80..<0xA0: return "^[" + String(Unicode.Scalar(UInt8(value - 0x40)))
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return ""
        case 0x200B, 0x2060, 0xFEFF: return ""
        case 0x2028, 0x2029: return " "
        default: return nil
        }
    }
}
