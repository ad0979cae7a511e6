import Foundation
import Logging

/// Writes the store's checkpoint to the state directory and loads it back on start.
///
/// ```swift
/// let checkpointer = StoreCheckpointer(directory: stateDirectory)
/// checkpointer.load(into: store)            // at start, before anything reads or appends
/// try await checkpointer.write(store)       // every few minutes and on shutdown
/// ```
///
/// Writing takes the chunks under the store's lock only briefly, then encodes and writes on a
/// thread of its own, so neither probes nor Swift's cooperative threads wait for the disk. The
/// file is written atomically: to a temporary file in the same directory, flushed to disk, then
/// renamed over the previous checkpoint, so a crash leaves either the old file or the new one.
///
/// Loading never fails start-up: a missing file is a first start; a file that is not a whole
/// checkpoint of this version is logged with the reason, renamed to `series.checkpoint.bad`, and
/// the store starts empty.
public struct StoreCheckpointer: Sendable {
    public static let fileName = "series.checkpoint"
    /// Appended to the name of a checkpoint that could not be loaded, when it is moved aside.
    public static let rejectedSuffix = ".bad"

    public let directory: URL
    private let logger: Logger

    public init(directory: URL, logger: Logger = Logger(label: "switchboard.store")) {
        self.directory = directory
        self.logger = logger
    }

    public var fileURL: URL { directory.appending(path: Self.fileName) }

    /// What loading found.
    public enum LoadOutcome: Sendable, Equatable {
        /// No checkpoint yet: the store is left as it was.
        case missing
        case loaded(RestoreReport)
        /// The file was not a usable checkpoint; the store is left as it was, the file moved to `movedTo` when it could be.
        case rejected(StoreCheckpointError, movedTo: URL?)
    }

    /// Restores `store` from the checkpoint file, less the samples older than its retention before `now`.
    @discardableResult
    public func load(into store: SeriesStore, now: Int64 = SeriesStore.currentMilliseconds()) -> LoadOutcome {
        let path = fileURL.path
        guard FileManager.default.fileExists(atPath: path) else { return .missing }
        do throws(StoreCheckpointError) {
            let checkpoint = try StoreCheckpoint(decoding: CheckpointFile.contents(of: path))
            return .loaded(store.restore(checkpoint, now: now))
        } catch {
            let aside = path + Self.rejectedSuffix
            let moved = rename(path, aside) == 0
            logger.warning(
                "ignoring the series checkpoint \(path): \(error); \(moved ? "moved it to \(aside)" : "could not move it aside"), the store starts empty"
            )
            return .rejected(error, movedTo: moved ? URL(filePath: aside) : nil)
        }
    }

    /// Takes a checkpoint of `store` and writes it on a thread of its own; returns the size written.
    @discardableResult
    public func write(_ store: SeriesStore) async throws(StoreCheckpointError) -> Int {
        let checkpoint = store.checkpoint()
        let result: Result<Int, StoreCheckpointError> = await Self.onOwnThread {
            Result { () throws(StoreCheckpointError) in try write(checkpoint) }
        }
        return try result.get()
    }

    /// Encodes and writes a checkpoint on the calling thread; returns the size written.
    @discardableResult
    public func write(_ checkpoint: StoreCheckpoint) throws(StoreCheckpointError) -> Int {
        let bytes = checkpoint.encoded()
        try CheckpointFile.writeAtomically(bytes, to: fileURL)
        return bytes.count
    }

    /// Runs a blocking function on a dedicated thread and awaits it, holding no cooperative thread.
    private static func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.name = "store-checkpoint"
            thread.start()
        }
    }
}
