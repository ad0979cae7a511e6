// Counts heap allocations for the benchmarks. The executable defines the allocation functions, so
// the dynamic linker binds every library's calls (the Swift runtime, Foundation, glibc itself) to
// these; each counts and hands the request to glibc's own allocator, whose free releases the
// memory as usual.
#include "AllocationCounter.h"

#include <errno.h>
#include <stddef.h>

#if defined(__linux__) && defined(__GLIBC__)

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);

static uint64_t allocationCount;
static uint64_t allocatedBytes;

static inline void count(size_t size) {
    __atomic_fetch_add(&allocationCount, 1, __ATOMIC_RELAXED);
    __atomic_fetch_add(&allocatedBytes, (uint64_t)size, __ATOMIC_RELAXED);
}

void *malloc(size_t size) {
    count(size);
    return __libc_malloc(size);
}

void *calloc(size_t number, size_t size) {
    count(number * size);
    return __libc_calloc(number, size);
}

void *realloc(void *pointer, size_t size) {
    count(size);
    return __libc_realloc(pointer, size);
}

void *memalign(size_t alignment, size_t size) {
    count(size);
    return __libc_memalign(alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
    count(size);
    return __libc_memalign(alignment, size);
}

int posix_memalign(void **result, size_t alignment, size_t size) {
    if (alignment < sizeof(void *) || (alignment & (alignment - 1)) != 0) {
        return EINVAL;
    }
    count(size);
    void *pointer = __libc_memalign(alignment, size);
    if (pointer == NULL && size != 0) {
        return ENOMEM;
    }
    *result = pointer;
    return 0;
}

uint64_t sb_allocation_count(void) { return __atomic_load_n(&allocationCount, __ATOMIC_RELAXED); }

uint64_t sb_allocated_bytes(void) { return __atomic_load_n(&allocatedBytes, __ATOMIC_RELAXED); }

#else

uint64_t sb_allocation_count(void) { return 0; }

uint64_t sb_allocated_bytes(void) { return 0; }

#endif
