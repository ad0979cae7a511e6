import AsyncHTTPClient
import Foundation
import Hummingbird
import NIOCore
import PromQL
import SwitchboardCore
import TestSupport
import Testing

@testable import Monitor

/// Against Debian's real `prometheus-alertmanager`, started on a free loopback port for each test.
@Suite(
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: AlertmanagerProcess.binary),
        "prometheus-alertmanager is not installed at /usr/bin (apt-get install prometheus-alertmanager); skipped"))
struct AlertmanagerIntegrationTests {
    typealias F = AlertFixtures

    @Test func twoReplicasPushingTheSameAlertNotifyOnceAndTheResolutionOnce() async throws {
        let received = ReceivedBodies()
        let hook = try await LoopbackServer.start { router in
            router.post("hook") { request, _ in
                let buffer = try await request.body.collect(upTo: 1 << 20)
                await received.record(Data(buffer.readableBytesView))
                return Response(status: .ok)
            }
        }
        let alertmanager = try AlertmanagerProcess.start(webhook: hook.baseURL + "/hook")
        defer {
            alertmanager.stop()
            Task { await hook.stop() }
        }
        try await alertmanager.waitUntilReady()

        var queue = AlertQueue()
        let now = Date()
        let alert = RuleAlert(
            ruleName: "InterfaceDown", labels: ["interface": "orders", "severity": "critical"],
            annotations: ["summary": "orders interface down"], state: .firing, activeAt: now.addingTimeInterval(-60),
            firedAt: now.addingTimeInterval(-30))
        _ = queue.update(alerts: [alert], topology: .init(), now: now)
        // endsAt lies four resend delays ahead: a minute's delay keeps Alertmanager from resolving the
        // alert by itself while a slow machine runs the test (with 1 s it sent a `resolved` of its own).
        var replicaA = AlertmanagerPush(baseURL: alertmanager.baseURL, resendDelay: 60)
        var replicaB = AlertmanagerPush(baseURL: alertmanager.baseURL, resendDelay: 60)
        try await replicaA.push(queue.entries, now: now)
        try await replicaB.push(queue.entries, now: now)
        try await replicaA.push(queue.entries, now: now.addingTimeInterval(2))

        let stored = try await alertmanager.alerts()
        #expect(stored.count == 1, "one alert in Alertmanager for two replicas")
        #expect(
            stored.first?["labels"] as? [String: String] == [
                "alertname": "InterfaceDown", "interface": "orders", "severity": "critical",
            ])

        let firing = try await Self.waitFor(received) { $0.count >= 1 }
        // group_interval is 1 s: anything Alertmanager would send twice arrives well within 4 s.
        try await Task.sleep(for: .seconds(4))
        let afterWait = try Self.payloads(await received.bodies)
        #expect(afterWait.count == 1, "notified once: \(afterWait.map(\.status))")
        let payload = try #require(firing.first)
        #expect(payload.version == "4" && payload.status == "firing" && payload.receiver == "hook")
        #expect(payload.alerts.map(\.labels["interface"]) == ["orders"])
        #expect(payload.alerts.first?.fingerprint.count == 16)

