/*
 * The shot chart: the court to scale (court.c), braille lines on UTF-8
 * terminals and ASCII otherwise, each field-goal attempt at its location:
 * ● / O made, × / x missed (the newest on top when two share a cell).
 *
 * Both halves show every shot where it was taken.  With a team (t) or a
 * player (p) selected, the chart shows one half and folds that team's
 * shots from both ends into it (teams change ends at half-time).
 *
 * v (from any pane: the frame sends UI_REQ_ZONES here) switches to
 * zones: FG% per zone (restricted area, paint, mid-range
 * left/centre/right, corner threes, above-the-break threes) written on the
 * court, with made/attempted per zone in the legend.  On both halves the
 * away team's zones are on the left basket and the home team's on the
 * right.  A zone above the league's usual rate shows green, below it red.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui/court.h"
#include "ui/label.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/rows.h"
#include "ui/text.h"

static const struct ui_key_help shots_keys[] = {
	{ "v", "zones: FG% per zone instead of the shots" },
	{ "t  p  [ ]", "team, player, period; a team or player shows its half" },
	{ "O x  (UTF-8: \xe2\x97\x8f \xc3\x97)", "made / missed" },
	{ "2-9  #", "shots in one cell (10+), green when half or more went in" },
	{ "< DEN  HOU >", "the basket each team shoots at in the period shown" },
	{ "RA PNT ML MC MR", "zones: restricted area, paint, mid-range left/centre/right" },
	{ "C3L C3R AB3", "zones: corner 3 left/right, above-the-break (arc) 3" },
	{ "green  red", "zones: FG% above / below the usual for the zone" },
	{ NULL, NULL }
};

static const struct ui_help_section shots_help[] = {
	{ "Shot chart (3)", shots_keys },
	{ NULL, NULL }
};

struct shots {
	bool zones;                 /* the zone overlay instead of the shots */
	struct court_grid grid;     /* the lines, cached for view */
	struct court_view view;
	bool grid_valid;
	uint16_t *att, *made;       /* shots per cell of the view, for density */
	size_t ncells;
	struct ui_rows drawn;       /* what each row shows (rows.h) */
};

/* How the chart is drawn this frame: braille or ASCII, glyphs to match. */
struct chart {
	struct court_view v;
	int y0, x0;                 /* the court's top-left cell in the pane */
	int side;                   /* the team whose half shows; CS_SIDE_NONE both */
	bool ascii;
};

/* A usual FG% per zone, to tell a hot zone from a cold one. */
static const int zone_usual[COURT_ZONES] = {
	[COURT_ZONE_RESTRICTED] = 62, [COURT_ZONE_PAINT] = 42,
	[COURT_ZONE_MID_LEFT] = 41, [COURT_ZONE_MID_CENTER] = 42,
	[COURT_ZONE_MID_RIGHT] = 41, [COURT_ZONE_CORNER3_LEFT] = 38,
	[COURT_ZONE_CORNER3_RIGHT] = 38, [COURT_ZONE_ABOVE_BREAK3] = 35,
};

static const char *const zone_code[COURT_ZONES] = {
	[COURT_ZONE_RESTRICTED] = "RA", [COURT_ZONE_PAINT] = "PNT",
	[COURT_ZONE_MID_LEFT] = "ML", [COURT_ZONE_MID_CENTER] = "MC",
	[COURT_ZONE_MID_RIGHT] = "MR", [COURT_ZONE_CORNER3_LEFT] = "C3L",
	[COURT_ZONE_CORNER3_RIGHT] = "C3R", [COURT_ZONE_ABOVE_BREAK3] = "AB3",
};

struct zone_tally {
	int made[2][COURT_ZONES], att[2][COURT_ZONES];
	int fgm[2], fga[2];
};

/* The team whose half is shown, CS_SIDE_NONE for both halves. */
static int
shot_team(const struct pane_ctx *c)
{
	if (c->filter->side != CS_SIDE_NONE)
		return c->filter->side;
	if (c->filter->player_id[0] != '\0')
		return c->filter->player_side;
	return CS_SIDE_NONE;
}

static bool
shot_located(const struct shot *s)
{
	if (s->ev != NULL && !s->ev->has_location)
		return false;
	return s->x >= 0 && s->x <= COURT_LENGTH && s->y >= 0 && s->y <= COURT_WIDTH;
}

