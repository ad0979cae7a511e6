import Hummingbird

/// Middleware that makes a system misbehave as the fault timeline says, before its routes
/// answer.
///
/// Every delay is an async sleep on the request's own task, so a hanging endpoint holds
/// only its own request; the sleep ends early when the landscape shuts down.
struct FaultInjection<Context: RequestContext>: RouterMiddleware {
    let simulation: SimulationContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        let system = simulation.system.id
        guard let episode = simulation.timeline.episode(system: system, path: path, at: simulation.elapsed) else {
            return try await next(request, context)
        }
        let seconds = simulation.seconds
        switch episode.kind {
        case .hang:
            try await Task.sleep(for: simulation.hangDuration)
            return Reply.error(.gatewayTimeout, path: path, message: "upstream request timeout", at: seconds)
        case .unavailable:
            var response = Reply.error(
                .serviceUnavailable, path: path,
                message: "upstream connect error or disconnect/reset before headers", at: seconds)
            response.headers[.retryAfter] = "30"
            return response
        case .latency:
            try await Task.sleep(for: episode.delay ?? .seconds(2))
            return try await next(request, context)
        case .serverErrors:
            return serverError(episode, path: path, seconds: seconds)
        case .soapFault:
            return ERPRoutes.soapFault(status: episode.status ?? 500, seconds: seconds)
        case .healthDown:
            return HealthReport.response(for: simulation, down: true)
        case .consumerLag, .lostOrders, .deadLetters:
            // The broker's metrics render the lag and the dead letters themselves, the ERP forgets its test
            // orders itself (`TestOrders`); the endpoint answers normally.
            return try await next(request, context)
        }
    }

    /// 500, 502 and 504 in turn, starting with the episode's own code, changing every few seconds.
    private func serverError(_ episode: FaultEpisode, path: String, seconds: Double) -> Response {
        let codes = [500, 502, 504]
        let first = codes.firstIndex(of: episode.status ?? 500) ?? 0
        let code = codes[(first + Int(seconds / 4)) % codes.count]
        let message =
            switch code {
            case 500: "java.lang.NullPointerException: Cannot invoke \"Order.getCustomer()\" because \"order\" is null"
            case 502: "Bad Gateway: upstream prematurely closed connection"
            default: "Gateway Timeout: upstream did not answer within 30s"
            }
        return Reply.error(Reply.status(code), path: path, message: message, at: seconds)
    }
}
