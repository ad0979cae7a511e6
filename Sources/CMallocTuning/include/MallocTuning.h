#ifndef SWITCHBOARD_MALLOC_TUNING_H
#define SWITCHBOARD_MALLOC_TUNING_H

/// Caps glibc's malloc at `count` arenas (mallopt M_ARENA_MAX); returns 1 on success, 0 elsewhere.
int sb_malloc_limit_arenas(int count);

/// Gives free heap pages back to the system (glibc's malloc_trim); returns 1 if any went back.
int sb_malloc_trim(void);

#endif
