/*
 * The box score: the line score, then per team (away first) starters then
 * bench, the on-court marker, the stat columns, the team totals and a line
 * of FG% / 3P% / FT% with the team rebounds and turnovers.
 *
 * Columns: MIN PTS FG 3P FT OREB DREB REB AST STL BLK TOV PF T +/- (MIN
 * in whole minutes shared by largest remainder, so a team's column sums
 * to its total; the lineups pane has the current stint).  On a narrow
 * pane the least important go first: OREB, DREB, STL, BLK, TOV, T, FT,
 * 3P, +/- (the name keeps at least 14 columns).
 *
 * Both teams on one screen (product.md §4): when they do not fit, the
 * percentages, the line score and the bench labels give way, then each
 * team keeps as many players as fit, the top scorer and the five on
 * court first, and a "more" row counts the others.  T shows one team
 * whole (scrolling, the title saying how many rows are below), then the
 * other, then both again.  Once the game is over the players who never
 * played fold into one "DNP:" line; before, they read "-".
 *
 * Sorting: o picks the next column (h/l or Left/Right move either way),
 * O reverses; without a sort column the order is starters, then bench.
 * The player filter (p, P) steps through the players in this order, so
 * the box score answers those requests wherever the focus is.
 *
 * Fouls: the PF count with its trouble mark and colour, T, and FO / EJ by
 * the name; the rule is in label.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/label.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/rows.h"
#include "ui/scroll.h"
#include "ui/text.h"

#define BOX_PLAYERS_MAX 64                       /* per team, shown */
#define BOX_ROWS_MAX (2 * BOX_PLAYERS_MAX + 24)
#define NAME_MIN 14
#define NAME_MAX_W 22
#define LEFT_W 4                                 /* marker, jersey, space */
#define FIGURES_ROWS 128                         /* window rows whose figures are kept */
#define FIGURE_MAX 16

static const struct ui_key_help box_keys[] = {
	{ "T", "both teams / one team whole (each in turn)" },
	{ "o  O", "sort by the next column / reverse the order" },
	{ "h l  Left Right", "sort by the previous / next column" },
	{ "Enter", "filter on the player (or team) under the cursor" },
	{ NULL, NULL }
};

static const struct ui_help_section box_help[] = {
	{ "Box score (1)", box_keys },
	{ NULL, NULL }
};

/* What T shows: both teams, or one of them whole. */
enum box_view { VIEW_BOTH = 0, VIEW_AWAY, VIEW_HOME };

struct brow;

/* What a player's or a team's totals row shows in its stat columns, and
 * what the rest of it was drawn from: a play that changes only figures
 * (a +/-, the points) redraws those cells, not the row. */
struct row_figures {
	uint64_t frame;    /* the row's key without its figures (frame_key); 0 unknown */
	char v[BOX_COLS][FIGURE_MAX];
	bool only;         /* this draw: the row holds its last drawing, figures aside */
};

struct box {
	struct ui_scroll sc;
	int sort;          /* enum box_col; BOX_COL_NONE = starters, then bench */
	bool ascending;
	int view;          /* enum box_view */
	struct ui_rows drawn;   /* what each row shows (rows.h) */
	struct brow *built;     /* build_rows' last answer (box_rows) */
	int nbuilt;
	uint64_t built_key;     /* what it was built from; 0: none */
	struct row_figures figures[FIGURES_ROWS];   /* by window row */
	unsigned long moves;    /* drawn.moves when they were last kept */
	unsigned long figure_rows;   /* rows whose figures alone were drawn (the tests read it) */
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
	[BOX_COL_PF] = { "PF", 3, 13 },   /* "5!!": the count and the trouble mark */
	[BOX_COL_T] = { "T", 1, 5 },
	[BOX_COL_PM] = { "+/-", 3, 8 },
};

struct colset {
	bool shown[BOX_COLS];
	int width[BOX_COLS];   /* columns[].width, or what the totals need */
	int name_w;
};

