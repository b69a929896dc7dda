/*
 * The box score: the line score, then per team (away first) starters then
 * bench, the on-court marker, the stat columns, the team totals and a line
 * of FG% / 3P% / FT% with the team rebounds and turnovers.
 *
 * Columns: MIN PTS FG 3P FT OREB DREB REB AST STL BLK TOV PF +/- (MIN in
 * whole minutes; the lineups pane has the current stint).  On a
 * narrow pane the least important go first: OREB, DREB, STL, BLK, TOV,
 * FT, 3P, +/-, MIN (the name keeps at least 14 columns).
 *
 * Sorting: o picks the next column (h/l or Left/Right move either way),
 * O reverses; without a sort column the order is starters, then bench.
 * The player filter (p, P) steps through the players in this order, so
 * the box score answers those requests wherever the focus is.
 *
 * Foul trouble (the PF column and the name turn yellow; red when out):
 * the thresholds are in label.c.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ui/label.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/scroll.h"
#include "ui/text.h"

#define BOX_PLAYERS_MAX 64                       /* per team, shown */
#define BOX_ROWS_MAX (2 * BOX_PLAYERS_MAX + 24)
#define NAME_MIN 14
#define NAME_MAX_W 22
#define LEFT_W 4                                 /* marker, jersey, space */

static const struct ui_key_help box_keys[] = {
	{ "o  O", "sort by the next column / reverse the order" },
	{ "h l  Left Right", "sort by the previous / next column" },
	{ "Enter", "filter on the player (or team) under the cursor" },
	{ NULL, NULL }
};

static const struct ui_help_section box_help[] = {
	{ "Box score (1)", box_keys },
	{ NULL, NULL }
};

struct box {
	struct ui_scroll sc;
	int sort;          /* enum box_col; BOX_COL_NONE = starters, then bench */
	bool ascending;
};

static const struct box_column {
	const char *head;
	int width;
	int keep;        /* the lower, the sooner it is dropped */
} columns[BOX_COLS] = {
	[BOX_COL_MIN] = { "MIN", 3, 9 },
	[BOX_COL_PTS] = { "PTS", 3, 14 },
	[BOX_COL_FG] = { "FG", 5, 12 },
	[BOX_COL_3P] = { "3P", 5, 7 },
	[BOX_COL_FT] = { "FT", 5, 6 },
	[BOX_COL_OREB] = { "OREB", 4, 1 },
	[BOX_COL_DREB] = { "DREB", 4, 2 },
	[BOX_COL_REB] = { "REB", 3, 11 },
	[BOX_COL_AST] = { "AST", 3, 10 },
	[BOX_COL_STL] = { "STL", 3, 3 },
	[BOX_COL_BLK] = { "BLK", 3, 4 },
	[BOX_COL_TOV] = { "TOV", 3, 5 },
	[BOX_COL_PF] = { "PF", 2, 13 },
	[BOX_COL_PM] = { "+/-", 3, 8 },
};

struct colset {
	bool shown[BOX_COLS];
	int name_w;
};

static void
fit_columns(int width, struct colset *cs)
{
	int total = 0, i, drop;

	for (i = 0; i < BOX_COLS; i++) {
		cs->shown[i] = true;
		total += columns[i].width + 1;
	}
	while (LEFT_W + NAME_MIN + total > width) {
		drop = -1;
		for (i = 0; i < BOX_COLS; i++)
			if (cs->shown[i] && columns[i].keep <= 8 &&
			    (drop < 0 || columns[i].keep < columns[drop].keep))
				drop = i;
		if (drop < 0)
			break;
		cs->shown[drop] = false;
		total -= columns[drop].width + 1;
	}
	cs->name_w = width - LEFT_W - total;
	if (cs->name_w > NAME_MAX_W)
		cs->name_w = NAME_MAX_W;
	if (cs->name_w < 6)
		cs->name_w = 6;
}

