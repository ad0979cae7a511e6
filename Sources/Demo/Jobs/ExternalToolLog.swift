import Foundation

/// A simulated external ETL tool (a Talend-like `orders_import` job) that writes its runs to a
/// log file, for the demo's log-file job: a run every `period`, a line a second, one run in
/// five failing with a Java stack trace, and the file rotated to `.1` past 64 KiB.
public struct ExternalToolLog: Sendable {
    public static let fileName = "orders_import.log"
    public let directory: URL
    public let seed: UInt64
    public var period: Duration = .seconds(20)
    public var lineDelay: Duration = .seconds(1)

    public init(directory: URL, seed: UInt64) {
        self.directory = directory
        self.seed = seed
    }

    public var path: String { directory.appending(path: Self.fileName).path }

    /// Writes runs until the task is cancelled.
    public func run() async {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var random = SplitMix64(seed: seed ^ 0x7A1E_4D00)
        var number = 0
        while !Task.isCancelled {
            number += 1
            let lines = Self.run(number: number, random: &random)
            for line in lines {
                append(line)
                do { try await Task.sleep(for: lineDelay) } catch { return }
            }
            rotateIfLarge()
            do { try await Task.sleep(for: period) } catch { return }
        }
    }

    /// The lines of one run; deterministic for the generator's state.
    static func run(number: Int, random: inout SplitMix64) -> [String] {
        let id = String(random.next() & 0xFF_FFFF, radix: 16)
        let rows = Int.random(in: 800...5000, using: &random)
        let fails = Int.random(in: 0..<5, using: &random) == 0
        var lines = [
            "INFO  [main] Job orders_import started run=\(id)",
            "INFO  [tFileInputDelimited_1] reading /data/in/orders_\(number).csv",
            "INFO  [tMap_1] rows read: \(rows)",
        ]
        if Int.random(in: 0..<3, using: &random) == 0 {
            lines.append("WARN  [tDBLookup_2] lookup on CUSTOMERS took 2300 ms")
        }
        if fails {
            lines += [
                "ERROR [tDBOutput_1] java.sql.SQLIntegrityConstraintViolationException: duplicate key ORDERS_PK (\(rows / 2))",
                "\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeBatch(ClientPreparedStatement.java:796)",
                "\tat orders_import.tDBOutput_1Process(orders_import.java:2214)",
                "\tat orders_import.runJob(orders_import.java:3120)",
                "INFO  [main] Job orders_import failed",
            ]
        } else {
            lines += ["INFO  [tDBOutput_1] rows written: \(rows)", "INFO  [main] Job orders_import ended"]
        }
        let stamp = Date().formatted(.iso8601)
        return lines.map { "\(stamp) \($0)" }
    }

    private func append(_ line: String) {
        let path = self.path
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data((line + "\n").utf8))
    }

    private func rotateIfLarge() {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size > 64 * 1024 else { return }
        try? FileManager.default.removeItem(atPath: path + ".1")
        try? FileManager.default.moveItem(atPath: path, toPath: path + ".1")
    }
}
