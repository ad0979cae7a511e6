import Foundation

/// CPU time and resident memory of a process, read from /proc.
struct ProcessStats {
    /// User plus system CPU seconds used so far.
    var cpuSeconds: Double
    /// Resident set size in bytes.
    var residentBytes: Int

    static func of(pid: Int32) -> ProcessStats? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name: state is field 3; utime and stime are fields 14 and 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let utime = Double(fields[11]), let stime = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let rssLine = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        let kilobytes = rssLine.flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true)[1]) } ?? 0
        return ProcessStats(cpuSeconds: (utime + stime) / ticks, residentBytes: kilobytes * 1024)
    }

    static var current: ProcessStats { of(pid: getpid()) ?? ProcessStats(cpuSeconds: 0, residentBytes: 0) }
}
