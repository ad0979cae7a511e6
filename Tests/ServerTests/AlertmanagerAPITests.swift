import Foundation
import Monitor
import Server
import SwitchboardCore
import TestSupport
import Testing

/// Alertmanager's API v2 over real HTTP on loopback against a real engine: each route for each
/// role, alerts posted by other sources joining the queue, and Switchboard's states (silences,
/// acknowledgements, maintenance, inhibition, topology) mapped onto Alertmanager's fields.
@Suite(.serialized) struct AlertmanagerAPITests {
    static let viewer = "viewer-token-0123456789"
    static let operatorToken = "operator-token-0123456789"

    @Test func readsNeedAViewerAndWritesAnOperator() async throws {
        let fixture = try await EngineFixture.start()
        defer { Task { await fixture.stop() } }
        let anonymous = fixture.tcp()
        let viewer = fixture.tcp(token: Self.viewer)
        let alice = fixture.tcp(token: Self.operatorToken)
        for path in [
            "/api/v2/status", "/api/v2/receivers", "/api/v2/alerts", "/api/v2/alerts/groups", "/api/v2/silences",
        ] {
            #expect(try await anonymous.get(path).status == 401, "\(path)")
            #expect(try await viewer.get(path).status == 200, "\(path)")
            #expect(try await fixture.unix().get(path).status == 200, "\(path) over the socket")
        }
        let alert = #"[{"labels": {"alertname": "Posted"}}]"#
        #expect(try await anonymous.post("/api/v2/alerts", alert).status == 401)
        #expect(try await viewer.post("/api/v2/alerts", alert).status == 403)
        #expect(try await alice.post("/api/v2/alerts", alert).status == 200)
        let silence = Self.silence(matching: "Posted")
        #expect(try await viewer.post("/api/v2/silences", silence).status == 403)
        #expect(try await viewer.request(.DELETE, "/api/v2/silence/abc").status == 403)
        #expect(try await alice.request(.DELETE, "/api/v2/silence/abc").status == 404)
        #expect(try await viewer.get("/api/v2/silence/abc").status == 404)
        #expect(try await viewer.get("/api/v2/nothing").status == 404)
    }

    @Test func statusCarriesTheRouteAndReceiversAsAnAlertmanagerConfig() async throws {
        var landscape = EngineFixture.landscape()
        landscape.alerting = AlertingConfig(
            route: NotificationRoute(receiver: "oncall", groupBy: ["alertname"], groupWait: .seconds(10)),
            receivers: [
                NotificationReceiver(
                    name: "oncall", webhooks: [WebhookConfig(url: "https://u:pw@chat.example:8443/hook?token=s3cret")])
            ],
            inhibitRules: [
                InhibitRuleConfig(
                    sourceMatchers: [AlertMatcher(name: "severity", kind: .equal, value: "critical")],
                    targetMatchers: [AlertMatcher(name: "severity", kind: .equal, value: "warning")], equal: ["system"])
            ])
        let fixture = try await EngineFixture.start(tokens: [], landscape: landscape)
        defer { Task { await fixture.stop() } }
        let client = fixture.tcp()
        let status = try JSONSerialization.jsonObject(with: Data(try await client.get("/api/v2/status").body.utf8))
        let object = try #require(status as? [String: Any])
        let config = try #require((object["config"] as? [String: Any])?["original"] as? String)
        #expect(config.contains(#"receiver: "oncall""#))
        #expect(config.contains(#"group_by: ["alertname"]"#))
        #expect(config.contains("group_wait: 10s"))
        #expect(config.contains(#"url: "https://chat.example:8443/""#), "\(config)")
        #expect(!config.contains("s3cret") && !config.contains("pw"), "a webhook's URL may hold a token")
        #expect(config.contains(#"source_matchers: ["severity=\"critical\""]"#))
        #expect((object["cluster"] as? [String: Any])?["status"] as? String == "disabled")
        #expect((object["versionInfo"] as? [String: Any])?["version"] as? String == "test")
        #expect(try await client.get("/api/v2/receivers").body == #"[{"name":"oncall"}]"#)
        let alerts = try await Self.alerts(client, "")
        #expect(alerts.allSatisfy { $0.receivers == ["oncall"] })
    }

