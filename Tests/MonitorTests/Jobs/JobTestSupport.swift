import Foundation
import Monitor
import SwitchboardCore

/// A temporary folder for one test, removed when the value is released.
final class ScratchDirectory: Sendable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appending(path: "switchboard-jobs-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appending(path: name).path }

    /// Writes an executable `/bin/sh` script and returns its path.
    func script(_ name: String, _ body: String) throws -> String {
        let path = self.path(name)
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    func append(_ text: String, to name: String) throws {
        let path = self.path(name)
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: URL(filePath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }
}

extension Date {
    static func iso(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }
}

func commandJob(
    _ id: String, _ arguments: [String], timeout: Duration? = nil, overlap: OverlapPolicy = .skip,
    schedule: JobSchedule? = .interval(.seconds(3600)), retention: JobRetention = JobRetention()
) -> Job {
    Job(
        id: id, name: id, system: "erp", schedule: schedule,
        source: .command(JobCommand(arguments: arguments, timeout: timeout, overlap: overlap)), retention: retention)
}

extension JobLogLine {
    var string: String { text }
}
