import CMallocTuning

/// How a long-running engine process keeps its resident memory close to what it uses (glibc only;
/// elsewhere these do nothing).
///
/// glibc gives each thread that contends for the heap an arena of its own and keeps freed blocks
/// in it; a process whose many small allocations come and go on several threads (probes on the
/// event loops, snapshots on the pool) then holds a fifth to a third more than it uses.
public enum ProcessMemory {
    /// One malloc arena for the whole process; call first thing in `main`, before threads start
    /// (arenas made before stay).
    public static func useOneArena() {
        _ = sb_malloc_limit_arenas(1)
    }

    /// Gives free heap pages back to the system; the engine calls it after dropping expired samples.
    public static func returnFreePages() {
        _ = sb_malloc_trim()
    }
}
