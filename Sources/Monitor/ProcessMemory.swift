import CMallocTuning

/// How a long-running engine process keeps its resident memory close to what it uses (glibc only).
///
/// glibc gives each thread that contends for the heap an arena of its own and keeps freed blocks
/// in it; a process whose many small allocations come and go on several threads (probes on the
/// event loops, snapshots on the pool) then holds a fifth to a third more than it uses. So a
/// program that links the engine runs with one arena (set as it loads, by `CMallocTuning`), and the
/// engine gives free pages back after each compaction.
public enum ProcessMemory {
    /// Bytes of heap in use now (0 without glibc), for the benchmarks' memory reports.
    public static var heapInUseBytes: Int { Int(sb_malloc_heap_in_use()) }

    /// Gives free heap pages back to the system.
    public static func returnFreePages() {
        _ = sb_malloc_trim()
    }
}