    @Test func aPostedAlertJoinsTheQueueAndResolvesWhenItsEndPasses() async throws {
        let fixture = try await EngineFixture.start(tokens: [])
        defer { Task { await fixture.stop() } }
        let client = fixture.tcp()
        let ends = APICodingText.format(Date().addingTimeInterval(3))
        let posted = try await client.post(
            "/api/v2/alerts",
            #"[{"labels": {"alertname": "DiskFull", "system": "a", "severity": "warning"}, "annotations": {"summary": "90%"}, "endsAt": "\#(ends)", "generatorURL": "http://prometheus/graph"}]"#
        )
        #expect(posted.status == 200, "\(posted.body)")
        #expect(
            await eventually {
                fixture.engine.snapshot.alerts.entries.contains { $0.name == "DiskFull" && $0.state == .firing }
            }, "in the queue as firing, as a rule's alert")
        let entry = try #require(fixture.engine.snapshot.alerts.entries.first { $0.name == "DiskFull" })
        #expect(entry.annotations["summary"] == "90%")
        let listed = try #require(try await Self.alerts(fixture.tcp(), "?filter=alertname%3D%22DiskFull%22").first)
        #expect(listed.fingerprint == entry.id, "the fingerprint is Switchboard's alert id")
        #expect(listed.generatorURL == "http://prometheus/graph")
        #expect(
            await eventually {
                fixture.engine.snapshot.alerts.entries.contains { $0.name == "DiskFull" && $0.state == .resolved }
            }, "resolved once its endsAt passed")
        #expect(try await Self.alerts(client, "?filter=alertname%3DDiskFull").isEmpty, "resolved alerts are not listed")
        // Posted again, it fires again as the same alert.
        #expect(
            try await client.post(
                "/api/v2/alerts", #"[{"labels": {"alertname": "DiskFull", "system": "a", "severity": "warning"}}]"#
            ).status == 200)
        #expect(
            await eventually {
                fixture.engine.snapshot.alerts.entries.contains { $0.id == entry.id && $0.state == .firing }
            })
    }

    @Test func badAlertsAreRefusedNamingWhatIsWrong() async throws {
        let fixture = try await EngineFixture.start(tokens: [])
        defer { Task { await fixture.stop() } }
        let client = fixture.tcp()
        let empty = try await client.post("/api/v2/alerts", #"[{"labels": {}}]"#)
        #expect(empty.status == 400)
        #expect(empty.body.contains("at least one label"))
        let badName = try await client.post("/api/v2/alerts", #"[{"labels": {"bad-name": "x"}}]"#)
        #expect(badName.status == 400)
        #expect(badName.body.contains("bad-name"))
        let backwards = try await client.post(
            "/api/v2/alerts",
            #"[{"labels": {"alertname": "X"}, "startsAt": "2026-01-02T00:00:00Z", "endsAt": "2026-01-01T00:00:00Z"}]"#)
        #expect(backwards.status == 400)
        #expect(backwards.body.contains("endsAt"))
        let badTime = try await client.post("/api/v2/alerts", #"[{"labels": {"alertname": "X"}, "startsAt": "soon"}]"#)
        #expect(badTime.status == 400)
        #expect(badTime.body.contains("startsAt"))
        #expect(try await client.post("/api/v2/alerts", #"{"labels": {}}"#).status == 400, "a list, not an object")
        #expect(try await client.get("/api/v2/alerts?active=maybe").status == 400)
        #expect(try await client.get("/api/v2/alerts?filter=alertname%3D~%22(%22").status == 400)
        #expect(try await client.get("/api/v2/alerts?receiver=(").status == 400)
    }

    @Test func filtersSelectAlertsAsAlertmanagerDoes() async throws {
        let fixture = try await EngineFixture.start(tokens: [])
        defer { Task { await fixture.stop() } }
        let client = fixture.tcp()
        _ = try #require(try await fixture.firingAlert())
        #expect(
            try await client.post("/api/v2/alerts", #"[{"labels": {"alertname": "Posted", "team": "db"}}]"#).status
                == 200)
        #expect(try await eventually { try await Self.alerts(client, "").count == 2 })
        #expect(try await Self.alerts(client, "?filter=team%3Ddb").map(\.labels["alertname"]) == ["Posted"])
        #expect(try await Self.alerts(client, "?receiver=switchboard").count == 2)
        #expect(try await Self.alerts(client, "?receiver=switch").isEmpty, "the receiver regex is anchored")
        let id = try await Self.createSilence(client, matching: "Posted")
        #expect(try await Self.alerts(client, "?filter=alertname%3DPosted").first?.silencedBy == [id])
        #expect(try await Self.alerts(client, "?silenced=false").map(\.labels["alertname"]) == ["InterfaceDown"])
        #expect(try await Self.alerts(client, "?active=false").map(\.labels["alertname"]) == ["Posted"])
        let groups = try await client.get("/api/v2/alerts/groups?silenced=false")
        #expect(groups.body.contains("InterfaceDown") && !groups.body.contains("Posted"), "\(groups.body)")
        // A group with one alert still notified is not muted as a whole.
        #expect(try await client.get("/api/v2/alerts/groups?muted=false").body.contains("Posted"))
    }

    @Test func silencesAreSwitchboardsOwnBothWays() async throws {
        let fixture = try await EngineFixture.start(tokens: [])
        defer { Task { await fixture.stop() } }
        let client = fixture.tcp()
        let id = try await Self.createSilence(client, matching: "Posted", by: "bob")
        let own = try #require(fixture.engine.snapshot.alerts.silences.first { $0.id == id })
        #expect(own.createdBy == "bob")
        #expect(own.matchers == #"{alertname="Posted"}"#)
        #expect(try await client.get("/api/v2/silence/\(id)").body.contains(#""createdBy":"bob""#))
        // One made with Switchboard's own API is listed by Alertmanager's.
        let made = try await client.post(
            "/api/v1/silences", #"{"matchers": "{system=~\"a|b\"}", "duration": "1h", "comment": "from v1"}"#)
        #expect(made.status == 200)
        let silences = try await client.get("/api/v2/silences").body
        #expect(
            silences.contains(#"{"isEqual":true,"isRegex":true,"name":"system","value":"a|b"}"#)
                || silences.contains(#""value":"a|b""#))
        // Replacing by id ends the old one.
        let replaced = try await Self.createSilence(client, matching: "Other", replacing: id)
        #expect(replaced != id)
        #expect(fixture.engine.snapshot.alerts.silences.first { $0.id == id }?.state == "expired")
        #expect(try await client.request(.DELETE, "/api/v2/silence/\(replaced)").status == 200)
        #expect(fixture.engine.snapshot.alerts.silences.first { $0.id == replaced }?.state == "expired")
        let unexpired = try await client.get("/api/v2/silences?expired=false").body
        #expect(!unexpired.contains(replaced) && unexpired.contains("from v1"), "\(unexpired)")
        #expect(try await client.get("/api/v2/silences?expired=no").status == 400)
        let audit = try await fixture.engine.auditTrail(limit: 10)
        #expect(audit.contains { $0.action == "silence" && $0.actor == "bob" })
        let past = try await client.post("/api/v2/silences", Self.silence(matching: "X", endsIn: -60))
        #expect(past.status == 400)
        let everything = try await client.post(
            "/api/v2/silences",
            Self.silence(matching: ".*").replacingOccurrences(of: "\"isRegex\": false", with: "\"isRegex\": true"))
        #expect(everything.status == 400, "a silence that could match every alert is refused as in the console")
    }

    @Test func anAcknowledgementShowsAsASilenceAndExpiringItGivesTheAlertBack() async throws {
        let fixture = try await EngineFixture.start(tokens: [])
        defer { Task { await fixture.stop() } }
        let client = fixture.tcp()
        let alert = try #require(try await fixture.firingAlert())
        #expect(
            try await client.request(
                .POST, "/api/v1/alerts/\(alert)/ack", body: #"{"note": "on it"}"#,
                headers: [("X-Switchboard-User", "alice")]
            ).status == 200)
        let listed = try #require(try await Self.alerts(client, "").first { $0.fingerprint == alert })
        #expect(listed.silencedBy == ["ack-\(alert)"])
        #expect(listed.state == "suppressed")
        let silence = try await client.get("/api/v2/silence/ack-\(alert)")
        #expect(silence.status == 200)
        #expect(silence.body.contains(#""createdBy":"alice""#))
        #expect(silence.body.contains(#""comment":"ACK! on it""#))
        #expect(try await client.request(.DELETE, "/api/v2/silence/ack-\(alert)").status == 200)
        #expect(fixture.engine.snapshot.alerts.entries.first { $0.id == alert }?.acknowledgement == nil)
        #expect(try await client.request(.DELETE, "/api/v2/silence/ack-\(alert)").status == 404)
    }

    @Test func maintenanceShowsAsASilenceAndMutesBySilencedBy() async throws {
        var landscape = EngineFixture.landscape()
        let now = Date()
        landscape.alerting = AlertingConfig(maintenanceWindows: [
            MaintenanceWindowConfig(
                name: "patch", matchers: [AlertMatcher(name: "alertname", kind: .equal, value: "InterfaceDown")],
                schedule: .once(start: now.addingTimeInterval(-60), end: now.addingTimeInterval(3600)),
                comment: "vendor patch")
        ])
        let fixture = try await EngineFixture.start(tokens: [], landscape: landscape)
        defer { Task { await fixture.stop() } }
        let client = fixture.tcp()
        _ = try #require(try await fixture.firingAlert())
        let windowID = try #require(fixture.engine.maintenanceWindows().first?.id)
        let alerts = try await Self.alerts(client, "")
        #expect(alerts.first?.silencedBy == ["maintenance-\(windowID)"])
        let silences = try await client.get("/api/v2/silences").body
        #expect(silences.contains("maintenance-\(windowID)"))
        #expect(silences.contains("maintenance window patch: vendor patch"))
        let refused = try await client.request(.DELETE, "/api/v2/silence/maintenance-\(windowID)")
        #expect(refused.status == 400)
        #expect(refused.body.contains("switchboard maintenance remove"))
    }

    @Test func aDependencyDownShowsAsInhibitedByTheRootCausesFingerprint() async throws {
        var landscape = EngineFixture.landscape()
        let down = Check(
            id: "a-down", probe: .command(CommandProbeSettings(arguments: ["/bin/false"])),
            // A long timeout keeps each result fresh for a minute: a loaded machine that runs the check late
            // does not make the system UNKNOWN between two runs.
            interval: .milliseconds(300), timeout: .seconds(60))
        landscape.systems[0] = System(id: "a", name: "A", checks: [down])
        let fixture = try await EngineFixture.start(tokens: [], landscape: landscape)
        defer { Task { await fixture.stop() } }
        let client = fixture.tcp()
        #expect(
            await eventually {
                fixture.engine.snapshot.alerts.entries.contains { $0.rootCause == "system:a" }
            }, "the feed's alert is folded under system a")
        let cause = try #require(
            fixture.engine.snapshot.alerts.entries.first {
                $0.labels.contains(LabelPair("check", "a-down"))
            })
        let alerts = try await Self.alerts(client, "")
        let folded = try #require(alerts.first { $0.labels["interface"] == "feed" })
        #expect(folded.inhibitedBy == [cause.id])
        #expect(folded.state == "suppressed")
        #expect(try await Self.alerts(client, "?inhibited=false").map(\.fingerprint) == [cause.id])
    }

    // MARK: - Helpers

    /// The fields of a listed alert the tests look at.
    struct Listed {
        var fingerprint: String
        var labels: [String: String]
        var state: String
        var silencedBy: [String]
        var inhibitedBy: [String]
        var receivers: [String]
        var generatorURL: String?
    }

    static func alerts(_ client: APITestClient, _ query: String) async throws -> [Listed] {
        let answer = try await client.get("/api/v2/alerts\(query)")
        try #require(answer.status == 200, "\(answer.body)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [[String: Any]])
        return list.map { alert in
            let status = alert["status"] as? [String: Any] ?? [:]
            return Listed(
                fingerprint: alert["fingerprint"] as? String ?? "", labels: alert["labels"] as? [String: String] ?? [:],
                state: status["state"] as? String ?? "", silencedBy: status["silencedBy"] as? [String] ?? [],
                inhibitedBy: status["inhibitedBy"] as? [String] ?? [],
                receivers: (alert["receivers"] as? [[String: String]] ?? []).compactMap { $0["name"] },
                generatorURL: alert["generatorURL"] as? String)
        }
    }

    static func silence(
        matching name: String, by author: String = "amy", endsIn seconds: TimeInterval = 3600, id: String? = nil
    )
        -> String
    {
        let now = Date()
        let idField = id.map { #""id": "\#($0)", "# } ?? ""
        return
            #"{\#(idField)"matchers": [{"name": "alertname", "value": "\#(name)", "isRegex": false, "isEqual": true}], "startsAt": "\#(APICodingText.format(now))", "endsAt": "\#(APICodingText.format(now.addingTimeInterval(seconds)))", "createdBy": "\#(author)", "comment": "test"}"#
    }

    static func createSilence(
        _ client: APITestClient, matching name: String, by author: String = "amy", replacing id: String? = nil
    ) async throws -> String {
        let answer = try await client.post("/api/v2/silences", silence(matching: name, by: author, id: id))
        try #require(answer.status == 200, "\(answer.body)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: String])
        return try #require(object["silenceID"])
    }
}

/// Times as the API writes them (`APICoding`'s format is internal to SwitchboardCore).
enum APICodingText {
    static func format(_ date: Date) -> String {
        String(decoding: try! APICoding.encode([date]), as: UTF8.self).dropFirst(2).dropLast(2).description
    }
}
