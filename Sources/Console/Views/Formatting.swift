import Foundation
import SwitchboardCore

/// Short human forms of ages, latencies and times, shared by the views.
enum Formatting {
    /// `3s`, `2m`, `5h`, `4d`: the largest unit only; negative ages (a clock ahead of ours) count as zero.
    static func age(_ seconds: TimeInterval) -> String {
        DurationParser.format(.seconds(max(0, Int(seconds.rounded(.down)))), units: 1)
    }

    /// Milliseconds, rounded (`42ms`), up to ten seconds; tenths of seconds past that (`12.3s`).
    /// A per-second rate in three significant figures: `36.0/s`, `1.25k/s`, `0.004/s`.
    static func rate(_ perSecond: Double) -> String {
        switch abs(perSecond) {
        case 1_000_000...: String(format: "%.3gM/s", perSecond / 1_000_000)
        case 1000...: String(format: "%.3gk/s", perSecond / 1000)
        default: String(format: "%.3g/s", perSecond)
        }
    }

    static func latency(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite, seconds >= 0 else { return "-" }
        let milliseconds = Int((seconds * 1000).rounded())
        if milliseconds < 10_000 { return "\(milliseconds)ms" }
        let tenths = Int((seconds * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)s"
    }

    /// `HH:mm:ss` in a time zone.
    static func clock(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String {
            let number = value ?? 0
            return number < 10 ? "0\(number)" : "\(number)"
        }
        return "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
    }
}
