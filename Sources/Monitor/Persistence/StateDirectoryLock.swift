import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The one-engine-per-state-directory rule: `engine.lock` in the directory, `flock`ed by the
/// process that runs the engine and holding its pid and, on a second line, the socket it serves
/// when that is not the directory's own (`serve --socket`). The kernel drops the lock when that
/// process dies however it dies, so a stale lock of a dead process is simply taken over.
public final class StateDirectoryLock: Sendable {
    /// What trying to take the lock found.
    public enum Attempt: Sendable {
        case acquired(StateDirectoryLock)
        /// Another live process holds it; its pid when it has written one yet.
        case heldBy(pid: Int32?)
    }

    public static let fileName = "engine.lock"
    /// The socket the engine serves in the same directory.
    public static let socketName = "switchboard.sock"

    public let url: URL
    private let descriptor: Int32

    private init(url: URL, descriptor: Int32) {
        self.url = url
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Takes the lock of `directory` (creating both) without waiting.
    public static func acquire(directory: URL) throws -> Attempt {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appending(path: fileName)
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw LockError(path: url.path, call: "open", code: errno) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            guard code == EWOULDBLOCK else { throw LockError(path: url.path, call: "flock", code: code) }
            return .heldBy(pid: holder(directory: directory))
        }
        let pid = "\(getpid())\n"
        guard ftruncate(descriptor, 0) == 0, pwrite(descriptor, pid, pid.utf8.count, 0) == pid.utf8.count else {
            let code = errno
            close(descriptor)
            throw LockError(path: url.path, call: "write", code: code)
        }
        return .acquired(StateDirectoryLock(url: url, descriptor: descriptor))
    }

    /// Writes where the engine serves its API beside the pid, for consoles and commands that attach.
    public func announce(socket: String) throws {
        let text = "\(getpid())\n\(socket)\n"
        guard ftruncate(descriptor, 0) == 0, pwrite(descriptor, text, text.utf8.count, 0) == text.utf8.count else {
            throw LockError(path: url.path, call: "write", code: errno)
        }
    }

    /// The pid written in the directory's lock file, whether or not its process still holds it.
    public static func holder(directory: URL) -> Int32? {
        lines(directory).first.flatMap { Int32($0) }
    }

    /// The socket the directory's engine serves: the one its lock names, else `socketName` in it.
    public static func socketPath(directory: URL) -> String {
        let lines = lines(directory)
        return lines.count > 1 && lines[1].hasPrefix("/") ? lines[1] : directory.appending(path: socketName).path
    }

    private static func lines(_ directory: URL) -> [String] {
        guard let text = try? String(contentsOf: directory.appending(path: fileName), encoding: .utf8) else {
            return []
        }
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Whether a live process holds the lock of `directory` now.
    public static func isHeld(directory: URL) -> Bool {
        let descriptor = open(directory.appending(path: fileName).path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return false
        }
        return errno == EWOULDBLOCK
    }
}

/// The lock file could not be opened or written (not: it is held).
public struct LockError: Error, CustomStringConvertible {
    public var path: String
    public var call: String
    public var code: Int32

    public var description: String { "\(path): \(call): \(String(cString: strerror(code)))" }
}
