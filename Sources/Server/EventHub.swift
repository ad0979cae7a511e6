import Foundation
import SwitchboardCore
import Synchronization

/// Fans events out to every open `GET /api/v1/events` stream, and keeps the newest ones so that a
/// client that reconnects with `Last-Event-ID` gets what it missed (or `reset` when too much was).
public final class EventHub: Sendable {
    /// How many events are kept for resuming.
    static let kept = 512

    private struct State {
        var nextID: UInt64 = 1
        var recent: [ServerEvent] = []
        var subscribers: [UInt64: AsyncStream<ServerEvent>.Continuation] = [:]
        var nextSubscriber: UInt64 = 0
        /// Set by `close()`: the server is stopping, and no stream opens any more.
        var closed = false
    }

    private let state = Mutex(State())

    public init() {}

    /// Sends an event to every subscriber now.
    public func publish(_ kind: String, data: String) {
        state.withLock { state in
            let event = ServerEvent(kind: kind, id: state.nextID, data: data)
            state.nextID += 1
            state.recent.append(event)
            if state.recent.count > Self.kept { state.recent.removeFirst(state.recent.count - Self.kept) }
            for continuation in state.subscribers.values { continuation.yield(event) }
        }
    }

    /// Sends `value` as one JSON line.
    public func publish(_ kind: String, _ value: some Encodable) {
        let data = (try? APICoding.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        publish(kind, data: data)
    }

    /// The events after `lastEventID` (a `reset` first when some of them are no longer kept),
    /// then every new one until the stream is dropped. Each subscriber buffers at most `kept`
    /// events and a client further behind loses the oldest: every event only says what to fetch
    /// again, so the newest of each kind is enough. `greeting` (the state as it is now, such as who
    /// is attached) is made and sent right after, under the lock that publishing takes, so that
    /// no change falls between it and the first event published after it.
    public func subscribe(
        after lastEventID: UInt64?, greeting: (() -> (kind: String, data: String))? = nil
    ) -> AsyncStream<ServerEvent> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: ServerEvent.self, bufferingPolicy: .bufferingNewest(Self.kept))
        let key = state.withLock { state -> UInt64? in
            guard !state.closed else { return nil }
            if let lastEventID {
                let missed = state.recent.filter { $0.id > lastEventID }
                let complete = lastEventID + 1 >= (state.recent.first?.id ?? state.nextID)
                if !complete || lastEventID >= state.nextID {
                    continuation.yield(ServerEvent(kind: "reset", id: state.nextID - 1, data: "{}"))
                } else {
                    for event in missed { continuation.yield(event) }
                }
            }
            if let (kind, data) = greeting?() {
                continuation.yield(ServerEvent(kind: kind, id: state.nextID - 1, data: data))
            }
            state.nextSubscriber += 1
            state.subscribers[state.nextSubscriber] = continuation
            return state.nextSubscriber
        }
        guard let key else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: key) }
        }
        return stream
    }

    /// Ends every open stream (the server is stopping), so that clients notice at once.
    public func close() {
        let open = state.withLock { state in
            state.closed = true
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        for continuation in open { continuation.finish() }
    }

    /// How many streams are open.
    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }
}
