import Foundation
import Logging
import Synchronization

/// Sends every log line to `<state-dir>/switchboard.log`, so nothing writes over the console's screen.
struct FileLogHandler: LogHandler {
    let label: String
    let sink: LogSink
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let details = merged.isEmpty ? "" : " " + merged.map { "\($0)=\($1)" }.sorted().joined(separator: " ")
        let stamp = Date().formatted(.iso8601)
        sink.write("\(stamp) \(event.level) \(label): \(event.message)\(details)\n")
    }

    /// Routes all logging to a file in `stateDirectory`; returns the file's path, or nil when it cannot be opened
    /// (then logging is switched off rather than allowed onto the terminal).
    @discardableResult
    static func bootstrap(stateDirectory: String, level: Logger.Level = .info) -> String? {
        let path = stateDirectory + "/switchboard.log"
        let sink = LogSink(path: path)
        LoggingSystem.bootstrap { label in
            guard let sink else { return SwiftLogNoOpLogHandler() }
            var handler = FileLogHandler(label: label, sink: sink)
            handler.logLevel = level
            return handler
        }
        return sink == nil ? nil : path
    }
}

/// An append-only log file shared by every logger.
final class LogSink: Sendable {
    private let handle: Mutex<FileHandle>

    init?(path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
        handle.seekToEndOfFile()
        self.handle = Mutex(handle)
    }

    func write(_ line: String) {
        handle.withLock { $0.write(Data(line.utf8)) }
    }
}
