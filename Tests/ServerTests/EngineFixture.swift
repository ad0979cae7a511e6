import Foundation
import Logging
import Monitor
import Server
import SwitchboardCore
import TestSupport

/// A real engine (a check that always fails, a rule that fires on it, jobs, a state database)
/// served on a socket and on TCP loopback, as `switchboard serve` serves it.
struct EngineFixture {
    static let rules = """
        groups:
          - name: probes
            interval: 1s
            rules:
              - alert: InterfaceDown
                expr: probe_success == 0
                labels: {severity: critical}
                annotations: {summary: "{{ $labels.interface }} is down"}
        """

    static let tokens = [
        APIToken(name: "viewer-vic", role: .viewer, value: "viewer-token-0123456789"),
        APIToken(name: "alice", role: .operator, value: "operator-token-0123456789"),
        APIToken(name: "root-rita", role: .admin, value: "admin-token-0123456789"),
    ]

    let directory: URL
    let engine: MonitorEngine
    let host: EngineHost
    let server: EngineServer
    let running: Task<Void, Never>
    let watching: Task<Void, Never>

    var socket: String { directory.appending(path: "switchboard.sock").path }

    static func landscape() -> Landscape {
        let failing = Check(
            id: "broken", probe: .command(CommandProbeSettings(arguments: ["/bin/false"])),
            // A long timeout keeps each result fresh for a minute: a loaded machine that runs the check late
            // does not make the system UNKNOWN between two runs.
            interval: .milliseconds(300), timeout: .seconds(60))
        let job = Job(id: "etl", name: "ETL", command: ["/bin/echo", "loaded 3 rows"])
        return Landscape(
            name: "fixture", systems: [System(id: "a", name: "A"), System(id: "b", name: "财务系统")],
            interfaces: [Interface(id: "feed", name: "Feed", from: "a", to: "b", kind: .file, checks: [failing])],
            jobs: [job, Job(id: "pushed", name: "Pushed by the job itself", source: .push)],
            alerting: AlertingConfig(maintenanceWindows: [
                MaintenanceWindowConfig(
                    name: "patch-night", matchers: [AlertMatcher(name: "system", kind: .equal, value: "b")],
                    // Long over, so that it never mutes the fixture's alert whatever the day.
                    schedule: .once(start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 3600)),
                    comment: "from the config")
            ]))
    }

    static func start(
        tokens: [APIToken] = tokens, directory: URL? = nil, landscape: Landscape = landscape(), rules: String = rules
    ) async throws -> EngineFixture {
        let directory = directory ?? temporaryDirectory("api")
        let groups = try RuleFileLoader(engine: PromQLRuleQueryEngine.validator).load(yaml: rules, file: "r.yml")
        let engine = try MonitorEngine(
            landscape: landscape, ruleGroups: groups, stateDatabase: try StateDatabase(directory: directory))
        let running = Task { await engine.run() }
        let host = EngineHost(
            source: engine, info: EngineInfo(pid: getpid(), startedAt: Date(), landscape: "fixture", version: "test"))
        let server = try await EngineServer.start(
            api: EngineAPI(host: host, access: AccessPolicy(tokens: tokens)),
            listeners: EngineServer.Listeners(
                socketPath: directory.appending(path: "switchboard.sock").path, tcp: ("127.0.0.1", 0)),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let push = engine.jobs!.push
        host.onJobPush { method, path, body in
            let answer = push.handle(JobPushRequest(method: method, path: path, body: body))
            return (answer.status, answer.body)
        }
        let watching = Task { await host.watch() }
        return EngineFixture(
            directory: directory, engine: engine, host: host, server: server, running: running, watching: watching)
    }

    func stop() async {
        host.events.close()
        await server.stop()
        watching.cancel()
        running.cancel()
        await running.value
    }

    func tcp(token: String? = nil) -> APITestClient {
        APITestClient(target: .tcp(server.tcpPort!), token: token)
    }

    func unix(user: String? = nil) -> APITestClient {
        APITestClient(target: .socket(socket), user: user)
    }

    /// The id of the fixture's alert, once it fires.
    func firingAlert() async throws -> String? {
        _ = await eventually { engine.snapshot.alerts.entries.contains { $0.state == .firing } }
        return engine.snapshot.alerts.entries.first { $0.state == .firing }?.id
    }
}
