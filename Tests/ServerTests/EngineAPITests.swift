import Foundation
import Server
import SwitchboardCore
import TestSupport
import Testing

/// The API over real HTTP, on TCP loopback and on the state directory's socket, against a real
/// engine: every endpoint answers, and every way to get a request wrong gets its status and a
/// message naming what was wrong.
@Suite(.serialized) struct EngineAPITests {
    @Test func readsAnswerOverTheSocketWithoutAToken() async throws {
        let fixture = try await EngineFixture.start()
        defer { Task { await fixture.stop() } }
        let client = fixture.unix()
        #expect(try await client.get("/-/healthy").status == 200)
        #expect(try await eventually { try await client.get("/-/ready").status == 200 }, "ready once every check ran")
        let snapshot = try APICoding.decode(
            Snapshot.self, from: Data(try await client.get("/api/v1/snapshot").body.utf8))
        #expect(snapshot.landscape == "fixture")
        #expect(snapshot.systems.map(\.name) == ["A", "财务系统"])
        #expect(snapshot.interfaces.map(\.id) == ["feed"])
        let interface = try await client.get("/api/v1/interfaces/feed")
        #expect(interface.status == 200)
        #expect(interface.body.contains("\"id\":\"feed\""))
        #expect(try await client.get("/api/v1/interfaces/nope").status == 404)
        #expect(try await client.get("/api/v1/systems").body.contains("财务系统"))
        #expect(try await client.get("/api/v1/jobs").body.contains("\"id\":\"etl\""))
        #expect(try await client.get("/api/v1/jobs/etl/runs").status == 200)
        #expect(try await client.get("/api/v1/jobs/nope/runs").status == 404)
        #expect(try await client.get("/api/v1/runs/999/log").status == 404)
        #expect(try await client.get("/api/v1/runs/x/log").status == 400)
        #expect(try await client.get("/api/v1/silences").body == "[]")
        #expect(try await client.get("/api/v1/engine").body.contains("\"pid\":\(getpid())"))
        #expect(try await client.get("/api/v1/nothing-here").status == 404)
        #expect(try await client.get("/api/v1/snapshot/delta?since=x").status == 400)
        #expect(try await client.get("/api/v1/snapshot/delta?since=999999").status == 410)
        let delta = try await client.get("/api/v1/snapshot/delta?since=\(snapshot.version)")
        #expect(delta.status == 200)
        let applied = try APICoding.decode(SnapshotDelta.self, from: Data(delta.body.utf8)).applied(to: snapshot)
        #expect(applied?.interfaces.map(\.id) == ["feed"])
        let alert = try #require(try await fixture.firingAlert())
        let activity = try await client.get("/api/v1/alerts/\(alert)/activity?limit=5")
        #expect(activity.status == 200)
        #expect(try await client.get("/api/v1/alerts/\(alert)/activity?limit=-1").status == 400)
        #expect(try await client.get("/api/v1/alerts").body.contains(alert))
    }