/* A glyph of this chart: ● × ◂ ▸ with UTF-8, O x < > without. */
static const char *
chart_glyph(const struct chart *ch, char what)
{
	switch (what) {
	case 'o': return ch->ascii ? "O" : "\xe2\x97\x8f";
	case 'x': return ch->ascii ? "x" : "\xc3\x97";
	case '<': return ch->ascii ? "<" : "\xe2\x97\x82";
	default: return ch->ascii ? ">" : "\xe2\x96\xb8";
	}
}

static int
pct(int made, int att)
{
	return att > 0 ? (100 * made + att / 2) / att : 0;
}

static void
tally(const struct pane_ctx *c, struct zone_tally *zt)
{
	size_t n = game_view_shot_count(c->g), i;
	const struct shot *s;
	int z;

	memset(zt, 0, sizeof *zt);
	for (i = 0; i < n; i++) {
		s = game_view_shot(c->g, i);
		if (s == NULL || (s->side != CS_HOME && s->side != CS_AWAY) ||
		    !ui_filter_shot(c->filter, c->g, s))
			continue;
		zt->fga[s->side]++;
		zt->fgm[s->side] += s->made;
		if (!shot_located(s))
			continue;
		z = court_zone_of(s->x, s->y, s->three);
		zt->att[s->side][z]++;
		zt->made[s->side][z] += s->made;
	}
}

/* ---- which end each team shoots at ---- */

/* 0 for the first half's periods, 1 for the second half and overtime
 * (teams keep the second half's ends in overtime). */
static int
half_of(const struct pane_ctx *c, int seq)
{
	const struct game_rules *r = game_rules(c->g);
	int periods = r != NULL && r->periods > 0 ? r->periods : 4;

	return seq > periods / 2;
}

/* Shots of `side` in half `half`: more at the right basket (> 0) or the
 * left (< 0). */
static int
end_votes(const struct pane_ctx *c, int side, int half)
{
	size_t n = game_view_shot_count(c->g), i;
	const struct shot *s;
	int v = 0;

	for (i = 0; i < n; i++) {
		s = game_view_shot(c->g, i);
		if (s == NULL || s->side != side || !shot_located(s) ||
		    half_of(c, s->period_sequence) != half || s->x == COURT_HALF)
			continue;
		v += s->x > COURT_HALF ? 1 : -1;
	}
	return v;
}

/* The basket `side` attacks in period `seq`: 1 right, -1 left, 0 not
 * known.  From its shots that half, else the other half's (ends swap at
 * half-time), else the other team's. */
static int
attack_end(const struct pane_ctx *c, int side, int seq)
{
	int half = half_of(c, seq), v;

	if ((v = end_votes(c, side, half)) != 0)
		return v > 0 ? 1 : -1;
	if ((v = end_votes(c, side, !half)) != 0)
		return v > 0 ? -1 : 1;
	if ((v = end_votes(c, !side, half)) != 0)
		return v > 0 ? -1 : 1;
	if ((v = end_votes(c, !side, !half)) != 0)
		return v > 0 ? 1 : -1;
	return 0;
}

/* The period shown (the filter's, else the one under way; 0 none) and
 * the basket each team attacks in it (attack_end), worked out once a
 * draw: each is a pass over the shots, up to four. */
static int
attack_ends(const struct pane_ctx *c, int ends[2])
{
	int seq = c->filter->period != 0 ? c->filter->period : game_view_period(c->g).sequence;

	ends[0] = seq > 0 ? attack_end(c, 0, seq) : 0;
	ends[1] = seq > 0 ? attack_end(c, 1, seq) : 0;
	return seq;
}

/* "◂ DEN (home)" under the left basket, "HOU ▸" under the right one:
 * who shoots at which end in period `seq` (ends: attack_ends), and who
 * is home.  A half view folds one team's shots into the left basket. */
