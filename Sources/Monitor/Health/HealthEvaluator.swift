import Foundation
import SwitchboardCore

/// Decides the health of an interface or system from the newest results of its checks.
///
/// - No fresh result at all (none yet, or older than two intervals plus the timeout): UNKNOWN.
/// - Every fresh result down: DOWN.
/// - Some down, or up but slower than `latency_below`: DEGRADED.
/// - Otherwise: OK.
public enum HealthEvaluator {
    public static func state(of checks: [CheckStatus], timeouts: [String: Double] = [:], now: Date) -> HealthState {
        let fresh = checks.compactMap { check -> CheckResult? in
            guard let last = check.last else { return nil }
            let allowance = 2 * check.intervalSeconds + (timeouts[check.id] ?? 0)
            return now.timeIntervalSince(last.startedAt) <= allowance ? last : nil
        }
        guard !fresh.isEmpty else { return .unknown }
        let failing = fresh.filter { !$0.up && $0.errorClass != .latency }
        if failing.count == fresh.count { return .down }
        if !failing.isEmpty || fresh.contains(where: { $0.errorClass == .latency }) { return .degraded }
        return .ok
    }
}
