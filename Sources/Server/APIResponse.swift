import Foundation
import Hummingbird
import NIOCore
import SwitchboardCore

/// JSON answers in the API's one encoding (`APICoding`).
enum APIResponse {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        json(
            data: (try? APICoding.encode(value)) ?? Data(#"{"error":"could not encode the answer"}"#.utf8),
            status: status)
    }

    /// JSON already encoded.
    static func json(data: Data, status: HTTPResponse.Status = .ok) -> Response {
        json(buffer: ByteBuffer(bytes: data), status: status)
    }

    /// JSON already encoded into a buffer that other answers may share.
    static func json(buffer: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: buffer))
    }

    static func text(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
