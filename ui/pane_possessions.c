/*
 * Possessions: what ShotTracker counted of each team's possessions, per
 * team (away first): points per possession overall, in transition and in
 * the half court, with and without a paint touch, by number of passes and
 * by ball-screen type; the shot clock at each possession's last shot in
 * bands, with FG% and PPP; the model's derived possessions beside
 * ShotTracker's count with the difference (never merged); and the five-man
 * units with their PPP for and against.  Two columns side by side when
 * wide enough, else one above the other; side by side, both teams list
 * the same rows (a ball-screen type either team ran), so a row reads
 * across, and the units go under both columns when a column is too narrow
 * to name five players apart.  Follows the team filter.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/possessions.h"
#include "ui/label.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/rows.h"
#include "ui/scroll.h"
#include "ui/text.h"
#include "ui/unit_label.h"

#define COL_MIN    38    /* a team's column, numbers readable */
#define UNITS_SHOWN 8    /* per team: the most used fives */
#define BLOCK_MAX  64    /* keep the numbers near their labels */
#define UNITS_BLOCK_MAX 80  /* the units under both columns: names whole */
#define UNIT_NUMBERS 22  /* a unit row's "for PPP vs PPP" and the gap */
#define UNIT_NAMES_MIN 30  /* five players told apart (cut, never below
			      what tells teammates apart) in a column */

struct possessions_pane {
	struct ui_scroll sc;
	int nrows;
	struct ui_unit_labels labels;
};

/* What one layout pass shares: each side's summary, the ball-screen
 * types listed, the label cache. */
struct pass {
	struct cs_possession_summary s[2];   /* CS_HOME, CS_AWAY */
	unsigned screens;
	struct ui_unit_labels *labels;
};

/* Drawing context of one team's block (w == NULL: only count rows). */
struct block {
	const struct pane_ctx *c;
	WINDOW *w;
	int side, x, width, base, top, page, row;
	struct ui_unit_labels *labels;
};

/* Window row of the block's next content row, or 0 when out of view. */
static int
at(const struct block *b)
{
	int y = 1 + b->base + b->row - b->top;

	return b->w != NULL && y >= 1 && y < 1 + b->page ? y : 0;
}

/* Text right-aligned in the `width` columns that end `right` columns
 * before the block's right edge. */
static void
rcol(const struct block *b, int y, int right, int width, attr_t a, const char *text)
{
	ui_text_right(b->w, y, b->x + b->width - right - width, width, a, text);
}

static void
ppp_text(const struct cs_ppp *p, char *buf, size_t size)
{
	int v = cs_ppp_x100(p);

	if (p->count == 0)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%d.%02d", v / 100, v % 100);
}

/* "label   N  Pts   PPP", the numbers in the last 17 columns. */
static void
ppp_row(struct block *b, const char *label, const struct cs_ppp *p)
{
	char buf[16];
	int y = at(b);

	b->row++;
	if (y == 0)
		return;
	ui_text(b->w, y, b->x + 1, b->width - 18, A_NORMAL, label);
	snprintf(buf, sizeof buf, "%d", p->count);
	rcol(b, y, 12, 5, p->count ? A_NORMAL : ui_attr(b->c->theme, UI_C_DIM), buf);
	snprintf(buf, sizeof buf, "%d", p->points);
	rcol(b, y, 6, 6, A_NORMAL, buf);
	ppp_text(p, buf, sizeof buf);
	rcol(b, y, 0, 6, ui_attr(b->c->theme, UI_C_BOLD), buf);
}

static void
heading(struct block *b, const char *text, const char *cols)
{
	int y = at(b);

	b->row++;
	if (y == 0)
		return;
	ui_text(b->w, y, b->x, b->width, ui_attr(b->c->theme, UI_C_DIM), text);
	if (cols != NULL)
		ui_text_right(b->w, y, b->x, b->width, ui_attr(b->c->theme, UI_C_DIM), cols);
}

static void
team_title(struct block *b, int n)
{
	char alias[CS_ALIAS_MAX * 2];
	int y = at(b), used;

	b->row++;
	if (y == 0)
		return;
	ui_team_alias(b->c->g, b->side, alias, sizeof alias);
	used = ui_text(b->w, y, b->x, b->width, ui_team_attr(b->c->theme, b->side), alias);
	ui_textf(b->w, y, b->x + used, b->width - used, ui_attr(b->c->theme, UI_C_BOLD),
	    " %d possession%s", n, n == 1 ? "" : "s");
	ui_text_right(b->w, y, b->x, b->width, ui_attr(b->c->theme, UI_C_DIM), "N   Pts   PPP");
}