static void
draw_ends(const struct chart *ch, const struct pane_ctx *c, WINDOW *w, int y, int seq,
    const int ends[2])
{
	char alias[CS_ALIAS_MAX * 2], lab[16], buf[64];
	int end, s, x, len;

	if (ch->side != CS_SIDE_NONE) {
		ui_textf(w, y, ch->x0, ch->v.cols, ui_team_attr(c->theme, ch->side), "%s %s%s",
		    chart_glyph(ch, '<'), ui_team_alias(c->g, ch->side, alias, sizeof alias),
		    ch->side == CS_HOME ? " (home)" : " (away)");
		return;
	}
	if (seq <= 0)
		return;
	for (s = 0; s < 2; s++) {
		if ((end = ends[s]) == 0)
			continue;
		ui_team_alias(c->g, s, alias, sizeof alias);
		if (end < 0)
			snprintf(buf, sizeof buf, "%s %s%s", chart_glyph(ch, '<'), alias,
			    s == CS_HOME ? " (home)" : "");
		else
			snprintf(buf, sizeof buf, "%s%s %s", s == CS_HOME ? "(home) " : "", alias,
			    chart_glyph(ch, '>'));
		len = ui_text_width(buf);
		x = end < 0 ? ch->x0 : ch->x0 + ch->v.cols - len;
		ui_text(w, y, x, len, ui_team_attr(c->theme, s), buf);
	}
	snprintf(buf, sizeof buf, "baskets in %s", ui_period_label(c->g, seq, lab, sizeof lab));
	len = ui_text_width(buf);
	if (ch->v.cols >= len + 30)
		ui_text(w, y, ch->x0 + (ch->v.cols - len) / 2, len, ui_attr(c->theme, UI_C_DIM), buf);
}

/* ---- the court and the shots ---- */

static void
draw_court(struct shots *st, const struct pane_ctx *c, WINDOW *w, const struct chart *ch,
    const bool *stale)
{
	const struct court_view *v = &ch->v;
	wchar_t line[1024];
	uint8_t m;
	int r, col, n;

	if (!st->grid_valid || memcmp(&st->view, v, sizeof *v) != 0) {
		court_grid_free(&st->grid);
		if (court_grid_init(&st->grid, v->cols, v->rows) < 0)
			return;
		court_raster(v, &st->grid);
		st->view = *v;
		st->grid_valid = true;
	}
	n = v->cols < 1023 ? v->cols : 1023;
	wattrset(w, ui_attr(c->theme, UI_C_COURT));
	for (r = 0; r < v->rows; r++) {
		if (!stale[ch->y0 + r])
			continue;
		for (col = 0; col < n; col++) {
			if (v->braille) {
				m = st->grid.dots[r * v->cols + col];
				line[col] = m ? (wchar_t)(0x2800 + m) : L' ';
			} else {
				line[col] = (wchar_t)(unsigned char)st->grid.ascii[r * v->cols + col];
			}
		}
		line[n] = L'\0';
		mvwaddnwstr(w, ch->y0 + r, ch->x0, line, n);
	}
	wattrset(w, A_NORMAL);
}

/* Counts the shots shown per cell (st->att, st->made); false when out
 * of memory. */
static bool
count_cells(struct shots *st, const struct pane_ctx *c, const struct court_view *v)
{
	size_t n = game_view_shot_count(c->g), i, cells = (size_t)v->cols * (size_t)v->rows;
	const struct shot *s;
	uint16_t *a, *m;
	int col, r;

	if (cells > st->ncells) {
		a = realloc(st->att, cells * sizeof *a);
		if (a == NULL)
			return false;
		st->att = a;
		m = realloc(st->made, cells * sizeof *m);
		if (m == NULL)
			return false;
		st->made = m;
		st->ncells = cells;
	}
	memset(st->att, 0, cells * sizeof *st->att);
	memset(st->made, 0, cells * sizeof *st->made);
	for (i = 0; i < n; i++) {
		s = game_view_shot(c->g, i);
		if (s == NULL || !ui_filter_shot(c->filter, c->g, s) || !shot_located(s) ||
		    !court_cell(v, s->x, s->y, &col, &r))
			continue;
		if (st->att[r * v->cols + col] < UINT16_MAX) {
			st->att[r * v->cols + col]++;
			st->made[r * v->cols + col] += s->made;
		}
	}
	return true;
}

/* Each cell with shots: its glyph for one, how many for more ("3"; "#"
 * past 9), green when half or more went in, red otherwise. */
