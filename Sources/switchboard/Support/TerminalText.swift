/// Makes text from outside (log lines) safe to print: control characters and escape sequences
/// are shown in caret notation (`^[`) instead of reaching the terminal, tabs kept.
enum TerminalText {
    static func safe(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: out.append(scalar)
            case 0x00..<0x20: out.append(contentsOf: "^".unicodeScalars + [Unicode.Scalar(scalar.value + 0x40)!])
            case 0x7F: out.append(contentsOf: "^?".unicodeScalars)
            case 0x80..<0xA0: out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
