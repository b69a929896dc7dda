/* The strip of games (see pane_strip.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ui/pane_strip.h"
#include "ui/panes.h"
#include "ui/text.h"

#define STRIP_CELL_MAX 96

/* "VAN 51 ANC 54 Q3 4:12", from the title the terminal would show. */
static void
cell_text(const struct ui_strip_game *s, char *buf, size_t size)
{
	char t[STRIP_CELL_MAX];
	char *tail;

	ui_title_text(s->g, t, sizeof t);
	tail = strstr(t, " - courtside");
	if (tail != NULL)
		*tail = '\0';
	snprintf(buf, size, " %s%s ", t, s->fresh ? " *" : "");
}

void
pane_strip_draw(WINDOW *w, const struct ui_strip_game *v, size_t n, size_t focus,
    int cols, bool ascii)
{
	char cell[STRIP_CELL_MAX + 8];
	const char *sep = ascii ? "|" : "\xe2\x94\x82";
	size_t first = 0, i;
	int x, width, need;

	werase(w);
	/* from the first game, or far enough that the focused one fits */
	for (;;) {
		for (i = first, need = 0; i <= focus && i < n; i++) {
			cell_text(&v[i], cell, sizeof cell);
			need += ui_text_width(cell) + 1;
		}
		if (need <= cols || first >= focus)
			break;
		first++;
	}
	for (i = first, x = 0; i < n && x < cols; i++) {
		cell_text(&v[i], cell, sizeof cell);
		width = ui_text(w, 0, x, cols - x, i == focus ? A_REVERSE | A_BOLD :
		    v[i].fresh ? A_BOLD : A_NORMAL, cell);
		x += width;
		if (x < cols && i + 1 < n)
			x += ui_text(w, 0, x, cols - x, A_DIM, sep);
	}
	wnoutrefresh(w);
}