static void
fit_columns(int width, struct colset *cs)
{
	int total = 0, i, drop;

	for (i = 0; i < BOX_COLS; i++) {
		cs->shown[i] = true;
		total += cs->width[i] + 1;
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
		total -= cs->width[drop] + 1;
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
	case BOX_COL_T: return l->tf;
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
	R_LS_HEAD, R_LS_TEAM, R_BLANK, R_TEAM_HEAD, R_PLAYER, R_BENCH, R_DNP, R_MORE,
	R_TOTALS, R_PCT
};

struct brow {
	unsigned char kind;
	signed char side;
	short player;      /* R_PLAYER: the index; R_MORE: how many are hidden */
};

/* Has not played: no time and no statistic. */
static bool
did_not_play(const struct box_player *p)
{
	const struct statline *l = &p->line;

	return !p->on_court && l->seconds == 0 && l->fga == 0 && l->fta == 0 &&
	    l->reb == 0 && l->pf == 0 && l->ast == 0 && l->tov == 0 && l->stl == 0 &&
	    l->blk == 0 && l->pts == 0;
}

static bool
game_over(const struct pane_ctx *c)
{
	char buf[32];

	return game_view_final_text(c->g, buf, sizeof buf)[0] != '\0';
}

/* One team's part of the pane: the player rows in box order, the players
 * folded into the DNP line (only once the game is over: before that a
 * bench player may still come in), and how many rows a cap hid. */
struct section {
	int side;
	int idx[BOX_PLAYERS_MAX], n;
	int dnp[BOX_PLAYERS_MAX], ndnp;
	int hidden;
};

static void
section_fill(const struct box *bs, const struct pane_ctx *c, int side, struct section *sec)
{
	const struct box_team *t = game_view_team(c->g, side);
	int order[BOX_PLAYERS_MAX], n, k;
	bool over = game_over(c);

	memset(sec, 0, sizeof *sec);
	sec->side = side;
	n = box_order(bs, c, side, order, BOX_PLAYERS_MAX);
	for (k = 0; k < n; k++) {
		if (over && did_not_play(&t->players[order[k]]))
			sec->dnp[sec->ndnp++] = order[k];
		else
			sec->idx[sec->n++] = order[k];
	}
}

/* Whether player a stays before player b when rows are short: the top
 * scorer, then the five on court, then points, then minutes. */
static bool
stays_before(const struct box_team *t, int a, int b, int top)
{
	const struct box_player *p = &t->players[a], *q = &t->players[b];

	if ((a == top) != (b == top))
		return a == top;
	if (p->on_court != q->on_court)
		return p->on_court;
	if (p->line.pts != q->line.pts)
		return p->line.pts > q->line.pts;
	return p->line.seconds > q->line.seconds;
}

/* Keeps `k` of a team's player rows (sorted: the top of the order), in
 * their order; the others count as hidden. */
static void
section_cap(const struct box *bs, const struct box_team *t, struct section *sec, int k)
{
	bool keep[BOX_PLAYERS_MAX] = { false };
	int i, j, best, kept = 0, top = -1;

	if (k >= sec->n)
		return;
	for (i = 0; i < sec->n; i++)
		if (t->players[sec->idx[i]].line.pts > 0 && (top < 0 ||
		    t->players[sec->idx[i]].line.pts > t->players[top].line.pts))
			top = sec->idx[i];
	for (j = 0; j < k; j++) {
		best = -1;
		for (i = 0; i < sec->n; i++)
			if (!keep[i] && (best < 0 || (bs->sort == BOX_COL_NONE &&
			    stays_before(t, sec->idx[i], sec->idx[best], top))))
				best = i;
		if (best < 0)
			break;
		keep[best] = true;
	}
	for (i = 0; i < sec->n; i++)
		if (keep[i])
			sec->idx[kept++] = sec->idx[i];
	sec->hidden += sec->n - kept;
	sec->n = kept;
}

/* What the pane shows around the players. */
struct shape {
	bool linescore, pct, bench;
};

static int
section_height(const struct box *bs, const struct box_team *t, const struct section *sec,
    const struct shape *sh)
{
	int h = 2 + sec->n + (sec->ndnp > 0) + (sec->hidden > 0) + sh->pct, i;

	if (sh->bench && bs->sort == BOX_COL_NONE)
		for (i = 1; i < sec->n; i++)
			if (!t->players[sec->idx[i]].info.starter) {
				h++;
				break;
			}
	return h;
}

static int
height(const struct box *bs, const struct pane_ctx *c, const struct section *sec, int nsec,
    const struct shape *sh)
{
	int h = sh->linescore ? 3 : 0, s;

	for (s = 0; s < nsec; s++)
		h += (s > 0 || sh->linescore) + section_height(bs, game_view_team(c->g,
		    sec[s].side), &sec[s], sh);
	return h;
}

/* Fits both teams into `rows`: drops the percentages, the line score and
 * the bench labels, then caps each team's players (a "more" row says how
 * many are hidden; the DNP line goes into it when rows are short).
 * Returns false when a team would keep fewer than three players. */
static bool
fit_both(const struct box *bs, const struct pane_ctx *c, struct section sec[2],
    struct shape *sh, int rows)
{
	int budget, share[2], need[2], s, k;

	sh->linescore = sh->pct = sh->bench = true;
	if (height(bs, c, sec, 2, sh) <= rows)
		return true;
	sh->pct = false;
	if (height(bs, c, sec, 2, sh) <= rows)
		return true;
	sh->linescore = false;
	if (height(bs, c, sec, 2, sh) <= rows)
		return true;
	sh->bench = false;
	if (height(bs, c, sec, 2, sh) <= rows)
		return true;
	/* head and totals each, the blank between: the rest is players */
	budget = rows - 5;
	for (s = 0; s < 2; s++)
		need[s] = sec[s].n + (sec[s].ndnp > 0);
	share[0] = (budget + 1) / 2;
	share[1] = budget / 2;
	for (s = 0; s < 2; s++)
		if (need[s] < share[s]) {
			share[1 - s] += share[s] - need[s];
			share[s] = need[s];
		}
	for (s = 0; s < 2; s++) {
		if (need[s] <= share[s])
			continue;
		k = share[s] - 1 - (sec[s].ndnp > 0);
		if (k < 5 && sec[s].ndnp > 0) {
			/* the players who did play first */
			sec[s].hidden += sec[s].ndnp;
			sec[s].ndnp = 0;
			k = share[s] - 1;
		}
		if (k < 3)
			return false;
		section_cap(bs, game_view_team(c->g, sec[s].side), &sec[s], k);
	}
	return true;
}

/* The team shown alone: T's choice, the team filter's, or the away team
 * when both do not fit. */
static int
lone_side(const struct box *bs, const struct pane_ctx *c)
{
	if (c->filter->side != CS_SIDE_NONE)
		return c->filter->side;
	if (bs->view == VIEW_HOME)
		return CS_HOME;
	if (bs->view == VIEW_AWAY)
		return CS_AWAY;
	return CS_SIDE_NONE;
}

static int
build_rows(const struct box *bs, const struct pane_ctx *c, struct brow *rows, int max,
    int page)
{
	struct section sec[2];
	struct shape sh = { true, true, true };
	const struct box_team *t;
	int n = 0, s, nsec = 2, k, side = lone_side(bs, c);
	bool seen_bench;

#define PUSH(k_, s_, p_) do { if (n < max) { rows[n].kind = (k_); \
	rows[n].side = (signed char)(s_); rows[n].player = (short)(p_); n++; } } while (0)

	section_fill(bs, c, CS_AWAY, &sec[0]);
	section_fill(bs, c, CS_HOME, &sec[1]);
	if (side == CS_SIDE_NONE && !fit_both(bs, c, sec, &sh, page))
		side = CS_AWAY;
	if (side != CS_SIDE_NONE) {
		/* one team whole: the line score and percentages give way to
		 * its players and totals when short; below that, it scrolls */
		section_fill(bs, c, side, &sec[0]);
		nsec = 1;
		sh.linescore = sh.pct = sh.bench = true;
		if (height(bs, c, sec, 1, &sh) > page)
			sh.pct = false;
		if (height(bs, c, sec, 1, &sh) > page)
			sh.linescore = false;
	}
	if (sh.linescore) {
		PUSH(R_LS_HEAD, -1, -1);
		PUSH(R_LS_TEAM, CS_AWAY, -1);
		PUSH(R_LS_TEAM, CS_HOME, -1);
	}
	for (s = 0; s < nsec; s++) {
		t = game_view_team(c->g, sec[s].side);
		if (t == NULL)
			continue;
		if (s > 0 || sh.linescore)
			PUSH(R_BLANK, -1, -1);
		PUSH(R_TEAM_HEAD, sec[s].side, -1);
		seen_bench = false;
		for (k = 0; k < sec[s].n; k++) {
			if (sh.bench && bs->sort == BOX_COL_NONE && !seen_bench && k > 0 &&
			    !t->players[sec[s].idx[k]].info.starter) {
				PUSH(R_BENCH, sec[s].side, -1);
				seen_bench = true;
			}
			PUSH(R_PLAYER, sec[s].side, sec[s].idx[k]);
		}
		if (sec[s].ndnp > 0)
			PUSH(R_DNP, sec[s].side, -1);
		if (sec[s].hidden > 0)
			PUSH(R_MORE, sec[s].side, sec[s].hidden);
		PUSH(R_TOTALS, sec[s].side, -1);
		if (sh.pct)
			PUSH(R_PCT, sec[s].side, -1);
	}
