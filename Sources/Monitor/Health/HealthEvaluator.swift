import Foundation
import SwitchboardCore

/// Decides the health of an interface or system from the newest results of its checks.
///
/// - No fresh result at all (none yet, or older than two intervals plus the timeout): UNKNOWN.
/// - Every fresh result failing, each check `downAfter` times in a row: DOWN.
/// - Some failing, failing fewer times in a row than `downAfter`, or answering but slower than
///   `latency_below` or the interface's `degraded_latency`: DEGRADED.
/// - Otherwise: OK.
public enum HealthEvaluator {
    public static func state(
        of checks: [CheckStatus], thresholds: HealthThresholds = HealthThresholds(),
        consecutiveFailures: [String: Int] = [:], timeouts: [String: Double] = [:], now: Date
    ) -> HealthState {
        let fresh = checks.compactMap { check -> (CheckStatus, CheckResult)? in
            guard let last = check.last else { return nil }
            let allowance = 2 * check.intervalSeconds + (timeouts[check.id] ?? 0)
            return now.timeIntervalSince(last.startedAt) <= allowance ? (check, last) : nil
        }
        guard !fresh.isEmpty else { return .unknown }
        let verdicts = fresh.map { check, result -> HealthState in
            if result.up {
                let slow = thresholds.degradedLatency.map { result.durationSeconds > $0.seconds } ?? false
                return slow ? .degraded : .ok
            }
            if result.errorClass?.degradesOnly == true { return .degraded }
            let streak = consecutiveFailures[check.id] ?? 1
            return streak >= thresholds.downAfter ? .down : .degraded
        }
        if verdicts.allSatisfy({ $0 == .down }) { return .down }
        return verdicts.contains { $0 != .ok } ? .degraded : .ok
    }
}
