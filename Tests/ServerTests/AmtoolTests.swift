import Foundation
import Monitor
import Server
import SwitchboardCore
import TestSupport
import Testing

/// The real `amtool` (Debian's prometheus-alertmanager, which CI installs) against Switchboard's
/// Alertmanager API on a loopback port, unchanged: each command's effect is checked in
/// Switchboard's own state, not in amtool's output alone.
@Suite(
    .serialized, .enabled(if: Amtool.isInstalled, "amtool is not installed (apt-get install prometheus-alertmanager)"))
struct AmtoolTests {
    @Test func configRoutesParsesTheEnginesRouteAsAnAlertmanagerConfig() async throws {
        var landscape = EngineFixture.landscape()
        landscape.alerting = AlertingConfig(
            route: NotificationRoute(receiver: "oncall", groupBy: ["alertname", "system"]),
            receivers: [NotificationReceiver(name: "oncall", webhooks: [WebhookConfig(url: "http://127.0.0.1:9/hook")])]
        )
        let fixture = try await EngineFixture.start(tokens: [], landscape: landscape)
        defer { Task { await fixture.stop() } }
        let routes = try await Amtool(port: fixture.server.tcpPort!).run("config", "routes")
        #expect(routes.status == 0, "\(routes.stderr)")
        #expect(routes.stdout.contains("receiver: oncall"), "\(routes.stdout)")
        let test = try await Amtool(port: fixture.server.tcpPort!).run(
            "config", "routes", "test", "--verify.receivers=oncall", "alertname=DiskFull")
        #expect(test.status == 0, "\(test.stdout) \(test.stderr)")
    }

    @Test func alertsAddedAndQueriedWithAmtoolAreTheQueues() async throws {
        let fixture = try await EngineFixture.start(tokens: [])
        defer { Task { await fixture.stop() } }
        let amtool = Amtool(port: fixture.server.tcpPort!)
        let ruleAlert = try #require(try await fixture.firingAlert())
        let added = try await amtool.run(
            "alert", "add", "DiskFull", "system=a", "severity=warning", "--annotation=summary=disk 91% full",
            "--generator-url=http://prometheus:9090/graph")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(
            await eventually {
                fixture.engine.snapshot.alerts.entries.contains { $0.name == "DiskFull" && $0.state == .firing }
            }, "amtool's alert is in Switchboard's queue, firing")
        let entry = try #require(fixture.engine.snapshot.alerts.entries.first { $0.name == "DiskFull" })
        #expect(entry.annotations["summary"] == "disk 91% full")
        #expect(entry.severity == "warning")
        let query = try await amtool.run("alert", "query", "-o", "json")
        #expect(query.status == 0, "\(query.stderr)")
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(query.stdout.utf8)) as? [[String: Any]])
        #expect(Set(listed.compactMap { $0["fingerprint"] as? String }) == [ruleAlert, entry.id])
        let filtered = try await amtool.run("alert", "query", "alertname=DiskFull")
        #expect(
            filtered.stdout.contains("DiskFull") && !filtered.stdout.contains("InterfaceDown"), "\(filtered.stdout)")
        // An acknowledgement is a silence to amtool: the acked alert leaves the active list.
        _ = await fixture.engine.perform(.acknowledge(alertID: ruleAlert, note: "on it", by: "alice"))
        let active = try await amtool.run("alert", "query")
        #expect(!active.stdout.contains("InterfaceDown"), "\(active.stdout)")
        #expect(try await amtool.run("alert", "query", "--silenced").stdout.contains("InterfaceDown"))
    }

    @Test func silencesAddedQueriedAndExpiredWithAmtoolAreSwitchboards() async throws {
        let fixture = try await EngineFixture.start(tokens: [])
        defer { Task { await fixture.stop() } }
        let amtool = Amtool(port: fixture.server.tcpPort!)
        let alert = try #require(try await fixture.firingAlert())
        let added = try await amtool.run(
            "silence", "add", "alertname=InterfaceDown", "system=~a|b", "--author=bob", "--comment=vendor window",
            "--duration=2h")
        #expect(added.status == 0, "\(added.stderr)")
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let silence = try #require(fixture.engine.snapshot.alerts.silences.first { $0.id == id }, "\(added.stdout)")
        #expect(silence.createdBy == "bob")
        #expect(silence.comment == "vendor window")
        #expect(silence.matchers == #"{alertname="InterfaceDown", system=~"a|b"}"#)
        #expect(silence.endsAt.timeIntervalSince(silence.startsAt) > 7000)
        #expect(
            fixture.engine.snapshot.alerts.entries.first { $0.id == alert }?.muting.contains(.silenced(silenceID: id))
                == true)
        let query = try await amtool.run("silence", "query", "-q")
        #expect(query.stdout.split(separator: "\n").map(String.init).contains(id), "\(query.stdout)")
        let expired = try await amtool.run("silence", "expire", id)
        #expect(expired.status == 0, "\(expired.stderr)")
        #expect(fixture.engine.snapshot.alerts.silences.first { $0.id == id }?.state == "expired")
        #expect(!(try await amtool.run("silence", "query", "-q").stdout.contains(id)))
        // One added in Switchboard is listed by amtool, and an acknowledgement as karma shows one.
        _ = await fixture.engine.perform(.acknowledge(alertID: alert, note: "on it", by: "alice"))
        let acks = try await amtool.run("silence", "query")
        #expect(acks.stdout.contains("ack-\(alert)") && acks.stdout.contains("alice"), "\(acks.stdout)")
        #expect(try await amtool.run("silence", "expire", "ack-\(alert)").status == 0)
        #expect(fixture.engine.snapshot.alerts.entries.first { $0.id == alert }?.acknowledgement == nil)
    }

    @Test func amtoolWithAnOperatorsTokenWritesAndAViewersIsRefused() async throws {
        let fixture = try await EngineFixture.start()
        defer { Task { await fixture.stop() } }
        let port = fixture.server.tcpPort!
        let viewer = try Amtool(port: port, token: AlertmanagerAPITests.viewer, in: fixture.directory)
        #expect(try await viewer.run("alert", "query").status == 0)
        let refused = try await viewer.run("silence", "add", "alertname=X", "--comment=c")
        #expect(refused.status != 0)
        let alice = try Amtool(port: port, token: AlertmanagerAPITests.operatorToken, in: fixture.directory)
        let added = try await alice.run("silence", "add", "alertname=X", "--comment=c", "--author=ignored")
        #expect(added.status == 0, "\(added.stderr)")
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(
            fixture.engine.snapshot.alerts.silences.first { $0.id == id }?.createdBy == "alice",
            "over a token, the token's name is who silenced")
    }
}

/// Runs `/usr/bin/amtool` against a loopback port, optionally with a bearer token (its
/// `--http.config.file`), with a home of its own so that no user config applies.
struct Amtool {
    static let path = "/usr/bin/amtool"
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

    let port: Int
    var httpConfig: String?

    init(port: Int) {
        self.port = port
    }

    init(port: Int, token: String, in directory: URL) throws {
        self.port = port
        let file = directory.appending(path: "amtool-\(token.prefix(8)).yml")
        try "authorization:\n  credentials: \(token)\n".write(to: file, atomically: true, encoding: .utf8)
        httpConfig = file.path
    }

    func run(_ arguments: String...) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await runTool(
            Self.path,
            ["--alertmanager.url=http://127.0.0.1:\(port)"] + (httpConfig.map { ["--http.config.file=\($0)"] } ?? [])
                + arguments)
    }
}
