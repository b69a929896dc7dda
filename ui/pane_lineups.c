/*
 * Lineups: per team (away first) the five on court with the current
 * stint, each player's minutes, fouls and +/-; below, the five-man units
 * used so far, most minutes first, with their minutes and +/-.  Two
 * columns side by side when the pane is wide enough, else one above the
 * other.  Follows the team filter.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ui/label.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/scroll.h"
#include "ui/text.h"

#define UNITS_MAX 256
#define ONCOURT_MIN 36   /* columns for a team's five on court */
#define UNITS_MIN 50     /* columns for a team's units, names readable */

struct lineups {
	struct ui_scroll sc;
	int nrows;         /* rows last laid out */
};

static void
mmss(char *buf, size_t size, int seconds)
{
	if (seconds < 0)
		seconds = 0;
	snprintf(buf, size, "%d:%02d", seconds / 60, seconds % 60);
}

/* The units of one side, most minutes first. */
static int
side_units(const struct pane_ctx *c, int side, const struct unit **out, int max)
{
	size_t n = game_view_unit_count(c->g), i;
	const struct unit *u, *tmp;
	int k = 0, j;

	for (i = 0; i < n && k < max; i++) {
		u = game_view_unit(c->g, i);
		if (u != NULL && u->side == side)
			out[k++] = u;
	}
	for (i = 1; i < (size_t)k; i++) {
		tmp = out[i];
		for (j = (int)i - 1; j >= 0 && out[j]->seconds < tmp->seconds; j--)
			out[j + 1] = out[j];
		out[j + 1] = tmp;
	}
	return k;
}

/*
 * The five last names of a unit in `width` columns: the longest names are
 * cut first, so that short names stay whole.
 */
static void
unit_names(const struct pane_ctx *c, const struct box_team *t, const struct unit *u, int width,
    char *buf, size_t size)
{
	char last[CS_ON_COURT][CS_NAME_MAX], name[CS_NAME_MAX * 2];
	int len[CS_ON_COURT], i, total, longest;
	size_t n = 0;

	for (i = 0; i < CS_ON_COURT; i++) {
		int pi = u->players[i];

		if (pi >= 0 && pi < t->nplayers) {
			ui_player_name(&t->players[pi], name, sizeof name);
			ui_last_name(name, last[i], sizeof last[i]);
		} else {
			cs_strlcpy(last[i], "?", sizeof last[i]);
		}
		len[i] = ui_text_width(last[i]);
	}
	for (;;) {
		total = CS_ON_COURT - 1;
		longest = 0;
		for (i = 0; i < CS_ON_COURT; i++) {
			total += len[i];
			if (len[i] > len[longest])
				longest = i;
		}
		if (total <= width || len[longest] <= 3)
			break;
		len[longest]--;
	}
	buf[0] = '\0';
	for (i = 0; i < CS_ON_COURT && n < size; i++) {
		/* cut at a character, not a byte: names may be UTF-8 */
		int cols = 0;
		const char *p = last[i];
		size_t b = 0;

		while (p[b] != '\0' && cols < len[i]) {
			b++;
			while (((unsigned char)p[b] & 0xc0) == 0x80)
				b++;
			cols++;
		}
		n += (size_t)snprintf(buf + n, size - n, "%s%.*s", i ? " " : "", (int)b, p);
	}
}

/* Content row r of a block starting at `base` is window row y when it is
 * in view (w == NULL: only count the rows). */
#define AT(r) (w != NULL && (y = 1 + base + (r) - top) >= 1 && y < 1 + page)