#undef PUSH
	return n;
}

/* build_rows for the draw, the title and the keys of one frame: built
 * once while nothing it reads moved (the model, the filter's team, the
 * sort, the view, the height). */
static int
box_rows(struct box *bs, const struct pane_ctx *c, struct brow *rows, int page)
{
	struct {
		uint64_t gen;
		int side, sort, view, page;
		bool ascending;
	} k;
	uint64_t key;

	if (bs->built == NULL)
		return build_rows(bs, c, rows, BOX_ROWS_MAX, page);
	memset(&k, 0, sizeof k);
	k.gen = game_touched(c->g, GAME_TOUCH_ALL);
	k.side = c->filter->side;
	k.sort = bs->sort;
	k.view = bs->view;
	k.page = page;
	k.ascending = bs->ascending;
	key = ui_rows_hash(UI_ROWS_SEED, &k, sizeof k);
	if (bs->built_key != key) {
		bs->nbuilt = build_rows(bs, c, bs->built, BOX_ROWS_MAX, page);
		bs->built_key = key;
	}
	memcpy(rows, bs->built, (size_t)bs->nbuilt * sizeof *rows);
	return bs->nbuilt;
}

/* What a frame of the pane shares between its rows: the columns, and
 * each team's MIN column in whole minutes that add up. */
struct frame {
	struct colset cs;
	int minutes[2][BOX_PLAYERS_MAX];
	int total_minutes[2];
};

static void
frame_minutes(const struct pane_ctx *c, struct frame *f)
{
	int secs[BOX_PLAYERS_MAX], side, i, n;
	const struct box_team *t;

	for (side = 0; side < 2; side++) {
		t = game_view_team(c->g, side);
		n = t == NULL ? 0 : t->nplayers < BOX_PLAYERS_MAX ? t->nplayers : BOX_PLAYERS_MAX;
		for (i = 0; i < n; i++)
			secs[i] = t->players[i].line.seconds;
		ui_minutes_shares(secs, n, f->minutes[side]);
		f->total_minutes[side] = 0;
		for (i = 0; i < n; i++)
			f->total_minutes[side] += f->minutes[side][i];
	}
}

/* What a row's cells need beyond its line: the MIN share (not seconds /
 * 60) and the foul-trouble mark after the PF count. */
struct cells {
	int minutes;
	const char *pf_mark;
	attr_t t_attr;         /* the T count: yellow at one, red at two */
};

/* "12", "-3", "+7" (plus: a sign on positives) at buf[o]; the new end.
 * A box cell's numbers, without snprintf: a redrawn row has fifteen. */
