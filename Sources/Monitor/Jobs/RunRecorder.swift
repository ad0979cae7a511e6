import Foundation
import SwitchboardCore
import Synchronization

/// Takes the lines of one run as they arrive, numbers them, detects their level, and writes them
/// to the log store in batches. A run that writes faster than `linesPerSecond` (after a burst of
/// as many) or past `maxBytes` has the excess dropped and counted, with a note line saying so.
public final class RunRecorder: Sendable {
    public struct Limits: Sendable {
        public var linesPerSecond: Double
        public var maxBytes: Int
        public var batchLines: Int
        public var batchBytes: Int
        public var flushInterval: TimeInterval

        public init(
            linesPerSecond: Double = 20_000, maxBytes: Int = 512 << 20, batchLines: Int = 2000,
            batchBytes: Int = 1 << 20, flushInterval: TimeInterval = 0.2
        ) {
            self.linesPerSecond = linesPerSecond
            self.maxBytes = maxBytes
            self.batchLines = batchLines
            self.batchBytes = batchBytes
            self.flushInterval = flushInterval
        }
    }

    public let run: JobRunSummary
    let store: JobLogStore
    let limits: Limits
    /// Group 1 gives the level, for log files that say it their own way.
    let levelPattern: PosixRegex?
    private let state: Mutex<State>

    struct State {
        var nextNumber = 1
        var buffer: [JobLogLine] = []
        var bufferedBytes = 0
        var storedBytes = 0
        var lastFlush: Date?
        var tokens: Double
        var tokensAt: Date?
        var droppedSinceNote = 0
        var droppedTotal = 0
        var droppedUnflushed = 0
        var previousLevel: LogLevel?
        var accepted = 0
    }

    public init(run: JobRunSummary, store: JobLogStore, limits: Limits = Limits(), levelPattern: PosixRegex? = nil) {
        self.run = run
        self.store = store
        self.limits = limits
        self.levelPattern = levelPattern
        self.state = Mutex(State(tokens: limits.linesPerSecond))
    }

    /// Lines stored and dropped so far.
    public var counts: (stored: Int, dropped: Int) {
        state.withLock { ($0.accepted, $0.droppedTotal) }
    }

    /// Adds lines read at `time`; writes a batch when one is full or due.
    public func ingest(_ lines: [[UInt8]], stream: JobLogLine.Stream, at time: Date, level: LogLevel? = nil) throws {
        let batch: (lines: [JobLogLine], dropped: Int)? = state.withLock { state in
            refill(&state, at: time)
            for bytes in lines {
                guard state.tokens >= 1, state.storedBytes + bytes.count <= limits.maxBytes else {
                    state.droppedSinceNote += 1
                    state.droppedTotal += 1
                    state.droppedUnflushed += 1
                    continue
                }
                state.tokens -= 1
                if state.droppedSinceNote > 0 { note(&state, at: time) }
                append(
                    &state, bytes, stream: stream, level: level ?? self.level(of: bytes, previous: state.previousLevel),
                    at: time)
            }
            return takeBatch(&state, at: time, force: false)
        }
        if let batch { try store.append(runID: run.id, lines: batch.lines, dropped: batch.dropped) }
    }

    /// Writes what is buffered, with a note for lines dropped at the end.
    public func flush(at time: Date) throws {
        let batch = state.withLock { state in
            if state.droppedSinceNote > 0 { note(&state, at: time) }
            return takeBatch(&state, at: time, force: true)
        }
        if let batch { try store.append(runID: run.id, lines: batch.lines, dropped: batch.dropped) }
    }

    private func level(of bytes: [UInt8], previous: LogLevel?) -> LogLevel? {
        if let levelPattern {
            if let word = levelPattern.captures(in: bytes).flatMap({ $0.first ?? nil }) {
                return LevelDetector.detect(Array(word.uppercased().utf8))
            }
        } else if let level = LevelDetector.detect(bytes) {
            return level
        }
        return LevelDetector.isContinuation(bytes) ? previous : nil
    }

    private func refill(_ state: inout State, at time: Date) {
        if let last = state.tokensAt {
            let elapsed = max(0, time.timeIntervalSince(last))
            state.tokens = min(limits.linesPerSecond, state.tokens + elapsed * limits.linesPerSecond)
        }
        state.tokensAt = time
    }

    private func note(_ state: inout State, at time: Date) {
        let reason =
            state.storedBytes >= limits.maxBytes
            ? "the run's log reached \(limits.maxBytes >> 20) MiB" : "over \(Int(limits.linesPerSecond)) lines/s"
        let text = "[switchboard: \(Plural.count(state.droppedSinceNote, "line")) dropped: \(reason)]"
        append(&state, Array(text.utf8), stream: .note, level: .warn, at: time)
        state.droppedSinceNote = 0
    }

    private func append(
        _ state: inout State, _ bytes: [UInt8], stream: JobLogLine.Stream, level: LogLevel?, at time: Date
    ) {
        state.buffer.append(
            JobLogLine(number: state.nextNumber, time: time, stream: stream, level: level, bytes: bytes))
        state.nextNumber += 1
        state.bufferedBytes += bytes.count
        state.storedBytes += bytes.count
        state.previousLevel = level
        state.accepted += 1
    }

    private func takeBatch(_ state: inout State, at time: Date, force: Bool) -> (lines: [JobLogLine], dropped: Int)? {
        let due = state.lastFlush.map { time.timeIntervalSince($0) >= limits.flushInterval } ?? true
        guard force || state.buffer.count >= limits.batchLines || state.bufferedBytes >= limits.batchBytes || due
        else { return nil }
        guard !state.buffer.isEmpty || state.droppedUnflushed > 0 else { return nil }
        let batch = (state.buffer, state.droppedUnflushed)
        state.buffer.removeAll(keepingCapacity: true)
        state.bufferedBytes = 0
        state.droppedUnflushed = 0
        state.lastFlush = time
        return batch
    }
}