static int
col_value(const struct statline *l, int col)
{
	switch (col) {
	case BOX_COL_MIN: return l->seconds;
	case BOX_COL_PTS: return l->pts;
	case BOX_COL_FG: return l->fgm * 1000 + l->fga;
	case BOX_COL_3P: return l->tpm * 1000 + l->tpa;
	case BOX_COL_FT: return l->ftm * 1000 + l->fta;
	case BOX_COL_OREB: return l->oreb;
	case BOX_COL_DREB: return l->dreb;
	case BOX_COL_REB: return l->reb;
	case BOX_COL_AST: return l->ast;
	case BOX_COL_STL: return l->stl;
	case BOX_COL_BLK: return l->blk;
	case BOX_COL_TOV: return l->tov;
	case BOX_COL_PF: return l->pf;
	case BOX_COL_PM: return l->plus_minus;
	}
	return 0;
}

/* The box-score order of a team's players (starters then bench, or
 * sorted); returns the count written to idx (at most max). */
static int
box_order(const struct box *s, const struct pane_ctx *c, int side, int *idx, int max)
{
	const struct box_team *t = game_view_team(c->g, side);
	int n = 0, i, j, k, a, b, va, vb;
	bool before;

	if (t == NULL)
		return 0;
	/* starters first, then the bench, each in roster order */
	for (i = 0; i < t->nplayers && n < max; i++)
		if (t->players[i].info.starter)
			idx[n++] = i;
	for (i = 0; i < t->nplayers && n < max; i++)
		if (!t->players[i].info.starter)
			idx[n++] = i;
	if (s->sort < 0 || s->sort >= BOX_COLS)
		return n;
	/* insertion sort: stable, and a team is a dozen players */
	for (j = 1; j < n; j++) {
		k = idx[j];
		for (i = j - 1; i >= 0; i--) {
			a = idx[i];
			b = k;
			va = col_value(&t->players[a].line, s->sort);
			vb = col_value(&t->players[b].line, s->sort);
			before = s->ascending ? vb < va : vb > va;
			if (!before)
				break;
			idx[i + 1] = idx[i];
		}
		idx[i + 1] = k;
	}
	return n;
}

enum brow_kind {
	R_LS_HEAD, R_LS_TEAM, R_BLANK, R_TEAM_HEAD, R_PLAYER, R_BENCH, R_TOTALS, R_PCT
};

struct brow {
	unsigned char kind;
	signed char side;
	short player;
};

static int
build_rows(const struct box *bs, const struct pane_ctx *c, struct brow *rows, int max)
{
	static const int both[2] = { CS_AWAY, CS_HOME };
	const struct box_team *t;
	int idx[BOX_PLAYERS_MAX], n = 0, s, nsides, side, k, np;
	bool seen_bench;

#define PUSH(k_, s_, p_) do { if (n < max) { rows[n].kind = (k_); \
	rows[n].side = (signed char)(s_); rows[n].player = (short)(p_); n++; } } while (0)

	PUSH(R_LS_HEAD, -1, -1);
	PUSH(R_LS_TEAM, CS_AWAY, -1);
	PUSH(R_LS_TEAM, CS_HOME, -1);
	nsides = c->filter->side == CS_SIDE_NONE ? 2 : 1;
	for (s = 0; s < nsides; s++) {
		side = nsides == 2 ? both[s] : c->filter->side;
		t = game_view_team(c->g, side);
		if (t == NULL)
			continue;
		PUSH(R_BLANK, -1, -1);
		PUSH(R_TEAM_HEAD, side, -1);
		np = box_order(bs, c, side, idx, BOX_PLAYERS_MAX);
		seen_bench = false;
		for (k = 0; k < np; k++) {
			if (bs->sort == BOX_COL_NONE && !seen_bench && k > 0 &&
			    !t->players[idx[k]].info.starter) {
				PUSH(R_BENCH, side, -1);
				seen_bench = true;
			}
			PUSH(R_PLAYER, side, idx[k]);
		}
		PUSH(R_TOTALS, side, -1);
		PUSH(R_PCT, side, -1);
	}
