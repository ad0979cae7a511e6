import Foundation
import Hummingbird

/// Builders for the responses the simulated systems send.
enum Reply {
    static func json(_ object: Any, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: options)) ?? Data("{}".utf8)
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func text(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func xml(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        self.text(text, contentType: "text/xml; charset=utf-8", status: status)
    }

    /// The status for a code, with its reason phrase (`Status(code:)` alone leaves it empty).
    static func status(_ code: Int) -> HTTPResponse.Status {
        switch code {
        case 200: .ok
        case 500: .internalServerError
        case 502: .badGateway
        case 503: .serviceUnavailable
        case 504: .gatewayTimeout
        default: HTTPResponse.Status(code: code)
        }
    }

    /// A Spring-style error body, as many of the systems an integration team meets send.
    static func error(_ status: HTTPResponse.Status, path: String, message: String, at seconds: Double) -> Response {
        json(
            [
                "timestamp": DemoFixtures.timestamp(seconds),
                "status": status.code,
                "error": status.reasonPhrase,
                "message": message,
                "path": path,
            ], status: status)
    }
}
