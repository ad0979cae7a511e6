import Foundation
import GRDB

/// Why the alert state could not be read or written; each case names the database file.
public enum AlertStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case locked(path: String)
    case readOnly(path: String)
    case full(path: String)
    case corrupt(path: String, reason: String)
    case newerVersion(path: String, migrations: [String])
    case cannotOpen(path: String, reason: String)
    case invalidRow(table: String, id: String, reason: String)

    public var description: String {
        switch self {
        case .locked(let path):
            "\(path): the state database is locked by another process; try again, or stop the other switchboard"
        case .readOnly(let path): "\(path): the state database is read-only; nothing was written"
        case .full(let path):
            "\(path): the disk holding the state database is full; nothing was written — free space and try again"
        case .corrupt(let path, let reason):
            "\(path): the state database is corrupt (\(reason)); it was left as it is — move it away to start afresh"
        case .newerVersion(let path, let migrations):
            "\(path): the state database was written by a newer switchboard (schema "
                + "\(migrations.joined(separator: ", "))); upgrade switchboard or use another --state-dir"
        case .cannotOpen(let path, let reason): "\(path): cannot open the state database: \(reason)"
        case .invalidRow(let table, let id, let reason): "state database table \(table), row \(id): \(reason)"
        }
    }

    /// Runs `body`, turning SQLite's errors into the cases above; other errors pass through.
    static func mapping<T>(path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: throw AlertStoreError.locked(path: path)
            case .SQLITE_READONLY, .SQLITE_PERM: throw AlertStoreError.readOnly(path: path)
            case .SQLITE_FULL: throw AlertStoreError.full(path: path)
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                throw AlertStoreError.corrupt(path: path, reason: error.message ?? "\(error.resultCode)")
            default: throw AlertStoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
            }
        }
    }
}