#undef PUSH
	return n;
}

static void
fmt_value(char *buf, size_t size, const struct statline *l, int col, bool totals)
{
	switch (col) {
	case BOX_COL_MIN:
		/* whole minutes, as printed box scores do: M:SS would change ten
		 * players' cells on every play */
		if (totals)
			buf[0] = '\0';
		else
			snprintf(buf, size, "%d", l->seconds / 60);
		break;
	case BOX_COL_FG: snprintf(buf, size, "%d-%d", l->fgm, l->fga); break;
	case BOX_COL_3P: snprintf(buf, size, "%d-%d", l->tpm, l->tpa); break;
	case BOX_COL_FT: snprintf(buf, size, "%d-%d", l->ftm, l->fta); break;
	case BOX_COL_PM:
		if (totals)
			buf[0] = '\0';
		else if (l->plus_minus == 0)
			snprintf(buf, size, "0");
		else
			snprintf(buf, size, "%+d", l->plus_minus);
		break;
	default:
		snprintf(buf, size, "%d", col_value(l, col));
		break;
	}
}

static bool
did_not_play(const struct box_player *p)
{
	const struct statline *l = &p->line;

	return !p->on_court && l->seconds == 0 && l->fga == 0 && l->fta == 0 &&
	    l->reb == 0 && l->pf == 0 && l->ast == 0 && l->tov == 0 && l->stl == 0 &&
	    l->blk == 0 && l->pts == 0;
}

/* Draws the stat columns of a line from x; the PF column gets pf_attr. */
static void
draw_columns(WINDOW *w, int y, int x, int width, const struct colset *cs,
    const struct statline *l, bool totals, attr_t base, attr_t pf_attr)
{
	char v[16];
	int c;

	for (c = 0; c < BOX_COLS; c++) {
		if (!cs->shown[c])
			continue;
		fmt_value(v, sizeof v, l, c, totals);
		if (x + 1 + columns[c].width > width)
			break;
		ui_text_right(w, y, x + 1, columns[c].width,
		    c == BOX_COL_PF ? pf_attr : (c == BOX_COL_PTS ? base | A_BOLD : base), v);
		x += columns[c].width + 1;
	}
}

static void
pct(char *buf, size_t size, int made, int att)
{
	if (att == 0)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%.1f%%", 100.0 * made / att);
}

static void
draw_linescore(const struct pane_ctx *c, WINDOW *w, int y, int width, const struct brow *r,
    attr_t sel)
{
	const struct box_team *h = game_view_team(c->g, CS_HOME);
	const struct box_team *a = game_view_team(c->g, CS_AWAY);
	const struct box_team *t;
	struct cs_period cur = game_view_period(c->g);
	char lab[16], alias[CS_ALIAS_MAX * 2];
	int n = cur.sequence, first, p, x;

	if (h != NULL && h->nperiods > n)
		n = h->nperiods;
	if (a != NULL && a->nperiods > n)
		n = a->nperiods;
	if (n > CS_PERIODS_MAX)
		n = CS_PERIODS_MAX;
	first = 0;
	/* the latest periods when they do not all fit */
	while (n - first > 0 && 7 + (n - first) * 4 + 5 > width)
		first++;
	x = 7;
	if (r->kind == R_LS_HEAD) {
		for (p = first; p < n; p++, x += 4)
			ui_text_right(w, y, x, 4, ui_attr(c->theme, UI_C_DIM) | sel,
			    ui_period_label(c->g, p + 1, lab, sizeof lab));
		ui_text_right(w, y, x, 5, ui_attr(c->theme, UI_C_DIM) | sel, "T");
		return;
	}
	t = r->side == CS_HOME ? h : a;
	if (t == NULL)
		return;
	ui_text(w, y, 1, 6, ui_team_attr(c->theme, r->side) | sel,
	    ui_team_alias(c->g, r->side, alias, sizeof alias));
	for (p = first; p < n; p++, x += 4) {
		if (p < t->nperiods)
			ui_textf(w, y, x, 4, sel, "%4d", t->period_points[p]);
	}
	ui_textf(w, y, x, 5, ui_attr(c->theme, UI_C_SCORE) | sel, "%5d", t->points);
}

