/// The `:` or `/` line being typed, or a prompt's question: the question from its start, the typed
/// text after it with a block cursor, and, while a prompt's answer does not parse, what is wrong
/// with it (in up to half the line).
///
/// A line too narrow for all of it never loses the question's beginning: the question is shortened
/// at its end (keeping ` (y/n) `) to at most half the line while text is typed, and the typed text
/// scrolls sideways so that its end and the cursor stay in sight (`…erp-api"}█`).
enum InputLineView {
    static func render(_ input: InputLine, into canvas: inout Canvas, y: Int, glyphs: Glyphs) {
        canvas.fill(x: 0, y: y, count: canvas.width, role: .normal)
        let problem = input.problem.map {
            DisplayWidth.truncate($0, to: canvas.width / 2, ellipsis: glyphs.ellipsis)
        }
        let reserved = problem.map { DisplayWidth.of($0) + 2 } ?? 0
        // One column for the cursor.
        let available = max(2, canvas.width - 1 - reserved)
        let (question, tail) = input.question
        let wanted = DisplayWidth.of(question) + DisplayWidth.of(tail)
        let textWidth = DisplayWidth.of(input.text)
        let labelWidth = min(wanted, max(available / 2, available - textWidth))
        let label = shortened(question, tail: tail, to: labelWidth, ellipsis: glyphs.ellipsis)
        var x = canvas.put(label, x: 0, y: y, role: .accent)
        let text = scrolled(input.text, to: available - x, ellipsis: glyphs.ellipsis)
        x += canvas.put(text, x: x, y: y, role: input.selected ? .selection : .accent)
        let end = x + canvas.put(" ", x: x, y: y, role: .selection)
        guard let problem, end + 2 < canvas.width else { return }
        canvas.put(problem, x: end + 2, y: y, role: .error)
    }

    /// The question cut at its end to fit `columns` with its tail: `expire the silence of Inter… (y/n) `.
    static func shortened(_ question: String, tail: String, to columns: Int, ellipsis: String) -> String {
        let tailWidth = DisplayWidth.of(tail)
        guard DisplayWidth.of(question) + tailWidth > columns else { return question + tail }
        guard columns > tailWidth + 1 else { return DisplayWidth.truncate(question + tail, to: columns) }
        return DisplayWidth.truncate(question, to: columns - tailWidth, ellipsis: ellipsis) + tail
    }

    /// The end of the text in at most `columns` columns, `ellipsis` first when its start is cut.
    static func scrolled(_ text: String, to columns: Int, ellipsis: String) -> String {
        guard DisplayWidth.of(text) > columns else { return text }
        guard columns > 0 else { return "" }
        var budget = columns - DisplayWidth.of(ellipsis)
        var kept: [Character] = []
        for character in text.reversed() {
            let width = DisplayWidth.of(character)
            guard width <= budget else { break }
            kept.append(character)
            budget -= width
        }
        return ellipsis + String(kept.reversed())
    }
}
