import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import SwitchboardCore
import Synchronization

/// The console's `DataSource` when the engine runs in another process: it follows the engine's
/// event stream, fetches each new snapshot, sends commands as API writes, and reports what the
/// console has open. A lost connection keeps the last data (marked `disconnected` in its link)
/// and is retried with backoff until it comes back.
public final class RemoteDataSource: DataSource {
    public let endpoint: EngineEndpoint
    let api: APIClient
    private let user: String
    /// Identifies this console on the engine's presence board.
    private let console = UUID().uuidString
    private let state: Mutex<State>
    private let loop = Mutex<Task<Void, Never>?>(nil)

    private struct State {
        var snapshot = Snapshot.empty()
        /// Who is attached, from the engine's presence events (snapshots do not carry them).
        var viewers: [Viewer] = []
        var link: EngineLink
        var viewing = "overview"
        var presenceSentAt = Date.distantPast
        var presenceSent: String?
    }

    /// Retries wait this long at first, doubling to `maximumBackoff`.
    static let firstBackoff: Duration = .milliseconds(250)
    static let maximumBackoff: Duration = .seconds(5)

    /// `trustedCertificates`: a PEM file to verify an `https` engine's certificate with, instead of
    /// the system's roots (a self-signed engine certificate, or a company CA).
    public init(endpoint: EngineEndpoint, token: String? = nil, user: String, trustedCertificates: String? = nil) {
        self.endpoint = endpoint
        self.user = user
        self.api = APIClient(endpoint: endpoint, token: token, user: user, trustedCertificates: trustedCertificates)
        self.state = Mutex(
            State(link: .disconnected(endpoint: endpoint.description, since: Date(), reason: "connecting")))
    }

    /// Starts following the engine (until `stop()`).
    public func start() {
        loop.withLock { task in
            guard task == nil else { return }
            task = Task { await self.follow() }
        }
    }

    /// Stops following, says goodbye to the presence board, and closes the connections.
    public func stop() async {
        let task = loop.withLock { task in
            defer { task = nil }
            return task
        }
        task?.cancel()
        await task?.value
        try? await api.send(.DELETE, "/api/v1/presence/\(console)")
        await api.shutdown()
    }

    public var snapshot: Snapshot {
        state.withLock { state in
            var snapshot = state.snapshot
            snapshot.link = state.link
            // Who else is attached is unknown while cut off from the engine.
            if case .disconnected = state.link { snapshot.viewers = [] } else { snapshot.viewers = state.viewers }
            return snapshot
        }
    }

    /// Whether the last attempt reached the engine.
    public var isConnected: Bool {
        state.withLock { if case .attached = $0.link { true } else { false } }
    }

    public func perform(_ command: Command) async -> CommandOutcome {
        do {
            let (method, path, body) = try Self.request(for: command)
            return try await api.perform(method, path, body: body)
        } catch {
            return CommandOutcome(succeeded: false, message: "\(error)")
        }
    }

    /// The engine's snapshot now, fetched once (without following it): for the command line.
    public func fetchSnapshot() async throws -> Snapshot {
        try await api.get(Snapshot.self, "/api/v1/snapshot")
    }

    public func jobRuns(jobID: String, limit: Int) async throws -> [JobRunSummary] {
        do {
            return try await api.get(
                [JobRunSummary].self, "/api/v1/jobs/\(APIClient.escape(jobID))/runs?limit=\(limit)")
        } catch APIClientError.status(404, _) {
            return []
        }
    }

    public func jobLog(runID: Int64, afterLine: Int, limit: Int) async throws -> JobLogPage? {
        do {
            return try await api.get(JobLogPage.self, "/api/v1/runs/\(runID)/log?after=\(afterLine)&limit=\(limit)")
        } catch APIClientError.status(404, _) {
            return nil
        }
    }

    public func alertActivity(alertID: String, limit: Int) async throws -> [AlertActivity] {
        try await api.get([AlertActivity].self, "/api/v1/alerts/\(APIClient.escape(alertID))/activity?limit=\(limit)")
    }

    public func reportPresence(viewing: String) {
        let changed = state.withLock { state in
            defer { state.viewing = viewing }
            return state.viewing != viewing
        }
        if changed { Task { await sendPresence() } }
    }

