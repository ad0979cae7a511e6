#ifndef SWITCHBOARD_MALLOC_TUNING_H
#define SWITCHBOARD_MALLOC_TUNING_H

/// Gives free heap pages back to the system (glibc's malloc_trim); returns 1 if any went back.
int sb_malloc_trim(void);

/// Bytes of heap in use now (mallinfo2: blocks in use plus mmapped blocks); 0 elsewhere.
unsigned long long sb_malloc_heap_in_use(void);

#endif
