#ifndef TWOFUTURES_CNCURSES_SHIM_H
#define TWOFUTURES_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1

#include <locale.h>
#include <ncursesw/ncurses.h>

// Macros and globals that Swift cannot use directly (Swift 6 rejects mutable
// C globals as not concurrency-safe), wrapped as small inline functions.

static inline WINDOW *tf_stdscr(void) { return stdscr; }
static inline int tf_cols(void) { return COLS; }
static inline int tf_lines(void) { return LINES; }
static inline int tf_colors(void) { return COLORS; }
static inline int tf_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t tf_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline void tf_getmaxyx(WINDOW *w, int *y, int *x) {
    int yy, xx;
    getmaxyx(w, yy, xx);
    *y = yy;
    *x = xx;
}

static inline attr_t tf_a_normal(void) { return A_NORMAL; }
static inline attr_t tf_a_bold(void) { return A_BOLD; }
static inline attr_t tf_a_dim(void) { return A_DIM; }
static inline attr_t tf_a_reverse(void) { return A_REVERSE; }
static inline attr_t tf_a_underline(void) { return A_UNDERLINE; }

static inline mmask_t tf_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t tf_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }
static inline mmask_t tf_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t tf_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t tf_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t tf_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t tf_button5_pressed(void) { return BUTTON5_PRESSED; }

#endif
