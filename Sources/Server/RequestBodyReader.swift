import Foundation
import Hummingbird
import NIOCore
import SwitchboardCore

/// Reads a request's JSON body: at most `limit` bytes (413 beyond), an object whose every field
/// is known (400 naming the first unknown one), of the right types (400 naming the field).
enum RequestBodyReader {
    static let limit = 64 * 1024

    static func decode<Body: APIRequestBody>(_ type: Body.Type, from request: Request) async throws -> Body {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw APIFailure(status: .contentTooLarge, message: "the request body is larger than \(limit) bytes")
        }
        let data = Data(buffer: buffer)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw APIFailure.badRequest("the body is not a JSON object")
        }
        if let unknown = object.keys.sorted().first(where: { !Body.fields.contains($0) }) {
            let known = Body.fields.sorted().joined(separator: ", ")
            throw APIFailure.badRequest("unknown field \"\(unknown)\" (this request takes \(known))")
        }
        do {
            return try APICoding.decode(Body.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw APIFailure.badRequest("missing field \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(expected, context) {
            throw APIFailure.badRequest("field \"\(path(context))\": expected \(describe(expected))")
        } catch let DecodingError.valueNotFound(expected, context) {
            throw APIFailure.badRequest("field \"\(path(context))\": expected \(describe(expected)), got null")
        } catch {
            throw APIFailure.badRequest("the body could not be read: \(error)")
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map(\.stringValue).joined(separator: ".")
    }

    private static func describe(_ type: Any.Type) -> String {
        type == String.self ? "a string" : "\(type)"
    }
}