static void
draw_shots(struct shots *st, const struct pane_ctx *c, WINDOW *w, const struct chart *ch,
    const bool *stale)
{
	const struct court_view *v = &ch->v;
	char digit[2] = { 0, 0 };
	int i, att, made;
	enum ui_color col;

	for (i = 0; i < v->cols * v->rows; i++) {
		if (!stale[ch->y0 + i / v->cols]) {
			i += v->cols - 1 - i % v->cols;   /* the row drawn as it was: past it */
			continue;
		}
		if ((att = st->att[i]) == 0)
			continue;
		made = st->made[i];
		col = 2 * made >= att ? UI_C_MADE : UI_C_MISSED;
		if (att == 1) {
			ui_text(w, ch->y0 + i / v->cols, ch->x0 + i % v->cols, 1,
			    ui_attr(c->theme, col), chart_glyph(ch, made ? 'o' : 'x'));
			continue;
		}
		digit[0] = att > 9 ? '#' : (char)('0' + att);
		ui_text(w, ch->y0 + i / v->cols, ch->x0 + i % v->cols, 1,
		    ui_attr(c->theme, col) | A_BOLD, digit);
	}
}

/* ---- zones ---- */

/* Draws a label centred on column cx of the court unless it would cover
 * another (taken marks the cells used, one row of the pane). */
static void
zone_text(const struct pane_ctx *c, WINDOW *w, const struct chart *ch, int y, int cx,
    const char *lab, enum ui_color col, unsigned char *taken)
{
	int len = (int)strlen(lab), x = cx - len / 2, k;

	if (x < 0)
		x = 0;
	if (x + len > ch->v.cols)
		x = ch->v.cols - len;
	for (k = x > 0 ? x - 1 : 0; k <= x + len && k < ch->v.cols; k++)
		if (taken[k])
			return;
	memset(taken + x, 1, (size_t)len);
	ui_text(w, y, ch->x0 + x, len, ui_attr(c->theme, col), lab);
}

static enum ui_color
zone_color(int z, int made, int att)
{
	if (att == 0)
		return UI_C_DIM;
	if (pct(made, att) >= zone_usual[z] + 5)
		return UI_C_MADE;
	if (pct(made, att) <= zone_usual[z] - 5)
		return UI_C_MISSED;
	return UI_C_BOLD;
}

/*
 * FG% of each zone with its attempts: "43%" over "3/7" inside the court;
 * the corner threes, whose strip is under a row deep, as "3/7 43%" on the
 * row outside their sideline (ch->y0 - 1 or below the court), so that no
 * label covers a line of the court's outline.
 */
static void
draw_zone_labels(const struct pane_ctx *c, WINDOW *w, const struct chart *ch,
    const struct zone_tally *zt, int side, bool right, unsigned char (*taken)[1024])
{
	const struct court_view *v = &ch->v;
	char lab[24];
	int z, x, y, cx, r, m, a;

	for (z = 0; z < COURT_ZONES; z++) {
		court_zone_anchor((enum court_zone)z, &x, &y);
		if (right) {
			x = COURT_LENGTH - x;
			y = COURT_WIDTH - y;
		}
		if (!court_cell(v, x, y, &cx, &r))
			continue;
		m = zt->made[side][z];
		a = zt->att[side][z];
		if (court_zone_corner((enum court_zone)z)) {
			r = y < COURT_WIDTH / 2 ? -1 : v->rows;
			if (a > 0)
				snprintf(lab, sizeof lab, "%d/%d %d%%", m, a, pct(m, a));
			else
				snprintf(lab, sizeof lab, "-");
			zone_text(c, w, ch, ch->y0 + r, cx, lab, zone_color(z, m, a), taken[r + 1]);
			continue;
		}
		if (a == 0) {
			zone_text(c, w, ch, ch->y0 + r, cx, "-", UI_C_DIM, taken[r + 1]);
			continue;
		}
		/* the attempts under the percentage, above it on the last row */
		snprintf(lab, sizeof lab, "%d%%", pct(m, a));
		zone_text(c, w, ch, ch->y0 + r, cx, lab, zone_color(z, m, a), taken[r + 1]);
		snprintf(lab, sizeof lab, "%d/%d", m, a);
		r += r + 1 < v->rows ? 1 : -1;
		zone_text(c, w, ch, ch->y0 + r, cx, lab, UI_C_DIM, taken[r + 1]);
	}
}

