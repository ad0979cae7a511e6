import AsyncHTTPClient
import NIOPosix

/// The shared HTTP clients of the engine: one that follows redirects and one that does not.
///
/// Sharing them lets checks of one host reuse connections instead of opening one per run.
public final class HTTPClients: Sendable {
    let following: HTTPClient
    let notFollowing: HTTPClient
    /// One task executor per event loop of the clients, for the scheduler to run checks on.
    let executors: [EventLoopTaskExecutor]

    public init() {
        let group = MultiThreadedEventLoopGroup.singleton
        var configuration = HTTPClient.Configuration(redirectConfiguration: .follow(max: 5, allowCycles: false))
        configuration.decompression = .disabled
        // A probe reports a refused connection at once instead of retrying until its deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        following = HTTPClient(eventLoopGroup: group, configuration: configuration)
        configuration.redirectConfiguration = .disallow
        notFollowing = HTTPClient(eventLoopGroup: group, configuration: configuration)
        executors = EventLoopTaskExecutor.forEachLoop(of: group)
    }

    func client(followRedirects: Bool) -> HTTPClient {
        followRedirects ? following : notFollowing
    }

    /// Closes every connection; call once when the engine stops.
    public func shutdown() async {
        try? await following.shutdown()
        try? await notFollowing.shutdown()
    }
}
