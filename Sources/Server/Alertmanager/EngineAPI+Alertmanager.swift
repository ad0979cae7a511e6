import Foundation
import Hummingbird
import Monitor
import NIOCore
import SwitchboardCore

/// Alertmanager's API v2 (its spec: prometheus/alertmanager `api/v2/openapi.yaml`), the part its
/// clients use — amtool, karma, Grafana's Alertmanager data source — and `POST /api/v2/alerts`,
/// which takes alerts from Prometheus or Grafana into the queue. Same listeners and roles as
/// `/api/v1`: reads need `viewer`, writes `operator`.
extension EngineAPI {
    func addAlertmanagerRoutes(to router: Router<BasicRequestContext>, transport: AccessPolicy.Transport) {
        let host = host
        read(router, "/api/v2/status", transport: transport) { _, _ in
            let engine = try Self.engine(host)
            let status = AlertmanagerStatus(
                cluster: .init(name: "", status: "disabled", peers: []),
                versionInfo: .init(
                    version: host.info.version, revision: "", branch: "", buildUser: "", buildDate: "",
                    goVersion: ""),
                config: .init(original: AlertmanagerConfigText.yaml(engine.landscape.alerting)),
                uptime: host.info.startedAt)
            return APIResponse.json(status)
        }
        read(router, "/api/v2/receivers", transport: transport) { _, _ in
            let engine = try Self.engine(host)
            return APIResponse.json(
                AlertmanagerConfigText.receivers(of: engine.landscape.alerting).map(ReceiverReference.init))
        }
        let cache = AlertmanagerAnswerCache()
        read(router, "/api/v2/alerts", transport: transport) { request, _ in
            let query = try AlertmanagerQuery(request)
            return APIResponse.json(
                buffer: try Self.cached(cache, host, request) { view in
                    view.alerts().filter { query.keeps($1, labels: $0.labels, receiverName: view.receiver) }
                        .map(\.alert)
                })
        }
        read(router, "/api/v2/alerts/groups", transport: transport) { request, _ in
            let query = try AlertmanagerQuery(request)
            let groupBy = try Self.engine(host).landscape.alerting.route?.groupBy ?? []
            return APIResponse.json(
                buffer: try Self.cached(cache, host, request) { view in
                    let kept = view.alerts().filter { query.keeps($1, labels: $0.labels, receiverName: view.receiver) }
                    return AlertmanagerGrouping.groups(kept.map(\.alert), by: groupBy, receiver: view.receiver)
                        .filter { query.muted || $0.alerts.contains { $0.status.state == .active } }
                })
        }
        read(router, "/api/v2/silences", transport: transport) { request, _ in
            let filter = try AlertmanagerQuery.filter(request.uri.queryParameters.getAll("filter"))
            let states = try ["active", "expired", "pending"].filter {
                try AlertmanagerQuery.flag($0, in: request.uri.queryParameters)
            }
            return APIResponse.json(
                try Self.view(host).silences().filter {
                    states.contains($0.status.state) && filter.matches(Self.labels(of: $0))
                })
        }
        read(router, "/api/v2/silence/{id}", transport: transport) { _, context in
            let id = try context.parameters.require("id")
            guard let silence = try Self.view(host).silences().first(where: { $0.id == id }) else {
                throw AlertmanagerFailure.notFound("silence \(id) not found")
            }
            return APIResponse.json(silence)
        }
        router.post("/api/v2/alerts") { request, _ in
            _ = try access.caller(of: request, via: transport, needs: .operator)
            let engine = try Self.engine(host)
            let alerts = try await Self.decode([PostableAlert].self, from: request, limit: Self.alertsBodyLimit)
            let posted = alerts.map(\.posted)
            let problems = posted.enumerated().compactMap { index, alert in
                alert.problem().map { "alert \(index + 1): \($0)" }
            }
            guard engine.receive(posted.filter { $0.problem() == nil }) else {
                throw AlertmanagerFailure.badRequest(
                    "this engine evaluates no alert rules, so it keeps no alert queue: load a rule file to take alerts in"
                )
            }
            if !problems.isEmpty { throw AlertmanagerFailure.badRequest(problems.joined(separator: "; ")) }
            return Response(status: .ok)
        }
        router.post("/api/v2/silences") { request, _ in
            let caller = try access.caller(of: request, via: transport, needs: .operator)
            let body = try await Self.decode(PostableSilence.self, from: request, limit: RequestBodyReader.limit)
            let by = transport == .socket || access.isOpen ? Self.author(body.createdBy, or: caller.name) : caller.name
            let id = try await AlertmanagerSilencing(host: host, caller: caller).post(body, by: by)
            return APIResponse.json(PostedSilence(silenceID: id))
        }
        router.delete("/api/v2/silence/{id}") { request, context in
            let caller = try access.caller(of: request, via: transport, needs: .operator)
            try await AlertmanagerSilencing(host: host, caller: caller).expire(try context.parameters.require("id"))
            return Response(status: .ok)
        }
    }