static void
draw_zones(const struct pane_ctx *c, WINDOW *w, const struct chart *ch,
    const struct zone_tally *zt)
{
	/* the court's rows and the one above and below it, for the corners */
	unsigned char (*taken)[1024] = calloc((size_t)ch->v.rows + 2, sizeof *taken);

	if (taken == NULL || ch->v.cols > 1024) {
		free(taken);
		return;
	}
	if (ch->side != CS_SIDE_NONE) {
		draw_zone_labels(c, w, ch, zt, ch->side, false, taken);
	} else {
		draw_zone_labels(c, w, ch, zt, CS_AWAY, false, taken);
		draw_zone_labels(c, w, ch, zt, CS_HOME, true, taken);
	}
	free(taken);
}

/* ---- the legend ---- */

/* "HOU left  RA 2/3 67%  C3L 3/7 43% ...": every zone with attempts. */
static void
zone_line(const struct pane_ctx *c, WINDOW *w, int y, int width, const struct zone_tally *zt,
    int side, const char *where)
{
	char alias[CS_ALIAS_MAX * 2];
	int z, x, any = 0;

	x = ui_textf(w, y, 1, width - 1, ui_team_attr(c->theme, side), "%s%s",
	    ui_team_alias(c->g, side, alias, sizeof alias), where) + 1;
	for (z = 0; z < COURT_ZONES && x < width; z++) {
		if (zt->att[side][z] == 0)
			continue;
		any++;
		x += ui_textf(w, y, x, width - x, ui_attr(c->theme, zone_color(z,
		    zt->made[side][z], zt->att[side][z])), " %s %d/%d %d%%", zone_code[z],
		    zt->made[side][z], zt->att[side][z], pct(zt->made[side][z], zt->att[side][z]));
	}
	if (any == 0)
		ui_text(w, y, x, width - x, ui_attr(c->theme, UI_C_DIM), " no shots");
}

/* Draws the first of `forms` (NULL-terminated) that fits `width`
 * columns whole, a shorter wording rather than a word cut at the edge;
 * returns the columns drawn. */
static int
text_fit(WINDOW *w, int y, int x, int width, attr_t a, const char *const *forms)
{
	for (; *forms != NULL; forms++)
		if (ui_text_width(*forms) <= width)
			return ui_text(w, y, x, width, a, *forms);
	return 0;
}

static void
zones_legend(const struct pane_ctx *c, WINDOW *w, int y, int rows, int width, int side,
    const struct zone_tally *zt)
{
	static const char *const names[] = {
		"RA rim  PNT paint  ML MC MR mid-range  C3L C3R corner 3"
		    "  AB3 above the break   green above usual, red below",
		"RA rim  PNT paint  ML MC MR mid  C3L C3R corner  AB3 arc  green above usual,"
		    " red below",
		"RA rim  PNT paint  ML MC MR mid  C3L C3R corner  AB3 arc",
		"RA rim  PNT paint  M* mid  C3* corner  AB3 arc",
		NULL
	};
	int k = 0;

	if (side != CS_SIDE_NONE) {
		zone_line(c, w, y + k++, width, zt, side, "");
	} else {
		zone_line(c, w, y + k++, width, zt, CS_AWAY, " left");
		if (k < rows)
			zone_line(c, w, y + k++, width, zt, CS_HOME, " right");
	}
	if (k < rows)
		text_fit(w, y + k, 1, width - 1, ui_attr(c->theme, UI_C_DIM), names);
}

