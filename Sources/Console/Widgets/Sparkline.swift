/// A row of level characters, one per value, scaled from zero to the largest value: `▁▂▅█▃`.
enum Sparkline {
    /// The newest `width` values as a sparkline; an empty string for no values.
    static func text(_ values: [Double], width: Int, glyphs: Glyphs) -> String {
        let shown = values.suffix(max(0, width))
        guard let top = shown.max(), top > 0 else { return String(repeating: glyphs.levels[0], count: shown.count) }
        let steps = Double(glyphs.levels.count - 1)
        return shown.map { glyphs.levels[Int((max(0, $0) / top * steps).rounded())] }.joined()
    }
}
