import Foundation

/// CPU time and resident memory of a process, read from /proc.
struct ProcessStats {
    /// User plus system CPU seconds used so far.
    var cpuSeconds: Double
    /// Resident set size in bytes.
    var residentBytes: Int
    /// The largest resident set size so far, in bytes.
    var peakResidentBytes = 0

    static func of(pid: Int32) -> ProcessStats? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name: state is field 3; utime and stime are fields 14 and 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let utime = Double(fields[11]), let stime = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        func kilobytes(_ field: String) -> Int {
            let line = status.split(separator: "\n").first { $0.hasPrefix(field) }
            return line.flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true)[1]) } ?? 0
        }
        return ProcessStats(
            cpuSeconds: (utime + stime) / ticks, residentBytes: kilobytes("VmRSS:") * 1024,
            peakResidentBytes: kilobytes("VmHWM:") * 1024)
    }

    static var current: ProcessStats { of(pid: getpid()) ?? ProcessStats(cpuSeconds: 0, residentBytes: 0) }
}
