import Foundation
import SwitchboardCore

@testable import Console

/// A fixed landscape for view tests: one CJK system name, one reason with an escape sequence.
enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)  // 22:13:20 UTC
    static let utc = TimeZone(identifier: "UTC")!

    static func result(_ id: String, up: Bool, secondsAgo: Double, latency: Double, reason: String) -> CheckResult {
        CheckResult(
            checkID: id, up: up, startedAt: now.addingTimeInterval(-secondsAgo), durationSeconds: latency,
            errorClass: up ? nil : .timeout, reason: reason)
    }

    static func interface(
        _ id: String, _ name: String, from: String, to: String, kind: InterfaceProtocol, state: HealthState,
        result: CheckResult?, stats: HealthStats = HealthStats()
    ) -> InterfaceStatus {
        InterfaceStatus(
            id: id, name: name, from: from, to: to, kind: kind, owner: nil, state: state,
            checks: [
                CheckStatus(id: id + "-check", kind: "http", target: "http://x", intervalSeconds: 10, last: result)
            ], stats: stats)
    }

    /// Statistics with runs every 10 s up to `now`, the last ones given as (latency, up).
    static func stats(availability: Double, p95: Double, errors: Double, runs: [(Double, Bool)]) -> HealthStats {
        HealthStats(
            availability1h: availability, availability24h: availability, latencyP50: runs.map(\.0).min(),
            latencyP95: p95, latencyP99: p95, errorRate: errors,
            recentRuns: runs.enumerated().map { index, run in
                RecentRun(at: now.addingTimeInterval(Double(index - runs.count) * 10), seconds: run.0, up: run.1)
            })
    }

    static let systems = [
        SystemStatus(id: "erp", name: "财务系统 (ERP)", owner: nil, state: .ok, checks: []),
        SystemStatus(id: "crm", name: "CRM", owner: nil, state: .down, checks: []),
        SystemStatus(id: "shop", name: "Webshop", owner: nil, state: .degraded, checks: []),
        SystemStatus(id: "wms", name: "WMS", owner: nil, state: .unknown, checks: []),
    ]

    static let interfaces = [
        interface(
            "orders", "Orders API", from: "shop", to: "erp", kind: .rest, state: .ok,
            result: result("orders", up: true, secondsAgo: 3, latency: 0.042, reason: "200 OK"),
            stats: stats(
                availability: 1, p95: 0.05, errors: 0,
                runs: [(0.04, true), (0.05, true), (0.03, true), (0.06, true), (0.042, true)])),
        interface(
            "customers", "Customer sync", from: "crm", to: "erp", kind: .soap, state: .down,
            result: result(
                "customers", up: false, secondsAgo: 12, latency: 1.5, reason: "HTTP 503 \u{1B}[31mService Unavailable"),
            stats: stats(
                availability: 0.8235, p95: 1.5, errors: 0.6,
                runs: [(0.2, true), (0.3, true), (1.5, false), (1.5, false), (1.5, false)])),
        interface(
            "invoices", "发票接口", from: "erp", to: "shop", kind: .graphql, state: .degraded,
            result: result("invoices", up: true, secondsAgo: 65, latency: 2.345, reason: "slow: 2345ms > 1000ms"),
            stats: stats(availability: 1, p95: 2.345, errors: 0, runs: [(0.9, true), (2.345, true)])),
        interface(
            "stock", "Stock levels", from: "wms", to: "shop", kind: .kafka, state: .unknown, result: nil),
    ]

    static func snapshot(
        generatedSecondsAgo: Double = 2, progress: CheckProgress = CheckProgress(completed: 4, total: 4),
        interfaces: [InterfaceStatus] = interfaces, version: UInt64 = 7
    ) -> Snapshot {
        Snapshot(
            version: version, generatedAt: now.addingTimeInterval(-generatedSecondsAgo), landscape: "acme-prod",
            source: "in-process", systems: systems, interfaces: interfaces, progress: progress)
    }

    static func context(
        _ snapshot: Snapshot = snapshot(), state: ViewState = ViewState(), route: Route = .interfaces,
        glyphs: Glyphs = .unicode
    ) -> ScreenContext {
        var console = ConsoleState(start: route)
        console.interfaces = state
        console.overview = state
        return ScreenContext(snapshot: snapshot, console: console, flash: nil, now: now, timeZone: utc, glyphs: glyphs)
    }
}

