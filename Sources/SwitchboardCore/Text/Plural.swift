/// A count with its noun in the right number: `1 system`, `2 systems`, `1 run in a row`.
public enum Plural {
    /// `count` and `singular`, or `plural` (default: `singular` + `s`) unless the count is exactly one.
    public static func count(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) " + noun(count, singular, plural: plural)
    }

    /// The noun alone, in the number `count` needs.
    public static func noun(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        count == 1 ? singular : plural ?? singular + "s"
    }
}
