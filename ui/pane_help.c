/*
 * Help (? or F1): every key, generated from the tables next to the
 * bindings: the global keys (keymap.c), scrolling (scroll.c), each pane's
 * own (its ops' help), the replay's; then what the markers and colours
 * mean and how the layout adapts.  Scrolls like the other panes; ?, Esc
 * or q close it.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ui/keymap.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/scroll.h"
#include "ui/text.h"

static const struct ui_key_help markers[] = {
	{ "> (UTF-8: \xe2\x96\xb8)", "box score: on the court now" },
	{ "PF 3! / 5!!", "foul trouble (yellow) / one foul from out (red); see below" },
	{ "FO  EJ", "box score: fouled out / ejected (2 technicals or a flagrant 2)" },
	{ "T", "box score: technical fouls (yellow at 1, red at 2)" },
	{ "!", "a player's line differs from the provider's published totals" },
	{ "BONUS", "beside a team: that team shoots free throws when fouled" },
	{ "2x BONUS", "two shots on every foul (where the bonus is a one-and-one)" },
	{ "(1 to give)", "team fouls it can commit before the opponent shoots" },
	{ "NBA, FIBA...", "the rule profile in force (--rules to choose another)" },
	{ "*", "plays: the provider corrected this play" },
	{ "", "strip of games: the game changed since you last saw it" },
	{ "<3  5> (\xe2\x97\x82 \xe2\x96\xb8)", "strip of games: games off it to the left / right" },
	{ "live 0.4s", "age of the newest data; 'stale 20s' yellow, red from 60 s" },
	{ NULL, NULL }
};

static const struct ui_key_help trouble[] = {
	{ "quarters", "2 fouls in Q1, 3 in Q2, 4 in Q3, then one from the limit" },
	{ "", "(the limit is the rule profile's: 6 NBA and G League, else 5)" },
	{ "halves", "2 fouls in the first half, 4 in the second and overtime" },
	{ NULL, NULL }
};

static const struct ui_key_help layouts[] = {
	{ "160x45 and up", "every pane: box over lineups, shot chart over plays" },
	{ "120x35", "two columns: box or lineups, shot chart over plays" },
	{ "80x24", "one or two panes; 1-6 or Tab switch, z zooms" },
	{ "below 60x16", "a 'terminal too small' message (60x17 under a strip of games)" },
	{ NULL, NULL }
};

static const struct ui_help_section reference[] = {
	{ "Markers", markers },
	{ "Foul trouble", trouble },
	{ "Layout", layouts },
	{ NULL, NULL }
};

#define SECTIONS_MAX 32

struct help {
	struct ui_scroll sc;
	int nrows;         /* rows last laid out */
};

static size_t
add_sections(const struct ui_help_section **out, size_t n, const struct ui_help_section *list)
{
	for (; list != NULL && list->title != NULL && n < SECTIONS_MAX; list++)
		out[n++] = list;
	return n;
}

/* Every section, in the order shown; returns the count. */
static size_t
gather(const struct pane_ctx *c, const struct ui_help_section **out)
{
	size_t n = 0;
	int i;

	n = add_sections(out, n, ui_keymap_help);
	n = add_sections(out, n, ui_scroll_help);
	for (i = 0; i < UI_PANES; i++)
		n = add_sections(out, n, c->panes[i]->help);
	n = add_sections(out, n, ui_keymap_replay_help);
	return add_sections(out, n, reference);
}

/* The next line of `s` that fits `width` columns, cut at a space when it
 * can; returns its length in bytes and sets *next past it. */
static size_t
wrap(const char *s, int width, const char **next)
{
	size_t len = strlen(s), cut, sp = 0, i;

	if (width < 8)
		width = 8;
	if (len <= (size_t)width) {
		*next = s + len;
		return len;
	}
	for (i = 0; i <= (size_t)width; i++)
		if (s[i] == ' ')
			sp = i;
	cut = sp > 0 ? sp : (size_t)width;
	*next = s + cut;
	while (**next == ' ')
		(*next)++;
	return cut;
}

/* Visits every row: section titles and key lines, descriptions wrapped;
 * draws the rows in view when w != NULL.  Returns the number of rows. */
static int
help_rows(const struct pane_ctx *c, WINDOW *w, int top, int page, int width)
{
	const struct ui_help_section *sections[SECTIONS_MAX];
	const struct ui_key_help *k;
	const char *p, *next;
	char line[256];
	size_t s, n, nsections = gather(c, sections);
	int row = 0, y, kw = 0, len;

	for (s = 0; s < nsections; s++)
		for (k = sections[s]->items; k->keys != NULL; k++) {
			len = ui_text_width(k->keys);
			if (len > kw)
				kw = len;
		}
	if (kw > width / 3)
		kw = width / 3;
	for (s = 0; s < nsections; s++) {
		if (s > 0)
			row++;
		y = 1 + row - top;
		if (w != NULL && y >= 1 && y <= page)
			ui_text(w, y, 1, width - 1, ui_attr(c->theme, UI_C_SEPARATOR),
			    sections[s]->title);
		row++;
		for (k = sections[s]->items; k->keys != NULL; k++) {
			y = 1 + row - top;
			if (w != NULL && y >= 1 && y <= page)
				ui_text(w, y, 3, kw, ui_attr(c->theme, UI_C_BOLD), k->keys);
			for (p = k->what; ; p = next) {
				n = wrap(p, width - 5 - kw, &next);
				if (n >= sizeof line)
					n = sizeof line - 1;
				memcpy(line, p, n);
				line[n] = '\0';
				y = 1 + row - top;
				if (w != NULL && y >= 1 && y <= page)
					ui_text(w, y, 4 + kw, width - 5 - kw, A_NORMAL, line);
				row++;
				if (*next == '\0')
					break;
			}
		}
	}
	return row;
}

/* The last row says how many rows are below it, when there are. */
static void
more_below(const struct help *s, const struct pane_ctx *c, WINDOW *w, int h, int width)
{
	ui_scroll_more_below(&s->sc, c->theme, w, h, width, s->nrows, "");
}

static void
help_draw(void *state, const struct pane_ctx *c, WINDOW *w, int h, int width)
{
	struct help *s = state;

	s->nrows = help_rows(c, NULL, 0, 0, width);
	ui_scroll_clamp(&s->sc, s->nrows, h - 1);
	s->sc.cursor = s->sc.top;
	help_rows(c, w, s->sc.top, h - 1, width);
	more_below(s, c, w, h, width);
}

static int
help_key(void *state, const struct pane_ctx *c, int key)
{
	struct help *s = state;

	if (s->nrows == 0)
		s->nrows = help_rows(c, NULL, 0, 0, c->cols);
	return ui_scroll_key(&s->sc, key, s->nrows, c->rows - 1, true);
}

static void
help_title(void *state, const struct pane_ctx *c, char *buf, size_t size)
{
	(void)state;
	(void)c;
	snprintf(buf, size, "? Esc or q to close");
}

static void *
help_init(void)
{
	return pane_state_new(sizeof(struct help));
}

const struct pane_ops pane_help_ops = {
	.name = "Help",
	.tab = "Help",
	.init = help_init,
	.free = pane_state_free,
	.draw = help_draw,
	.key = help_key,
	.title = help_title,
};
