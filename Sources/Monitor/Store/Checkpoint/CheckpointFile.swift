import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The checkpoint's file operations, in POSIX calls so that each step (write, fsync, rename) is explicit.
enum CheckpointFile {
    /// The whole file.
    static func contents(of path: String) throws(StoreCheckpointError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotRead(failure("open \(path)")) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .cannotRead(failure("stat \(path)")) }
        let size = Int(status.st_size)
        guard size > 0 else { return [] }
        var failed: String?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while initialized < size {
                let count = read(descriptor, buffer.baseAddress! + initialized, size - initialized)
                if count < 0, errno == EINTR { continue }
                if count < 0 { failed = failure("read \(path)") }
                if count <= 0 { break }
                initialized += count
            }
        }
        if let failed { throw .cannotRead(failed) }
        return bytes
    }

    /// Writes `bytes` to a temporary file beside `url`, flushes it to disk, renames it over `url`
    /// and flushes the directory, so that `url` holds either the previous file or all of `bytes`.
    static func writeAtomically(_ bytes: [UInt8], to url: URL) throws(StoreCheckpointError) {
        let directory = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite("cannot create \(directory): \(error.localizedDescription)")
        }
        let temporary = "\(url.path).\(getpid()).\(UInt32.random(in: .min ... .max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(failure("create \(temporary)")) }
        var problem = writeAll(bytes, to: descriptor, path: temporary)
        if problem == nil, fsync(descriptor) != 0 { problem = failure("fsync \(temporary)") }
        if close(descriptor) != 0, problem == nil { problem = failure("close \(temporary)") }
        if problem == nil, rename(temporary, url.path) != 0 { problem = failure("rename to \(url.path)") }
        if let problem {
            unlink(temporary)
            throw .cannotWrite(problem)
        }
        syncDirectory(directory)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) -> String? {
        bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { return failure("write \(path)") }
                written += count
            }
            return nil
        }
    }

    /// Flushes the directory entry of the rename; best effort, as not every file system allows it.
    private static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    private static func failure(_ what: String) -> String {
        "\(what): \(String(cString: strerror(errno)))"
    }
}
