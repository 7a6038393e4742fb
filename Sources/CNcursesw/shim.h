#ifndef LEADLINE_CNCURSESW_SHIM_H
#define LEADLINE_CNCURSESW_SHIM_H

// Without these, curses.h hides cchar_t and the *_wch functions, and wchar.h hides wcwidth
// (ncursesw.pc asks for _XOPEN_SOURCE=600 too).
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 600
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <wchar.h>

#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h> // macOS ships the wide API in the plain header.
#endif

// Swift imports neither function-like macros nor (safely, under strict
// concurrency) mutable C globals, so everything below is re-exported as a
// function. Each accessor reads the global at call time, never caches it.

static inline FILE *ll_stdin(void) { return stdin; }
static inline FILE *ll_stdout(void) { return stdout; }

static inline WINDOW *ll_stdscr(void) { return stdscr; }
static inline WINDOW *ll_curscr(void) { return curscr; }
static inline int ll_LINES(void) { return LINES; }
static inline int ll_COLS(void) { return COLS; }
static inline int ll_COLORS(void) { return COLORS; }
static inline int ll_COLOR_PAIRS(void) { return COLOR_PAIRS; }

static inline int ll_ERR(void) { return ERR; }
static inline int ll_OK(void) { return OK; }

static inline attr_t ll_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t ll_A_BOLD(void) { return A_BOLD; }
static inline attr_t ll_A_DIM(void) { return A_DIM; }
static inline attr_t ll_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t ll_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t ll_A_ITALIC(void) { return A_ITALIC; }
static inline attr_t ll_A_STANDOUT(void) { return A_STANDOUT; }
static inline attr_t ll_A_BLINK(void) { return A_BLINK; }
static inline attr_t ll_COLOR_PAIR(int n) { return (attr_t)COLOR_PAIR(n); }

static inline int ll_KEY_CODE_YES(void) { return KEY_CODE_YES; }
static inline int ll_KEY_RESIZE(void) { return KEY_RESIZE; }
static inline int ll_KEY_MOUSE(void) { return KEY_MOUSE; }
static inline int ll_KEY_UP(void) { return KEY_UP; }
static inline int ll_KEY_DOWN(void) { return KEY_DOWN; }
static inline int ll_KEY_LEFT(void) { return KEY_LEFT; }
static inline int ll_KEY_RIGHT(void) { return KEY_RIGHT; }
static inline int ll_KEY_HOME(void) { return KEY_HOME; }
static inline int ll_KEY_END(void) { return KEY_END; }
static inline int ll_KEY_NPAGE(void) { return KEY_NPAGE; }
static inline int ll_KEY_PPAGE(void) { return KEY_PPAGE; }
static inline int ll_KEY_BTAB(void) { return KEY_BTAB; }
static inline int ll_KEY_BACKSPACE(void) { return KEY_BACKSPACE; }
static inline int ll_KEY_ENTER(void) { return KEY_ENTER; }
static inline int ll_KEY_DC(void) { return KEY_DC; }
static inline int ll_KEY_F(int n) { return KEY_F(n); }

static inline mmask_t ll_ALL_MOUSE_EVENTS(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t ll_REPORT_MOUSE_POSITION(void) { return REPORT_MOUSE_POSITION; }
static inline mmask_t ll_BUTTON1_CLICKED(void) { return BUTTON1_CLICKED; }
static inline mmask_t ll_BUTTON1_PRESSED(void) { return BUTTON1_PRESSED; }
static inline mmask_t ll_BUTTON1_RELEASED(void) { return BUTTON1_RELEASED; }
static inline mmask_t ll_BUTTON4_PRESSED(void) { return BUTTON4_PRESSED; }
static inline mmask_t ll_BUTTON5_PRESSED(void) { return BUTTON5_PRESSED; }

static inline int ll_getmaxy(WINDOW *win) { return getmaxy(win); }
static inline int ll_getmaxx(WINDOW *win) { return getmaxx(win); }

static inline int ll_CCHARW_MAX(void) { return CCHARW_MAX; }

// The C library's idea of a character's width, which ncurses and terminals use.
static inline int ll_wcwidth(uint32_t scalar) { return wcwidth((wchar_t)scalar); }

// Builds a cell from one grapheme's scalars. setcchar keeps only the base and
// the zero-width scalars right after it, which would cut a ZWJ sequence at its
// second emoji, so the rest are copied in by hand; ncurses stores and emits a
// cell's scalars verbatim. Scalars beyond CCHARW_MAX are dropped.
static inline int ll_setcchar(cchar_t *out, const uint32_t *scalars, int count,
                              attr_t attrs, int pair) {
    if (out == NULL || scalars == NULL || count < 1 || pair < 0) {
        return ERR;
    }
    wchar_t base[2] = { (wchar_t)scalars[0], L'\0' };
#if defined(NCURSES_EXT_COLORS) && NCURSES_EXT_COLORS
    // The short argument would truncate pairs above 32767; opts carries the int.
    int code = setcchar(out, base, attrs, (NCURSES_PAIRS_T)pair, &pair);
#else
    int code = setcchar(out, base, attrs, (NCURSES_PAIRS_T)pair, NULL);
#endif
    if (code == ERR) {
        return ERR;
    }
    for (int i = 1; i < count && i < CCHARW_MAX; ++i) {
        out->chars[i] = (wchar_t)scalars[i];
    }
    return OK;
}

// Reads a cell's scalars into out, which must hold CCHARW_MAX values.
// Returns how many were written, or ERR.
static inline int ll_getcchar(const cchar_t *cell, uint32_t *out,
                              attr_t *attrs, int *pair) {
    if (cell == NULL || out == NULL || attrs == NULL || pair == NULL) {
        return ERR;
    }
    wchar_t chars[CCHARW_MAX + 1];
    NCURSES_PAIRS_T shortPair = 0;
#if defined(NCURSES_EXT_COLORS) && NCURSES_EXT_COLORS
    int extPair = 0;
    if (getcchar(cell, chars, attrs, &shortPair, &extPair) == ERR) {
        return ERR;
    }
    *pair = extPair;
#else
    if (getcchar(cell, chars, attrs, &shortPair, NULL) == ERR) {
        return ERR;
    }
    *pair = shortPair;
#endif
    int count = 0;
    while (count < CCHARW_MAX && chars[count] != L'\0') {
        out[count] = (uint32_t)chars[count];
        ++count;
    }
    return count;
}

#endif
