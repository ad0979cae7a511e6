import Foundation
import Hummingbird
import SwitchboardCore

/// An answer other than success: its status and a message that names what was wrong
/// (`{"error": "silence: duration: expected a duration such as 30m or 2h, got 90x"}`).
struct APIFailure: HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = APIResponse.json(APIErrorBody(error: message))
        response.status = status
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer realm=\"switchboard\"" }
        return response
    }

    static func badRequest(_ message: String) -> APIFailure { APIFailure(status: .badRequest, message: message) }
    static func notFound(_ message: String) -> APIFailure { APIFailure(status: .notFound, message: message) }
}
