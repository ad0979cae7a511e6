import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import NIOSSL
import SwitchboardCore

/// HTTP to one engine's API: JSON in `APICoding`, the token and the user's name on every request,
/// error answers turned into their message.
final class APIClient: Sendable {
    let endpoint: EngineEndpoint
    private let token: String?
    private let user: String
    private let client: HTTPClient
    /// A request (not the event stream) that takes longer has failed.
    static let requestTimeout: TimeAmount = .seconds(10)
    /// The event stream sends a comment every 15 s; this long without a byte means the link is dead.
    static let streamIdleTimeout: TimeAmount = .seconds(40)

    /// `trustedCertificates`: a PEM file of the certificates (or the CA) an `https` engine may show,
    /// for one whose certificate no system root signed; nil trusts the system's roots.
    init(endpoint: EngineEndpoint, token: String?, user: String, trustedCertificates: String? = nil) {
        self.endpoint = endpoint
        self.token = token
        self.user = user
        var configuration = HTTPClient.Configuration()
        if let trustedCertificates {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .file(trustedCertificates)
            configuration.tlsConfiguration = tls
        }
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: .seconds(5), read: Self.streamIdleTimeout)
        self.client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    func shutdown() async {
        try? await client.shutdown()
    }

    /// A path component with everything but unreserved characters percent-encoded.
    static func escape(_ component: String) -> String {
        component.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
            ?? component
    }

    func get<T: Decodable>(_ type: T.Type, _ path: String) async throws -> T {
        let body = try await call(.GET, path, body: nil)
        do {
            return try APICoding.decode(T.self, from: body)
        } catch {
            throw APIClientError.undecodable(path: path, problem: "\(error)")
        }
    }

    /// A write answered with a `CommandOutcome` (200 or 409); other errors become a failed outcome.
    func perform(_ method: HTTPMethod, _ path: String, body: (any Encodable & Sendable)?) async throws -> CommandOutcome
    {
        do {
            let data = try await call(method, path, body: body, accepting: [409])
            return try APICoding.decode(CommandOutcome.self, from: data)
        } catch let APIClientError.status(_, message) {
            return CommandOutcome(succeeded: false, message: message)
        }
    }

    /// A request whose answer has no body of interest.
    func send(_ method: HTTPMethod, _ path: String, body: (any Encodable & Sendable)? = nil) async throws {
        _ = try await call(method, path, body: body)
    }

    /// Follows `GET /api/v1/events`, handing each event to `handle`, until the stream ends or fails.
    func events(_ handle: (EventStreamParser.Event) async throws -> Void) async throws {
        var request = makeRequest(.GET, "/api/v1/events")
        request.headers.add(name: "Accept", value: "text/event-stream")
        let response = try await client.execute(request, deadline: .distantFuture)
        guard response.status == .ok else {
            let data = try await response.body.collect(upTo: 64 * 1024)
            throw Self.failure(status: response.status, body: Data(buffer: data))
        }
        var parser = EventStreamParser()
        for try await chunk in response.body {
            for event in parser.feed(chunk.readableBytesView) { try await handle(event) }
        }
    }

    private func call(
        _ method: HTTPMethod, _ path: String, body: (any Encodable & Sendable)?, accepting: Set<UInt> = []
    ) async throws -> Data {
        var request = makeRequest(method, path)
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: try APICoding.encode(body)))
        }
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: Self.requestTimeout)
        } catch {
            throw APIClientError.transport("\(error)")
        }
        let data = Data(buffer: try await response.body.collect(upTo: 256 << 20))
        guard (200..<300).contains(response.status.code) || accepting.contains(response.status.code) else {
            throw Self.failure(status: response.status, body: data)
        }
        return data
    }

    private func makeRequest(_ method: HTTPMethod, _ path: String) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: endpoint.url(path))
        request.method = method
        request.headers.add(name: "X-Switchboard-User", value: user)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        return request
    }

    private static func failure(status: HTTPResponseStatus, body: Data) -> APIClientError {
        let message = (try? APICoding.decode(APIErrorBody.self, from: body).error) ?? "HTTP \(status.code)"
        return .status(Int(status.code), message)
    }
}

/// Why a request to the engine failed.
public enum APIClientError: Error, CustomStringConvertible, Sendable {
    /// The engine answered with an error status and this message.
    case status(Int, String)
    /// The engine could not be reached, or the connection broke.
    case transport(String)
    case undecodable(path: String, problem: String)

    public var description: String {
        switch self {
        case .status(let code, let message): "\(message) (HTTP \(code))"
        case .transport(let why): "cannot reach the engine: \(why)"
        case .undecodable(let path, let problem): "the engine's answer to \(path) could not be read: \(problem)"
        }
    }
}