/* "● made  × missed  3 shots in a cell" and each team's FG. */
static void
shots_legend(const struct chart *ch, const struct pane_ctx *c, WINDOW *w, int y, int rows,
    int width, const struct zone_tally *zt)
{
	static const int both[2] = { CS_AWAY, CS_HOME };
	static const char *const cell_words[] = {
		" shots in a cell, green if half went in (# 10+)",
		" shots in a cell, green if half went in", " shots per cell, green: half in",
		" in a cell", NULL
	};
	static const char *const keys_both[] = {
		"v: zones   t/p: one team's half", "v: zones  t: a half", "v: zones", NULL
	};
	static const char *const keys_one[] = { "v: zones", NULL };
	char alias[CS_ALIAS_MAX * 2];
	int x = 1, k, s;

	x += ui_text(w, y, x, width - x, ui_attr(c->theme, UI_C_MADE), chart_glyph(ch, 'o'));
	x += ui_text(w, y, x, width - x, A_NORMAL, " made  ");
	x += ui_text(w, y, x, width - x, ui_attr(c->theme, UI_C_MISSED), chart_glyph(ch, 'x'));
	x += ui_text(w, y, x, width - x, A_NORMAL, " missed  ");
	x += ui_text(w, y, x, width - x, ui_attr(c->theme, UI_C_MADE) | A_BOLD, "3");
	text_fit(w, y, x, width - x, A_NORMAL, cell_words);
	if (rows < 2)
		return;
	x = 1;
	for (k = 0; k < 2 && x < width; k++) {
		s = both[k];
		if (ch->side != CS_SIDE_NONE && s != ch->side)
			continue;
		x += ui_text(w, y + 1, x, width - x, ui_team_attr(c->theme, s),
		    ui_team_alias(c->g, s, alias, sizeof alias));
		if (zt->fga[s] == 0)   /* no shot: no percentage, not 0% */
			x += ui_text(w, y + 1, x, width - x, A_NORMAL, " 0/0 -   ");
		else
			x += ui_textf(w, y + 1, x, width - x, A_NORMAL, " %d/%d %d%%   ",
			    zt->fgm[s], zt->fga[s], pct(zt->fgm[s], zt->fga[s]));
	}
	text_fit(w, y + 1, x, width - x, ui_attr(c->theme, UI_C_DIM),
	    ch->side != CS_SIDE_NONE ? keys_one : keys_both);
}

/* Rows for the court, what goes round it, and the legend. */
/* ---- which rows changed (rows.h) ---- */

/* What every row depends on: the chart's shape, the names, the filter.
 * Not the period under way: only the ends row names it (plan_rows), so
 * a period's start redraws that row, not the court. */
static uint64_t
base_key(const struct pane_ctx *c, const struct chart *ch, int h, int width, int legend)
{
	struct {
		struct court_view v;
		uint64_t info;
		int x0, y0, side, h, width, legend, filter_period;
		bool ascii;
	} b;

	memset(&b, 0, sizeof b);
	b.v.cols = ch->v.cols;
	b.v.rows = ch->v.rows;
	b.v.half = ch->v.half;
	b.v.braille = ch->v.braille;
	b.info = game_touched(c->g, GAME_TOUCH_INFO);
	b.x0 = ch->x0;
	b.y0 = ch->y0;
	b.side = ch->side;
	b.h = h;
	b.width = width;
	b.legend = legend;
	b.filter_period = c->filter->period;
	b.ascii = ch->ascii;
	return ui_rows_hash(UI_ROWS_SEED, &b, sizeof b);
}

/* Each row's key: a court row by its cells' shots, the ends row by the
 * period it names and the baskets each team attacks, the legend by the
 * tally. */
static void
plan_rows(struct shots *st, const struct pane_ctx *c, const struct chart *ch, int h, int width,
    int legend, const struct zone_tally *zt, int seq, const int ends[2], uint64_t *want)
{
	uint64_t base = base_key(c, ch, h, width, legend);
	int y, r;
	size_t n = (size_t)ch->v.cols;

	for (y = 0; y < h; y++)
		want[y] = ui_rows_hash(base, &y, sizeof y);
	for (r = 0; r < ch->v.rows && ch->y0 + r < h; r++) {
		y = ch->y0 + r;
		want[y] = ui_rows_hash(want[y], st->att + (size_t)r * n, n * sizeof *st->att);
		want[y] = ui_rows_hash(want[y], st->made + (size_t)r * n, n * sizeof *st->made);
	}
	y = ch->y0 + ch->v.rows;
	if (y < h) {
		want[y] = ui_rows_hash(want[y], ends, 2 * sizeof ends[0]);
		want[y] = ui_rows_hash(want[y], &seq, sizeof seq);
	}
	for (r = 0; r < legend && y + 1 + r < h; r++)
		want[y + 1 + r] = ui_rows_hash(want[y + 1 + r], zt, sizeof *zt);
}