    /// Connects, fetches, follows the events; on any failure marks the link down and tries again.
    private func follow() async {
        var backoff = Self.firstBackoff
        while !Task.isCancelled {
            do {
                let info = try await api.get(EngineInfo.self, "/api/v1/engine")
                try await refresh()
                state.withLock { $0.link = .attached(pid: info.pid, endpoint: endpoint.description) }
                backoff = Self.firstBackoff
                await sendPresence(force: true)
                // The stream ends only by throwing, which ends the heartbeat with it.
                try await withThrowingDiscardingTaskGroup { group in
                    group.addTask { try await self.followEvents() }
                    group.addTask { await self.heartbeat() }
                }
            } catch {
                if Task.isCancelled { return }
                markDisconnected("\(error)")
                try? await Task.sleep(for: backoff)
                backoff = min(backoff * 2, Self.maximumBackoff)
            }
        }
    }

    private func followEvents() async throws {
        var lastVersion = snapshot.version
        try await api.events { event in
            if event.kind == "presence" {
                if let data = event.data.data(using: .utf8),
                    let viewers = try? APICoding.decode([Viewer].self, from: data)
                {
                    self.state.withLock { $0.viewers = viewers }
                }
                return
            }
            if event.kind == "snapshot",
                let data = event.data.data(using: .utf8),
                let version = try? APICoding.decode(VersionOnly.self, from: data).version,
                version == lastVersion
            {
                return
            }
            try await self.refresh()
            lastVersion = self.snapshot.version
        }
        throw APIClientError.transport("the engine closed its event stream")
    }

    /// Reports presence every `heartbeat`, so the engine knows this console is still there.
    private func heartbeat() async {
        while (try? await Task.sleep(for: .seconds(10))) != nil { await sendPresence(force: true) }
    }

    /// Brings the snapshot up to date: by a delta from the version held when the engine still keeps
    /// it, else whole.
    private func refresh() async throws {
        let held = state.withLock { $0.snapshot }
        if held.version > 0 {
            do {
                let delta = try await api.get(SnapshotDelta.self, "/api/v1/snapshot/delta?since=\(held.version)")
                if let snapshot = delta.applied(to: held) {
                    state.withLock { $0.snapshot = snapshot }
                    return
                }
            } catch APIClientError.status(410, _) {
                // Too far behind (or the engine was reloaded): fetched whole below.
            }
        }
        let snapshot = try await api.get(Snapshot.self, "/api/v1/snapshot")
        state.withLock { $0.snapshot = snapshot }
    }

    private func sendPresence(force: Bool = false) async {
        let viewing = state.withLock { state -> String? in
            guard force || state.presenceSent != state.viewing else { return nil }
            state.presenceSent = state.viewing
            return state.viewing
        }
        guard let viewing else { return }
        let report = PresenceReport(console: console, user: user, viewing: viewing)
        try? await api.send(.PUT, "/api/v1/presence", body: report)
    }

    private func markDisconnected(_ reason: String) {
        state.withLock { state in
            if case .disconnected(_, let since, _) = state.link {
                state.link = .disconnected(endpoint: endpoint.description, since: since, reason: reason)
            } else {
                state.link = .disconnected(endpoint: endpoint.description, since: Date(), reason: reason)
            }
        }
    }

    /// The API request that performs `command`.
    static func request(for command: Command) throws -> (HTTPMethod, String, (any Encodable & Sendable)?) {
        switch command {
        case .checkNow(let target):
            (.POST, "/api/v1/checks/\(APIClient.escape(target))/run", nil)
        case .acknowledge(let id, let note, _):
            (.POST, "/api/v1/alerts/\(APIClient.escape(id))/ack", AcknowledgeRequest(note: note))
        case .unacknowledge(let id, _):
            (.POST, "/api/v1/alerts/\(APIClient.escape(id))/unack", nil)
        case .note(let id, let text, _):
            (.POST, "/api/v1/alerts/\(APIClient.escape(id))/notes", NoteRequest(text: text))
        case .silence(let matchers, let duration, let comment, _):
            (
                .POST, "/api/v1/silences",
                SilenceRequest(
                    matchers: AlertMatcher.listDescription(matchers),
                    duration: DurationParser.format(duration), comment: comment)
            )
        case .expireSilence(let id, _):
            (.DELETE, "/api/v1/silences/\(APIClient.escape(id))", nil)
        case .runJob(let id):
            (.POST, "/api/v1/jobs/\(APIClient.escape(id))/run", nil)
        case .addMaintenance(let window, _):
            (.POST, "/api/v1/maintenance", MaintenanceRequest(window))
        case .removeMaintenance(let id, _):
            (.DELETE, "/api/v1/maintenance/\(APIClient.escape(id))", nil)
        }
    }
}

/// The part of a `snapshot` event the client reads.
private struct VersionOnly: Decodable {
    var version: UInt64
}
