import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// Plain HTTP requests to a test server, over TCP or a Unix socket, answered as status and text.
struct APITestClient {
    /// `http://127.0.0.1:PORT` or a socket path.
    enum Target {
        case tcp(Int)
        case socket(String)
    }

    let target: Target
    var token: String?
    var user: String?

    func url(_ path: String) -> String {
        switch target {
        case .tcp(let port): "http://127.0.0.1:\(port)\(path)"
        case .socket(let socket): URL(httpURLWithSocketPath: socket, uri: path)!.absoluteString
        }
    }

    func request(
        _ method: HTTPMethod, _ path: String, body: String? = nil, headers: [(String, String)] = []
    ) async throws -> (status: Int, body: String) {
        var request = HTTPClientRequest(url: url(path))
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let user { request.headers.add(name: "X-Switchboard-User", value: user) }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let data = try await response.body.collect(upTo: 64 << 20)
        return (Int(response.status.code), String(buffer: data))
    }

    func get(_ path: String) async throws -> (status: Int, body: String) {
        try await request(.GET, path)
    }

    func post(_ path: String, _ body: String? = nil) async throws -> (status: Int, body: String) {
        try await request(.POST, path, body: body)
    }
}

/// A fresh directory under the temporary one, short enough for a socket path.
func temporaryDirectory(_ name: String) -> URL {
    let url = URL(fileURLWithPath: "/tmp/sb-\(name)-\(UUID().uuidString.prefix(8))")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
