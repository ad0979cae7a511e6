import Foundation
import Hummingbird

/// An answer of Alertmanager's API other than success: its body a JSON string, as Alertmanager's
/// `BadRequest` is, which amtool prints as the reason.
struct AlertmanagerFailure: HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String

    func response(from request: Request, context: some RequestContext) throws -> Response {
        APIResponse.json(message, status: status)
    }

    static func badRequest(_ message: String) -> AlertmanagerFailure {
        AlertmanagerFailure(status: .badRequest, message: message)
    }

    static func notFound(_ message: String) -> AlertmanagerFailure {
        AlertmanagerFailure(status: .notFound, message: message)
    }
}
