import Foundation
import SwitchboardCore
import Synchronization

/// The HTTP API through which a job reports its own runs; `switchboard serve` routes
/// `/api/v1/jobs/…` here. Bodies are JSON; times are ISO 8601 and default to now.
///
/// | request | body | answer |
/// | --- | --- | --- |
/// | `POST /api/v1/jobs/{job}/runs` | `{"run_id"?, "started_at"?}`; with `"status"` (and `"lines"`) the run is recorded whole | `201 {"run": N}` |
/// | `POST /api/v1/jobs/{job}/runs/{N}/lines` | `{"lines": ["text", {"text", "level"?}]}` | `202 {"stored", "dropped"}` |
/// | `POST /api/v1/jobs/{job}/runs/{N}/end` | `{"status": "succeeded"｜"failed", "exit_code"?, "records"?, "message"?, "ended_at"?}` | `200` the run |
/// | `GET /api/v1/jobs/{job}` | | `200` the job's status |
///
/// Errors answer `{"error": "…"}` with 400 (bad JSON, naming the field), 404 (no such job or
/// run), 409 (not a push job, run already ended) or 413 (body over 8 MiB).
public final class JobPushIngest: Sendable {
    public static let maxBodyBytes = 8 << 20
    let ledger: JobRunLedger
    let clock: any JobClock
    let status: @Sendable (String) -> JobStatus?
    private let open: Mutex<[Int64: RunRecorder]> = Mutex([:])

    init(ledger: JobRunLedger, clock: any JobClock, status: @escaping @Sendable (String) -> JobStatus?) {
        self.ledger = ledger
        self.clock = clock
        self.status = status
    }

    /// Handles one request and returns the response to send.
    public func handle(_ request: JobPushRequest) -> JobPushResponse {
        guard request.body.count <= Self.maxBodyBytes else {
            return .error(413, "the body is over \(Self.maxBodyBytes >> 20) MiB; send lines in smaller batches")
        }
        let parts = request.path.split(separator: "?")[0].split(separator: "/").map(String.init)
        guard parts.count >= 4, parts[0] == "api", parts[1] == "v1", parts[2] == "jobs" else {
            return .error(404, "no such endpoint: \(request.path)")
        }
        let jobID = parts[3]
        guard let job = ledger.jobs[jobID] else { return .error(404, "no job with id `\(jobID)`") }
        do {
            let method = request.method.uppercased()
            let rest = Array(parts.dropFirst(4))
            if method == "GET", rest.isEmpty { return try .json(200, status(jobID)) }
            guard method == "POST", rest.first == "runs" else {
                return .error(404, "no such endpoint: \(request.method) \(request.path)")
            }
            if rest.count == 1 {
                guard job.source == .push else {
                    return .error(409, "job `\(jobID)` is a \(job.source.kind) job, not push")
                }
                return try start(jobID, body: request.body)
            }
            if rest.count == 3, rest[2] == "lines" {
                return try withOpenRun(jobID, rest[1]) { try lines($0, body: request.body) }
            }
            if rest.count == 3, rest[2] == "end" {
                return try withOpenRun(jobID, rest[1]) { try end($0, body: request.body) }
            }
            return .error(404, "no such endpoint: \(request.method) \(request.path)")
        } catch let error as PushBodyError {
            return .error(400, error.message)
        } catch {
            return .error(500, "\(error)")
        }
    }

    private func start(_ jobID: String, body: Data) throws -> JobPushResponse {
        let request = try decode(StartBody.self, body)
        let time = try request.started_at.map { try parseTime($0, field: "started_at") } ?? clock.now()
        let recorder = try ledger.start(jobID: jobID, at: time, externalID: request.run_id)
        if let lines = request.lines { try ingest(lines, into: recorder) }
        if let status = request.status {
            let finished = try ledger.finish(
                recorder, at: clock.now(), result: try result(status), exitCode: request.exit_code,
                message: request.message, records: request.records)
            return try .json(201, finished)
        }
        open.withLock { $0[recorder.run.id] = recorder }
        return try .json(201, ["run": recorder.run.number])
    }

    private func lines(_ recorder: RunRecorder, body: Data) throws -> JobPushResponse {
        let request = try decode(LinesBody.self, body)
        let before = recorder.counts
        try ingest(request.lines, into: recorder)
        try recorder.flush(at: clock.now())
        let after = recorder.counts
        return try .json(202, ["stored": after.stored - before.stored, "dropped": after.dropped - before.dropped])
    }

