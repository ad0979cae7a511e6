extension Glyphs {
    /// The mark of a budget left (1 untouched, 0 spent) in the detail's chart: one of `levels`, higher
    /// with more left. Overspent is the lowest level in UTF-8 (drawn in the down role) and `x` in
    /// ASCII, where the terminal may have no colour to tell it apart.
    func budgetLevel(_ left: Double) -> String {
        guard left >= 0 else { return isUnicode ? levels[0] : "x" }
        return levels[Int((min(left, 1) * Double(levels.count - 1)).rounded())]
    }
}
