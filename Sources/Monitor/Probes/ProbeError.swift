import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import SwitchboardCore

/// Maps the errors of NIO and AsyncHTTPClient to the error classes users see.
enum ProbeError {
    static func classify(_ error: any Error) -> (ProbeErrorClass, String) {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout, .getConnectionFromPoolTimeout:
                return (.timeout, "no answer within the timeout")
            case .connectTimeout:
                return (.timeout, "connect timed out")
            case .tlsHandshakeTimeout:
                return (.tls, "TLS handshake timed out")
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
                return classify(first.error)
            }
        }
        if let error = error as? IOError {
            return classify(errno: error.errnoCode, fallback: error.description)
        }
        if error is NIOTooManyBytesError {
            return (.bodyTooLarge, "response body larger than the limit")
        }
        if error is NIOSSLError || error is BoringSSLError {
            return (.tls, "TLS: \(error)")
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return (.timeout, "connect timed out")
        }
        if error is HTTPParserError {
            return (.invalidResponse, "not an HTTP response")
        }
        if let error = error as? SocketAddressError, case .unknown = error {
            return (.dns, "cannot resolve host")
        }
        return (.io, String(describing: error))
    }

    static func classify(errno code: Int32, fallback: String) -> (ProbeErrorClass, String) {
        switch code {
        case ECONNREFUSED: return (.connectionRefused, "connection refused")
        case ECONNRESET, EPIPE: return (.connectionReset, "connection reset by peer")
        case ETIMEDOUT: return (.timeout, "connect timed out")
        case EHOSTUNREACH, ENETUNREACH: return (.io, "host unreachable")
        default: return (.io, fallback)
        }
    }
}
