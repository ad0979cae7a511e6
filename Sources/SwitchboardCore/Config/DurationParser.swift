/// Parses durations written as Prometheus writes them: `500ms`, `15s`, `5m`, `1h30m`, `2d`.
public enum DurationParser {
    private static let units: [(suffix: String, seconds: Double)] = [
        ("ms", 0.001), ("y", 365 * 86400), ("w", 7 * 86400), ("d", 86400), ("h", 3600), ("m", 60), ("s", 1),
    ]

    /// The duration, or nil when the text is not a Prometheus duration (units must descend).
    public static func parse(_ text: String) -> Duration? {
        var rest = Substring(text)
        var totalMilliseconds: Int64 = 0
        var lastUnitIndex = -1
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let value = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let index = units.firstIndex(where: { rest.hasPrefix($0.suffix) }) else { return nil }
            let order = unitOrder(units[index].suffix)
            guard order > lastUnitIndex else { return nil }
            lastUnitIndex = order
            rest = rest.dropFirst(units[index].suffix.count)
            let (product, overflow) = value.multipliedReportingOverflow(
                by: Int64(units[index].seconds * 1000))
            let (sum, sumOverflow) = totalMilliseconds.addingReportingOverflow(product)
            guard !overflow, !sumOverflow else { return nil }
            totalMilliseconds = sum
        }
        return .milliseconds(totalMilliseconds)
    }

    /// Formats a duration the way `parse` reads it (`1h30m`, `500ms`).
    public static func format(_ duration: Duration) -> String {
        var ms = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        if ms == 0 { return "0s" }
        var out = ""
        for (suffix, seconds) in [("d", 86400), ("h", 3600), ("m", 60), ("s", 1)] as [(String, Int64)] {
            let unit = seconds * 1000
            if ms >= unit {
                out += "\(ms / unit)\(suffix)"
                ms %= unit
            }
        }
        if ms > 0 { out += "\(ms)ms" }
        return out
    }

    /// Position of a unit from the largest (`y`) to the smallest (`ms`).
    private static func unitOrder(_ suffix: String) -> Int {
        ["y", "w", "d", "h", "m", "s", "ms"].firstIndex(of: suffix) ?? 0
    }
}
