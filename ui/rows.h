/*
 * Drawing only the rows that changed.  A pane that draws in part (its
 * pane_ops.partial) names what each row of its window shows with a key,
 * the hash of everything the row is drawn from; a row whose key is the
 * one it was last drawn with is left alone.  When the rows the pane wants
 * are the ones it has, moved down (a newer play on top), the window's
 * rows move with them, so only the new rows are drawn.
 *
 * The keys describe the window as it is: a repaint (a new or erased
 * window, ctx.repaint) forgets them all.
 */
#ifndef CS_UI_ROWS_H
#define CS_UI_ROWS_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UI_ROWS_MAX 1024      /* rows of a window drawn (4K screens at tiny fonts reach ~400) */
#define UI_ROWS_SEED 0xcbf29ce484222325ULL

struct ui_rows {
	uint64_t key[UI_ROWS_MAX];   /* per window row; 0: unknown */
	int h;                       /* the window's height they were kept for */
	unsigned long moves;         /* rows moved instead of drawn (the tests read it) */
	unsigned long drawn;         /* rows drawn (ui_rows_draw said yes): the tests read it */
};

/* `h` folded with `size` bytes at `p`; never 0. */
uint64_t ui_rows_hash(uint64_t h, const void *p, size_t size);
/* Before a pane draws rows [1, h) wanting keys want[1..h-1]: forgets the
 * keys on a repaint (or a new height), else moves a run of rows that went
 * down by a few (want[y + k] == key[y]) and their keys. */
void ui_rows_begin(struct ui_rows *r, WINDOW *w, int h, const uint64_t *want, bool repaint);
/* Whether row y must be drawn for `want`; if so, it is cleared first and
 * its key kept. */
bool ui_rows_draw(struct ui_rows *r, WINDOW *w, int y, uint64_t want);
/* The same, the row left as it is: for a pane that draws over a part of
 * it (the box score's figures). */
bool ui_rows_stale(struct ui_rows *r, int y, uint64_t want);

#endif