    /// The largest batch of alerts one post may carry.
    static let alertsBodyLimit = 8 << 20

    /// The engine behind the API; Alertmanager's routes need its config and queue.
    static func engine(_ host: EngineHost) throws -> MonitorEngine {
        guard let engine = host.source as? MonitorEngine else {
            throw AlertmanagerFailure(status: .serviceUnavailable, message: "no engine runs in this process")
        }
        return engine
    }

    static func view(_ host: EngineHost, now: Date = Date()) throws -> AlertmanagerView {
        let engine = try engine(host)
        return view(engine, snapshot: engine.snapshot, now: now)
    }

    static func view(_ engine: MonitorEngine, snapshot: Snapshot, now: Date) -> AlertmanagerView {
        AlertmanagerView(
            snapshot: snapshot, posted: engine.postedAlerts(), windows: engine.maintenanceWindows(),
            receiver: AlertmanagerConfigText.receiver(of: engine.landscape.alerting), now: now)
    }

    /// The answer of `body` over the view of now, encoded once per state of the queue and query.
    static func cached(
        _ cache: AlertmanagerAnswerCache, _ host: EngineHost, _ request: Request,
        _ body: (AlertmanagerView) -> some Encodable
    ) throws -> ByteBuffer {
        let engine = try engine(host)
        let now = Date()
        // The revision before the snapshot: a post in between makes the next request build anew.
        let posted = engine.postedRevision
        let snapshot = engine.snapshot
        let state = AlertmanagerAnswerCache.State(
            engine: ObjectIdentifier(engine), version: snapshot.version, posted: posted)
        return cache.answer(request.uri.path + "?" + (request.uri.query ?? ""), in: state, now: now) {
            ByteBuffer(bytes: (try? APICoding.encode(body(view(engine, snapshot: snapshot, now: now)))) ?? Data())
        }
    }

    /// The labels a silence's equality matchers name, which `filter=` selects silences by.
    static func labels(of silence: GettableSilence) -> [LabelPair] {
        silence.matchers.filter { !$0.isRegex && $0.isEqual != false }.map { LabelPair($0.name, $0.value) }
    }

    /// Who a silence is by: the `createdBy` amtool or karma sent, where the caller is not a token.
    static func author(_ createdBy: String, or name: String) -> String {
        let safe = TerminalText.safe(createdBy).trimmingCharacters(in: .whitespaces)
        return safe.isEmpty ? name : safe
    }

    /// A JSON body of at most `limit` bytes; fields Switchboard does not use are ignored, as
    /// Alertmanager ignores them.
    static func decode<Body: Decodable>(_ type: Body.Type, from request: Request, limit: Int) async throws -> Body {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw AlertmanagerFailure(status: .contentTooLarge, message: "the body is larger than \(limit) bytes")
        }
        do {
            return try APICoding.decode(Body.self, from: Data(buffer: buffer))
        } catch let DecodingError.keyNotFound(key, context) {
            let path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw AlertmanagerFailure.badRequest("missing field \"\(path)\"")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
            let DecodingError.dataCorrupted(context)
        {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw AlertmanagerFailure.badRequest("field \"\(path)\": \(context.debugDescription)")
        } catch {
            throw AlertmanagerFailure.badRequest("the body is not JSON of the expected shape: \(error)")
        }
    }
}
