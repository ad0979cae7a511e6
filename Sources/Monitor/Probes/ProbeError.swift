import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import SwitchboardCore

/// Maps the errors of NIO and AsyncHTTPClient to the error classes users see, in `ProbeWords`'
/// wording (`timeout` is the check's, which a timeout names).
enum ProbeError {
    static func classify(_ error: any Error, timeout: Duration) -> (ProbeErrorClass, String) {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout, .getConnectionFromPoolTimeout:
                return (.timeout, ProbeWords.timedOut(timeout))
            case .connectTimeout:
                return (.timeout, ProbeWords.timedOut(timeout, awaiting: "connection"))
            case .tlsHandshakeTimeout:
                return (.tls, ProbeWords.timedOut(timeout, awaiting: "TLS handshake"))
            case .remoteConnectionClosed:
                return (.connectionReset, "connection closed by the server before the response ended")
            case .invalidURL, .emptyHost, .emptyScheme:
                return (.invalidResponse, "invalid URL")
            case .redirectLimitReached, .redirectCycleDetected:
                return (.httpStatus, "too many redirects")
            default:
                return (.invalidResponse, String(describing: error))
            }
        }
        if let error = error as? NIOConnectionError {
            if error.dnsAError != nil || error.dnsAAAAError != nil, error.connectionErrors.isEmpty {
                return (.dns, "cannot resolve \(error.host)")
            }
            if let first = error.connectionErrors.first {
                return classify(first.error, timeout: timeout)
            }
        }
        if let error = error as? IOError {
            return classify(errno: error.errnoCode, fallback: error.description, timeout: timeout)
        }
        if let error = error as? NIOTooManyBytesError {
            return (
                .bodyTooLarge,
                error.maxBytes.map { ProbeWords.bodyTooLarge(limit: $0, declared: nil) } ?? "body too large"
            )
        }
        if error is NIOSSLError || error is BoringSSLError {
            return (.tls, "TLS: \(error)")
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return (.timeout, ProbeWords.timedOut(timeout, awaiting: "connection"))
        }
        if error is HTTPParserError {
            return (.invalidResponse, "not an HTTP response")
        }
        if let error = error as? SocketAddressError, case .unknown = error {
            return (.dns, "cannot resolve host")
        }
        return (.io, String(describing: error))
    }

    static func classify(errno code: Int32, fallback: String, timeout: Duration) -> (ProbeErrorClass, String) {
        switch code {
        case ECONNREFUSED: return (.connectionRefused, "connection refused")
        case ECONNRESET, EPIPE: return (.connectionReset, "connection reset by peer")
        case ETIMEDOUT: return (.timeout, ProbeWords.timedOut(timeout, awaiting: "connection"))
        case EHOSTUNREACH, ENETUNREACH: return (.io, "host unreachable")
        default: return (.io, fallback)
        }
    }
}
