import Foundation

/// Prometheus' `humanize*` template functions: numbers as people read them.
enum Humanize {
    /// `1234` → `1.234k`, `0.001` → `1m`: SI prefixes, four significant digits.
    static func metric(_ value: Double) -> String {
        if value == 0 || !value.isFinite { return GoFormat.general(value, precision: 4) }
        var value = value
        var prefix = ""
        if abs(value) >= 1 {
            for candidate in ["k", "M", "G", "T", "P", "E", "Z", "Y"] {
                guard abs(value) >= 1000 else { break }
                prefix = candidate
                value /= 1000
            }
        } else {
            for candidate in ["m", "u", "n", "p", "f", "a", "z", "y"] {
                guard abs(value) < 1 else { break }
                prefix = candidate
                value *= 1000
            }
        }
        return GoFormat.general(value, precision: 4) + prefix
    }

    /// `1024` → `1ki`: binary prefixes.
    static func binary(_ value: Double) -> String {
        if abs(value) <= 1 || !value.isFinite { return GoFormat.general(value, precision: 4) }
        var value = value
        var prefix = ""
        for candidate in ["ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"] {
            guard abs(value) >= 1024 else { break }
            prefix = candidate
            value /= 1024
        }
        return GoFormat.general(value, precision: 4) + prefix
    }

    /// Seconds as `1d 2h 3m 4s`, `1.5s` or `500ms`.
    static func duration(_ value: Double) -> String {
        if !value.isFinite { return GoFormat.general(value, precision: 4) }
        if value == 0 { return GoFormat.general(value, precision: 4) + "s" }
        if abs(value) >= 1 {
            let sign = value < 0 ? "-" : ""
            // Past Int64's range (about 2.9e11 years) whole seconds are all the digits a Double has.
            let total = abs(value).rounded(.towardZero)
            guard total < 0x1p63 else { return sign + GoFormat.general(total / 86400, precision: 4) + "d" }
            let seconds = Int64(total) % 60
            let minutes = (Int64(total) / 60) % 60
            let hours = (Int64(total) / 3600) % 24
            let days = Int64(total) / 86400
            if days != 0 { return "\(sign)\(days)d \(hours)h \(minutes)m \(seconds)s" }
            if hours != 0 { return "\(sign)\(hours)h \(minutes)m \(seconds)s" }
            if minutes != 0 { return "\(sign)\(minutes)m \(seconds)s" }
            return sign + GoFormat.general(abs(value), precision: 4) + "s"
        }
        var value = value
        var prefix = ""
        for candidate in ["m", "u", "n", "p", "f", "a", "z", "y"] {
            guard abs(value) < 1 else { break }
            prefix = candidate
            value *= 1000
        }
        return GoFormat.general(value, precision: 4) + prefix + "s"
    }

    /// `0.1234` → `12.34%`.
    static func percentage(_ value: Double) -> String {
        GoFormat.general(value * 100, precision: 4) + "%"
    }

    /// Unix seconds as `2006-01-02 15:04:05.999999999 +0000 UTC`, as Go prints a time.
    static func timestamp(_ value: Double) -> String {
        if !value.isFinite { return GoFormat.general(value, precision: 4) }
        let seconds = value.rounded(.down)
        let date = Date(timeIntervalSince1970: seconds)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        var fraction = ""
        let nanoseconds = Int64(((value - seconds) * 1e9).rounded())
        if nanoseconds > 0 {
            fraction = "." + String(String(format: "%09lld", nanoseconds).reversed().drop { $0 == "0" }.reversed())
        }
        return formatter.string(from: date) + fraction + " +0000 UTC"
    }
}
