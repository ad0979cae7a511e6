import Foundation
import Hummingbird
import SwitchboardCore

/// Switchboard's own API (`/api/v1`, described in docs/api.yaml) and the health endpoints, over
/// any `DataSource`: the engine in this process. The same routes serve the state directory's
/// socket and TCP; only who the caller is differs (`AccessPolicy`).
public struct EngineAPI: Sendable {
    let host: EngineHost
    let access: AccessPolicy
    /// How long requests took, by route and status, for `/metrics`; both listeners record into it.
    let requestDurations = RequestDurations()

    public init(host: EngineHost, access: AccessPolicy) {
        self.host = host
        self.access = access
    }

    /// The router of one listener.
    func router(for transport: AccessPolicy.Transport) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestDurationMiddleware(durations: requestDurations))
        router.get("/-/healthy") { _, _ in APIResponse.text("Switchboard is Healthy.\n") }
        router.get("/-/ready") { _, _ in
            host.isReady
                ? APIResponse.text("Switchboard is Ready.\n")
                : APIResponse.text("Switchboard is not ready: \(host.readiness)\n", status: .serviceUnavailable)
        }
        router.post("/-/reload") { request, _ in
            _ = try access.caller(of: request, via: transport, needs: .admin)
            let outcome = await host.reload()
            return APIResponse.json(outcome, status: outcome.succeeded ? .ok : .badRequest)
        }
        addReads(to: router, transport: transport)
        addWrites(to: router, transport: transport)
        addAlertmanagerRoutes(to: router, transport: transport)
        addMetricsRoute(to: router, transport: transport)
        return router
    }

    /// A read: any caller with a role may.
    func read(
        _ router: Router<BasicRequestContext>, _ path: RouterPath, transport: AccessPolicy.Transport,
        _ body: @escaping @Sendable (Request, BasicRequestContext) async throws -> Response
    ) {
        router.get(path) { request, context in
            _ = try access.caller(of: request, via: transport, needs: .viewer)
            return try await body(request, context)
        }
    }

    static func limit(_ request: Request, default value: Int, max: Int) throws -> Int {
        guard let text = request.uri.queryParameters["limit"] else { return value }
        guard let limit = Int(text), limit > 0 else {
            throw APIFailure.badRequest("limit: expected a positive whole number, got \(text)")
        }
        return min(limit, max)
    }
}
