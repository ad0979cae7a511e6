/// What a grapheme cluster is drawn as: the part that ncurses, tmux and terminals draw alike.
///
/// ncurses puts one spacing character and the combining marks after it in a cell, and tmux 3.3a
/// measures that cell as glibc's `wcwidth` does. Emoji sequences are where they part (measured in
/// tmux: 👩‍💻 takes 2 columns there, ❤️ and 1️⃣ one, 👍🏽 four, and ncurses cannot put a ZWJ
/// sequence in one cell at all), so they are drawn in a form every one of them agrees on:
/// - a ZWJ sequence as its first emoji: 👩‍💻 as 👩;
/// - a flag (a pair of regional indicators) as its two letters: 🇩🇪 as `DE`; a lone indicator as its letter;
/// - without variation selectors (❤️ as ❤, one column), skin-tone modifiers (👍🏽 as 👍) and tag
///   characters (a subdivision flag as its black flag).
///
/// Combining marks are kept (é, Hangul jamo): they take no column anywhere. ASCII, CJK and other
/// single characters are drawn as they are.
enum DrawableGrapheme {
    /// The text with every grapheme cluster in its drawable form; the text itself when nothing changes.
    static func drawable(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        guard text.contains(where: { replacement(for: $0) != nil }) else { return text }
        var result = ""
        for character in text {
            if let replacement = replacement(for: character) {
                result += replacement
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The drawable form of one grapheme cluster, or nil when it is drawn as it is.
    static func replacement(for character: Character) -> String? {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return nil }
        if scalars.count == 1 { return isRegionalIndicator(first) ? letter(first) : nil }
        if isRegionalIndicator(first) {
            return scalars.prefix(2).filter(isRegionalIndicator).map(letter).joined()
        }
        var kept = String.UnicodeScalarView([first])
        for scalar in scalars.dropFirst() {
            if scalar.value == 0x200D { break }  // zero-width joiner: the rest is another emoji
            if isLeftOut(scalar) { continue }
            kept.append(scalar)
        }
        return kept.count == scalars.count ? nil : String(kept)
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// 🇦 to 🇿 as `A` to `Z`.
    private static func letter(_ scalar: Unicode.Scalar) -> String {
        String(Unicode.Scalar(UInt8(scalar.value - 0x1F1E6 + 0x41)))
    }

    /// Variation selectors, skin-tone modifiers and tag characters.
    private static func isLeftOut(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF: true
        case 0x1F3FB...0x1F3FF: true
        case 0xE0020...0xE007F: true
        default: false
        }
    }
}
