/// The one grammar of durations, in the config, the console and the CLI: Prometheus' (`500ms`,
/// `15s`, `5m`, `1h30m`, `2d`, `1w`, `1y`; whole numbers, units from the largest down, each at most
/// once), and the one way they are written back (`format`).
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

    /// Formats a duration the way `parse` reads it (`1h30m`, `500ms`), in at most `units` units from
    /// the largest it has, the rest cut off: `format(.seconds(5430), units: 1)` is `1h`. Days are the
    /// largest unit written; a negative duration counts as zero.
    public static func format(_ duration: Duration, units: Int = .max) -> String {
        var ms = max(0, duration.milliseconds)
        var out = ""
        var written = 0
        for (suffix, unit) in [("d", 86_400_000), ("h", 3_600_000), ("m", 60000), ("s", 1000), ("ms", 1)]
            as [(String, Int64)]
        where written < units && (ms >= unit || written > 0) {
            // Once the largest unit is written, the next ones count even when zero (1h0m is `1h`).
            if ms >= unit { out += "\(ms / unit)\(suffix)" }
            ms %= unit
            written += 1
        }
        return out.isEmpty ? "0s" : out
    }

    /// Position of a unit from the largest (`y`) to the smallest (`ms`).
    private static func unitOrder(_ suffix: String) -> Int {
        ["y", "w", "d", "h", "m", "s", "ms"].firstIndex(of: suffix) ?? 0
    }
}
