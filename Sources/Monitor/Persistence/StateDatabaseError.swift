import GRDB

/// Why the state database cannot be used; each case names the file and what to do.
public enum StateDatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process holds a lock on it (a second Switchboard on the same state directory).
    case locked(path: String)
    /// The file or its directory cannot be written.
    case readOnly(path: String)
    /// The disk (or the database's size limit) is full.
    case full(path: String)
    /// Not an SQLite database, or damaged. It is left as it is.
    case corrupt(path: String, detail: String)
    /// Written by a newer Switchboard: it has migrations this one does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    case cannotOpen(path: String, reason: String)

    /// Classifies an error from SQLite.
    init(_ error: any Error, path: String) {
        guard let error = error as? DatabaseError else {
            self = .cannotOpen(path: path, reason: "\(error)")
            return
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .locked(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM: self = .readOnly(path: path)
        case .SQLITE_FULL: self = .full(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .corrupt(path: path, detail: error.message ?? "\(error)")
        default: self = .cannotOpen(path: path, reason: error.message ?? "\(error)")
        }
    }

    /// An SQLite error that escaped the stores unclassified, classified; nil for any other error.
    public static func fromSQLite(_ error: any Error, path: String) -> StateDatabaseError? {
        error is DatabaseError ? StateDatabaseError(error, path: path) : nil
    }

    public var description: String {
        switch self {
        case .locked(let path):
            "\(path): the state database is locked by another process (is another switchboard running on this "
                + "state directory?)"
        case .readOnly(let path):
            "\(path): the state database is read-only; give this user write access to it and its directory, "
                + "or choose another with --state-dir"
        case .full(let path):
            "\(path): the disk holding the state database is full; nothing was written — free space and try again"
        case .corrupt(let path, let detail):
            "\(path): the state database is corrupt (\(detail)); it was left untouched — move it away to start "
                + "with an empty one"
        case .newerSchema(let path, let unknown):
            "\(path): the state database was written by a newer switchboard (unknown migrations: "
                + unknown.joined(separator: ", ") + "); upgrade switchboard or use another --state-dir"
        case .cannotOpen(let path, let reason):
            "\(path): cannot open the state database: \(reason)"
        }
    }
}
