import Foundation
import NIOCore
import Synchronization

/// The JSON of `GET /api/v2/alerts` and `/alerts/groups`, encoded once for a state of the queue
/// and a query, however many clients ask (karma and Grafana poll every few seconds each, and an
/// answer with thousands of alerts is mostly encoding). A state is the engine, its snapshot's
/// version, the posted alerts' revision and the minute (rule alerts' `endsAt` is a resolve timeout
/// from now); answers of older states are dropped.
final class AlertmanagerAnswerCache: Sendable {
    struct State: Hashable {
        var engine: ObjectIdentifier
        var version: UInt64
        var posted: UInt64
        var minute: Int64
    }

    /// Different queries of one state kept at most (each client asks its own few).
    static let queriesKept = 16

    private let answers = Mutex<(state: State?, byQuery: [String: ByteBuffer])>((nil, [:]))

    /// The answer to `query` in `state`, built by `build` when it is not kept.
    func answer(_ query: String, in state: State, build: () throws -> ByteBuffer) rethrows -> ByteBuffer {
        let kept = answers.withLock { $0.state == state ? $0.byQuery[query] : nil }
        if let kept { return kept }
        let built = try build()
        answers.withLock { answers in
            if answers.state != state { answers = (state, [:]) }
            if answers.byQuery.count < Self.queriesKept { answers.byQuery[query] = built }
        }
        return built
    }
}
