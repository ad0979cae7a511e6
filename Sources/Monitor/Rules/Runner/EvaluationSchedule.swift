import SwitchboardCore

/// When a group evaluates: every interval, offset by a stable hash of its file and name so that
/// groups spread over the interval instead of all running at once (as Prometheus does).
struct EvaluationSchedule: Sendable {
    let intervalMilliseconds: Int64
    let offsetMilliseconds: Int64

    init(interval: Duration, file: String, name: String) {
        intervalMilliseconds = max(1, interval.milliseconds)
        offsetMilliseconds = Int64(Self.fnv1a(file + "\u{ff}" + name) % UInt64(intervalMilliseconds))
    }

    /// The newest evaluation time at or before `now`.
    func slot(atOrBefore now: Int64) -> Int64 {
        let adjusted = now - offsetMilliseconds
        let base = adjusted - ((adjusted % intervalMilliseconds) + intervalMilliseconds) % intervalMilliseconds
        return base + offsetMilliseconds
    }

    /// The first evaluation time after `now`.
    func slot(after now: Int64) -> Int64 {
        slot(atOrBefore: now) + intervalMilliseconds
    }

    /// FNV-1a over UTF-8: stable across runs and machines, unlike `Hasher`.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
