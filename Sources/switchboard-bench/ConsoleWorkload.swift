import Foundation
import SwitchboardCore

/// A synthetic landscape for rendering the console at scale: systems, interfaces with a minute of
/// runs each (so sparklines draw), a few state changes, an alert queue in every state, some jobs.
/// Deterministic: the same counts give the same snapshot.
enum ConsoleWorkload {
    static func snapshot(systems systemCount: Int, interfaces interfaceCount: Int, alerts alertCount: Int, now: Date)
        -> Snapshot
    {
        let systems = (0..<systemCount).map { index in
            SystemStatus(
                id: "sys-\(index)", name: index % 7 == 3 ? "财务系统 \(index)" : "System \(index) (ERP)",
                owner: "team-\(index % 5)", state: state(index * 7), checks: [],
                dependsOn: index > 4 && index % 6 == 0 ? ["sys-\(index / 6)"] : [])
        }
        let interfaces = (0..<interfaceCount).map { interface($0, systems: systemCount, now: now) }
        let entries = (0..<alertCount).map { alert($0, interfaces: interfaceCount, now: now) }
        let jobs = (0..<20).map { index in
            JobStatus(
                id: "job-\(index)", name: "nightly-export-\(index)", system: "sys-\(index % max(1, systemCount))",
                source: "command", schedule: "0 2 * * *", state: index % 9 == 4 ? .failed : .succeeded, lastRun: nil,
                lastSuccess: now.addingTimeInterval(-3600), nextRun: now.addingTimeInterval(7200), expectedAt: nil,
                missedRuns: 0, overSLA: false)
        }
        return Snapshot(
            version: 42, generatedAt: now.addingTimeInterval(-1), landscape: "bench-\(interfaceCount)",
            source: "in-process", systems: systems, interfaces: interfaces,
            progress: CheckProgress(completed: interfaceCount, total: interfaceCount),
            alerts: AlertQueueSnapshot(entries: entries, groups: [], silences: []),
            rules: RulesSummary(groups: 10, rules: 100), jobs: jobs)
    }

    /// Mostly OK; one in 20 degraded, one in 33 down, one in 50 unknown.
    static func state(_ index: Int) -> HealthState {
        if index % 33 == 5 { return .down }
        if index % 20 == 7 { return .degraded }
        if index % 50 == 11 { return .unknown }
        return .ok
    }

    static func interface(_ index: Int, systems: Int, now: Date) -> InterfaceStatus {
        let state = state(index)
        let from = index % systems
        let to = (from + 1 + index / systems % max(1, systems - 1)) % systems
        let up = state == .ok || state == .degraded
        let latency = 0.02 + Double(index % 97) / 1000
        let reason =
            state == .down
            ? "HTTP 503 Service Unavailable (expected 2xx)" : state == .degraded ? "slow: 1450ms > 1000ms" : "200 OK"
        let result = CheckResult(
            checkID: "if-\(index)-http", up: up, startedAt: now.addingTimeInterval(-Double(index % 30)),
            durationSeconds: latency, errorClass: up ? nil : .httpStatus, reason: reason, httpStatus: up ? 200 : 503)
        let runs = (0..<30).map { run in
            RecentRun(
                at: now.addingTimeInterval(Double(run - 30) * 10),
                seconds: latency * (1 + Double((run * index) % 7) / 7),
                up: up || run < 25)
        }
        let stats = HealthStats(
            availability1h: up ? 1 : 0.83, availability24h: up ? 0.999 : 0.97, latencyP50: latency,
            latencyP95: latency * 1.8, latencyP99: latency * 2.5, errorRate: up ? 0 : 0.4,
            lastSuccess: now.addingTimeInterval(-60), consecutiveFailures: up ? 0 : 3, recentRuns: runs)
        let history =
            state == .ok
            ? []
            : [StateChange(at: now.addingTimeInterval(-Double(index % 3600)), from: .ok, to: state, reason: reason)]
        return InterfaceStatus(
            id: "if-\(index)", name: "interface \(index) orders sync", from: "sys-\(from)", to: "sys-\(to)",
            kind: InterfaceProtocol.allCases[index % InterfaceProtocol.allCases.count], owner: "team-\(index % 5)",
            state: state,
            checks: [
                CheckStatus(
                    id: "if-\(index)-http", kind: "http", target: "http://127.0.0.1/\(index)", intervalSeconds: 10,
                    last: result)
            ], stats: stats, history: history)
    }

    /// Firing mostly; some pending, acknowledged, silenced, inhibited, suppressed and resolved.
    static func alert(_ index: Int, interfaces: Int, now: Date) -> AlertEntrySnapshot {
        let target = "if-\(index % max(1, interfaces))"
        let muting: [AlertEntrySnapshot.Muting] =
            switch index % 10 {
            case 3: [.silenced(silenceID: "s-\(index % 50)")]
            case 5: [.inhibited(byAlertID: "alert-\(index - 1)")]
            case 7: [.suppressed(rootCause: "sys-\(index % 50)", reason: "sys-\(index % 50) is down")]
            default: []
            }
        return AlertEntrySnapshot(
            id: "alert-\(index)", name: index % 2 == 0 ? "InterfaceDown" : "LatencyHigh",
            severity: index % 3 == 0 ? "critical" : "warning",
            state: index % 11 == 2 ? .pending : index % 13 == 4 ? .resolved : .firing,
            labels: [LabelPair("alertname", "InterfaceDown"), LabelPair("interface", target)],
            annotations: ["summary": "\(target) has failed its checks for 2 minutes"],
            since: now.addingTimeInterval(-Double(index % 7200)),
            acknowledgement: index % 10 == 1
                ? AcknowledgementSnapshot(by: "oncall", at: now, note: "looking", expiresAt: nil) : nil,
            muting: muting, rootCause: index % 10 == 7 ? "sys-\(index % 50)" : nil, notes: [])
    }
}
