import PromQL

/// The store's series at one moment, their chunks compressed as they are in memory: what the
/// checkpoint file in the state directory holds, so that a restart keeps the hour of samples.
///
/// ```swift
/// let checkpoint = store.checkpoint()                 // under the store's lock, copies no bytes
/// let bytes = checkpoint.encoded()                    // outside it
/// let restored = SeriesStore(retention: .seconds(3600))
/// restored.restore(try StoreCheckpoint(decoding: bytes), now: nowMilliseconds)
/// ```
///
/// The file, version 1, little-endian throughout (varints are unsigned LEB128):
///
/// | bytes | what |
/// | --- | --- |
/// | 8 | magic number `SBSERIES` |
/// | 4 | format version (1) |
/// | 8 | length of the whole file, checksum included |
/// | 8 | when the checkpoint was taken, milliseconds since 1970 |
/// | 4 | number of series |
/// | … | per series: name; label count (varint) and each label's name and value (strings are a varint length and UTF-8); the sealed chunks' buffer as `SealedChunks` keeps it (varint length and bytes); the head chunk: sample count (varint), and when not 0, first and last timestamp (8 each) and its bytes (varint length and bytes) |
/// | 4 | CRC-32 of everything before it |
///
/// Reading checks the magic number, the version, the length and the checksum before anything
/// else, then every chunk header against its buffer, so a torn, truncated, damaged or foreign
/// file is reported as a `StoreCheckpointError` and never traps.
public struct StoreCheckpoint: Sendable {
    public static let formatVersion: UInt32 = 1
    static let magic: [UInt8] = Array("SBSERIES".utf8)
    /// Magic, version, length, time taken and series count.
    static let headerSize = 32
    static let checksumSize = 4

    struct Series: Sendable {
        let name: String
        let labels: Labels
        let sealed: SealedChunks
        /// The chunk the series is filling; restored by writing its samples again, so it goes on filling.
        let head: XORChunkAppender
    }

    let series: [Series]
    /// When the checkpoint was taken, milliseconds since 1970.
    public let takenAtMilliseconds: Int64

    init(series: [Series], takenAtMilliseconds: Int64) {
        self.series = series
        self.takenAtMilliseconds = takenAtMilliseconds
    }

    public var seriesCount: Int { series.count }

    /// Samples in all chunks; reads the chunk headers, not the samples.
    public var sampleCount: Int {
        series.reduce(0) { total, series in series.sealed.chunks.reduce(total + series.head.count) { $0 + $1.count } }
    }
}