/* The ball-screen types a team ran (bit k: enum cs_screen k). */
static unsigned
screens_run(const struct cs_possession_summary *s)
{
	unsigned run = 0;
	int k;

	for (k = 0; k < CS_SCREEN_COUNT; k++)
		if (s->screens[k].count > 0)
			run |= 1u << k;
	return run;
}

/* `screens`: the ball-screen types listed (both teams' when side by side,
 * so that the rows below line up). */
static void
kinds(struct block *b, const struct cs_possession_summary *s, unsigned screens)
{
	static const char *const pass_labels[CS_PASS_BANDS] = {
		"0 passes", "1 pass", "2 passes", "3 passes", "4+ passes",
	};
	/* the vendor's names (cs_screen_name) read as words, in its order */
	static const char *const screen_labels[CS_SCREEN_COUNT] = {
		"pick and pop", "pick and roll", "P&R short roll", "screened shot",
		"handoff", "drag", "pop", "roll", "slip", "short roll", "reject",
		"re-screen", "stay", "step-up", "snake", "split", "other",
	};
	int k;

	ppp_row(b, "all", &s->all);
	ppp_row(b, "transition", &s->transition);
	ppp_row(b, "half court", &s->halfcourt);
	ppp_row(b, "paint touch", &s->paint_touch);
	ppp_row(b, "no paint touch", &s->no_paint_touch);
	for (k = 0; k < CS_PASS_BANDS; k++)
		ppp_row(b, pass_labels[k], &s->passes[k]);
	if (screens != 0)
		heading(b, "ball screens", NULL);
	for (k = 0; k < CS_SCREEN_COUNT; k++)
		if (screens & (1u << k))
			ppp_row(b, screen_labels[k], &s->screens[k]);
}

/* Shot-clock bands at the last shot: FGM-FGA, FG%, possessions, PPP
 * (columns 7, 6, 5 and 6 wide from the right edge). */
static void
shot_clock(struct block *b, const struct cs_possession_summary *s)
{
	static const char *const cols[4] = { "FG", "FG%", "N", "PPP" };
	static const int right[4] = { 17, 11, 6, 0 }, width[4] = { 7, 6, 5, 6 };
	char text[4][16];
	int k, i, y;

	y = at(b);
	heading(b, "shot clock", NULL);
	for (i = 0; y != 0 && i < 4; i++)
		rcol(b, y, right[i], width[i], ui_attr(b->c->theme, UI_C_DIM), cols[i]);
	for (k = 0; k < CS_SHOT_CLOCK_BANDS; k++) {
		const struct cs_ppp *p = &s->shot_clock[k].poss;
		int fgm = s->shot_clock[k].fgm, fga = s->shot_clock[k].fga;

		y = at(b);
		b->row++;
		if (y == 0)
			continue;
		ui_textf(b->w, y, b->x + 1, 8, A_NORMAL, "%s s", cs_shot_clock_band_name(k));
		snprintf(text[0], sizeof text[0], "%d-%d", fgm, fga);
		if (fga > 0)   /* tenths of a percent, rounded half up */
			snprintf(text[1], sizeof text[1], "%d.%d", (fgm * 2000 + fga) / (2 * fga) / 10,
			    (fgm * 2000 + fga) / (2 * fga) % 10);
		else
			snprintf(text[1], sizeof text[1], "-");
		snprintf(text[2], sizeof text[2], "%d", p->count);
		ppp_text(p, text[3], sizeof text[3]);
		for (i = 0; i < 4; i++)
			rcol(b, y, right[i], width[i], i == 3 ? ui_attr(b->c->theme, UI_C_BOLD) :
			    A_NORMAL, text[i]);
	}
}

/* Derived (box score formula) and ShotTracker's count, and their difference. */
static void
compare(struct block *b, const struct cs_possession_summary *s)
{
	const struct team_analytics *a = game_view_analytics(b->c->g, b->side, 0);
	int derived = a != NULL ? a->possessions_x100 : 0, diff = s->all.count * 100 - derived;
	int y = at(b);

	b->row++;
	if (y == 0)
		return;
	ui_textf(b->w, y, b->x + 1, b->width - 1, A_NORMAL,
	    "derived %d.%02d  ST %d  diff %s%d.%02d", derived / 100, derived % 100,
	    s->all.count, diff < 0 ? "-" : "+", (diff < 0 ? -diff : diff) / 100,
	    (diff < 0 ? -diff : diff) % 100);
}

/* The label of `u` in `width` columns: from the cache when its roster
 * (the names change with the info), players, width and glyphs are the
 * ones it was made for. */
