/*
 * Lineups: per team (away first) the five on court with the current
 * stint, each player's minutes, fouls and +/-; below, the five-man units
 * of both teams in one list, most minutes first, each with its team, its
 * minutes, its possessions, points for-against and net rating per 100
 * possessions (model/game.h, struct unit).  Units are labelled by
 * ui/unit_label.c ("N.Jokic", "J.Williams#8"), so two units never read
 * the same.  The on-court blocks sit side by side when the pane is wide
 * enough, else one above the other.  Follows the team filter; says when
 * there are more rows below than it shows.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ui/label.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/rows.h"
#include "ui/scroll.h"
#include "ui/text.h"
#include "ui/unit_label.h"

#define UNITS_MAX 256
#define ONCOURT_MIN 36   /* columns for a team's five on court */
#define UNITS_MAX_W 96   /* the units' rows: numbers near the names */
#define NUMBERS_W 28     /* MIN 6, POSS 7, PTS 8, NET 7 */
#define POSS_FROM_W 66   /* narrower units: no POSS, the five named instead */

/* Columns the units' numbers take at `width`; *poss: POSS among them. */
static int
numbers_w(int width, bool *poss)
{
	*poss = width >= POSS_FROM_W;
	return *poss ? NUMBERS_W : NUMBERS_W - 7;
}

/* What the passes read, worked out once per draw: the minutes shares
 * and the sorted units cost more than the rows they feed. */
#define SHARE_PLAYERS_MAX 64    /* as many as the box score shows */

struct figures {
	int minutes[2][SHARE_PLAYERS_MAX];   /* the box score's whole minutes */
	const struct unit *units[UNITS_MAX]; /* the filter's, most minutes first */
	int nunits;
	int count[2];                        /* each team's units */
};


struct lineups {
	struct ui_scroll sc;
	int nrows;         /* rows last laid out */
	struct ui_rows drawn;   /* what each row shows (rows.h) */
	struct figures fig;     /* this draw's */
	struct ui_unit_labels labels;
};

/*
 * One pass over the layout: count the rows (w and keys NULL), fold what
 * each window row shows into keys[y] (rows.h), or draw the rows that
 * ui_rows_draw() found stale.  Both teams' blocks may share a row.
 */
struct pass {
	WINDOW *w;
	uint64_t *keys;
	const bool *stale;
	const struct figures *fig;
	struct ui_unit_labels *labels;   /* the draw pass's */
};


static uint64_t
fold(uint64_t h, int x, const void *p, size_t size)
{
	return ui_rows_hash(ui_rows_hash(h, &x, sizeof x), p, size);
}

static void
mmss(char *buf, size_t size, int seconds)
{
	if (seconds < 0)
		seconds = 0;
	snprintf(buf, size, "%d:%02d", seconds / 60, seconds % 60);
}

