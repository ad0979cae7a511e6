import AsyncHTTPClient
import Foundation

/// Where a running engine is reached: the state directory's Unix socket, or a URL of `switchboard serve`.
public enum EngineEndpoint: Sendable, Equatable, CustomStringConvertible {
    case socket(path: String)
    case url(URL)

    /// `unix:/path/to.sock`, `http://host:9470` or `https://…`; nil for anything else.
    public init?(_ text: String) {
        if text.hasPrefix("unix:") {
            let path = String(text.dropFirst("unix:".count))
            guard !path.isEmpty else { return nil }
            self = .socket(path: path)
            return
        }
        guard let url = URL(string: text.hasSuffix("/") ? String(text.dropLast()) : text),
            url.scheme == "http" || url.scheme == "https", url.host != nil
        else { return nil }
        self = .url(url)
    }

    public var description: String {
        switch self {
        case .socket(let path): "unix:\(path)"
        case .url(let url): url.absoluteString
        }
    }

    /// The full URL of an API path (`/api/v1/snapshot?x=1`).
    func url(_ path: String) -> String {
        switch self {
        case .socket(let socket): URL(httpURLWithSocketPath: socket, uri: path)?.absoluteString ?? path
        case .url(let base): base.absoluteString + path
        }
    }
}