static const char *
unit_label(const struct block *b, const struct box_team *t,
    const struct cs_possession_unit *u, int width, const char *ellipsis)
{
	struct {
		uint64_t info;
		char ids[CS_ON_COURT][CS_ID_MAX];
		int side, width, nplayers;
		bool ascii;
	} k;
	uint64_t key;
	char *text;
	bool made;

	memset(&k, 0, sizeof k);
	k.info = game_touched(b->c->g, GAME_TOUCH_INFO);
	memcpy(k.ids, u->ids, sizeof k.ids);
	k.side = b->side;
	k.width = width;
	k.nplayers = t->nplayers;   /* a teammate learned may share a surname */
	k.ascii = b->c->theme->ascii;
	key = ui_rows_hash(UI_ROWS_SEED, &k, sizeof k);
	text = ui_unit_labels_slot(b->labels, key, &made);
	if (!made)
		ui_unit_label_ids(t, u->ids, width, ellipsis, text, UI_UNIT_LABEL_MAX);
	return text;
}

/* A five's players, each told apart from his teammates (unit_label.c),
 * in `width` columns; still wider, it ends in the ellipsis, never in a
 * name cut with no mark. */
static void
unit_names(const struct block *b, int y, const struct cs_possession_unit *u, int width)
{
	const struct box_team *t = game_view_team(b->c->g, b->side);
	const char *ellipsis = b->c->theme->ascii ? "." : "\u2026", *names;
	int x = b->x + 1;

	if (t == NULL || width < 2)
		return;
	names = unit_label(b, t, u, width, ellipsis);
	if (ui_text_width(names) <= width) {
		ui_text(b->w, y, x, width, A_NORMAL, names);
		return;
	}
	x += ui_text(b->w, y, x, width - 1, A_NORMAL, names);
	ui_text(b->w, y, x, 1, A_NORMAL, ellipsis);
}

/* The units heading: "units" under the team's column, "BOS units" when
 * the units stand apart from it (`titled`). */
static void
units_heading(struct block *b, bool titled)
{
	static const char *const cols[4] = { "for", "PPP", "vs", "PPP" };
	static const int right[4] = { 17, 11, 6, 0 }, width[4] = { 4, 6, 4, 6 };
	char alias[CS_ALIAS_MAX * 2];
	int y = at(b), used = 0, k;

	heading(b, titled ? "" : "units", NULL);
	if (y == 0)
		return;
	if (titled) {
		ui_team_alias(b->c->g, b->side, alias, sizeof alias);
		used = ui_text(b->w, y, b->x, b->width, ui_team_attr(b->c->theme, b->side), alias);
		ui_text(b->w, y, b->x + used, b->width - used, ui_attr(b->c->theme, UI_C_DIM),
		    " units");
	}
	for (k = 0; k < 4; k++)
		rcol(b, y, right[k], width[k], ui_attr(b->c->theme, UI_C_DIM), cols[k]);
}

static void
units(struct block *b, bool titled)
{
	struct cs_possession_unit u[UNITS_SHOWN];
	size_t n, k;
	char f[16], a[16], num[16];
	int y, nw = b->width - UNIT_NUMBERS;

	n = cs_possessions_units(game_view_possessions(b->c->g), b->side, u, UNITS_SHOWN);
	units_heading(b, titled);
	for (k = 0; k < n && k < UNITS_SHOWN; k++) {
		y = at(b);
		b->row++;
		if (y == 0)
			continue;
		unit_names(b, y, &u[k], nw);
		ppp_text(&u[k].for_, f, sizeof f);
		ppp_text(&u[k].against, a, sizeof a);
		snprintf(num, sizeof num, "%d", u[k].for_.count);
		rcol(b, y, 17, 4, A_NORMAL, num);
		rcol(b, y, 11, 6, ui_attr(b->c->theme, UI_C_GOOD), f);
		snprintf(num, sizeof num, "%d", u[k].against.count);
		rcol(b, y, 6, 4, A_NORMAL, num);
		rcol(b, y, 0, 6, ui_attr(b->c->theme, UI_C_MISSED), a);
	}
	if (n == 0) {
		y = at(b);
		b->row++;
		if (y != 0)
			ui_text(b->w, y, b->x + 1, b->width - 1, ui_attr(b->c->theme, UI_C_DIM),
			    "no full fives");
	}
}

/* What a team's block holds: its numbers, its units, or both. */
enum block_parts { BLOCK_NUMBERS = 1, BLOCK_UNITS = 2, BLOCK_UNITS_TITLED = 4 };

/* One team's block at (x, base); returns its rows. */
static int
team_block(const struct pane_ctx *c, WINDOW *w, int side, int x, int width, int base,
    int top, int page, const struct pass *t, int parts)
{
	int cap = parts & BLOCK_UNITS_TITLED ? UNITS_BLOCK_MAX : BLOCK_MAX;
	struct block b = { c, w, side, x, width > cap ? cap : width, base, top, page, 0,
	    t->labels };

	if (parts & BLOCK_NUMBERS) {
		team_title(&b, t->s[side].all.count);
		kinds(&b, &t->s[side], t->screens);
		shot_clock(&b, &t->s[side]);
		compare(&b, &t->s[side]);
	}
	if (parts & (BLOCK_UNITS | BLOCK_UNITS_TITLED))
		units(&b, (parts & BLOCK_UNITS_TITLED) != 0);
	return b.row;
}

