import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SwitchboardCore

/// The write routes: each becomes a `Command` performed by the engine under the caller's name,
/// which the audit trail records, and is announced on the event stream.
extension EngineAPI {
    func addWrites(to router: Router<BasicRequestContext>, transport: AccessPolicy.Transport) {
        let host = host
        write(router, .post, "/api/v1/alerts/{id}/ack", transport: transport) { request, context, caller in
            let body = try await RequestBodyReader.decode(AcknowledgeRequest.self, from: request)
            return .acknowledge(alertID: try context.parameters.require("id"), note: body.note, by: caller.name)
        }
        write(router, .post, "/api/v1/alerts/{id}/unack", transport: transport) { _, context, caller in
            .unacknowledge(alertID: try context.parameters.require("id"), by: caller.name)
        }
        write(router, .post, "/api/v1/alerts/{id}/notes", transport: transport) { request, context, caller in
            let body = try await RequestBodyReader.decode(NoteRequest.self, from: request)
            return .note(alertID: try context.parameters.require("id"), text: body.text, by: caller.name)
        }
        write(router, .post, "/api/v1/silences", transport: transport) { request, _, caller in
            let body = try await RequestBodyReader.decode(SilenceRequest.self, from: request)
            let matchers: [AlertMatcher]
            do {
                matchers = try AlertMatcher.parseList(body.matchers)
            } catch {
                throw APIFailure.badRequest("matchers: \(error)")
            }
            guard let duration = DurationParser.parse(body.duration), duration > .zero else {
                throw APIFailure.badRequest("duration: expected a duration such as 30m or 2h, got \(body.duration)")
            }
            return .silence(matchers: matchers, duration: duration, comment: body.comment, by: caller.name)
        }
        write(router, .delete, "/api/v1/silences/{id}", transport: transport) { _, context, caller in
            .expireSilence(id: try context.parameters.require("id"), by: caller.name)
        }
        write(router, .post, "/api/v1/maintenance", transport: transport) { request, _, caller in
            let body = try await RequestBodyReader.decode(MaintenanceRequest.self, from: request)
            do {
                return .addMaintenance(try body.window(now: Date()), by: caller.name)
            } catch let error as MaintenanceScheduleError {
                throw APIFailure.badRequest(error.message)
            }
        }
        write(router, .delete, "/api/v1/maintenance/{id}", transport: transport) { _, context, caller in
            .removeMaintenance(id: try context.parameters.require("id"), by: caller.name)
        }
        write(router, .post, "/api/v1/jobs/{id}/run", transport: transport) { _, context, _ in
            .runJob(id: try context.parameters.require("id"))
        }
        // A check run now answers 200 whatever the checks found (`succeeded` says whether all were up).
        router.post("/api/v1/checks/{target}/run") { request, context in
            let caller = try access.caller(of: request, via: transport, needs: .operator)
            let target = try context.parameters.require("target")
            let snapshot = host.snapshot
            guard snapshot.interfaces.contains(where: { $0.id == target }) || snapshot.system(target) != nil else {
                throw APIFailure.notFound("no interface or system \(target)")
            }
            return APIResponse.json(await host.perform(.checkNow(target: target), by: caller))
        }
        // A push job reports its runs: start, lines, end (the engine's push ingestion answers).
        for path in [
            "/api/v1/jobs/{id}/runs", "/api/v1/jobs/{id}/runs/{run}/lines", "/api/v1/jobs/{id}/runs/{run}/end",
        ] {
            router.post(RouterPath(path)) { request, _ in
                _ = try access.caller(of: request, via: transport, needs: .operator)
                var request = request
                let body: ByteBuffer
                do {
                    body = try await request.collectBody(upTo: Self.pushBodyLimit)
                } catch {
                    throw APIFailure(
                        status: .contentTooLarge, message: "the body is over 8 MiB; send lines in smaller batches")
                }
                guard
                    let answer = host.pushJobReport(method: "POST", path: request.uri.path, body: Data(buffer: body))
                else { throw APIFailure.notFound("this engine runs no jobs") }
                return APIResponse.json(data: answer.body, status: HTTPResponse.Status(code: answer.status))
            }
        }
        router.put("/api/v1/presence") { request, _ in
            let caller = try access.caller(of: request, via: transport, needs: .viewer)
            let body = try await RequestBodyReader.decode(PresenceReport.self, from: request)
            // Over a token the token's name is who it is; on the socket the console says who sits at it.
            let user = transport == .socket || access.isOpen ? TerminalText.safe(body.user) : caller.name
            if host.presence.report(body, user: user) { host.announcePresence() }
            return Response(status: .noContent)
        }
        router.delete("/api/v1/presence/{console}") { request, context in
            _ = try access.caller(of: request, via: transport, needs: .viewer)
            if host.presence.leave(console: try context.parameters.require("console")) { host.announcePresence() }
            return Response(status: .noContent)
        }
    }

    /// The largest report a push job may send at once.
    static let pushBodyLimit = 8 << 20

    /// A write: an operator's, answered with the command's outcome (409 when the engine refused it).
    private func write(
        _ router: Router<BasicRequestContext>, _ method: HTTPRequest.Method, _ path: RouterPath,
        transport: AccessPolicy.Transport,
        _ command: @escaping @Sendable (Request, BasicRequestContext, Caller) async throws -> Command
    ) {
        router.on(path, method: method) { request, context in
            let caller = try access.caller(of: request, via: transport, needs: .operator)
            let outcome = await host.perform(try await command(request, context, caller), by: caller)
            return APIResponse.json(outcome, status: outcome.succeeded ? .ok : .conflict)
        }
    }
}