    @Test func writesAreAttributedToTheCallerAndLandInTheAuditTrail() async throws {
        let fixture = try await EngineFixture.start()
        defer { Task { await fixture.stop() } }
        let alert = try #require(try await fixture.firingAlert())
        let alice = fixture.tcp(token: "operator-token-0123456789")
        let ack = try await alice.post("/api/v1/alerts/\(alert)/ack", #"{"note": "on it"}"#)
        #expect(ack.status == 200, "\(ack.body)")
        #expect(fixture.engine.snapshot.alerts.entries.first { $0.id == alert }?.acknowledgement?.by == "alice")
        let note = try await alice.post("/api/v1/alerts/\(alert)/notes", #"{"text": "vendor called"}"#)
        #expect(note.status == 200)
        let activity = try await fixture.engine.alertActivity(alertID: alert, limit: 10)
        #expect(activity.contains { $0.by == "alice" && $0.text.contains("on it") })
        #expect(activity.contains { $0.by == "alice" && $0.text.contains("vendor called") })
        let audit = try await alice.get("/api/v1/audit?limit=10")
        #expect(audit.status == 200)
        #expect(audit.body.contains(#""actor":"alice""#) && audit.body.contains(#""action":"ack""#))
        #expect(!audit.body.contains("operator-token"), "the trail names the token's holder, never the token")
        let twice = try await alice.post("/api/v1/alerts/\(alert)/ack", #"{"note": "again"}"#)
        #expect(twice.status == 409 || twice.status == 200, "a refused command is a conflict, not a server error")
        #expect(try await alice.post("/api/v1/alerts/\(alert)/unack").status == 200)
        #expect(try await alice.post("/api/v1/alerts/nope/unack").status == 409)

        let silence = try await alice.post(
            "/api/v1/silences",
            #"{"matchers": "{alertname=\"InterfaceDown\"}", "duration": "1h30m", "comment": "maint"}"#)
        #expect(silence.status == 200, "\(silence.body)")
        let silenced = try #require(fixture.engine.snapshot.alerts.silences.first)
        #expect(silenced.createdBy == "alice")
        let expire = try await alice.request(.DELETE, "/api/v1/silences/\(silenced.id)")
        #expect(expire.status == 200, "\(expire.body)")
        #expect(try await alice.post("/api/v1/jobs/etl/run").status == 200)
        #expect(try await eventually { try await fixture.engine.jobRuns(jobID: "etl", limit: 5).count == 1 })
        let checked = try await alice.post("/api/v1/checks/feed/run")
        #expect(checked.status == 200)
        #expect(checked.body.contains("checked feed: 0 up, 1 down") && checked.body.contains("\"succeeded\":false"))
        #expect(try await alice.post("/api/v1/checks/nope/run").status == 404)
        #expect(try await alice.post("/api/v1/jobs/nope/run").status == 409)
    }

    @Test func maintenanceWindowsArePlannedListedAndRemovedOverTheAPI() async throws {
        let fixture = try await EngineFixture.start()
        defer { Task { await fixture.stop() } }
        let alert = try #require(try await fixture.firingAlert())
        let alice = fixture.tcp(token: "operator-token-0123456789")
        let listed = try await alice.get("/api/v1/maintenance")
        #expect(listed.status == 200)
        #expect(listed.body.contains(#""id":"config:patch-night""#) && listed.body.contains(#""state":"over""#))

        let planned = try await alice.post(
            "/api/v1/maintenance",
            #"{"matchers": "{alertname=\"InterfaceDown\"}", "end": "2999-01-01T00:00:00Z", "comment": "ERP upgrade"}"#)
        #expect(planned.status == 200, "\(planned.body)")
        let window = try #require(fixture.engine.snapshot.alerts.maintenance.first { $0.createdBy == "alice" })
        #expect(window.state == .open && window.name == #"{alertname="InterfaceDown"}"#)
        #expect(
            fixture.engine.snapshot.alerts.entries.first { $0.id == alert }?.muting == [
                .maintenance(windowID: window.id)
            ], "the window mutes the firing alert at once")
        let weekly = try await alice.post(
            "/api/v1/maintenance",
            #"{"matchers": "system=a", "weekly": "sat,sun", "at": "02:00", "duration": "2h", "timeZone": "Europe/Berlin", "comment": "c", "name": "weekend"}"#
        )
        #expect(weekly.status == 200, "\(weekly.body)")
        let weekend = try #require(fixture.engine.snapshot.alerts.maintenance.first { $0.name == "weekend" })
        #expect(
            weekend.schedule
                == .weekly(
                    weekdays: [7, 1], minuteOfDay: 120, duration: 7200, timeZone: TimeZone(identifier: "Europe/Berlin")!
                ))

        let removed = try await alice.request(.DELETE, "/api/v1/maintenance/\(window.id.prefix(8))")
        #expect(removed.status == 200, "\(removed.body)")
        #expect(fixture.engine.snapshot.alerts.entries.first { $0.id == alert }?.muting == [])
        let fromConfig = try await alice.request(.DELETE, "/api/v1/maintenance/config:patch-night")
        #expect(fromConfig.status == 409)
        #expect(fromConfig.body.contains("config file"))
        let audit = try await alice.get("/api/v1/audit?limit=10")
        #expect(audit.body.contains(#""action":"maintenance""#) && audit.body.contains(#""action":"end-maintenance""#))

        let mixed = try await alice.post(
            "/api/v1/maintenance",
            #"{"matchers": "system=a", "end": "2999-01-01T00:00:00Z", "weekly": "sat", "comment": "c"}"#)
        #expect(mixed.status == 400)
        #expect(mixed.body.contains("do not mix"))
        let backwards = try await alice.post(
            "/api/v1/maintenance",
            #"{"matchers": "system=a", "start": "2999-01-02T00:00:00Z", "end": "2999-01-01T00:00:00Z", "comment": "c"}"#
        )
        #expect(backwards.status == 400)
        let badDay = try await alice.post(
            "/api/v1/maintenance",
            #"{"matchers": "system=a", "weekly": "someday", "at": "02:00", "duration": "1h", "comment": "c"}"#)
        #expect(badDay.status == 400)
        #expect(badDay.body.contains("someday"))
        let noMatchers = try await alice.post(
            "/api/v1/maintenance", #"{"matchers": "{}", "end": "2999-01-01T00:00:00Z", "comment": "c"}"#)
        #expect(noMatchers.status == 400)
        #expect(noMatchers.body.contains("matchers"))
        let viewer = fixture.tcp(token: "viewer-token-0123456789")
        #expect(try await viewer.request(.DELETE, "/api/v1/maintenance/config:patch-night").status == 403)
    }

    @Test func everyMistakeGetsItsStatusAndNamesWhatWasWrong() async throws {
        let fixture = try await EngineFixture.start()
        defer { Task { await fixture.stop() } }
        let anonymous = fixture.tcp()
        let noToken = try await anonymous.get("/api/v1/snapshot")
        #expect(noToken.status == 401)
        #expect(noToken.body.contains("Bearer"))
        #expect(try await fixture.tcp(token: "wrong-token-0123456789").get("/api/v1/snapshot").status == 401)
        let viewer = fixture.tcp(token: "viewer-token-0123456789")
        #expect(try await viewer.get("/api/v1/snapshot").status == 200)
        let forbidden = try await viewer.post("/api/v1/alerts/x/ack", #"{"note": "n"}"#)
        #expect(forbidden.status == 403)
        #expect(forbidden.body.contains("viewer-vic") && forbidden.body.contains("operator"))
        #expect(!forbidden.body.contains("viewer-token"), "a token's value is never in an answer")
        let alice = fixture.tcp(token: "operator-token-0123456789")
        #expect(try await alice.post("/-/reload").status == 403, "reloading needs admin")

        let malformed = try await alice.post("/api/v1/alerts/x/ack", "{not json")
        #expect(malformed.status == 400)
        let unknown = try await alice.post("/api/v1/alerts/x/ack", #"{"note": "n", "nite": "typo"}"#)
        #expect(unknown.status == 400)
        #expect(unknown.body.contains("nite"))
        let missing = try await alice.post("/api/v1/alerts/x/notes", "{}")
        #expect(missing.status == 400)
        #expect(missing.body.contains("text"))
        let wrongType = try await alice.post("/api/v1/alerts/x/notes", #"{"text": 5}"#)
        #expect(wrongType.status == 400)
        let badMatchers = try await alice.post(
            "/api/v1/silences", #"{"matchers": "{alertname=~\"(\"}", "duration": "1h", "comment": "c"}"#)
        #expect(badMatchers.status == 400)
        #expect(badMatchers.body.contains("matchers"))
        let badDuration = try await alice.post(
            "/api/v1/silences", #"{"matchers": "alertname=X", "duration": "90x", "comment": "c"}"#)
        #expect(badDuration.status == 400)
        #expect(badDuration.body.contains("duration") && badDuration.body.contains("90x"))
        let large = try await alice.post(
            "/api/v1/alerts/x/notes", #"{"text": ""# + String(repeating: "x", count: 100_000) + #""}"#)
        #expect(large.status == 413)
        #expect(try await alice.get("/api/v1/nothing").status == 404)
    }

    @Test func aPushJobReportsItsRunThroughTheSameServer() async throws {
        let fixture = try await EngineFixture.start()
        defer { Task { await fixture.stop() } }
        let bot = fixture.tcp(token: "operator-token-0123456789")
        let started = try await bot.post("/api/v1/jobs/pushed/runs", #"{"run_id": "nightly-42"}"#)
        #expect(started.status == 201, "\(started.body)")
        #expect(started.body.contains(#""run":1"#))
        let lines = try await bot.post(
            "/api/v1/jobs/pushed/runs/1/lines", #"{"lines": ["loading", {"text": "bad row 7", "level": "error"}]}"#)
        #expect(lines.status == 202, "\(lines.body)")
        let ended = try await bot.post("/api/v1/jobs/pushed/runs/1/end", #"{"status": "failed", "exit_code": 3}"#)
        #expect(ended.status == 200, "\(ended.body)")
        let runs = try await fixture.engine.jobRuns(jobID: "pushed", limit: 5)
        #expect(runs.map(\.result) == [.failed])
        #expect(runs.first?.lineCount == 2)
        #expect(try await bot.post("/api/v1/jobs/etl/runs", "{}").status == 409, "a command job is not pushed")
        #expect(try await bot.post("/api/v1/jobs/pushed/runs/9/end", #"{"status": "ok"}"#).status == 404)
        #expect(
            try await fixture.tcp(token: "viewer-token-0123456789").post("/api/v1/jobs/pushed/runs", "{}").status == 403
        )
    }

    @Test func tokensAreNeededToListenBeyondLoopback() async throws {
        let host = EngineHost(
            source: try await EngineFixture.start(tokens: []).engine,
            info: EngineInfo(pid: 1, startedAt: Date(), landscape: "x", version: "t"))
        await #expect(throws: ServerError.self) {
            _ = try await EngineServer.start(
                api: EngineAPI(host: host, access: AccessPolicy(tokens: [])),
                listeners: EngineServer.Listeners(tcp: ("0.0.0.0", 0)), logger: .init(label: "t"))
        }
        let message = "\(ServerError.tokensRequired(host: "0.0.0.0"))"
        #expect(message.contains("server.tokens") && message.contains("0.0.0.0"))
    }

    @Test func anAdminReloadsAndTheSocketNeedsNoToken() async throws {
        let fixture = try await EngineFixture.start()
        defer { Task { await fixture.stop() } }
        let refused = try await fixture.tcp(token: "admin-token-0123456789").post("/-/reload")
        #expect(refused.status == 400, "this host was given no way to reload")
        #expect(refused.body.contains("cannot reload"))
        fixture.host.onReload { EngineHost.ReloadOutcome(succeeded: true, message: "reloaded: 1 checks") }
        let reloaded = try await fixture.unix(user: "sam").post("/-/reload")
        #expect(reloaded.status == 200)
        #expect(reloaded.body.contains("reloaded"))
    }

    @Test func theSocketIsOnlyForTheOwnerAndItsGroup() async throws {
        let fixture = try await EngineFixture.start()
        defer { Task { await fixture.stop() } }
        let attributes = try FileManager.default.attributesOfItem(atPath: fixture.socket)
        #expect((attributes[.posixPermissions] as? Int) == 0o660)
    }
}
