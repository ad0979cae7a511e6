// glibc's malloc tuning calls, which Swift's Glibc module does not import.
#include "MallocTuning.h"

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>

int sb_malloc_limit_arenas(int count) { return mallopt(M_ARENA_MAX, count); }

int sb_malloc_trim(void) { return malloc_trim(0); }

#else

int sb_malloc_limit_arenas(int count) { return 0; }

int sb_malloc_trim(void) { return 0; }

#endif
