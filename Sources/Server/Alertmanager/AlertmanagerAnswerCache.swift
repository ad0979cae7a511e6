import Foundation
import NIOCore
import Synchronization

/// The JSON of `GET /api/v2/alerts` and `/alerts/groups`, encoded once for a state of the queue
/// and a query, however many clients ask (karma and Grafana poll every few seconds each, and an
/// answer with thousands of alerts is mostly encoding). A state is the engine, its snapshot's
/// version and the posted alerts' revision: answers of older states are dropped. An answer is
/// also built anew after `refreshInterval` (rule alerts' `endsAt` is a resolve timeout from when it
/// was built); while one request builds it, the others are given the one kept.
final class AlertmanagerAnswerCache: Sendable {
    struct State: Hashable {
        var engine: ObjectIdentifier
        var version: UInt64
        var posted: UInt64
    }

    /// Different queries of one state kept at most (each client asks its own few).
    static let queriesKept = 16
    static let refreshInterval: TimeInterval = 60

    private struct Answer {
        var data: ByteBuffer
        var builtAt: Date
        var refreshing = false
    }

    private let answers = Mutex<(state: State?, byQuery: [String: Answer])>((nil, [:]))

    /// The answer to `query` in `state`, built by `build` when it is not kept or is due for a refresh.
    func answer(_ query: String, in state: State, now: Date, build: () throws -> ByteBuffer) rethrows -> ByteBuffer {
        let kept: ByteBuffer? = answers.withLock { answers in
            guard answers.state == state, let answer = answers.byQuery[query] else { return nil }
            if now.timeIntervalSince(answer.builtAt) < Self.refreshInterval || answer.refreshing { return answer.data }
            answers.byQuery[query]?.refreshing = true
            return nil
        }
        if let kept { return kept }
        let built = try build()
        answers.withLock { answers in
            if answers.state != state { answers = (state, [:]) }
            if answers.byQuery[query] != nil || answers.byQuery.count < Self.queriesKept {
                answers.byQuery[query] = Answer(data: built, builtAt: now)
            }
        }
        return built
    }
}
