// Wide-character ncurses for Swift: SwiftPM drops pkg-config's -D_XOPEN_SOURCE, so ask for it here.
#ifndef HEALTHGATE_CNCURSESW_SHIM_H
#define HEALTHGATE_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline unsigned long hg_attr_bold(void) { return A_BOLD; }
static inline unsigned long hg_attr_reverse(void) { return A_REVERSE; }
static inline unsigned long hg_attr_dim(void) { return A_DIM; }
static inline unsigned long hg_color_pair(short pair) { return COLOR_PAIR(pair); }
static inline int hg_key_resize(void) { return KEY_RESIZE; }
static inline int hg_key_f(int n) { return KEY_F(n); }
#endif
