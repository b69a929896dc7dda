/* The strip of games (see pane_strip.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ui/pane_strip.h"
#include "ui/panes.h"
#include "ui/text.h"

#define STRIP_CELL_MAX 96

/* What a caught-up game's feed is doing when it is not following the
 * game: its score is the last it had ("" when it is live). */
static const char *
cell_state(const struct app_state *st)
{
	if (st == NULL || !st->caught_up)
		return "";   /* the title says "catching up" or "failed" */
	switch (st->status.state) {
	case FEED_RECONNECTING:
		return " reconnecting";
	case FEED_CATCHING_UP:
		/* a caught-up game catches up again after a drop */
		return st->status.attempt > 0 ? " reconnecting" : "";
	case FEED_FAILED:
		return " failed";
	default:
		return "";
	}
}

/* "VAN 51 ANC 54 Q3 4:12", from the title the terminal would show; a
 * game that never caught up has no score yet: "VAN ANC catching up"; one
 * whose feed broke says so: "VAN 51 ANC 54 Q3 4:12 reconnecting". */
static void
cell_text(const struct ui_strip_game *s, char *buf, size_t size)
{
	char t[STRIP_CELL_MAX];
	char *tail;

	ui_title_text(s->g, s->st, t, sizeof t);
	tail = strstr(t, " - courtside");
	if (tail != NULL)
		*tail = '\0';
	snprintf(buf, size, " %s%s%s ", t, cell_state(s->st), s->fresh ? " *" : "");
}

#define STRIP_SHOWN_MAX 64
#define MARK_W 5            /* a count of games left off: " \u25c299" and its bar */

/* Columns games a..b take whole, with the bars between them and the
 * counts of the games left off before a and after b. */
static int
span_width(const int *w, size_t n, size_t a, size_t b)
{
	int need = (a > 0 ? MARK_W : 0) + (b + 1 < n ? MARK_W : 0);
	size_t i;

	for (i = a; i <= b; i++)
		need += w[i] + (i > a);
	return need;
}

/* Which games the strip shows whole: the focused one, as many before it
 * as fit from the first game, then as many after it. */
static void
strip_span(const int *w, size_t n, size_t focus, int cols, size_t *first, size_t *last)
{
	size_t a = 0, b = focus;

	while (a < focus && span_width(w, n, a, b) > cols)
		a++;
	while (b + 1 < n && span_width(w, n, a, b + 1) <= cols)
		b++;
	*first = a;
	*last = b;
}

void
pane_strip_draw(WINDOW *w, const struct ui_strip_game *v, size_t n, size_t focus,
    int cols, bool ascii)
{
	char cell[STRIP_CELL_MAX + 24], mark[16];   /* the title, its state, " *" */
	const char *sep = ascii ? "|" : "\xe2\x94\x82";
	int cw[STRIP_SHOWN_MAX], x = 0;
	size_t first, last, i;

	werase(w);
	if (n > STRIP_SHOWN_MAX)
		n = STRIP_SHOWN_MAX;
	if (n == 0 || focus >= n) {
		wnoutrefresh(w);
		return;
	}
	for (i = 0; i < n; i++) {
		cell_text(&v[i], cell, sizeof cell);
		cw[i] = ui_text_width(cell);
	}
	strip_span(cw, n, focus, cols, &first, &last);
	if (first > 0) {
		snprintf(mark, sizeof mark, " %s%zu ", ascii ? "<" : "\xe2\x97\x82", first);
		x += ui_text(w, 0, x, cols - x, A_DIM, mark);
		x += ui_text(w, 0, x, cols - x, A_DIM, sep);
	}
	for (i = first; i <= last && x < cols; i++) {
		cell_text(&v[i], cell, sizeof cell);
		x += ui_text(w, 0, x, cols - x, i == focus ? A_REVERSE | A_BOLD :
		    v[i].fresh ? A_BOLD : A_NORMAL, cell);
		if (x < cols && i < last)
			x += ui_text(w, 0, x, cols - x, A_DIM, sep);
	}
	if (last + 1 < n && x < cols) {
		x += ui_text(w, 0, x, cols - x, A_DIM, sep);
		snprintf(mark, sizeof mark, " %zu%s", n - 1 - last, ascii ? ">" : "\xe2\x96\xb8");
		ui_text(w, 0, x, cols - x, A_DIM, mark);
	}
	wnoutrefresh(w);
}
