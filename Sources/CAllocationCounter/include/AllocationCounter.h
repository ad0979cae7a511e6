#ifndef SWITCHBOARD_ALLOCATION_COUNTER_H
#define SWITCHBOARD_ALLOCATION_COUNTER_H

#include <stdint.h>

/// Heap allocations this process has made so far: calls to malloc, calloc, realloc, posix_memalign,
/// aligned_alloc and memalign, which this target defines in front of glibc's allocator.
uint64_t sb_allocation_count(void);

/// Bytes those calls asked for, in total (not the bytes in use: frees are not subtracted).
uint64_t sb_allocated_bytes(void);

#endif