/* The units of `side` (CS_SIDE_NONE: both), most minutes first. */
static int
units_sorted(const struct pane_ctx *c, int side, const struct unit **out, int max)
{
	size_t n = game_view_unit_count(c->g), i;
	const struct unit *u, *tmp;
	int k = 0, j;

	for (i = 0; i < n && k < max; i++) {
		u = game_view_unit(c->g, i);
		if (u != NULL && (side == CS_SIDE_NONE || u->side == side))
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

static int
units_of(const struct pane_ctx *c, int side)
{
	size_t n = game_view_unit_count(c->g), i;
	int k = 0;

	for (i = 0; i < n; i++)
		k += game_view_unit(c->g, i) != NULL && game_view_unit(c->g, i)->side == side;
	return k;
}

/* Content row r of a block starting at `base` is window row y when it is
 * in view: AT to draw it (when stale), KEY to fold its key. */
#define IN_VIEW(r) ((y = 1 + base + (r) - top) >= 1 && y < 1 + page && y < UI_ROWS_MAX)
#define AT(r) (o->w != NULL && IN_VIEW(r) && o->stale[y])
#define KEY(r) (o->keys != NULL && IN_VIEW(r))

/* A team's whole minutes as the box score shows them: the team's
 * seconds shared by largest remainder (ui_minutes_shares), so that the
 * two panes never disagree by the minute a cut would lose. */
static void
team_minutes(const struct box_team *t, int *minutes)
{
	int secs[SHARE_PLAYERS_MAX], i;
	int n = t->nplayers < SHARE_PLAYERS_MAX ? t->nplayers : SHARE_PLAYERS_MAX;

	for (i = 0; i < n; i++)
		secs[i] = t->players[i].line.seconds;
	if (n > 0)
		ui_minutes_shares(secs, n, minutes);
}

static int
player_minutes(const struct pass *o, int side, int player)
{
	return player >= 0 && player < SHARE_PLAYERS_MAX ? o->fig->minutes[side][player] : 0;
}

static void
figures_fill(const struct pane_ctx *c, struct figures *f)
{
	const struct box_team *t;
	int s;

	memset(f->minutes, 0, sizeof f->minutes);
	for (s = 0; s < 2; s++) {
		if ((t = game_view_team(c->g, s)) != NULL)
			team_minutes(t, f->minutes[s]);
		f->count[s] = units_of(c, s);
	}
	f->nunits = units_sorted(c, c->filter->side, f->units, UNITS_MAX);
}

/* A jersey as "%2.2s" has it: its first two bytes, right-aligned. */
static const char *
jersey2(const char *jersey, char *buf, size_t size)
{
	size_t n = strnlen(jersey, 2);

	if (size < 3)
		return "";
	memset(buf, ' ', 2 - n);
	memcpy(buf + 2 - n, jersey, n);
	buf[2] = '\0';
	return buf;
}

/* The five on court: stint, then each player's minutes, fouls and +/-. */
/* What a row of the five on court is drawn from. */
static void
oncourt_keys(const struct pane_ctx *c, const struct pass *o, const struct box_team *t, int side,
    int x, int base, int top, int page)
{
	const struct game_rules *rules = game_rules(c->g);
	struct cs_period per = game_view_period(c->g);
	const struct box_player *p;
	struct { int i, minutes, pf, pm, trouble; } v;
	int y, k;

	if (KEY(0))
		o->keys[y] = fold(o->keys[y], x, &t->stint_seconds, sizeof t->stint_seconds);
	if (KEY(1))
		o->keys[y] = fold(o->keys[y], x, "MIN", 3);
	for (k = 0; k < CS_ON_COURT; k++) {
		if (!KEY(2 + k))
			continue;
		memset(&v, 0, sizeof v);
		v.i = t->on_court[k];
		if (v.i >= 0 && v.i < t->nplayers) {
			p = &t->players[v.i];
			v.minutes = player_minutes(o, side, v.i);   /* as drawn: the box's share */
			v.pf = p->line.pf;
			v.pm = p->line.plus_minus;
			v.trouble = ui_foul_trouble(rules, &per, p->line.pf);
			o->keys[y] = fold(o->keys[y], x, &p->info, sizeof p->info);
		}
		o->keys[y] = fold(o->keys[y], x, &v, sizeof v);
	}
}

static int
oncourt_block(const struct pane_ctx *c, const struct pass *o, int side, int x, int width,
    int base, int top, int page)
{
	WINDOW *w = o->w;
	const struct box_team *t = game_view_team(c->g, side);
	const struct game_rules *rules = game_rules(c->g);
	struct cs_period per = game_view_period(c->g);
	const struct box_player *p;
	char alias[CS_ALIAS_MAX * 2], buf[64], name[CS_NAME_MAX * 2], fit[CS_NAME_MAX * 2];
	int row = 0, y, i, k, nw, trouble, used;
	attr_t a;

	if (t == NULL)
		return 0;
	oncourt_keys(c, o, t, side, x, base, top, page);
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
		ui_text(w, y, x, 3, A_NORMAL, jersey2(p->info.jersey, buf, sizeof buf));
		ui_player_name(p, name, sizeof name);
		ui_name_fit(name, nw, fit, sizeof fit);
		ui_text(w, y, x + 3, nw, trouble ? a : ui_attr(c->theme, UI_C_BOLD), fit);
		/* whole minutes: a play changes the stint, not ten cells */
		ui_text_right(w, y, x + 3 + nw, 6, A_NORMAL,
		    ui_itoa(buf, sizeof buf, player_minutes(o, side, i), false, 0));
		ui_text(w, y, x + 3 + nw + 6, 4, a, ui_itoa(buf, sizeof buf, p->line.pf, false, 4));
		ui_text_right(w, y, x + 3 + nw + 10, 5, A_NORMAL,
		    ui_itoa(buf, sizeof buf, p->line.plus_minus, true, 0));
	}
	return row;
}

/* "12.34" possessions, "+12.3" net rating */
static void
hundredths(char *buf, size_t size, int x100)
{
	snprintf(buf, size, "%d.%02d", x100 / 100, x100 % 100);
}

static void
tenths_signed(char *buf, size_t size, int x10)
{
	int a = x10 < 0 ? -x10 : x10;

	snprintf(buf, size, "%s%d.%d", x10 < 0 ? "-" : x10 > 0 ? "+" : "", a / 10, a % 10);
}

static void
units_header(const struct pane_ctx *c, const struct figures *f, WINDOW *w, int y, int x,
    int width, int side)
{
	char a[2][CS_ALIAS_MAX * 2];
	attr_t dim = ui_attr(c->theme, UI_C_DIM);
	bool poss;
	int nw = numbers_w(width, &poss), nx = x + width - nw, px = poss ? 7 : 0;

	ui_team_alias(c->g, CS_AWAY, a[0], sizeof a[0]);
	ui_team_alias(c->g, CS_HOME, a[1], sizeof a[1]);
	if (side == CS_SIDE_NONE)
		ui_textf(w, y, x, width - nw, ui_attr(c->theme, UI_C_BOLD),
		    "Five-man units (%s %d, %s %d)", a[0], f->count[CS_AWAY], a[1],
		    f->count[CS_HOME]);
	else
		ui_textf(w, y, x, width - nw, ui_attr(c->theme, UI_C_BOLD),
		    "%s five-man units (%d)", a[side == CS_AWAY ? 0 : 1], f->count[side]);
	ui_text_right(w, y, nx, 6, dim, "MIN");
	if (poss)
		ui_text_right(w, y, nx + 6, 7, dim, "POSS");
	ui_text_right(w, y, nx + 6 + px, 8, dim, "PTS");
	ui_text_right(w, y, nx + 14 + px, 7, dim, "NET");
}

/* The label of `u` in `width` columns: from the cache when its roster
 * (the names change with the info, as the rows' base key has it), players
 * and width are the ones it was made for. */
static const char *
unit_label(const struct pane_ctx *c, struct ui_unit_labels *lc, const struct box_team *t,
    const struct unit *u, int width)
{
	struct {
		uint64_t info;
		int side, players[CS_ON_COURT], width, nplayers;
		bool ascii;
	} k;
	uint64_t key;
	char *text;
	bool made;

	memset(&k, 0, sizeof k);
	k.info = game_touched(c->g, GAME_TOUCH_INFO);
	k.side = u->side;
	memcpy(k.players, u->players, sizeof k.players);
	k.width = width;
	k.nplayers = t->nplayers;   /* a teammate learned may share a surname */
	k.ascii = c->theme->ascii;
	key = ui_rows_hash(UI_ROWS_SEED, &k, sizeof k);
	text = ui_unit_labels_slot(lc, key, &made);
	if (!made)
		ui_unit_label(t, u, width, c->theme->ascii ? "." : "\u2026", text,
		    UI_UNIT_LABEL_MAX);
	return text;
}

/* A label in `width` columns; one still wider (no cut tells its players
 * apart) ends in the ellipsis, never in a name cut with no mark. */
static void
label_draw(const struct pane_ctx *c, WINDOW *w, int y, int x, int width, const char *label)
{
	if (width < 2)
		return;
	if (ui_text_width(label) <= width) {
		ui_text(w, y, x, width, A_NORMAL, label);
		return;
	}
	x += ui_text(w, y, x, width - 1, A_NORMAL, label);
	ui_text(w, y, x, 1, A_NORMAL, c->theme->ascii ? "." : "\u2026");
}

static void
unit_row(const struct pane_ctx *c, struct ui_unit_labels *lc, WINDOW *w, int y, int x, int width,
    int aw, const struct unit *u)
{
	const struct box_team *t = game_view_team(c->g, u->side);
	char alias[CS_ALIAS_MAX * 2], buf[32];
	bool poss;
	int nx = x + width - numbers_w(width, &poss), px = poss ? 7 : 0;
	attr_t net;

	ui_text(w, y, x, aw, ui_team_attr(c->theme, u->side),
	    ui_team_alias(c->g, u->side, alias, sizeof alias));
	if (t != NULL)
		label_draw(c, w, y, x + aw, nx - 1 - (x + aw),
		    unit_label(c, lc, t, u, nx - 1 - (x + aw)));
	mmss(buf, sizeof buf, u->seconds);
	ui_text_right(w, y, nx, 6, A_NORMAL, buf);
	if (poss) {
		hundredths(buf, sizeof buf, u->possessions_x100);
		ui_text_right(w, y, nx + 6, 7, A_NORMAL, buf);
	}
	snprintf(buf, sizeof buf, "%d-%d", u->points_for, u->points_against);
	ui_text_right(w, y, nx + 6 + px, 8, A_NORMAL, buf);
	tenths_signed(buf, sizeof buf, u->net_rating_x10);
	net = u->net_rating_x10 > 0 ? ui_attr(c->theme, UI_C_GOOD) :
	    u->net_rating_x10 < 0 ? ui_attr(c->theme, UI_C_MISSED) : A_NORMAL;
	ui_text_right(w, y, nx + 14 + px, 7, net, buf);
}

/* The five-man units of both teams (or the filter's), most minutes first. */
static int
units_block(const struct pane_ctx *c, const struct pass *o, int x, int width, int base, int top,
    int page)
{
	const struct unit *const *units = o->fig->units;
	char alias[CS_ALIAS_MAX * 2];
	WINDOW *w = o->w;
	int side = c->filter->side, row = 0, y, k, nu = o->fig->nunits, aw;

	if (width > UNITS_MAX_W)
		width = UNITS_MAX_W;
	aw = ui_text_width(ui_team_alias(c->g, CS_AWAY, alias, sizeof alias));
	if (ui_text_width(ui_team_alias(c->g, CS_HOME, alias, sizeof alias)) > aw)
		aw = ui_text_width(alias);
	aw++;
	if (KEY(row))
		o->keys[y] = fold(o->keys[y], x, o->fig->count, sizeof o->fig->count);
	if (AT(row))
		units_header(c, o->fig, w, y, x, width, side);
	row++;
	for (k = 0; k < nu; k++, row++) {
		/* a unit's label names its players: the roster is in the base */
		if (KEY(row))
			o->keys[y] = fold(o->keys[y], x, units[k], sizeof *units[k]);
		if (AT(row))
			unit_row(c, o->labels, w, y, x, width, aw, units[k]);
	}
	if (nu == 0) {
		if (KEY(row))
			o->keys[y] = fold(o->keys[y], x, "none", 4);
		if (AT(row))
			ui_text(w, y, x, width, ui_attr(c->theme, UI_C_DIM), "no units yet");
		row++;
	}
	return row;
}

#undef AT
#undef KEY
#undef IN_VIEW

typedef int (*block_fn)(const struct pane_ctx *, const struct pass *, int, int, int, int, int,
    int);

/* One kind of block for both teams: side by side when each gets `min`
 * columns, else one under the other.  Returns the rows used. */
static int
both_teams(const struct pane_ctx *c, const struct pass *o, block_fn fn, int min, int width,
    int base, int top, int page)
{
	int cw, n1, n2;

	if (c->filter->side != CS_SIDE_NONE)
		return fn(c, o, c->filter->side, 1, width - 2, base, top, page);
	if (width >= 2 * min + 3) {
		cw = (width - 3) / 2;
		n1 = fn(c, o, CS_AWAY, 1, cw, base, top, page);
		n2 = fn(c, o, CS_HOME, cw + 3, width - cw - 4, base, top, page);
		return n1 > n2 ? n1 : n2;
	}
	n1 = fn(c, o, CS_AWAY, 1, width - 2, base, top, page);
	n2 = fn(c, o, CS_HOME, 1, width - 2, base + n1 + 1, top, page);
	return n1 + 1 + n2;
}

/* Lays out the pane (a pass: see struct pass); returns the rows. */
static int
lineups_layout(const struct lineups *s, const struct pane_ctx *c, const struct pass *o, int h,
    int width)
{
	int top = s->sc.top, page = h - 1, n;

	n = both_teams(c, o, oncourt_block, ONCOURT_MIN, width, 0, top, page) + 1;
	n += units_block(c, o, 1, width - 2, n, top, page);
	return n;
}

/* The last row says how many rows are below it, when there are. */
static void
more_below(const struct lineups *s, const struct pane_ctx *c, WINDOW *w, int h, int width)
{
	ui_scroll_more_below(&s->sc, c->theme, w, h, width, s->nrows, c->filter->side == CS_SIDE_NONE ? ", t: one team" : "");
}

/* What every row depends on beyond its own numbers: the names, the rule
 * book, the filter, the size, the rows below.  Not the period: a player's
 * row folds its foul trouble (oncourt_keys), all the period changes. */
static uint64_t
base_key(const struct lineups *s, const struct pane_ctx *c, int h, int width)
{
	struct {
		uint64_t info;
		int side, h, width, top, nrows, nplayers[2];
	} b;
	const struct box_team *t;
	int k;

	memset(&b, 0, sizeof b);
	b.info = game_touched(c->g, GAME_TOUCH_INFO);
	b.side = c->filter->side;
	b.h = h;
	b.width = width;
	b.top = s->sc.top;
	b.nrows = s->nrows;
	for (k = 0; k < 2; k++) {
		t = game_view_team(c->g, k);
		b.nplayers[k] = t != NULL ? t->nplayers : -1;
	}
	return ui_rows_hash(UI_ROWS_SEED, &b, sizeof b);
}

static void
lineups_draw(void *state, const struct pane_ctx *c, WINDOW *w, int h, int width)
{
	struct lineups *s = state;
	struct pass count = { NULL, NULL, NULL, &s->fig, NULL }, keys, draw;
	uint64_t want[UI_ROWS_MAX], base;
	bool stale[UI_ROWS_MAX];
	int y;

	if (h > UI_ROWS_MAX)
		h = UI_ROWS_MAX;   /* taller than any terminal: the rest stays blank */
	figures_fill(c, &s->fig);
	/* measure first: the units may have shrunk (a correction) */
	s->nrows = lineups_layout(s, c, &count, h, width);
	if (s->sc.top > s->nrows - (h - 1))
		s->sc.top = s->nrows - (h - 1) > 0 ? s->nrows - (h - 1) : 0;
	base = base_key(s, c, h, width);
	for (y = 0; y < h; y++)
		want[y] = base;
	keys = (struct pass){ NULL, want, NULL, &s->fig, NULL };
	lineups_layout(s, c, &keys, h, width);
	ui_rows_begin(&s->drawn, w, h, want, c->repaint);
	stale[0] = false;
	for (y = 1; y < h; y++)
		stale[y] = ui_rows_draw(&s->drawn, w, y, want[y]);
	draw = (struct pass){ w, NULL, stale, &s->fig, &s->labels };
	lineups_layout(s, c, &draw, h, width);
	if (stale[h - 1])
		more_below(s, c, w, h, width);
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

unsigned long
pane_lineups_rows_drawn(const void *state)
{
	const struct lineups *s = state;

	return s->drawn.drawn;
}

const struct pane_ops pane_lineups_ops = {
	.name = "Lineups",
	.tab = "Lineups",
	.init = lineups_init,
	.free = pane_state_free,
	.draw = lineups_draw,
	.key = lineups_key,
	.title = lineups_title,
	.shows = GAME_TOUCH_BOX | GAME_TOUCH_COURT | GAME_TOUCH_PERIOD | GAME_TOUCH_INFO,
	.partial = true,
};
