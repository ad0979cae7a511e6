import Foundation
import HTTPTypes
import Hummingbird
import SwitchboardCore

/// Decides who a request comes from. Over the state directory's socket the file's mode and
/// group already decided who may connect, so no token is needed. Over TCP, once tokens are
/// configured every request needs one (`Authorization: Bearer …`), compared in constant time;
/// without tokens TCP is served on loopback only, to the local users of the machine.
public struct AccessPolicy: Sendable {
    /// Which listener a request came in on.
    public enum Transport: Sendable {
        case socket
        case tcp
    }

    /// Header a console sends with the name of the engineer at it (presence and attribution on
    /// the socket or a token-less loopback; a token's name wins over it).
    static let userHeader = HTTPField.Name("X-Switchboard-User")!

    private let tokens: [APIToken]

    public init(tokens: [APIToken]) {
        self.tokens = tokens
    }

    /// No tokens: every caller that reaches a listener may do everything.
    public var isOpen: Bool { tokens.isEmpty }

    /// The caller of `request`, refused with 401 (no or an unknown token) or 403 (a role below `role`).
    func caller(of request: Request, via transport: Transport, needs role: APIRole) throws -> Caller {
        let caller = try identify(request, via: transport)
        guard caller.role >= role else {
            throw APIFailure(
                status: .forbidden,
                message: "\(caller.name) has the role \(caller.role.rawValue); this needs \(role.rawValue)")
        }
        return caller
    }

    private func identify(_ request: Request, via transport: Transport) throws -> Caller {
        let claimed = request.headers[Self.userHeader].map { TerminalText.safe($0) }.flatMap { $0.isEmpty ? nil : $0 }
        if case .socket = transport { return Caller(name: claimed ?? "local", role: .admin) }
        if tokens.isEmpty { return Caller(name: claimed ?? "loopback", role: .admin) }
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw APIFailure(status: .unauthorized, message: "this server needs a token: Authorization: Bearer <token>")
        }
        let presented = Array(header.dropFirst("Bearer ".count).utf8)
        // Every token is compared, whatever matched, so the time taken says nothing about which did.
        var found: APIToken?
        for token in tokens where Self.constantTimeEquals(Array(token.value.utf8), presented) { found = token }
        guard let token = found else {
            throw APIFailure(status: .unauthorized, message: "the token is not one this server knows")
        }
        return Caller(name: token.name, role: token.role)
    }

    /// Equal bytes, in a time that depends on the lengths only.
    static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= x ^ y
        }
        return difference == 0 && a.count == b.count
    }
}