static void
draw_row(const struct box *s, const struct pane_ctx *c, WINDOW *w, int y, int width,
    const struct brow *r, const struct colset *cs, bool selected)
{
	const struct box_team *t = r->side >= 0 ? game_view_team(c->g, r->side) : NULL;
	const struct game_rules *rules = game_rules(c->g);
	struct cs_period per = game_view_period(c->g);
	const struct box_player *p;
	char name[CS_NAME_MAX * 2], fit[CS_NAME_MAX * 2], v[160], a[32], b[32], f[32];
	attr_t sel = selected ? ui_attr(c->theme, UI_C_SELECT) : A_NORMAL;
	attr_t base = sel, pf_attr, name_attr;
	int x, col, trouble, nw;

	if (selected)
		ui_fill(w, y, 0, width, sel);
	switch (r->kind) {
	case R_LS_HEAD:
	case R_LS_TEAM:
		draw_linescore(c, w, y, width, r, sel);
		return;
	case R_BLANK:
		return;
	case R_BENCH:
		ui_text(w, y, LEFT_W, width - LEFT_W, ui_attr(c->theme, UI_C_DIM) | sel, "bench");
		return;
	default:
		break;
	}
	if (t == NULL)
		return;
	switch (r->kind) {
	case R_TEAM_HEAD:
		ui_team_alias(c->g, r->side, a, sizeof a);
		x = ui_text(w, y, 0, LEFT_W + cs->name_w, ui_team_attr(c->theme, r->side) | sel, a);
		cs_sanitize(name, t->info.name, sizeof name);
		if (name[0] != '\0')
			ui_text(w, y, x + 1, LEFT_W + cs->name_w - x - 1,
			    ui_attr(c->theme, UI_C_BOLD) | sel, name);
		x = LEFT_W + cs->name_w;
		for (col = 0; col < BOX_COLS; col++) {
			if (!cs->shown[col])
				continue;
			if (x + 1 + columns[col].width > width)
				break;
			ui_text_right(w, y, x + 1, columns[col].width,
			    ui_attr(c->theme, col == s->sort ? UI_C_MATCH : UI_C_DIM) | sel,
			    columns[col].head);
			x += columns[col].width + 1;
		}
		return;
	case R_TOTALS:
		ui_text(w, y, LEFT_W, cs->name_w, ui_attr(c->theme, UI_C_BOLD) | sel, "Totals");
		draw_columns(w, y, LEFT_W + cs->name_w, width, cs, &t->totals, true,
		    ui_attr(c->theme, UI_C_BOLD) | sel, ui_attr(c->theme, UI_C_BOLD) | sel);
		return;
	case R_PCT:
		pct(a, sizeof a, t->totals.fgm, t->totals.fga);
		pct(b, sizeof b, t->totals.tpm, t->totals.tpa);
		pct(f, sizeof f, t->totals.ftm, t->totals.fta);
		snprintf(v, sizeof v, "FG %s  3P %s  FT %s   team reb %d  team tov %d",
		    a, b, f, t->team_rebounds, t->team_turnovers);
		ui_text(w, y, LEFT_W, width - LEFT_W, ui_attr(c->theme, UI_C_DIM) | sel, v);
		return;
	case R_PLAYER:
		break;
	default:
		return;
	}
	if (r->player < 0 || r->player >= t->nplayers)
		return;
	p = &t->players[r->player];
	trouble = ui_foul_trouble(rules, &per, p->line.pf);
	pf_attr = trouble == 2 ? ui_attr(c->theme, UI_C_ALERT) :
	    trouble == 1 ? ui_attr(c->theme, UI_C_WARN) : base;
	name_attr = trouble > 0 ? pf_attr : (p->on_court ? ui_attr(c->theme, UI_C_BOLD) : A_NORMAL);
	if (p->on_court)
		ui_text(w, y, 0, 1, ui_attr(c->theme, UI_C_BOLD) | sel,
		    ui_glyph(c->theme, UI_G_ONCOURT));
	ui_textf(w, y, 1, 3, sel, "%2.2s", p->info.jersey);
	ui_player_name(p, name, sizeof name);
	nw = cs->name_w - (p->mismatch ? 2 : 0);
	ui_name_fit(name, nw, fit, sizeof fit);
	x = ui_text(w, y, LEFT_W, nw, name_attr | sel, fit);
	if (p->mismatch)
		ui_text(w, y, LEFT_W + x + 1, 1, ui_attr(c->theme, UI_C_WARN) | sel, "!");
	x = LEFT_W + cs->name_w;
	if (did_not_play(p)) {
		if (cs->shown[BOX_COL_MIN])
			ui_text_right(w, y, x + 1, columns[BOX_COL_MIN].width,
			    ui_attr(c->theme, UI_C_DIM) | sel, "DNP");
		return;
	}
	draw_columns(w, y, x, width, cs, &p->line, false, base, pf_attr | sel);
}

