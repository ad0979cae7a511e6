import Hummingbird

/// Times every request around the router, until the handler has its response (a streamed body's
/// transfer is not included: an event stream counts the moment it opened), and records it by route.
struct RequestDurationMiddleware<Context: RequestContext>: RouterMiddleware {
    let durations: RequestDurations

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let response = try await next(request, context)
            record(context, code: Int(response.status.code), since: start, clock)
            return response
        } catch {
            let code = (error as? any HTTPResponseError)?.status.code ?? 500
            record(context, code: Int(code), since: start, clock)
            throw error
        }
    }

    /// The route's pattern (`/api/v1/alerts/{id}`), so that ids do not make new series; unknown
    /// paths are counted together as `NotFound`.
    private func record(_ context: Context, code: Int, since start: ContinuousClock.Instant, _ clock: ContinuousClock) {
        let taken = clock.now - start
        let seconds = Double(taken.components.seconds) + Double(taken.components.attoseconds) / 1e18
        durations.record(handler: context.endpointPath ?? "NotFound", code: code, seconds: seconds)
    }
}