/// A data source whose snapshot a test can change and whose commands it can see.
final class FakeDataSource: DataSource, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Snapshot
    private var received: [Command] = []
    let outcome: CommandOutcome

    init(_ snapshot: Snapshot, outcome: CommandOutcome = CommandOutcome(succeeded: true, message: "checked: up")) {
        current = snapshot
        self.outcome = outcome
    }

    var snapshot: Snapshot {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }

    var commands: [Command] { lock.withLock { received } }

    func perform(_ command: Command) async -> CommandOutcome {
        lock.withLock { received.append(command) }
        return outcome
    }

    /// Runs and lines a test gives the jobs views.
    var jobLogs: [Int64: (run: JobRunSummary, lines: [JobLogLine])] {
        get { lock.withLock { storedLogs } }
        set { lock.withLock { storedLogs = newValue } }
    }
    private var storedLogs: [Int64: (run: JobRunSummary, lines: [JobLogLine])] = [:]

    /// Timelines a test gives the alert detail.
    var activities: [String: [AlertActivity]] {
        get { lock.withLock { storedActivities } }
        set { lock.withLock { storedActivities = newValue } }
    }
    private var storedActivities: [String: [AlertActivity]] = [:]

    func alertActivity(alertID: String, limit: Int) async throws -> [AlertActivity] {
        Array((activities[alertID] ?? []).prefix(limit))
    }

    func jobRuns(jobID: String, limit: Int) async throws -> [JobRunSummary] {
        let runs = jobLogs.values.map(\.run).filter { $0.jobID == jobID }.sorted { $0.number > $1.number }
        return Array(runs.prefix(limit))
    }

    func jobLog(runID: Int64, afterLine: Int, limit: Int) async throws -> JobLogPage? {
        guard let log = jobLogs[runID] else { return nil }
        return JobLogPage(run: log.run, lines: Array(log.lines.filter { $0.number > afterLine }.prefix(limit)))
    }
}

extension Fixtures {
    /// Runs the keys, letting every background fetch finish before the next key. The session runs
    /// on a thread of its own, as in the program, so its fetches find the task pool free.
    static func play(
        _ keys: [Key?], source: FakeDataSource, start: Route, columns: Int = 80, rows: Int = 24,
        unicode: Bool = true, settled: @escaping (ConsoleSession) -> Bool = { _ in true }
    ) async -> MemoryTerminal {
        let terminal = MemoryTerminal(columns: columns, rows: rows, supportsUnicode: unicode)
        var options = ConsoleOptions(tickMilliseconds: 1)
        options.startView = start
        let session = ConsoleSession(
            terminal: terminal, dataSource: source, options: options, theme: .builtInMonochrome,
            timeZone: Fixtures.utc, clock: { Fixtures.now })
        terminal.pendingKeys = keys.flatMap { [nil, nil, $0] } + [nil, nil, .character("q")]
        terminal.onReadKey = { terminal in
            while session.isBusy {
                usleep(500)
            }
            // After the last key, whatever else the test waits for (at most 300 s: a loaded machine can
            // keep the task pool busy for minutes).
            let deadline = Date().addingTimeInterval(300)
            while terminal.pendingKeys.count == 3, !settled(session), Date() < deadline { usleep(1000) }
        }
        let running = UncheckedSendable(session)
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread {
                _ = running.value.run()
                done.resume()
            }.start()
        }
        return terminal
    }
}

/// A value handed to another thread whose owner guarantees it is used by one thread at a time.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