static void
box_draw(void *state, const struct pane_ctx *c, WINDOW *w, int h, int width)
{
	struct box *s = state;
	struct brow rows[BOX_ROWS_MAX];
	struct colset cs;
	int n, i, page = h - 1;

	fit_columns(width, &cs);
	n = build_rows(s, c, rows, BOX_ROWS_MAX);
	ui_scroll_clamp(&s->sc, n, page);
	for (i = 0; i < page && s->sc.top + i < n; i++)
		draw_row(s, c, w, 1 + i, width, &rows[s->sc.top + i], &cs,
		    c->focused && s->sc.top + i == s->sc.cursor);
}

/* p / P: the players of the filtered team (both when none), in box-score
 * order, those who played; "every player" sits between the ends. */
static bool
played(const struct box_player *p)
{
	const struct statline *l = &p->line;

	return p->on_court || l->seconds > 0 || l->fga > 0 || l->fta > 0 ||
	    l->reb > 0 || l->pf > 0 || l->ast > 0 || l->tov > 0 || l->stl > 0 ||
	    l->blk > 0;
}

#define CYCLE_MAX 96

static int
pick_player(const struct box *bs, const struct pane_ctx *c, int dir)
{
	const struct ui_filter *f = c->filter;
	int sides[2], nsides = 0, s, i, n, k, count = 0, cur = -1, next;
	int cyc_side[CYCLE_MAX], cyc_idx[CYCLE_MAX], idx[CYCLE_MAX];
	const struct box_team *t;
	bool any_played = false;

	if (f->side != CS_SIDE_NONE)
		sides[nsides++] = f->side;
	else {
		sides[nsides++] = CS_AWAY;
		sides[nsides++] = CS_HOME;
	}
	for (s = 0; s < nsides; s++) {
		t = game_view_team(c->g, sides[s]);
		for (i = 0; t != NULL && i < t->nplayers; i++)
			any_played |= played(&t->players[i]);
	}
	for (s = 0; s < nsides; s++) {
		t = game_view_team(c->g, sides[s]);
		if (t == NULL)
			continue;
		n = box_order(bs, c, sides[s], idx, CYCLE_MAX);
		for (k = 0; k < n && count < CYCLE_MAX; k++) {
			if (any_played && !played(&t->players[idx[k]]))
				continue;
			cyc_side[count] = sides[s];
			cyc_idx[count] = idx[k];
			if (f->player_side == sides[s] &&
			    strcmp(t->players[idx[k]].info.id, f->player_id) == 0)
				cur = count;
			count++;
		}
	}
	if (count == 0) {
		pane_message(c, "no players to pick");
		return UI_HANDLED | UI_REDRAW;
	}
	/* positions: -1 = every player, 0..count-1 */
	if (dir < 0)
		next = cur < 0 ? count - 1 : cur - 1;
	else
		next = cur + 1 >= count ? -1 : cur + 1;
	if (next < 0) {
		ui_filter_set_player(c->filter, CS_SIDE_NONE, NULL);
	} else {
		t = game_view_team(c->g, cyc_side[next]);
		ui_filter_set_player(c->filter, cyc_side[next], t->players[cyc_idx[next]].info.id);
	}
	return UI_HANDLED | UI_REDRAW;
}

