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

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "ui/court.h"
#include "ui/label.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/text.h"

static const struct ui_key_help shots_keys[] = {
	{ "v", "zones: FG% per zone instead of the shots" },
	{ "t  p  [ ]", "team, player, period; a team or player shows its half" },
	{ "O x  (UTF-8: \xe2\x97\x8f \xc3\x97)", "made / missed" },
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

static void
draw_court(struct shots *st, const struct pane_ctx *c, WINDOW *w, int y0, int x0,
    const struct court_view *v)
{
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
		for (col = 0; col < n; col++) {
			if (v->braille) {
				m = st->grid.dots[r * v->cols + col];
				line[col] = m ? (wchar_t)(0x2800 + m) : L' ';
			} else {
				line[col] = (wchar_t)(unsigned char)st->grid.ascii[r * v->cols + col];
			}
		}
		line[n] = L'\0';
		mvwaddnwstr(w, y0 + r, x0, line, n);
	}
	wattrset(w, A_NORMAL);
}

static void
draw_shots(const struct pane_ctx *c, WINDOW *w, int y0, int x0, const struct court_view *v)
{
	size_t n = game_view_shot_count(c->g), i;
	const struct shot *s;
	int col, r;

	/* oldest first, so that the newest is on top */
	for (i = 0; i < n; i++) {
		s = game_view_shot(c->g, i);
		if (s == NULL || !ui_filter_shot(c->filter, c->g, s) || !shot_located(s))
			continue;
		if (!court_cell(v, s->x, s->y, &col, &r))
			continue;
		ui_text(w, y0 + r, x0 + col, 1, ui_attr(c->theme, s->made ? UI_C_MADE : UI_C_MISSED),
		    ui_glyph(c->theme, s->made ? UI_G_MADE : UI_G_MISSED));
	}
}

static void
draw_zone_labels(const struct pane_ctx *c, WINDOW *w, int y0, int x0,
    const struct court_view *v, const struct zone_tally *zt, int side, bool right)
{
	char lab[16];
	int z, x, y, cx, r, p, len;
	enum ui_color col;

	for (z = 0; z < COURT_ZONES; z++) {
		court_zone_anchor((enum court_zone)z, &x, &y);
		if (right) {
			x = COURT_LENGTH - x;
			y = COURT_WIDTH - y;
		}
		if (!court_cell(v, x, y, &cx, &r))
			continue;
		col = UI_C_BOLD;
		if (zt->att[side][z] == 0) {
			snprintf(lab, sizeof lab, "-");
			col = UI_C_DIM;
		} else {
			p = (100 * zt->made[side][z] + zt->att[side][z] / 2) / zt->att[side][z];
			snprintf(lab, sizeof lab, "%d%%", p);
			if (p >= zone_usual[z] + 5)
				col = UI_C_MADE;
			else if (p <= zone_usual[z] - 5)
				col = UI_C_MISSED;
		}
		len = (int)strlen(lab);
		cx -= len / 2;
		if (cx < 0)
			cx = 0;
		if (cx + len > v->cols)
			cx = v->cols - len;
		ui_text(w, y0 + r, x0 + cx, len, ui_attr(c->theme, col), lab);
	}
}

static void
zone_line(const struct pane_ctx *c, WINDOW *w, int y, int width, const struct zone_tally *zt,
    int side, const char *where)
{
	char alias[CS_ALIAS_MAX * 2];
	int z, x;

	x = ui_textf(w, y, 1, width - 1, ui_team_attr(c->theme, side), "%s%s",
	    ui_team_alias(c->g, side, alias, sizeof alias), where) + 1;
	for (z = 0; z < COURT_ZONES && x < width; z++)
		x += ui_textf(w, y, x, width - x, A_NORMAL, " %s %d/%d", zone_code[z],
		    zt->made[side][z], zt->att[side][z]);
}

static void
legend(const struct shots *st, const struct pane_ctx *c, WINDOW *w, int y, int rows, int width,
    int side, const struct zone_tally *zt)
{
	static const int both[2] = { CS_AWAY, CS_HOME };
	char alias[CS_ALIAS_MAX * 2];
	int x, k, s;

	if (rows <= 0)
		return;
	if (st->zones) {
		if (side != CS_SIDE_NONE) {
			zone_line(c, w, y, width, zt, side, "");
			if (rows > 1)
				ui_text(w, y + 1, 1, width - 1, ui_attr(c->theme, UI_C_DIM),
				    "v: shots   (zone FG%: green above usual, red below)");
		} else {
			zone_line(c, w, y, width, zt, CS_AWAY, " left");
			if (rows > 1)
				zone_line(c, w, y + 1, width, zt, CS_HOME, " right");
		}
		return;
	}
	x = 1;
	x += ui_text(w, y, x, width - x, ui_attr(c->theme, UI_C_MADE),
	    ui_glyph(c->theme, UI_G_MADE));
	x += ui_text(w, y, x, width - x, A_NORMAL, " made  ");
	x += ui_text(w, y, x, width - x, ui_attr(c->theme, UI_C_MISSED),
	    ui_glyph(c->theme, UI_G_MISSED));
	x += ui_text(w, y, x, width - x, A_NORMAL, " missed");
	for (k = 0; k < 2 && x < width; k++) {
		s = both[k];
		if (side != CS_SIDE_NONE && s != side)
			continue;
		x += ui_text(w, y, x, width - x, A_NORMAL, "   ");
		x += ui_text(w, y, x, width - x, ui_team_attr(c->theme, s),
		    ui_team_alias(c->g, s, alias, sizeof alias));
		if (zt->fga[s] > 0)
			x += ui_textf(w, y, x, width - x, A_NORMAL, " %d/%d %d%%", zt->fgm[s], zt->fga[s],
			    (100 * zt->fgm[s] + zt->fga[s] / 2) / zt->fga[s]);
		else
			x += ui_text(w, y, x, width - x, A_NORMAL, " 0/0");
	}
	if (rows > 1)
		ui_text(w, y + 1, 1, width - 1, ui_attr(c->theme, UI_C_DIM), side != CS_SIDE_NONE ?
		    "one half: both ends folded in   v: zones" : "v: zones   t/p: one team's half");
}

static void
shots_draw(void *state, const struct pane_ctx *c, WINDOW *w, int h, int width)
{
	struct shots *st = state;
	struct court_view v;
	struct zone_tally zt;
	int side = shot_team(c), ch, lrows = 2, x0, y0 = 1;

	ch = h - 1 - lrows;
	if (ch < 4) {
		lrows = h - 1 - 4 > 0 ? h - 1 - 4 : 0;
		ch = h - 1 - lrows;
	}
	memset(&v, 0, sizeof v);
	v.half = side != CS_SIDE_NONE;
	v.braille = !c->theme->ascii;
	court_fit(v.half, width, ch, &v.cols, &v.rows);
	x0 = (width - v.cols) / 2;
	draw_court(st, c, w, y0, x0, &v);
	tally(c, &zt);
	if (st->zones) {
		if (v.half) {
			draw_zone_labels(c, w, y0, x0, &v, &zt, side, false);
		} else {
			draw_zone_labels(c, w, y0, x0, &v, &zt, CS_AWAY, false);
			draw_zone_labels(c, w, y0, x0, &v, &zt, CS_HOME, true);
		}
	} else {
		draw_shots(c, w, y0, x0, &v);
	}
	legend(st, c, w, y0 + v.rows, h - y0 - v.rows, width, side, &zt);
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

	if (st != NULL)
		court_grid_free(&st->grid);
	pane_state_free(state);
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
};
