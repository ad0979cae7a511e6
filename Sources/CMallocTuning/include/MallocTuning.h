#ifndef SWITCHBOARD_MALLOC_TUNING_H
#define SWITCHBOARD_MALLOC_TUNING_H

/// Gives free heap pages back to the system (glibc's malloc_trim); returns 1 if any went back.
int sb_malloc_trim(void);

#endif
