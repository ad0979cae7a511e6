import AsyncHTTPClient
import Foundation
import Hummingbird
import Monitor
import NIOCore
import PromQL
import TestSupport
import Testing

/// What a loopback receiver was sent.
actor ReceivedBodies {
    var bodies: [Data] = []
    var attempts = 0

    func record(_ body: Data) {
        bodies.append(body)
    }

    func attempt() -> Int {
        attempts += 1
        return attempts
    }
}

@Suite struct WebhookNotifierTests {
    typealias F = AlertFixtures

    func notification() -> AlertNotification {
        var queue = AlertQueue()
        _ = queue.update(
            alerts: [
                F.alert("Down", ["system": "erp", "env": "prod"], annotations: ["summary": "ERP down"]),
                F.alert("Down", ["system": "crm", "env": "prod"], annotations: ["summary": "CRM down"]),
            ], topology: .init(), now: F.at(0))
        return AlertNotification(
            receiver: "ops", groupKey: #"{}:{alertname="Down"}"#, groupLabels: ["alertname": "Down"],
            firing: queue.entries, resolved: [])
    }

    func server(
        failFirst failures: Int, status: HTTPResponse.Status = .serviceUnavailable, into received: ReceivedBodies
    )
        async throws -> LoopbackServer
    {
        try await LoopbackServer.start { router in
            router.post("hook") { request, _ in
                let attempt = await received.attempt()
                if attempt <= failures { return Response(status: status) }
                let buffer = try await request.body.collect(upTo: 1 << 20)
                await received.record(Data(buffer.readableBytesView))
                return Response(status: .ok)
            }
        }
    }

    @Test func theWebhookGetsAlertmanagerPayloadVersion4() async throws {
        let received = ReceivedBodies()
        let server = try await server(failFirst: 0, into: received)
        defer { Task { await server.stop() } }
        try await WebhookNotifier(url: server.baseURL + "/hook", externalURL: "http://switchboard").send(notification())
        let bodies = await received.bodies
        let body = try #require(bodies.first)
        let payload = try JSONDecoder().decode(WebhookPayload.self, from: body)
        #expect(payload.version == "4")
        #expect(payload.status == "firing")
        #expect(payload.receiver == "ops")
        #expect(payload.groupKey == #"{}:{alertname="Down"}"#)
        #expect(payload.groupLabels == ["alertname": "Down"])
        #expect(payload.commonLabels == ["alertname": "Down", "env": "prod"])
        #expect(payload.commonAnnotations == [:])
        #expect(
            payload.alerts.map(\.labels["system"]) == ["crm", "erp"]
                || payload.alerts.map(\.labels["system"]) == ["erp", "crm"])
        #expect(payload.alerts.allSatisfy { $0.status == "firing" && $0.endsAt == "0001-01-01T00:00:00Z" })
        #expect(payload.alerts.first?.startsAt == "2027-01-15T08:00:00.000Z")
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "version", "groupKey", "truncatedAlerts", "status", "receiver", "groupLabels", "commonLabels",
                "commonAnnotations", "externalURL", "alerts",
            ])
    }

    @Test func failuresAreRetriedWithBackoffUntilDelivered() async throws {
        let received = ReceivedBodies()
        let server = try await server(failFirst: 2, into: received)
        defer { Task { await server.stop() } }
        let notifier = WebhookNotifier(
            url: server.baseURL + "/hook", retry: .init(attempts: 4, initialDelay: .milliseconds(10)))
        try await notifier.send(notification())
        #expect(await received.attempts == 3)
        #expect(await received.bodies.count == 1)
    }

    @Test func aRefusingReceiverIsNotRetried() async throws {
        let received = ReceivedBodies()
        let server = try await server(failFirst: 10, status: .badRequest, into: received)
        defer { Task { await server.stop() } }
        let notifier = WebhookNotifier(
            url: server.baseURL + "/hook", retry: .init(attempts: 4, initialDelay: .milliseconds(10)))
        await #expect(throws: NotifyError.refused(url: server.baseURL + "/hook", status: 400)) {
            try await notifier.send(notification())
        }
        #expect(await received.attempts == 1)
    }

    @Test func anUnreachableReceiverIsGivenUpAfterTheAttempts() async throws {
        let port = try RefusingPort()
        let url = "http://127.0.0.1:\(port.port)/hook"
        let notifier = WebhookNotifier(
            url: url, retry: .init(attempts: 3, initialDelay: .milliseconds(5)), timeout: .milliseconds(500))
        do {
            try await notifier.send(notification())
            Issue.record("nothing listens there")
        } catch let error as NotifyError {
            guard case .gaveUp(let reported, let attempts, _) = error else {
                Issue.record("expected gaveUp, got \(error)")
                return
            }
            #expect(reported == url && attempts == 3)
        }
    }
}