static void
shots_draw(void *state, const struct pane_ctx *c, WINDOW *w, int h, int width)
{
	struct shots *st = state;
	struct chart ch;
	struct zone_tally zt;
	uint64_t want[UI_ROWS_MAX];
	bool stale[UI_ROWS_MAX];
	/* zones: a row above and below the court for the corner labels;
	 * shots: the ends row under it */
	int above = st->zones ? 1 : 0, below = 1, legend = st->zones ? 3 : 2, crows, y;
	int seq = 0, ends[2] = { 0, 0 };

	if (h > UI_ROWS_MAX)
		h = UI_ROWS_MAX;   /* taller than any terminal: the rest stays blank */
	crows = h - 1 - above - below - legend;
	while (crows < 4 && legend > 0) {
		legend--;
		crows++;
	}
	memset(&ch, 0, sizeof ch);
	ch.side = shot_team(c);
	ch.ascii = c->theme->ascii || !court_braille_ok(termname(), true);
	ch.v.half = ch.side != CS_SIDE_NONE;
	ch.v.braille = !ch.ascii;
	court_fit(ch.v.half, width, crows, &ch.v.cols, &ch.v.rows);
	ch.x0 = (width - ch.v.cols) / 2;
	ch.y0 = 1 + above;
	tally(c, &zt);
	if (!count_cells(st, c, &ch.v))
		return;
	if (st->zones) {
		/* the zones' labels overlap rows: drawn whole */
		if (!c->repaint) {
			wmove(w, 1, 0);
			wclrtobot(w);
		}
		ui_rows_begin(&st->drawn, w, h, NULL, true);
		for (y = 0; y < h; y++)
			stale[y] = true;
	} else {
		seq = attack_ends(c, ends);
		plan_rows(st, c, &ch, h, width, legend, &zt, seq, ends, want);
		ui_rows_begin(&st->drawn, w, h, want, c->repaint);
		stale[0] = false;
		for (y = 1; y < h; y++)
			stale[y] = ui_rows_draw(&st->drawn, w, y, want[y]);
	}
	draw_court(st, c, w, &ch, stale);
	if (st->zones) {
		draw_zones(c, w, &ch, &zt);
		zones_legend(c, w, ch.y0 + ch.v.rows + below, legend, width, ch.side, &zt);
	} else {
		draw_shots(st, c, w, &ch, stale);
		y = ch.y0 + ch.v.rows;
		if (y < h && stale[y])
			draw_ends(&ch, c, w, y, seq, ends);
		if (legend > 0 && y + below < h && stale[y + below])
			shots_legend(&ch, c, w, y + below, legend, width, &zt);
	}
}

/* v, whatever has the focus: zones instead of the shots. */
static int
shots_key(void *state, const struct pane_ctx *c, int key)
{
	struct shots *st = state;

	(void)c;
	if (key != UI_REQ_ZONES)
		return UI_UNHANDLED;
	st->zones = !st->zones;
	return UI_HANDLED | UI_REDRAW;
}

static void
shots_title(void *state, const struct pane_ctx *c, char *buf, size_t size)
{
	const struct shots *st = state;
	char alias[CS_ALIAS_MAX * 2];
	int side = shot_team(c);

	if (side != CS_SIDE_NONE)
		snprintf(buf, size, "%s half%s", ui_team_alias(c->g, side, alias, sizeof alias),
		    st->zones ? ", zones FG%" : "");
	else
		snprintf(buf, size, "%s", st->zones ? "zones FG%: away left, home right" :
		    "both halves");
}

static void *
shots_init(void)
{
	return pane_state_new(sizeof(struct shots));
}

static void
shots_free(void **state)
{
	struct shots *st = *state;

	if (st != NULL) {
		court_grid_free(&st->grid);
		free(st->att);
		free(st->made);
	}
	pane_state_free(state);
}

unsigned long
pane_shots_rows_drawn(const void *state)
{
	const struct shots *st = state;

	return st->drawn.drawn;
}

const struct pane_ops pane_shots_ops = {
	.name = "Shot chart",
	.tab = "Shots",
	.help = shots_help,
	.init = shots_init,
	.free = shots_free,
	.draw = shots_draw,
	.key = shots_key,
	.title = shots_title,
	/* the shots, the period it names, the teams */
	.shows = GAME_TOUCH_SHOTS | GAME_TOUCH_PERIOD | GAME_TOUCH_INFO,
	.partial = true,
};