/* Both teams side by side, each in a column `cw` wide; the units under
 * both columns when a column cannot name five apart. */
static int
side_by_side(const struct pane_ctx *c, WINDOW *w, int width, int cw, int top, int page,
    const struct pass *t)
{
	int block = cw > BLOCK_MAX ? BLOCK_MAX : cw, parts = BLOCK_NUMBERS, n1, n2, rows;

	if (block - UNIT_NUMBERS >= UNIT_NAMES_MIN)
		parts |= BLOCK_UNITS;
	n1 = team_block(c, w, CS_AWAY, 1, cw, 0, top, page, t, parts);
	n2 = team_block(c, w, CS_HOME, cw + 3, width - cw - 4, 0, top, page, t, parts);
	rows = n1 > n2 ? n1 : n2;
	if (parts & BLOCK_UNITS)
		return rows;
	rows += team_block(c, w, CS_AWAY, 1, width - 2, rows, top, page, t, BLOCK_UNITS_TITLED);
	return rows + team_block(c, w, CS_HOME, 1, width - 2, rows, top, page, t,
	    BLOCK_UNITS_TITLED);
}

/* Both teams: side by side when each gets COL_MIN columns. */
static int
layout(struct possessions_pane *s, const struct pane_ctx *c, WINDOW *w, int h, int width)
{
	const struct cs_possessions *ps = game_view_possessions(c->g);
	int top = s->sc.top, page = h - 1, n1, side = c->filter->side;
	struct pass t;

	if (cs_possessions_count(ps) == 0) {
		if (w != NULL && top == 0)
			ui_text(w, 1, 1, width - 2, ui_attr(c->theme, UI_C_DIM),
			    "no ShotTracker possessions (other providers send none)");
		return 1;
	}
	t.labels = &s->labels;
	cs_possessions_summary(ps, CS_HOME, &t.s[CS_HOME]);
	cs_possessions_summary(ps, CS_AWAY, &t.s[CS_AWAY]);
	if (side == CS_HOME || side == CS_AWAY) {
		t.screens = screens_run(&t.s[side]);
		return team_block(c, w, side, 1, width - 2, 0, top, page, &t,
		    BLOCK_NUMBERS | BLOCK_UNITS);
	}
	t.screens = screens_run(&t.s[CS_HOME]) | screens_run(&t.s[CS_AWAY]);
	if (width >= 2 * COL_MIN + 3)
		return side_by_side(c, w, width, (width - 3) / 2, top, page, &t);
	n1 = team_block(c, w, CS_AWAY, 1, width - 2, 0, top, page, &t,
	    BLOCK_NUMBERS | BLOCK_UNITS);
	return n1 + 1 + team_block(c, w, CS_HOME, 1, width - 2, n1 + 1, top, page, &t,
	    BLOCK_NUMBERS | BLOCK_UNITS);
}

/* The last row says how many rows are below it, when there are. */
static void
more_below(const struct possessions_pane *s, const struct pane_ctx *c, WINDOW *w, int h, int width)
{
	ui_scroll_more_below(&s->sc, c->theme, w, h, width, s->nrows, c->filter->side == CS_SIDE_NONE ? ", t: one team" : "");
}

static void
possessions_draw(void *state, const struct pane_ctx *c, WINDOW *w, int h, int width)
{
	struct possessions_pane *s = state;

	s->nrows = layout(s, c, NULL, h, width);
	if (s->sc.top > s->nrows - (h - 1))
		s->sc.top = s->nrows - (h - 1) > 0 ? s->nrows - (h - 1) : 0;
	layout(s, c, w, h, width);
	more_below(s, c, w, h, width);
}

static int
possessions_key(void *state, const struct pane_ctx *c, int key)
{
	struct possessions_pane *s = state;

	return ui_scroll_key(&s->sc, key, s->nrows, c->rows - 1, true);
}

static void
possessions_title(void *state, const struct pane_ctx *c, char *buf, size_t size)
{
	(void)state;
	(void)c;
	snprintf(buf, size, "ShotTracker's own, PPP");
}

static void *
possessions_init(void)
{
	return pane_state_new(sizeof(struct possessions_pane));
}

const struct pane_ops pane_possessions_ops = {
	.name = "Possessions",
	.tab = "Poss",
	.init = possessions_init,
	.free = pane_state_free,
	.draw = possessions_draw,
	.key = possessions_key,
	.title = possessions_title,
};