/* The five on court: stint, then each player's minutes, fouls and +/-. */
static int
oncourt_block(const struct pane_ctx *c, WINDOW *w, int side, int x, int width, int base, int top,
    int page)
{
	const struct box_team *t = game_view_team(c->g, side);
	const struct game_rules *rules = game_rules(c->g);
	struct cs_period per = game_view_period(c->g);
	const struct box_player *p;
	char alias[CS_ALIAS_MAX * 2], buf[64], name[CS_NAME_MAX * 2], fit[CS_NAME_MAX * 2];
	int row = 0, y, i, k, nw, trouble, used;
	attr_t a;

	if (t == NULL)
		return 0;
	ui_team_alias(c->g, side, alias, sizeof alias);
	nw = width - 3 - 6 - 4 - 5;    /* jersey, MIN, PF, +/- */
	if (nw > 22)
		nw = 22;
	if (AT(row)) {
		used = ui_text(w, y, x, width, ui_team_attr(c->theme, side), alias);
		ui_text(w, y, x + used, width - used, ui_attr(c->theme, UI_C_BOLD), " on court");
		mmss(buf, sizeof buf, t->stint_seconds);
		ui_textf(w, y, x + 3 + nw, width - 3 - nw, ui_attr(c->theme, UI_C_DIM), "stint %s",
		    buf);
	}
	row++;
	if (AT(row)) {
		ui_text_right(w, y, x + 3 + nw, 6, ui_attr(c->theme, UI_C_DIM), "MIN");
		ui_text_right(w, y, x + 3 + nw + 6, 4, ui_attr(c->theme, UI_C_DIM), "PF");
		ui_text_right(w, y, x + 3 + nw + 10, 5, ui_attr(c->theme, UI_C_DIM), "+/-");
	}
	row++;
	for (k = 0; k < CS_ON_COURT; k++, row++) {
		if (!AT(row))
			continue;
		i = t->on_court[k];
		if (i < 0 || i >= t->nplayers) {
			ui_text(w, y, x + 3, nw, ui_attr(c->theme, UI_C_DIM), "?");
			continue;
		}
		p = &t->players[i];
		trouble = ui_foul_trouble(rules, &per, p->line.pf);
		a = trouble == 2 ? ui_attr(c->theme, UI_C_ALERT) :
		    trouble == 1 ? ui_attr(c->theme, UI_C_WARN) : A_NORMAL;
		ui_textf(w, y, x, 3, A_NORMAL, "%2.2s", p->info.jersey);
		ui_player_name(p, name, sizeof name);
		ui_name_fit(name, nw, fit, sizeof fit);
		ui_text(w, y, x + 3, nw, trouble ? a : ui_attr(c->theme, UI_C_BOLD), fit);
		/* whole minutes: a play changes the stint, not ten cells */
		snprintf(buf, sizeof buf, "%d", p->line.seconds / 60);
		ui_text_right(w, y, x + 3 + nw, 6, A_NORMAL, buf);
		ui_textf(w, y, x + 3 + nw + 6, 4, a, "%4d", p->line.pf);
		if (p->line.plus_minus != 0)
			snprintf(buf, sizeof buf, "%+d", p->line.plus_minus);
		else
			snprintf(buf, sizeof buf, "0");
		ui_text_right(w, y, x + 3 + nw + 10, 5, A_NORMAL, buf);
	}
	return row;
}