        _ = queue.update(alerts: [], topology: .init(), now: now.addingTimeInterval(3))
        try await replicaA.push(queue.entries, now: now.addingTimeInterval(3))
        try await replicaB.push(queue.entries, now: now.addingTimeInterval(3))
        let resolved = try await Self.waitFor(received) { $0.contains { $0.status == "resolved" } }
        #expect(resolved.filter { $0.status == "resolved" }.count == 1)
        #expect(resolved.last?.alerts.first?.status == "resolved")
    }

    @Test func theEnginesFiringAlertIsPushedToAlertmanager() async throws {
        let alertmanager = try AlertmanagerProcess.start(webhook: "http://127.0.0.1:9/unused")
        defer { alertmanager.stop() }
        try await alertmanager.waitUntilReady()
        let fixture = try PipelineFixture(
            alerting: AlertingConfig(alertmanagers: [AlertmanagerTarget(url: alertmanager.baseURL)]), origin: Date())
        let delivery = Task { await fixture.pipeline.notifications.run() }
        defer { delivery.cancel() }
        await fixture.tick(0, ["feed": 0])

        var stored: [[String: Any]] = []
        let deadline = ContinuousClock.now + failureDeadline
        while ContinuousClock.now < deadline {
            stored = try await alertmanager.alerts()
            if !stored.isEmpty { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(stored.count == 1)
        #expect(
            stored.first?["labels"] as? [String: String] == [
                "alertname": "InterfaceDown", "interface": "feed", "severity": "critical",
            ])
        #expect((stored.first?["status"] as? [String: Any])?["state"] as? String == "active")
    }

    static func payloads(_ bodies: [Data]) throws -> [WebhookPayload] {
        try bodies.map { try JSONDecoder().decode(WebhookPayload.self, from: $0) }
    }

    /// Polls what the hook received until `condition` holds (at most 30 s).
    static func waitFor(_ received: ReceivedBodies, _ condition: ([WebhookPayload]) -> Bool) async throws
        -> [WebhookPayload]
    {
        let deadline = ContinuousClock.now + failureDeadline
        while ContinuousClock.now < deadline {
            let payloads = try payloads(await received.bodies)
            if condition(payloads) { return payloads }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("Alertmanager sent nothing matching in 30 s")
        return try payloads(await received.bodies)
    }
}

/// A `prometheus-alertmanager` child process on a free loopback port, with its config and storage in a
/// temporary directory, clustering off.
final class AlertmanagerProcess {
    static let binary = "/usr/bin/prometheus-alertmanager"
    let baseURL: String
    private let process: ChildProcess.Background
    private let directory: String

    private init(baseURL: String, process: ChildProcess.Background, directory: String) {
        self.baseURL = baseURL
        self.process = process
        self.directory = directory
    }

    static func start(webhook: String) throws -> AlertmanagerProcess {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-am-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let config = """
            route:
              receiver: hook
              group_by: [alertname]
              group_wait: 1s
              group_interval: 1s
              repeat_interval: 1h
            receivers:
              - name: hook
                webhook_configs:
                  - url: \(webhook)
                    send_resolved: true
            """
        try config.write(toFile: directory + "/alertmanager.yml", atomically: true, encoding: .utf8)
        let port = try freeLoopbackPort()
        let process = try ChildProcess.Background(
            binary,
            [
                "--config.file=\(directory)/alertmanager.yml", "--storage.path=\(directory)/data",
                "--web.listen-address=127.0.0.1:\(port)", "--cluster.listen-address=", "--log.level=warn",
            ], log: directory + "/alertmanager.log")
        return AlertmanagerProcess(baseURL: "http://127.0.0.1:\(port)", process: process, directory: directory)
    }

    func waitUntilReady() async throws {
        let deadline = ContinuousClock.now + failureDeadline
        while ContinuousClock.now < deadline {
            if let response = try? await HTTPClient.shared.execute(
                HTTPClientRequest(url: baseURL + "/-/ready"), timeout: .seconds(1)), response.status == .ok
            {
                return
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let log = (try? String(contentsOfFile: directory + "/alertmanager.log", encoding: .utf8)) ?? ""
        throw AlertmanagerError(description: "Alertmanager did not become ready: \(log.suffix(500))")
    }

    /// `GET /api/v2/alerts`, as JSON objects.
    func alerts() async throws -> [[String: Any]] {
        let response = try await HTTPClient.shared.execute(
            HTTPClientRequest(url: baseURL + "/api/v2/alerts"), timeout: .seconds(5))
        let body = try await response.body.collect(upTo: 1 << 20)
        return try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [[String: Any]] ?? []
    }

    func stop() {
        process.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    struct AlertmanagerError: Error, CustomStringConvertible {
        var description: String
    }
}
