import Foundation
import NIOCore
import SwitchboardCore
import Synchronization

/// The encoded snapshot and deltas of the version consoles are fetching: each answer is encoded
/// once however many consoles ask for it, and one at a time, so that twenty consoles arriving
/// together cost one encoding each (and its transient memory), not twenty at once.
final class EncodedAnswers: Sendable {
    private struct Answers {
        /// The version they were encoded from.
        var version: UInt64?
        /// The whole snapshot.
        var full: ByteBuffer?
        /// A delta for each base a console holds.
        var deltas: [UInt64: ByteBuffer] = [:]
    }

    private let answers = Mutex(Answers())
    /// The size of the last whole snapshot, to size the next one's buffer in one allocation.
    private let lastFullSize = Mutex(0)
    /// Held while encoding.
    private let encoding = Mutex(())

    /// The answer for `version` from `base` (the whole snapshot when nil), encoded by `encode` unless
    /// it already was.
    func answer(_ version: UInt64, base: UInt64?, encode: (inout ByteBuffer) -> Void) -> ByteBuffer {
        if let cached = cached(version, base: base) { return cached }
        return encoding.withLock { _ in
            // Another console may have encoded it while this one waited.
            if let cached = cached(version, base: base) { return cached }
            let expected = base == nil ? lastFullSize.withLock { $0 } : 0
            var data = ByteBufferAllocator().buffer(capacity: expected + expected / 16)
            encode(&data)
            if base == nil { lastFullSize.withLock { $0 = data.readableBytes } }
            answers.withLock { answers in
                if answers.version != version { answers = Answers(version: version) }
                if let base { answers.deltas[base] = data } else { answers.full = data }
            }
            return data
        }
    }

    /// Forgets every answer (the engine was replaced).
    func clear() {
        answers.withLock { $0 = Answers() }
    }

    private func cached(_ version: UInt64, base: UInt64?) -> ByteBuffer? {
        answers.withLock { answers in
            guard answers.version == version else { return nil }
            return base.map { answers.deltas[$0] } ?? answers.full
        }
    }
}
