/// How many terminal columns text takes: ASCII one, CJK and wide emoji two, combining marks none;
/// emoji sequences as `DrawableGrapheme` draws them.
///
/// Independent of the locale. Control characters count as zero: they are not printable, and the
/// `TerminalText` turns them into visible text (`^[`) before anything is measured for the screen.
enum DisplayWidth {
    /// Columns of one scalar taken on its own.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }  // DEL and the C1 controls
        if isZeroWidth(scalar) { return 0 }
        return EastAsianWidth.isWide(value) ? 2 : 1
    }

    /// Columns of one grapheme cluster (what Swift calls a `Character`) as it is drawn: in its
    /// `DrawableGrapheme` form, whose first character is its only spacing one (a flag's two
    /// letters aside).
    static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if DrawableGrapheme.isRegionalIndicator(first) { return min(2, scalars.count) }
        if scalars.count == 1 { return of(first) }
        let drawn = DrawableGrapheme.replacement(for: character).map { Array($0.unicodeScalars) } ?? Array(scalars)
        return min(2, drawn.lazy.map { of($0) }.first { $0 > 0 } ?? 0)
    }

    /// Columns of a whole string.
    static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// Combining marks, format characters (ZWJ, bidi marks, soft hyphen aside), variation
    /// selectors and Hangul medial vowels and final consonants take no column of their own.
    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xAD: return false  // soft hyphen: shown by most terminals
        case 0x1160...0x11FF, 0xD7B0...0xD7FF: return true  // Hangul jungseong and jongseong
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F: return true
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF: return true  // variation selectors
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }
}

extension DisplayWidth {
    /// Cuts text to at most `columns` columns, ending with `ellipsis` when anything was cut.
    ///
    /// A wide character that would straddle the limit is left out and the gap padded with a
    /// space, so the result is exactly as wide as it can be without splitting a character.
    static func truncate(_ text: String, to columns: Int, ellipsis: String = "…") -> String {
        guard columns > 0 else { return "" }
        let total = of(text)
        if total <= columns { return text }
        let ellipsisWidth = of(ellipsis)
        guard ellipsisWidth <= columns else { return String(repeating: " ", count: columns) }
        let budget = columns - ellipsisWidth
        var result = ""
        var used = 0
        for character in text {
            let width = of(character)
            if used + width > budget { break }
            result.append(character)
            used += width
        }
        return result + String(repeating: " ", count: budget - used) + ellipsis
    }

    /// Two ends joined by a separator in at most `columns` columns: an end shorter than its half
    /// leaves the rest to the other, and both are cut with `ellipsis` when both are long, so that
    /// neither end is ever lost (`CRM Sal…→财务系…`).
    static func joining(_ from: String, _ separator: String, _ to: String, to columns: Int, ellipsis: String = "…")
        -> String
    {
        let budget = columns - of(separator)
        let (fromWidth, toWidth) = (of(from), of(to))
        guard budget >= 2 else { return truncate(from + separator + to, to: columns, ellipsis: ellipsis) }
        if fromWidth + toWidth <= budget { return from + separator + to }
        let fromShare = min(fromWidth, max(budget - toWidth, (budget + 1) / 2))
        return truncate(from, to: fromShare, ellipsis: ellipsis) + separator
            + truncate(to, to: budget - fromShare, ellipsis: ellipsis)
    }

    /// Pads (or truncates) text to exactly `columns` columns.
    static func fit(
        _ text: String, to columns: Int, alignment: TextAlignment = .left, ellipsis: String = "…"
    ) -> String {
        let cut = truncate(text, to: columns, ellipsis: ellipsis)
        let gap = max(0, columns - of(cut))
        let padding = String(repeating: " ", count: gap)
        switch alignment {
        case .left: return cut + padding
        case .right: return padding + cut
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + cut + String(repeating: " ", count: gap - left)
        }
    }
}

/// Where text sits in a space wider than itself.
enum TextAlignment: Sendable, Equatable {
    case left, right, center
}
