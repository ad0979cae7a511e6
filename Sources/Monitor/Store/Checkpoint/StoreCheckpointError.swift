/// Why a series checkpoint could not be read or written; each case reads as the reason in a log line.
public enum StoreCheckpointError: Error, Equatable, CustomStringConvertible {
    /// The file has no bytes (a write that never got past creating it).
    case empty
    /// The file does not start with the checkpoint's magic number: it is something else.
    case notACheckpoint
    /// Written by a Switchboard with another format version.
    case unsupportedVersion(UInt32)
    /// Shorter (or longer) than its header says.
    case wrongLength(expected: Int, actual: Int)
    /// The bytes are not the ones that were written: a torn write, a flipped bit.
    case checksumMismatch(stored: UInt32, computed: UInt32)
    /// The checksum holds but the content does not parse: a file made by hand or by a bug.
    case malformed(String)
    case cannotRead(String)
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .empty: "the file is empty"
        case .notACheckpoint: "not a series checkpoint (wrong magic number)"
        case .unsupportedVersion(let version):
            "format version \(version), this Switchboard reads version \(StoreCheckpoint.formatVersion)"
        case .wrongLength(let expected, let actual) where actual < expected:
            "truncated: \(actual) of \(expected) bytes"
        case .wrongLength(let expected, let actual): "\(actual - expected) bytes after the end of the checkpoint"
        case .checksumMismatch(let stored, let computed):
            "checksum mismatch (stored \(hex(stored)), computed \(hex(computed))): the file is torn or damaged"
        case .malformed(let what): "malformed: \(what)"
        case .cannotRead(let reason): "cannot read it: \(reason)"
        case .cannotWrite(let reason): "cannot write it: \(reason)"
        }
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}
