import Foundation
import HTTPTypes
import Hummingbird
import SwitchboardCore

/// The read routes: the snapshot and its parts, and what views fetch beyond it.
extension EngineAPI {
    func addReads(to router: Router<BasicRequestContext>, transport: AccessPolicy.Transport) {
        let host = host
        read(router, "/api/v1/engine", transport: transport) { _, _ in APIResponse.json(host.info) }
        read(router, "/api/v1/snapshot", transport: transport) { _, _ in
            APIResponse.json(buffer: host.encodedSnapshot())
        }
        read(router, "/api/v1/snapshot/delta", transport: transport) { request, _ in
            let text = request.uri.queryParameters["since"] ?? ""
            guard let base = UInt64(text) else {
                throw APIFailure.badRequest("since: expected the version the console holds, got \(text)")
            }
            guard let data = host.encodedDelta(since: base) else {
                throw APIFailure(status: .gone, message: "version \(base) is no longer kept: fetch /api/v1/snapshot")
            }
            return APIResponse.json(buffer: data)
        }
        read(router, "/api/v1/interfaces", transport: transport) { _, _ in
            APIResponse.json(host.snapshot.interfaces)
        }
        read(router, "/api/v1/interfaces/{id}", transport: transport) { _, context in
            let id = try context.parameters.require("id")
            guard let interface = host.snapshot.interfaces.first(where: { $0.id == id }) else {
                throw APIFailure.notFound("no interface \(id)")
            }
            return APIResponse.json(interface)
        }
        read(router, "/api/v1/systems", transport: transport) { _, _ in APIResponse.json(host.snapshot.systems) }
        read(router, "/api/v1/alerts", transport: transport) { _, _ in APIResponse.json(host.snapshot.alerts) }
        read(router, "/api/v1/alerts/{id}/activity", transport: transport) { request, context in
            let id = try context.parameters.require("id")
            let limit = try Self.limit(request, default: 50, max: 1000)
            return APIResponse.json(try await host.source.alertActivity(alertID: id, limit: limit))
        }
        read(router, "/api/v1/silences", transport: transport) { _, _ in
            APIResponse.json(host.snapshot.alerts.silences)
        }
        read(router, "/api/v1/maintenance", transport: transport) { _, _ in
            APIResponse.json(host.snapshot.alerts.maintenance)
        }
        read(router, "/api/v1/jobs", transport: transport) { _, _ in APIResponse.json(host.snapshot.jobs) }
        read(router, "/api/v1/jobs/{id}/runs", transport: transport) { request, context in
            let id = try context.parameters.require("id")
            guard host.snapshot.jobs.contains(where: { $0.id == id }) else { throw APIFailure.notFound("no job \(id)") }
            let limit = try Self.limit(request, default: 50, max: 1000)
            return APIResponse.json(try await host.source.jobRuns(jobID: id, limit: limit))
        }
        read(router, "/api/v1/runs/{id}/log", transport: transport) { request, context in
            let text = try context.parameters.require("id")
            guard let runID = Int64(text) else { throw APIFailure.badRequest("run id: expected a number, got \(text)") }
            let afterText = request.uri.queryParameters["after"] ?? "0"
            guard let after = Int(afterText), after >= 0 else {
                throw APIFailure.badRequest("after: expected a line number, got \(afterText)")
            }
            let limit = try Self.limit(request, default: 500, max: 5000)
            guard let page = try await host.source.jobLog(runID: runID, afterLine: after, limit: limit) else {
                throw APIFailure.notFound("no run \(runID)")
            }
            return APIResponse.json(page)
        }
        read(router, "/api/v1/audit", transport: transport) { request, _ in
            let limit = try Self.limit(request, default: 100, max: 10_000)
            return APIResponse.json(try await host.source.auditTrail(limit: limit))
        }
        read(router, "/api/v1/presence", transport: transport) { _, _ in APIResponse.json(host.presence.viewers()) }
        read(router, "/api/v1/events", transport: transport) { request, _ in
            let last = request.headers[HTTPField.Name("Last-Event-ID")!].flatMap { UInt64($0) }
            // Who is attached comes first: snapshots do not carry it, and a console attaching now
            // must not miss a change between reading the board and following the stream.
            return EventStream.response(
                host.events.subscribe(after: last) {
                    let viewers = (try? APICoding.encode(host.presence.viewers())) ?? Data("[]".utf8)
                    return ("presence", String(decoding: viewers, as: UTF8.self))
                })
        }
    }
}
