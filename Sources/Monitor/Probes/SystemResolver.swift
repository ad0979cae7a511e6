import Foundation

/// The system resolver (`getaddrinfo`: /etc/hosts, then DNS as nsswitch.conf says). It blocks: call it
/// from a thread pool, never from a Swift concurrency thread.
enum SystemResolver {
    struct LookupError: Error, Equatable {
        let code: Int32
        let message: String
    }

    /// The distinct IPv4 and IPv6 addresses of `name`, in the resolver's order.
    static func addresses(of name: String) throws -> [String] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(name, nil, &hints, &list)
        guard status == 0 else { throw LookupError(code: status, message: describe(status)) }
        defer { freeaddrinfo(list) }
        var addresses: [String] = []
        var entry = list
        while let current = entry {
            if let address = numeric(current.pointee), !addresses.contains(address) {
                addresses.append(address)
            }
            entry = current.pointee.ai_next
        }
        return addresses
    }

    /// An address as `getnameinfo` prints it, so that `::0001` and `::1` compare equal.
    static func normalized(_ address: String) -> String {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, address, &v4) == 1 { return format(AF_INET, &v4) ?? address }
        if inet_pton(AF_INET6, address, &v6) == 1 { return format(AF_INET6, &v6) ?? address }
        return address
    }

    private static func numeric(_ info: addrinfo) -> String? {
        guard let socketAddress = info.ai_addr else { return nil }
        switch info.ai_family {
        case AF_INET:
            return socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                var address = pointer.pointee.sin_addr
                return format(AF_INET, &address)
            }
        case AF_INET6:
            return socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                var address = pointer.pointee.sin6_addr
                return format(AF_INET6, &address)
            }
        default:
            return nil
        }
    }

    private static func format(_ family: Int32, _ address: UnsafeRawPointer) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(family, address, &buffer, socklen_t(buffer.count)) != nil else { return nil }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    private static func describe(_ status: Int32) -> String {
        switch status {
        case EAI_NONAME: "no such host"
        case EAI_AGAIN: "temporary failure in name resolution"
        default: String(cString: gai_strerror(status)).lowercased()
        }
    }
}