static size_t
put_int(char *buf, size_t size, size_t o, int v, bool plus)
{
	char d[12];
	unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
	int n = 0;

	do {
		d[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0 && n < (int)sizeof d);
	if (v < 0 || (plus && v > 0))
		d[n++] = v < 0 ? '-' : '+';
	while (n > 0 && o + 1 < size)
		buf[o++] = d[--n];
	buf[o] = '\0';
	return o;
}

/* "4-9": made and attempted */
static void
put_pair(char *buf, size_t size, int made, int att)
{
	size_t o = put_int(buf, size, 0, made, false);

	if (o + 1 < size) {
		buf[o++] = '-';
		buf[o] = '\0';
	}
	put_int(buf, size, o, att, false);
}

static void
fmt_value(char *buf, size_t size, const struct statline *l, int col, bool totals,
    const struct cells *x)
{
	size_t o;

	switch (col) {
	case BOX_COL_MIN:
		/* whole minutes, as printed box scores do (M:SS would change ten
		 * players' cells on every play), shared so the column adds up */
		put_int(buf, size, 0, x->minutes, false);
		break;
	case BOX_COL_PF:   /* "5!!": the count and the trouble mark */
		o = put_int(buf, size, 0, l->pf, false);
		cs_strlcpy(buf + o, x->pf_mark, size - o);
		break;
	case BOX_COL_FG: put_pair(buf, size, l->fgm, l->fga); break;
	case BOX_COL_3P: put_pair(buf, size, l->tpm, l->tpa); break;
	case BOX_COL_FT: put_pair(buf, size, l->ftm, l->fta); break;
	case BOX_COL_PM:
		if (totals)
			buf[0] = '\0';
		else
			put_int(buf, size, 0, l->plus_minus, true);
		break;
	default:
		put_int(buf, size, 0, col_value(l, col), false);
		break;
	}
}

/* Each column's width: its own, or wider where a team's totals need it
 * ("45-104" after a night of overtimes); a player's cells never need
 * more than his team's. */
static void
column_widths(const struct pane_ctx *c, struct frame *f)
{
	struct cells x = { 0, "", A_NORMAL };
	const struct box_team *t;
	char v[16];
	int col, side, len;

	for (col = 0; col < BOX_COLS; col++)
		f->cs.width[col] = columns[col].width;
	for (side = 0; side < 2; side++) {
		if ((t = game_view_team(c->g, side)) == NULL)
			continue;
		x.minutes = f->total_minutes[side];
		for (col = 0; col < BOX_COLS; col++) {
			fmt_value(v, sizeof v, &t->totals, col, true, &x);
			len = (int)strlen(v);
			if (len > f->cs.width[col])
				f->cs.width[col] = len;
		}
	}
}

/* Draws the stat columns of a line from x; the PF column gets pf_attr.
 * With `fig`, what each column shows is kept there; with fig->only, the
 * row holds its last drawing and only the columns that changed are
 * blanked (in `fill`, the row's own) and drawn again. */
static void
draw_columns(WINDOW *w, int y, int x, int width, const struct colset *cs,
    const struct statline *l, bool totals, const struct cells *cells, attr_t base,
    attr_t pf_attr, attr_t fill, struct row_figures *fig)
{
	char v[FIGURE_MAX];
	int c;

	for (c = 0; c < BOX_COLS; c++) {
		if (!cs->shown[c])
			continue;
		fmt_value(v, sizeof v, l, c, totals, cells);
		if (x + 1 + cs->width[c] > width)
			break;
		if (fig != NULL && fig->only && strcmp(fig->v[c], v) == 0) {
			x += cs->width[c] + 1;
			continue;
		}
		if (fig != NULL && fig->only)
			ui_fill(w, y, x + 1, cs->width[c], fill);
		ui_text_right(w, y, x + 1, cs->width[c],
		    c == BOX_COL_PF ? pf_attr : c == BOX_COL_T ? base | cells->t_attr :
		    (c == BOX_COL_PTS ? base | A_BOLD : base), v);
		if (fig != NULL)
			memcpy(fig->v[c], v, sizeof v);
		x += cs->width[c] + 1;
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
	int n = cur.sequence, first, p, x, cw;

	if (h != NULL && h->nperiods > n)
		n = h->nperiods;
	if (a != NULL && a->nperiods > n)
		n = a->nperiods;
	if (n > CS_PERIODS_MAX)
		n = CS_PERIODS_MAX;
	/* a column a blank wider than the longest label (OT10 needs 5) */
	cw = n > 0 ? (int)strlen(ui_period_label(c->g, n, lab, sizeof lab)) + 1 : 4;
	if (cw < 4)
		cw = 4;
	first = 0;
	/* the latest periods when they do not all fit */
	while (n - first > 0 && 7 + (n - first) * cw + 5 > width)
		first++;
	x = 7;
	if (r->kind == R_LS_HEAD) {
		for (p = first; p < n; p++, x += cw)
			ui_text_right(w, y, x, cw, ui_attr(c->theme, UI_C_DIM) | sel,
			    ui_period_label(c->g, p + 1, lab, sizeof lab));
		ui_text_right(w, y, x, 5, ui_attr(c->theme, UI_C_DIM) | sel, "T");
		return;
	}
	t = r->side == CS_HOME ? h : a;
	if (t == NULL)
		return;
	ui_text(w, y, 1, 6, ui_team_attr(c->theme, r->side) | sel,
	    ui_team_alias(c->g, r->side, alias, sizeof alias));
	for (p = first; p < n; p++, x += cw) {
		if (p < t->nperiods)
			ui_textf(w, y, x, cw, sel, "%*d", cw, t->period_points[p]);
	}
	ui_textf(w, y, x, 5, ui_attr(c->theme, UI_C_SCORE) | sel, "%5d", t->points);
}

static void
draw_team_head(const struct box *s, const struct pane_ctx *c, WINDOW *w, int y, int width,
    const struct brow *r, const struct colset *cs, attr_t sel)
{
	const struct box_team *t = game_view_team(c->g, r->side);
	char name[CS_NAME_MAX * 2], a[32];
	int x, col;

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
		if (x + 1 + cs->width[col] > width)
			break;
		ui_text_right(w, y, x + 1, cs->width[col],
		    ui_attr(c->theme, col == s->sort ? UI_C_MATCH : UI_C_DIM) | sel,
		    columns[col].head);
		x += cs->width[col] + 1;
	}
}

/* "DNP: A.Smith, B.Jones, +2": every name that fits, then how many not. */
static void
draw_dnp(const struct pane_ctx *c, WINDOW *w, int y, int width, const struct brow *r,
    attr_t sel)
{
	struct section sec;
	const struct box_team *t = game_view_team(c->g, r->side);
	char line[512], name[CS_NAME_MAX * 2], rest[16];
	size_t n;
	int k;
	static const struct box none = { .sort = BOX_COL_NONE };

	section_fill(&none, c, r->side, &sec);
	n = (size_t)snprintf(line, sizeof line, "DNP:");
	for (k = 0; k < sec.ndnp; k++) {
		ui_player_label(t, sec.dnp[k], 0, c->theme->ascii, name, sizeof name);
		snprintf(rest, sizeof rest, ", +%d", sec.ndnp - k);
		if (ui_text_width(line) + 1 + ui_text_width(name) + 1 +
		    (k + 1 < sec.ndnp ? (int)strlen(rest) : 0) > width - LEFT_W) {
			snprintf(line + n, sizeof line - n, "%s+%d", k > 0 ? ", " : " ",
			    sec.ndnp - k);
			break;
		}
		n += (size_t)snprintf(line + n, sizeof line - n, "%s%s", k > 0 ? ", " : " ", name);
		if (n >= sizeof line)
			break;
	}
	ui_text(w, y, LEFT_W, width - LEFT_W, ui_attr(c->theme, UI_C_DIM) | sel, line);
}

static void
draw_team_rows(const struct box *s, const struct pane_ctx *c, WINDOW *w, int y, int width,
    const struct brow *r, const struct frame *f, attr_t sel, struct row_figures *fig)
{
	const struct box_team *t = game_view_team(c->g, r->side);
	struct cells cells = { 0, "", A_NORMAL };
	char v[160], a[32], b[32], ft[32];

	switch (r->kind) {
	case R_TEAM_HEAD:
		draw_team_head(s, c, w, y, width, r, &f->cs, sel);
		break;
	case R_DNP:
		draw_dnp(c, w, y, width, r, sel);
		break;
	case R_MORE:
		ui_team_alias(c->g, r->side, a, sizeof a);
		snprintf(v, sizeof v, "%s %d more  (T: all of %s)",
		    ui_glyph(c->theme, UI_G_DOWN), r->player, a);
		ui_text(w, y, LEFT_W, width - LEFT_W, ui_attr(c->theme, UI_C_DIM) | sel, v);
		break;
	case R_TOTALS:
		if (fig == NULL || !fig->only)
			ui_text(w, y, LEFT_W, f->cs.name_w, ui_attr(c->theme, UI_C_BOLD) | sel,
			    "Totals");
		cells.minutes = f->total_minutes[r->side];
		draw_columns(w, y, LEFT_W + f->cs.name_w, width, &f->cs, &t->totals, true,
		    &cells, ui_attr(c->theme, UI_C_BOLD) | sel, ui_attr(c->theme, UI_C_BOLD) | sel,
		    sel, fig);
		break;
	case R_PCT:
		pct(a, sizeof a, t->totals.fgm, t->totals.fga);
		pct(b, sizeof b, t->totals.tpm, t->totals.tpa);
		pct(ft, sizeof ft, t->totals.ftm, t->totals.fta);
		snprintf(v, sizeof v, "FG %s  3P %s  FT %s   team reb %d  team tov %d",
		    a, b, ft, t->team_rebounds, t->team_turnovers);
		ui_text(w, y, LEFT_W, width - LEFT_W, ui_attr(c->theme, UI_C_DIM) | sel, v);
		break;
	default:
		break;
	}
}

/* A player's marker, jersey and name, with FO / EJ and a mismatch's "!". */
static void
draw_name(const struct pane_ctx *c, WINDOW *w, int y, const struct brow *r,
    const struct frame *f, const char *status, attr_t name_attr, attr_t sel)
{
	const struct box_team *t = game_view_team(c->g, r->side);
	const struct box_player *p = &t->players[r->player];
	char fit[CS_NAME_MAX * 2];
	int x, nw;

	if (p->on_court)
		ui_text(w, y, 0, 1, ui_attr(c->theme, UI_C_BOLD) | sel,
		    ui_glyph(c->theme, UI_G_ONCOURT));
	ui_textf(w, y, 1, 3, sel, "%2.2s", p->info.jersey);
	/* room after the name for "!" (a mismatch) and " FO" / " EJ" */
	nw = f->cs.name_w - (p->mismatch ? 2 : 0) - (status[0] != '\0' ? 3 : 0);
	ui_player_label(t, r->player, nw, c->theme->ascii, fit, sizeof fit);
	x = LEFT_W + ui_text(w, y, LEFT_W, nw, name_attr | sel, fit);
	if (status[0] != '\0')
		x += 1 + ui_text(w, y, x + 1, 2, ui_attr(c->theme, UI_C_ALERT) | A_BOLD | sel,
		    status);
	if (p->mismatch)
		ui_text(w, y, x + 1, 1, ui_attr(c->theme, UI_C_WARN) | sel, "!");
}

static void
draw_player(const struct pane_ctx *c, WINDOW *w, int y, int width, const struct brow *r,
    const struct frame *f, attr_t sel, struct row_figures *fig)
{
	static const char *const marks[] = { "", "!", "!!", "" };
	const struct box_team *t = game_view_team(c->g, r->side);
	const struct game_rules *rules = game_rules(c->g);
	struct cs_period per = game_view_period(c->g);
	const struct box_player *p;
	struct cells cells;
	const char *status;
	attr_t pf_attr, name_attr;
	enum ui_fouls level;
	int x;

	if (r->player < 0 || r->player >= t->nplayers)
		return;
	p = &t->players[r->player];
	level = ui_foul_level(rules, &per, p->line.pf);
	status = ui_foul_status(rules, &p->line);
	pf_attr = level >= UI_FOULS_DANGER ? ui_attr(c->theme, UI_C_ALERT) :
	    level == UI_FOULS_TROUBLE ? ui_attr(c->theme, UI_C_WARN) : sel;
	name_attr = status[0] != '\0' ? ui_attr(c->theme, UI_C_ALERT) : level > UI_FOULS_OK ?
	    pf_attr : (p->on_court ? ui_attr(c->theme, UI_C_BOLD) : A_NORMAL);
	if (fig == NULL || !fig->only)
		draw_name(c, w, y, r, f, status, name_attr, sel);
	x = LEFT_W + f->cs.name_w;
	if (did_not_play(p)) {
		/* not in yet (the game goes on): a dash, not "DNP" */
		if (f->cs.shown[BOX_COL_MIN])
			ui_text_right(w, y, x + 1, f->cs.width[BOX_COL_MIN],
			    ui_attr(c->theme, UI_C_DIM) | sel, "-");
		return;
	}
	cells.minutes = r->player < BOX_PLAYERS_MAX ? f->minutes[r->side][r->player] : 0;
	cells.pf_mark = marks[level];
	cells.t_attr = p->line.tf >= 2 ? ui_attr(c->theme, UI_C_ALERT) :
	    p->line.tf == 1 ? ui_attr(c->theme, UI_C_WARN) : A_NORMAL;
	draw_columns(w, y, x, width, &f->cs, &p->line, false, &cells, sel, pf_attr | sel, sel,
	    fig);
}

static void
draw_row(const struct box *s, const struct pane_ctx *c, WINDOW *w, int y, int width,
    const struct brow *r, const struct frame *f, bool selected, struct row_figures *fig)
{
	attr_t sel = selected ? ui_attr(c->theme, UI_C_SELECT) : A_NORMAL;

	if (selected && (fig == NULL || !fig->only))
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
	if (r->side < 0 || game_view_team(c->g, r->side) == NULL)
		return;
	if (r->kind == R_PLAYER)
		draw_player(c, w, y, width, r, f, sel, fig);
	else
		draw_team_rows(s, c, w, y, width, r, f, sel, fig);
}

/* ---- which rows changed (rows.h) ---- */

/* What every row depends on beyond its own data: the rosters and rules
 * (names, foul trouble), the columns.  Not the period: a player's row
 * takes its foul level (player_key), the line score the period under way
 * (row_key), so that a period's start redraws only what it changes. */
static uint64_t
base_key(const struct pane_ctx *c, const struct frame *f, int width)
{
	struct {
		uint64_t info;
		int width, nplayers[2];
		bool over;
	} b;
	const struct box_team *t;
	int s;

	memset(&b, 0, sizeof b);
	b.info = game_touched(c->g, GAME_TOUCH_INFO);
	b.width = width;
	b.over = game_over(c);
	for (s = 0; s < 2; s++) {
		t = game_view_team(c->g, s);
		b.nplayers[s] = t != NULL ? t->nplayers : -1;
	}
	return ui_rows_hash(ui_rows_hash(UI_ROWS_SEED, &b, sizeof b), &f->cs, sizeof f->cs);
}

/* A team's line as its rows show it: the MIN column is the share, not
 * the seconds that run on with every play. */
static uint64_t
line_key(uint64_t h, const struct statline *l, int minutes)
{
	struct statline shown = *l;

	shown.seconds = minutes;
	return ui_rows_hash(h, &shown, sizeof shown);
}

/* A team's line score row: its points by period. */
static uint64_t
team_key(uint64_t h, const struct box_team *t)
{
	h = ui_rows_hash(h, &t->points, sizeof t->points);
	h = ui_rows_hash(h, &t->nperiods, sizeof t->nperiods);
	return ui_rows_hash(h, t->period_points, sizeof t->period_points);
}

/* A team's totals row: not its points by period, which a new period's
 * column changes. */
static uint64_t
totals_key(uint64_t h, const struct box_team *t, int minutes)
{
	return line_key(h, &t->totals, minutes);
}

/* Its percentages row: the shooting and the team rebounds and turnovers,
 * not the rest of its line (the other team's basket moves its +/-). */
static uint64_t
pct_key(uint64_t h, const struct box_team *t)
{
	const struct statline *l = &t->totals;
	int v[8] = { l->fgm, l->fga, l->tpm, l->tpa, l->ftm, l->fta, t->team_rebounds,
		t->team_turnovers };

	return ui_rows_hash(h, v, sizeof v);
}

static uint64_t
player_key(const struct pane_ctx *c, uint64_t h, const struct box_team *t,
    const struct brow *r, const struct frame *f)
{
	struct cs_period per = game_view_period(c->g);
	struct box_player p;
	int i[2];

	if (r->player < 0 || r->player >= t->nplayers)
		return h;
	memcpy(&p, &t->players[r->player], sizeof p);   /* padding and all */
	p.line.seconds = p.line.seconds > 0;   /* played or not: the dash */
	h = ui_rows_hash(h, &p, sizeof p);
	i[0] = r->player < BOX_PLAYERS_MAX ? f->minutes[r->side][r->player] : 0;
	/* the period counts for the fouls only through their level */
	i[1] = (int)ui_foul_level(game_rules(c->g), &per, p.line.pf);
	return ui_rows_hash(h, i, sizeof i);
}

static uint64_t
row_key(const struct pane_ctx *c, uint64_t base, const struct brow *r, const struct frame *f,
    bool selected)
{
	const struct box_team *t;
	uint64_t h = ui_rows_hash(base, r, sizeof *r);
	int s, i;

	h = ui_rows_hash(h, &selected, sizeof selected);
	if (r->kind == R_LS_HEAD || r->kind == R_LS_TEAM) {
		s = game_view_period(c->g).sequence;   /* its columns */
		h = ui_rows_hash(h, &s, sizeof s);
		for (s = 0; s < 2; s++)
			if ((t = game_view_team(c->g, s)) != NULL)
				h = team_key(h, t);
		return h;
	}
	t = r->side >= 0 ? game_view_team(c->g, r->side) : NULL;
	if (t == NULL)
		return h;
	switch (r->kind) {
	case R_PLAYER:
		return player_key(c, h, t, r, f);
	case R_TOTALS:
		return totals_key(h, t, f->total_minutes[r->side]);
	case R_PCT:
		return pct_key(h, t);
	case R_DNP:
		/* rare: once the game is over; who played decides the list */
		for (i = 0; i < t->nplayers; i++)
			h = line_key(h, &t->players[i].line, t->players[i].line.seconds > 0);
		return h;
	default:
		return h;
	}
}

/* What a player's or the totals' row shows beyond its figures (0: a row
 * drawn whole whenever its key moves): the names, marks and colours
 * around them, so that a row whose frame is the one drawn redraws its
 * figures alone (struct row_figures). */
static uint64_t
frame_key(const struct pane_ctx *c, uint64_t base, const struct brow *r, bool selected)
{
	const struct box_team *t = r->side >= 0 ? game_view_team(c->g, r->side) : NULL;
	const struct game_rules *rules = game_rules(c->g);
	struct cs_period per = game_view_period(c->g);
	const struct box_player *p;
	struct {
		int level, tf;
		bool on_court, mismatch;
		char status[4];
	} v;
	uint64_t h;

	if (t == NULL || (r->kind != R_TOTALS && r->kind != R_PLAYER))
		return 0;
	h = ui_rows_hash(ui_rows_hash(base, r, sizeof *r), &selected, sizeof selected);
	if (r->kind == R_TOTALS)
		return h;
	if (r->player < 0 || r->player >= t->nplayers)
		return 0;
	p = &t->players[r->player];
	if (did_not_play(p))
		return 0;
	memset(&v, 0, sizeof v);
	v.level = (int)ui_foul_level(rules, &per, p->line.pf);
	v.tf = p->line.tf < 2 ? p->line.tf : 2;
	v.on_court = p->on_court;
	v.mismatch = p->mismatch;
	cs_strlcpy(v.status, ui_foul_status(rules, &p->line), sizeof v.status);
	h = ui_rows_hash(h, &p->info, sizeof p->info);
	return ui_rows_hash(h, &v, sizeof v);
}

static void
box_draw(void *state, const struct pane_ctx *c, WINDOW *w, int h, int width)
{
	static const struct brow blank = { R_BLANK, -1, -1 };
	struct box *s = state;
	struct brow rows[BOX_ROWS_MAX];
	uint64_t want[UI_ROWS_MAX], base, key;
	struct row_figures *fig;
	struct frame f;
	int n, i, r, y, page = h - 1;
	bool selected;

	frame_minutes(c, &f);
	column_widths(c, &f);
	fit_columns(width, &f.cs);
	n = box_rows(s, c, rows, page);
	ui_scroll_clamp(&s->sc, n, page);
	base = base_key(c, &f, width);
	for (i = 0; i < page; i++) {
		r = s->sc.top + i;
		selected = c->focused && r == s->sc.cursor;
		key = row_key(c, base, r < n ? &rows[r] : &blank, &f, selected && r < n);
		if (1 + i < UI_ROWS_MAX)
			want[1 + i] = key;
	}
	y = s->drawn.h;
	ui_rows_begin(&s->drawn, w, h, want, c->repaint);
	/* the window erased, resized or its rows moved: no row's figures known */
	if (c->repaint || s->drawn.h != y || s->drawn.moves != s->moves)
		memset(s->figures, 0, sizeof s->figures);
	s->moves = s->drawn.moves;
	for (i = 0; i < page; i++) {
		r = s->sc.top + i;
		y = 1 + i;
		if (!ui_rows_stale(&s->drawn, y, y < UI_ROWS_MAX ? want[y] : 0))
			continue;
		selected = c->focused && r == s->sc.cursor;
		fig = y < FIGURES_ROWS ? &s->figures[y] : NULL;
		key = r < n && fig != NULL ? frame_key(c, base, &rows[r], selected) : 0;
		if (fig != NULL) {
			fig->only = key != 0 && fig->frame == key;
			if (!fig->only)
				memset(fig->v, 0, sizeof fig->v);
			fig->frame = key;
			s->figure_rows += fig->only;
		}
		if (fig == NULL || !fig->only) {
			wmove(w, y, 0);
			wclrtoeol(w);
		}
		if (r < n)
			draw_row(s, c, w, y, width, &rows[r], &f, selected, fig);
	}
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
show_team(struct box *s, int side)
{
	s->view = side == CS_HOME ? VIEW_HOME : VIEW_AWAY;
	s->sc.top = s->sc.cursor = 0;
	return UI_HANDLED | UI_REDRAW;
}

/* T: both teams, the away team whole, the home team whole; only the two
 * teams in turn when both do not fit. */
static int
switch_team(struct box *s, const struct pane_ctx *c)
{
	struct section sec[2];
	struct shape sh;

	section_fill(s, c, CS_AWAY, &sec[0]);
	section_fill(s, c, CS_HOME, &sec[1]);
	if (c->rows > 1 && !fit_both(s, c, sec, &sh, c->rows - 1))
		s->view = s->view == VIEW_AWAY ? VIEW_HOME : VIEW_AWAY;
	else
		s->view = (s->view + 1) % 3;
	s->sc.top = s->sc.cursor = 0;
	return UI_HANDLED | UI_REDRAW;
}

static int
pick_row(struct box *s, const struct pane_ctx *c, const struct brow *rows, int n)
{
	const struct box_team *t;
	const struct brow *r;

	if (s->sc.cursor < 0 || s->sc.cursor >= n)
		return UI_HANDLED;
	r = &rows[s->sc.cursor];
	if (r->kind == R_MORE)
		return show_team(s, r->side);
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
	if (key == UI_REQ_BOX_TEAM)
		return switch_team(s, c);
	n = box_rows(s, c, rows, c->rows - 1);
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
	struct box *s = state;
	struct brow list[BOX_ROWS_MAX];
	char alias[CS_ALIAS_MAX * 2];
	int mism = game_view_mismatch_count(c->g), side, rows, page = c->rows - 1;
	size_t n;

	if (s->sort == BOX_COL_NONE)
		n = (size_t)snprintf(buf, size, "starters first  (o: sort)");
	else
		n = (size_t)snprintf(buf, size, "by %s %s", columns[s->sort].head,
		    ui_glyph(c->theme, s->ascending ? UI_G_UP : UI_G_DOWN));
	if (mism > 0 && n < size)
		n += (size_t)snprintf(buf + n, size - n, "  ! %d total%s differ from the provider's",
		    mism, mism == 1 ? "" : "s");
	side = s->view == VIEW_HOME ? CS_HOME : s->view == VIEW_AWAY ? CS_AWAY : CS_SIDE_NONE;
	if (c->filter->side == CS_SIDE_NONE && side != CS_SIDE_NONE && n < size)
		n += (size_t)snprintf(buf + n, size - n, "  %s only (T)",
		    ui_team_alias(c->g, side, alias, sizeof alias));
	/* rows below the pane: say so (htop, tig) */
	rows = box_rows(s, c, list, page);
	if (page > 0 && rows > s->sc.top + page && n < size)
		snprintf(buf + n, size - n, "  %s %d more", ui_glyph(c->theme, UI_G_DOWN),
		    rows - s->sc.top - page);
}

static void *
box_init(void)
{
	struct box *s = pane_state_new(sizeof *s);

	if (s != NULL) {
		s->sort = BOX_COL_NONE;
		/* without it, the rows are built at every call */
		s->built = calloc(BOX_ROWS_MAX, sizeof *s->built);
	}
	return s;
}

static void
box_free(void **state)
{
	struct box *s = *state;

	if (s != NULL)
		free(s->built);
	pane_state_free(state);
}

int
pane_box_sort(const void *state, bool *ascending)
{
	const struct box *s = state;

	*ascending = s->ascending;
	return s->sort;
}

unsigned long
pane_box_rows_drawn(const void *state)
{
	const struct box *s = state;

	return s->drawn.drawn;
}

unsigned long
pane_box_figure_rows(const void *state)
{
	const struct box *s = state;

	return s->figure_rows;
}

const struct pane_ops pane_box_ops = {
	.name = "Box score",
	.tab = "Box",
	.help = box_help,
	.init = box_init,
	.free = box_free,
	.draw = box_draw,
	.key = box_key,
	.title = box_title,
	.shows = GAME_TOUCH_INFO | GAME_TOUCH_BOX | GAME_TOUCH_COURT | GAME_TOUCH_PERIOD |
	    GAME_TOUCH_PUBLISHED,
	.partial = true,
};