/* Enter: the player (or the team) of the row under the cursor. */
static int
pick_row(const struct box *s, const struct pane_ctx *c, const struct brow *rows, int n)
{
	const struct box_team *t;
	const struct brow *r;

	if (s->sc.cursor < 0 || s->sc.cursor >= n)
		return UI_HANDLED;
	r = &rows[s->sc.cursor];
	if (r->kind == R_PLAYER) {
		t = game_view_team(c->g, r->side);
		if (t != NULL && r->player >= 0 && r->player < t->nplayers)
			ui_filter_set_player(c->filter, r->side, t->players[r->player].info.id);
	} else if (r->side >= 0) {
		ui_filter_set_team(c->filter, r->side);
	}
	return UI_HANDLED | UI_REDRAW;
}

static int
box_key(void *state, const struct pane_ctx *c, int key)
{
	struct box *s = state;
	struct brow rows[BOX_ROWS_MAX];
	int n, fl;

	if (key == UI_REQ_PLAYER_NEXT || key == UI_REQ_PLAYER_PREV)
		return pick_player(s, c, key == UI_REQ_PLAYER_PREV ? -1 : 1);
	n = build_rows(s, c, rows, BOX_ROWS_MAX);
	fl = ui_scroll_key(&s->sc, key, n, c->rows - 1, false);
	if (fl != UI_UNHANDLED)
		return fl;
	switch (key) {
	case 'o':
	case 'l':
	case KEY_RIGHT:
		s->sort = s->sort + 1 >= BOX_COLS ? BOX_COL_NONE : s->sort + 1;
		return UI_HANDLED | UI_REDRAW;
	case 'h':
	case KEY_LEFT:
		s->sort = s->sort <= BOX_COL_NONE ? BOX_COLS - 1 : s->sort - 1;
		return UI_HANDLED | UI_REDRAW;
	case 'O':
		s->ascending = !s->ascending;
		return UI_HANDLED | UI_REDRAW;
	case '\n':
	case '\r':
	case KEY_ENTER:
		return pick_row(s, c, rows, n);
	}
	return UI_UNHANDLED;
}

static void
box_title(void *state, const struct pane_ctx *c, char *buf, size_t size)
{
	const struct box *s = state;
	int mism = game_view_mismatch_count(c->g);
	size_t n;

	if (s->sort == BOX_COL_NONE)
		n = (size_t)snprintf(buf, size, "starters first  (o: sort)");
	else
		n = (size_t)snprintf(buf, size, "by %s %s", columns[s->sort].head,
		    ui_glyph(c->theme, s->ascending ? UI_G_UP : UI_G_DOWN));
	if (mism > 0 && n < size)
		snprintf(buf + n, size - n, "  ! %d total%s differ from the provider's",
		    mism, mism == 1 ? "" : "s");
}

static void *
box_init(void)
{
	struct box *s = pane_state_new(sizeof *s);

	if (s != NULL)
		s->sort = BOX_COL_NONE;
	return s;
}

int
pane_box_sort(const void *state, bool *ascending)
{
	const struct box *s = state;

	*ascending = s->ascending;
	return s->sort;
}

const struct pane_ops pane_box_ops = {
	.name = "Box score",
	.tab = "Box",
	.help = box_help,
	.init = box_init,
	.free = pane_state_free,
	.draw = box_draw,
	.key = box_key,
	.title = box_title,
};
