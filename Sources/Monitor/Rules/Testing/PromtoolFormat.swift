/// How `promtool test rules` prints durations and values in its failure messages.
enum PromtoolFormat {
    /// Prometheus' `model.Duration`: `0s`, `5m`, `1d`, `6m59s`, `1w`, `500ms`.
    static func modelDuration(_ milliseconds: Int64) -> String {
        if milliseconds == 0 { return "0s" }
        var rest = milliseconds
        var text = milliseconds < 0 ? "-" : ""
        rest = abs(rest)
        let units: [(String, Int64)] = [
            ("y", 365 * 86_400_000), ("w", 7 * 86_400_000), ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000),
            ("s", 1000), ("ms", 1),
        ]
        for (suffix, size) in units where rest >= size {
            text += "\(rest / size)\(suffix)"
            rest %= size
        }
        return text
    }

    /// Go's `time.Duration.String()`: `0s`, `1m0s`, `2h3m4s`, `1.5s`, `500ms`.
    static func goDuration(_ milliseconds: Int64) -> String {
        if milliseconds == 0 { return "0s" }
        let sign = milliseconds < 0 ? "-" : ""
        let total = abs(milliseconds)
        if total < 1000 { return sign + "\(total)ms" }
        let hours = total / 3_600_000
        let minutes = (total / 60_000) % 60
        let milliseconds = total % 60_000
        var seconds = "\(milliseconds / 1000)"
        if milliseconds % 1000 != 0 {
            var fraction = String(milliseconds % 1000)
            fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            seconds += "." + fraction
        }
        if hours > 0 { return sign + "\(hours)h\(minutes)m\(seconds)s" }
        if minutes > 0 { return sign + "\(minutes)m\(seconds)s" }
        return sign + seconds + "s"
    }

    /// Go's `strconv.FormatFloat(v, 'E', -1, 64)`: `1E+00`, `6E+01`, `1.5E-03`.
    static func exponent(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        if value == 0 { return value.sign == .minus ? "-0E+00" : "0E+00" }
        let (digits, point) = GoFormat.shortestDigits(abs(value))
        let exponent = point - 1
        let mantissa = digits.count > 1 ? "\(digits.first!).\(digits.dropFirst())" : digits
        let magnitude = abs(exponent)
        let sign: String = value < 0 ? "-" : ""
        let exponentSign: String = exponent < 0 ? "-" : "+"
        let padding: String = magnitude < 10 ? "0" : ""
        return "\(sign)\(mantissa)E\(exponentSign)\(padding)\(magnitude)"
    }
}
