/*
 * Scrolling a pane's rows (j/k, arrows, PgUp/PgDn, g/G): a top row and a
 * cursor row, clamped to the rows there are.  Used by every pane with
 * more rows than fit.
 */
#ifndef CS_UI_SCROLL_H
#define CS_UI_SCROLL_H

#include <curses.h>
#include <stdbool.h>

#include "ui/keymap.h"

struct ui_theme;

struct ui_scroll {
	int top;       /* first visible row */
	int cursor;    /* selected row */
};

/* Moves for a scrolling key and returns UI_HANDLED | UI_REDRAW, else
 * UI_UNHANDLED.  With `view`, the keys move the view (no cursor: lineups,
 * help). */
int ui_scroll_key(struct ui_scroll *sc, int key, int nrows, int page, bool view);
/* Keeps the cursor on a row and in view. */
void ui_scroll_clamp(struct ui_scroll *sc, int nrows, int page);

/* A pane of `nrows` rows in `h` lines: when rows lie below the view, its
 * last line says how many ("▼ 12 more below (j)") and then `also`. */
void ui_scroll_more_below(const struct ui_scroll *sc, const struct ui_theme *theme, WINDOW *w,
    int h, int width, int nrows, const char *also);

/* "Moving in box score, plays, lineups, help" */
extern const struct ui_help_section ui_scroll_help[];

#endif
