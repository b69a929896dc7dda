/*
 * Row keys (see rows.h).
 */
#include "config.h"

#include <string.h>

#include "ui/flush.h"
#include "ui/rows.h"

#define SHIFT_MAX 8    /* plays arriving in one drain, found as a move */

uint64_t
ui_rows_hash(uint64_t h, const void *p, size_t size)
{
	const unsigned char *b = p;
	uint64_t word;
	size_t i = 0;

	/* FNV-1a, a word at a time: a row's inputs are a few hundred bytes */
	for (; i + 8 <= size; i += 8) {
		memcpy(&word, b + i, 8);
		h = (h ^ word) * 0x100000001b3ULL;
		h ^= h >> 29;
	}
	for (; i < size; i++)
		h = (h ^ b[i]) * 0x100000001b3ULL;
	return h != 0 ? h : 1;
}

/* How far rows [y, h) moved down to become `want`, 0 when they did not. */
static int
moved_by(const struct ui_rows *r, const uint64_t *want, int y, int h)
{
	int k;

	for (k = 1; k <= SHIFT_MAX && y + k < h; k++) {
		if (r->key[y] != 0 && want[y + k] == r->key[y] &&
		    (y + k + 1 >= h || want[y + k + 1] == r->key[y + 1]))
			return k;
		/* the first row may read differently where it lands (the
		 * cursor left it for the new play): the two under it tell */
		if (y + k + 2 < h && r->key[y + 1] != 0 && want[y + k + 1] == r->key[y + 1] &&
		    want[y + k + 2] == r->key[y + 2])
			return k;
	}
	return 0;
}

void
ui_rows_begin(struct ui_rows *r, WINDOW *w, int h, const uint64_t *want, bool repaint)
{
	int y, k;

	if (h > UI_ROWS_MAX)
		h = UI_ROWS_MAX;
	if (repaint || r->h != h) {
		memset(r->key, 0, sizeof r->key);
		r->h = h;
		return;
	}
	for (y = 1; y < h && r->key[y] == want[y]; y++)
		;
	if (y >= h - 1 || (k = moved_by(r, want, y, h)) == 0)
		return;
	/* insert k blank rows at y: the rows below go down, the last k drop */
	wmove(w, y, 0);
	winsdelln(w, k);
	/* the terminal can scroll a full-width window's lines itself */
	if (getbegx(w) == 0 && getmaxx(w) == COLS)
		ui_flush_scrolled();
	memmove(r->key + y + k, r->key + y, (size_t)(h - y - k) * sizeof r->key[0]);
	memset(r->key + y, 0, (size_t)k * sizeof r->key[0]);
	r->moves += (unsigned long)(h - y - k);
}

bool
ui_rows_stale(struct ui_rows *r, int y, uint64_t want)
{
	if (y < 0)
		return false;
	if (y < UI_ROWS_MAX && y < r->h) {
		if (r->key[y] == want)
			return false;
		r->key[y] = want;
	}
	r->drawn++;
	return true;
}

bool
ui_rows_draw(struct ui_rows *r, WINDOW *w, int y, uint64_t want)
{
	if (!ui_rows_stale(r, y, want))
		return false;
	wmove(w, y, 0);
	wclrtoeol(w);
	return true;
}