/* The five-man units used so far, most minutes first. */
static int
units_block(const struct pane_ctx *c, WINDOW *w, int side, int x, int width, int base, int top,
    int page)
{
	const struct box_team *t = game_view_team(c->g, side);
	const struct unit *units[UNITS_MAX];
	char alias[CS_ALIAS_MAX * 2], buf[64], names[256];
	int row = 0, y, k, nu, used;

	if (t == NULL)
		return 0;
	if (width > 64)
		width = 64;     /* keep the numbers near the names */
	ui_team_alias(c->g, side, alias, sizeof alias);
	nu = side_units(c, side, units, UNITS_MAX);
	if (AT(row)) {
		used = ui_text(w, y, x, width, ui_team_attr(c->theme, side), alias);
		ui_textf(w, y, x + used, width - used, ui_attr(c->theme, UI_C_BOLD), " units (%d)",
		    nu);
		ui_text_right(w, y, x + width - 12, 6, ui_attr(c->theme, UI_C_DIM), "MIN");
		ui_text_right(w, y, x + width - 6, 5, ui_attr(c->theme, UI_C_DIM), "+/-");
	}
	row++;
	for (k = 0; k < nu; k++, row++) {
		if (!AT(row))
			continue;
		unit_names(c, t, units[k], width - 13, names, sizeof names);
		ui_text(w, y, x, width - 13, A_NORMAL, names);
		mmss(buf, sizeof buf, units[k]->seconds);
		ui_text_right(w, y, x + width - 12, 6, A_NORMAL, buf);
		if (units[k]->plus_minus != 0)
			snprintf(buf, sizeof buf, "%+d", units[k]->plus_minus);
		else
			snprintf(buf, sizeof buf, "0");
		ui_text_right(w, y, x + width - 6, 5, units[k]->plus_minus > 0 ?
		    ui_attr(c->theme, UI_C_GOOD) : units[k]->plus_minus < 0 ?
		    ui_attr(c->theme, UI_C_MISSED) : A_NORMAL, buf);
	}
	if (nu == 0) {
		if (AT(row))
			ui_text(w, y, x, width, ui_attr(c->theme, UI_C_DIM), "no units yet");
		row++;
	}
	return row;
}

#undef AT

typedef int (*block_fn)(const struct pane_ctx *, WINDOW *, int, int, int, int, int, int);

/* One kind of block for both teams: side by side when each gets `min`
 * columns, else one under the other.  Returns the rows used. */
static int
both_teams(const struct pane_ctx *c, WINDOW *w, block_fn fn, int min, int width, int base,
    int top, int page)
{
	int cw, n1, n2;

	if (c->filter->side != CS_SIDE_NONE)
		return fn(c, w, c->filter->side, 1, width - 2, base, top, page);
	if (width >= 2 * min + 3) {
		cw = (width - 3) / 2;
		n1 = fn(c, w, CS_AWAY, 1, cw, base, top, page);
		n2 = fn(c, w, CS_HOME, cw + 3, width - cw - 4, base, top, page);
		return n1 > n2 ? n1 : n2;
	}
	n1 = fn(c, w, CS_AWAY, 1, width - 2, base, top, page);
	n2 = fn(c, w, CS_HOME, 1, width - 2, base + n1 + 1, top, page);
	return n1 + 1 + n2;
}

/* Lays out (and draws when w != NULL) the pane; returns the rows. */
static int
lineups_layout(const struct lineups *s, const struct pane_ctx *c, WINDOW *w, int h, int width)
{
	int top = s->sc.top, page = h - 1, n;

	n = both_teams(c, w, oncourt_block, ONCOURT_MIN, width, 0, top, page) + 1;
	/* units need room for five names: side by side only when wide */
	n += both_teams(c, w, units_block, UNITS_MIN, width, n, top, page);
	return n;
}

static void
lineups_draw(void *state, const struct pane_ctx *c, WINDOW *w, int h, int width)
{
	struct lineups *s = state;

	/* measure first: the units may have shrunk (a correction) */
	s->nrows = lineups_layout(s, c, NULL, h, width);
	if (s->sc.top > s->nrows - (h - 1))
		s->sc.top = s->nrows - (h - 1) > 0 ? s->nrows - (h - 1) : 0;
	lineups_layout(s, c, w, h, width);
}

static int
lineups_key(void *state, const struct pane_ctx *c, int key)
{
	struct lineups *s = state;

	return ui_scroll_key(&s->sc, key, s->nrows, c->rows - 1, true);
}

static void
lineups_title(void *state, const struct pane_ctx *c, char *buf, size_t size)
{
	(void)state;
	(void)c;
	snprintf(buf, size, "on court and five-man units");
}

static void *
lineups_init(void)
{
	return pane_state_new(sizeof(struct lineups));
}

const struct pane_ops pane_lineups_ops = {
	.name = "Lineups",
	.tab = "Lineups",
	.init = lineups_init,
	.free = pane_state_free,
	.draw = lineups_draw,
	.key = lineups_key,
	.title = lineups_title,
};
