import Foundation
import SwitchboardCore

/// Saves a whole run to a new file, a page at a time: every line as the job wrote it (escape
/// sequences included: a file is not a terminal), one per line.
enum LogExport {
    static func write(runID: Int64, from dataSource: any DataSource, to url: URL) async -> CommandOutcome {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            return CommandOutcome(succeeded: false, message: "cannot create \(url.path)")
        }
        do {
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            var after = 0
            var written = 0
            while let page = try await dataSource.jobLog(runID: runID, afterLine: after, limit: LogBuffer.pageSize),
                let last = page.lines.last
            {
                var bytes: [UInt8] = []
                for line in page.lines {
                    bytes += line.bytes
                    bytes.append(0x0A)
                }
                try handle.write(contentsOf: bytes)
                written += page.lines.count
                after = last.number
            }
            return CommandOutcome(succeeded: true, message: "saved \(Plural.count(written, "line")) to \(url.path)")
        } catch {
            return CommandOutcome(succeeded: false, message: "saving \(url.path) failed: \(error)")
        }
    }
}