    private func end(_ recorder: RunRecorder, body: Data) throws -> JobPushResponse {
        let request = try decode(EndBody.self, body)
        let time = try request.ended_at.map { try parseTime($0, field: "ended_at") } ?? clock.now()
        let finished = try ledger.finish(
            recorder, at: time, result: try result(request.status), exitCode: request.exit_code,
            message: request.message, records: request.records)
        open.withLock { _ = $0.removeValue(forKey: recorder.run.id) }
        return try .json(200, finished)
    }

    private func withOpenRun(_ jobID: String, _ number: String, _ body: (RunRecorder) throws -> JobPushResponse)
        throws -> JobPushResponse
    {
        guard let number = Int(number), let run = try ledger.store.run(jobID: jobID, number: number) else {
            return .error(404, "job `\(jobID)` has no run \(number)")
        }
        guard let recorder = open.withLock({ $0[run.id] }) else {
            return .error(409, "run \(number) of `\(jobID)` has ended (\(run.result.rawValue))")
        }
        return try body(recorder)
    }

    private func ingest(_ lines: [PushedLine], into recorder: RunRecorder) throws {
        let time = clock.now()
        for line in lines {
            let level = line.level.flatMap { LevelDetector.detect(Array($0.uppercased().utf8)) }
            var splitter = LineSplitter()
            var parts = splitter.feed(Array(line.text.utf8))
            if let last = splitter.finish() { parts.append(last) }
            try recorder.ingest(parts, stream: .log, at: time, level: level)
        }
    }

    private func result(_ status: String) throws -> JobRunResult {
        switch status.lowercased() {
        case "succeeded", "success", "ok": return .succeeded
        case "failed", "failure", "error": return .failed
        default: throw PushBodyError(message: "field `status`: expected succeeded or failed, found `\(status)`")
        }
    }

    private func parseTime(_ text: String, field: String) throws -> Date {
        guard let date = try? Date(text, strategy: .iso8601) else {
            throw PushBodyError(message: "field `\(field)`: expected an ISO 8601 time such as 2026-05-01T02:15:00Z")
        }
        return date
    }

    private func decode<T: Decodable>(_ type: T.Type, _ body: Data) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: body.isEmpty ? Data("{}".utf8) : body)
        } catch let DecodingError.keyNotFound(key, _) {
            throw PushBodyError(message: "missing field `\(key.stringValue)`")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw PushBodyError(message: "field `\(path)`: \(context.debugDescription)")
        } catch {
            throw PushBodyError(message: "the body is not JSON: \(error.localizedDescription)")
        }
    }

    struct PushBodyError: Error {
        var message: String
    }

    // The JSON bodies, with the API's snake_case names.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    struct StartBody: Decodable {
        var run_id: String?
        var started_at: String?
        var status: String?
        var exit_code: Int?
        var records: Int?
        var message: String?
        var lines: [PushedLine]?
    }

    struct LinesBody: Decodable {
        var lines: [PushedLine]
    }

    // swift-format-ignore: AlwaysUseLowerCamelCase
    struct EndBody: Decodable {
        var status: String
        var exit_code: Int?
        var records: Int?
        var message: String?
        var ended_at: String?
    }

    /// A line as plain text, or as an object with its level.
    struct PushedLine: Decodable {
        var text: String
        var level: String?

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                self.text = text
                return
            }
            let container = try decoder.container(keyedBy: Keys.self)
            text = try container.decode(String.self, forKey: .text)
            level = try container.decodeIfPresent(String.self, forKey: .level)
        }

        enum Keys: String, CodingKey { case text, level }
    }
}

/// An HTTP request as the push API needs it.
public struct JobPushRequest: Sendable {
    public var method: String
    public var path: String
    public var body: Data

    public init(method: String, path: String, body: Data = Data()) {
        self.method = method
        self.path = path
        self.body = body
    }
}

/// The status code and JSON body to answer with.
public struct JobPushResponse: Sendable, Equatable {
    public var status: Int
    public var body: Data

    static func json(_ status: Int, _ value: some Encodable) throws -> JobPushResponse {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return JobPushResponse(status: status, body: try encoder.encode(value))
    }

    static func error(_ status: Int, _ message: String) -> JobPushResponse {
        (try? json(status, ["error": message])) ?? JobPushResponse(status: status, body: Data())
    }
}
