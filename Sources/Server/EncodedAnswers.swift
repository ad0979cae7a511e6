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
    /// Held while encoding.
    private let encoding = Mutex(())

    /// The answer for `version` from `base` (the whole snapshot when nil), encoded by `encode` unless
    /// it already was.
    func answer(_ version: UInt64, base: UInt64?, encode: () -> Data) -> ByteBuffer {
        if let cached = cached(version, base: base) { return cached }
        return encoding.withLock { _ in
            // Another console may have encoded it while this one waited.
            if let cached = cached(version, base: base) { return cached }
            let data = ByteBuffer(bytes: encode())
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
