// Shim for ncursesw: enables the wide-character API and wraps what Swift cannot import
// (function-like macros, NCURSES_BITS attributes, mutable globals).
#ifndef SWITCHBOARD_CNCURSES_SHIM_H
#define SWITCHBOARD_CNCURSES_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// term.h defines macros named like capabilities (lines, columns...) that clash with Swift names.
#undef lines
#undef columns
#undef buttons

// Globals as accessor functions: Swift 6 strict concurrency rejects the mutable globals.
static inline WINDOW *sb_stdscr(void) { return stdscr; }
static inline int sb_cols(void) { return COLS; }
/* Whether the current terminal switches to an alternate screen (smcup/rmcup), like xterm and
   unlike vt100: without one, what the console drew stays on screen after it exits. */
static inline int sb_has_alternate_screen(void) {
    const char *rmcup = tigetstr("rmcup");
    return rmcup != NULL && rmcup != (const char *)-1 && rmcup[0] != '\0';
}
static inline int sb_lines(void) { return LINES; }
static inline int sb_colors(void) { return COLORS; }
static inline int sb_color_pairs(void) { return COLOR_PAIRS; }

static inline int sb_getmaxy(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int sb_getmaxx(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }

// Attributes built from NCURSES_BITS.
static inline attr_t sb_a_normal(void) { return A_NORMAL; }
static inline attr_t sb_a_bold(void) { return A_BOLD; }
static inline attr_t sb_a_reverse(void) { return A_REVERSE; }
static inline attr_t sb_a_dim(void) { return A_DIM; }
static inline attr_t sb_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sb_color_pair(int n) { return COLOR_PAIR(n); }

// Key codes (plain #defines import too, but keeping them together documents what we use).
static inline int sb_key_code_yes(void) { return KEY_CODE_YES; }
static inline int sb_key_up(void) { return KEY_UP; }
static inline int sb_key_down(void) { return KEY_DOWN; }
static inline int sb_key_left(void) { return KEY_LEFT; }
static inline int sb_key_right(void) { return KEY_RIGHT; }
static inline int sb_key_home(void) { return KEY_HOME; }
static inline int sb_key_end(void) { return KEY_END; }
static inline int sb_key_ppage(void) { return KEY_PPAGE; }
static inline int sb_key_npage(void) { return KEY_NPAGE; }
static inline int sb_key_enter(void) { return KEY_ENTER; }
static inline int sb_key_backspace(void) { return KEY_BACKSPACE; }
static inline int sb_key_resize(void) { return KEY_RESIZE; }
static inline int sb_key_btab(void) { return KEY_BTAB; }
static inline int sb_key_f(int n) { return KEY_F(n); }

static inline FILE *sb_stdout(void) { return stdout; }
static inline FILE *sb_stdin(void) { return stdin; }

static inline int sb_set_escdelay(int ms) { return set_escdelay(ms); }

// Terminal validation without touching the screen: 1 when TERM is known and can address the
// cursor (has "cup"), 0 when known but cannot, -1 when unknown/unset (setupterm failed).
static inline int sb_term_can_address_cursor(const char *term) {
    int err = 0;
    if (setupterm((char *)term, 1, &err) != OK) { return -1; }
    char *cup = tigetstr("cup");
    int ok = (cup != NULL && cup != (char *)-1) ? 1 : 0;
    TERMINAL *t = set_curterm(NULL);
    if (t != NULL) { del_curterm(t); }
    return ok;
}

// Locale: setlocale(LC_ALL, "") and the resulting codeset name ("UTF-8", "ANSI_X3.4-1968"...).
static inline void sb_setlocale_from_environment(void) { setlocale(LC_ALL, ""); }
static inline const char *sb_codeset(void) { return nl_langinfo(CODESET); }

#endif
