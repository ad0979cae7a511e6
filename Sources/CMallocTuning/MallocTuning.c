// glibc's malloc tuning calls, which Swift's Glibc module does not import.
#include "MallocTuning.h"

// __GLIBC__ is defined by glibc's own headers, so one comes before the test.
#include <stdlib.h>

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>

// One malloc arena for the whole process, set as the program loads, before any thread exists (an
// arena made before stays; so does the limit once the first thread has contended). Every program
// that runs the engine links this file, through `ProcessMemory`.
//
// Blocks of 1 MiB and more (an encoded snapshot, a growing store array) are mapped on their own and
// given back to the system when freed. Without a fixed threshold glibc raises it to the largest
// block freed so far (up to 32 MiB), and a 13 MB snapshot encoding once freed leaves its pages in
// the heap for good.
__attribute__((constructor)) static void sb_malloc_use_one_arena(void) {
    mallopt(M_ARENA_MAX, 1);
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
}

int sb_malloc_trim(void) { return malloc_trim(0); }

unsigned long long sb_malloc_heap_in_use(void) {
    struct mallinfo2 info = mallinfo2();
    return (unsigned long long)(info.uordblks + info.hblkhd);
}

#else

int sb_malloc_trim(void) { return 0; }

unsigned long long sb_malloc_heap_in_use(void) { return 0; }

#endif
