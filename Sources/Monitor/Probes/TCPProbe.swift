import NIOCore
import NIOPosix
import SwitchboardCore

/// Opens a TCP connection; optionally sends a line and waits for an expected banner.
public struct TCPProbe: Probe {
    public let settings: TCPProbeSettings

    /// Stop reading a banner after this many bytes.
    static let maxBannerBytes = 64 * 1024

    public init(settings: TCPProbeSettings) {
        self.settings = settings
    }

    public func run(timeout: Duration) async -> ProbeOutcome {
        let outcome = await withTimeout(timeout) { await self.exchange(timeout: timeout) }
        return outcome ?? .failure(.timeout, ProbeWords.timedOut(timeout))
    }

    private func exchange(timeout: Duration) async -> ProbeOutcome {
        guard let (host, port) = Self.split(settings.address) else {
            return .failure(.invalidResponse, "invalid address \(settings.address)")
        }
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.nanoseconds(timeout.nanoseconds))
                .connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
            return try await channel.executeThenClose { inbound, outbound in
                if let send = settings.send {
                    try await outbound.write(ByteBuffer(string: send))
                }
                guard let expected = settings.expect else { return .success("connected") }
                var received = ""
                for try await chunk in inbound {
                    received += String(buffer: chunk)
                    if received.contains(expected) { return .success("banner matched") }
                    if received.utf8.count > Self.maxBannerBytes { break }
                }
                return .failure(.assertion, "banner does not contain \"\(expected)\"")
            }
        } catch is CancellationError {
            return .failure(.timeout, ProbeWords.timedOut(timeout))
        } catch {
            let (errorClass, reason) = ProbeError.classify(error, timeout: timeout)
            return .failure(errorClass, reason)
        }
    }

    /// Splits `host:port` or `[v6]:port`.
    public static func split(_ address: String) -> (String, Int)? {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]) else {
            return nil
        }
        var host = String(address[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }
}
