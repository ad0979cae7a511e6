import Foundation
import Testing

@testable import Monitor
@testable import SwitchboardCore

@Suite struct JobPushIngestTests {
    let scratch = ScratchDirectory()

    func engine() throws -> JobEngine {
        let jobs = [
            Job(id: "crm-sync", name: "CRM sync", system: "crm", source: .push, sla: .seconds(600)),
            commandJob("local", ["/bin/true"]),
        ]
        return try JobEngine(jobs: jobs, store: SeriesStore(), database: StateDatabase(directory: scratch.url))
    }

    static func post(_ path: String, _ json: String) -> JobPushRequest {
        JobPushRequest(method: "POST", path: path, body: Data(json.utf8))
    }

    static func object(_ response: JobPushResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]) ?? [:]
    }

    @Test func startLinesAndEndMakeARun() throws {
        let engine = try engine()
        let push = engine.push
        let started = push.handle(Self.post("/api/v1/jobs/crm-sync/runs", #"{"run_id": "sync-881"}"#))
        #expect(started.status == 201 && Self.object(started)["run"] as? Int == 1)
        #expect(engine.status("crm-sync")?.state == .running)
        let lines = push.handle(
            Self.post(
                "/api/v1/jobs/crm-sync/runs/1/lines",
                #"{"lines": ["INFO 120 accounts", {"text": "duplicate key 4711", "level": "warn"}]}"#))
        #expect(lines.status == 202 && Self.object(lines)["stored"] as? Int == 2)
        let ended = push.handle(
            Self.post("/api/v1/jobs/crm-sync/runs/1/end", #"{"status": "failed", "exit_code": 1, "records": 120}"#))
        #expect(ended.status == 200)
        let run = try #require(try engine.runs(jobID: "crm-sync").first)
        #expect(run.result == .failed && run.externalID == "sync-881" && run.records == 120 && run.exitCode == 1)
        #expect(try engine.lines(runID: run.id).map(\.level) == [.info, .warn])
        #expect(engine.status("crm-sync")?.state == .failed)
        let again = push.handle(Self.post("/api/v1/jobs/crm-sync/runs/1/end", #"{"status": "succeeded"}"#))
        #expect(again.status == 409)
    }

    @Test func aWholeRunInOneRequest() throws {
        let engine = try engine()
        let response = engine.push.handle(
            Self.post(
                "/api/v1/jobs/crm-sync/runs",
                #"{"status": "succeeded", "started_at": "2026-03-01T02:00:00Z", "lines": ["done"]}"#))
        #expect(response.status == 201)
        let run = try #require(try engine.runs(jobID: "crm-sync").first)
        #expect(run.result == .succeeded && run.startedAt == .iso("2026-03-01T02:00:00Z") && run.lineCount == 1)
    }

    @Test func statusIsReadable() throws {
        let engine = try engine()
        let response = engine.push.handle(JobPushRequest(method: "GET", path: "/api/v1/jobs/crm-sync"))
        #expect(response.status == 200)
        #expect(Self.object(response)["state"] as? String == "waiting")
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        var request: JobPushRequest
        var status: Int
        var error: String
        var testDescription: String { "\(request.method) \(request.path) → \(status)" }
    }

    @Test(arguments: [
        BadCase(request: post("/api/v1/jobs/nope/runs", "{}"), status: 404, error: "no job with id `nope`"),
        BadCase(request: post("/api/v1/jobs/local/runs", "{}"), status: 409, error: "is a command job, not push"),
        BadCase(request: post("/api/v1/jobs/crm-sync/runs", "{not json"), status: 400, error: "not JSON"),
        BadCase(
            request: post("/api/v1/jobs/crm-sync/runs", #"{"run_id": 5}"#), status: 400, error: "field `run_id`"),
        BadCase(
            request: post("/api/v1/jobs/crm-sync/runs", #"{"status": "meh"}"#), status: 400,
            error: "expected succeeded or failed"),
        BadCase(
            request: post("/api/v1/jobs/crm-sync/runs", #"{"started_at": "yesterday"}"#), status: 400,
            error: "ISO 8601"),
        BadCase(request: post("/api/v1/jobs/crm-sync/runs/9/end", "{}"), status: 404, error: "has no run 9"),
        BadCase(
            request: JobPushRequest(
                method: "POST", path: "/api/v1/jobs/crm-sync/runs", body: Data(count: JobPushIngest.maxBodyBytes + 1)),
            status: 413, error: "over 8 MiB"),
    ])
    func badRequestsAreAnsweredWithAReason(_ test: BadCase) throws {
        let engine = try engine()
        let response = engine.push.handle(test.request)
        #expect(response.status == test.status)
        let error = Self.object(response)["error"] as? String ?? ""
        #expect(error.contains(test.error), "got: \(error)")
    }
}
