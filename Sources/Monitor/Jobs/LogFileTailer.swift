import Foundation
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Follows a log file as `tail -F` does: across rotation (a new file at the path), truncation
/// (the file shrinks) and deletion (the path disappears, later maybe comes back). Each `poll()`
/// reads what was appended since the last, at most `maxBytesPerPoll`, and returns whole lines.
final class LogFileTailer {
    enum Event: Equatable, Sendable {
        case opened(fromOffset: Int64)
        case rotated
        case truncated
        case deleted
    }

    struct Poll {
        var lines: [[UInt8]] = []
        var events: [Event] = []
    }

    let path: String
    let readFrom: LogFileSource.ReadFrom
    private var descriptor: Int32 = -1
    private var identity: (device: Int64, inode: Int64)?
    private var offset: Int64 = 0
    private var splitter: LineSplitter
    private var savedPosition: TailPosition?
    private var firstPoll = true
    private var reportedMissing = false
    private let maxBytesPerPoll: Int
    private var buffer: [UInt8]

    init(
        path: String, readFrom: LogFileSource.ReadFrom, saved: TailPosition? = nil, maxLineBytes: Int = 64 * 1024,
        maxBytesPerPoll: Int = 8 << 20
    ) {
        self.path = path
        self.readFrom = readFrom
        self.savedPosition = saved
        self.splitter = LineSplitter(maxLineBytes: maxLineBytes)
        self.maxBytesPerPoll = maxBytesPerPoll
        self.buffer = [UInt8](repeating: 0, count: 256 * 1024)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Where reading stands, to save and resume after a restart.
    var position: TailPosition? {
        identity.map { TailPosition(device: $0.device, inode: $0.inode, offset: offset) }
    }

    func poll() -> Poll {
        var result = Poll()
        defer { firstPoll = false }
        if descriptor < 0 {
            guard open(&result) else { return result }
        }
        guard drain(into: &result) else { return result }
        var status = stat()
        if stat(path, &status) != 0 {
            if let last = splitter.finish() { result.lines.append(last) }
            result.events.append(.deleted)
            closeFile()
            reportedMissing = true
        } else if Int64(status.st_dev) != identity?.device || Int64(status.st_ino) != identity?.inode {
            if let last = splitter.finish() { result.lines.append(last) }
            result.events.append(.rotated)
            closeFile()
            if open(&result, rotated: true) { drain(into: &result) }
        } else if Int64(status.st_size) < offset {
            if let last = splitter.finish() { result.lines.append(last) }
            result.events.append(.truncated)
            offset = 0
            lseek(descriptor, 0, SEEK_SET)
            drain(into: &result)
        }
        return result
    }

    private func open(_ result: inout Poll, rotated: Bool = false) -> Bool {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            close(fd)
            return false
        }
        descriptor = fd
        let device = Int64(status.st_dev)
        let inode = Int64(status.st_ino)
        identity = (device, inode)
        let size = Int64(status.st_size)
        if let saved = savedPosition, saved.device == device, saved.inode == inode, saved.offset <= size {
            offset = saved.offset
        } else if firstPoll, !rotated, readFrom == .end {
            offset = size
        } else {
            offset = 0
        }
        savedPosition = nil
        lseek(fd, off_t(offset), SEEK_SET)
        result.events.append(.opened(fromOffset: offset))
        reportedMissing = false
        return true
    }

    /// Reads to the end of the file or the poll's budget; true at the end.
    @discardableResult
    private func drain(into result: inout Poll) -> Bool {
        var total = 0
        while total < maxBytesPerPoll {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return true }
            total += count
            offset += Int64(count)
            result.lines += buffer.withUnsafeBytes { splitter.feed(UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }
        }
        return false
    }

    private func closeFile() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        identity = nil
        offset = 0
    }
}
