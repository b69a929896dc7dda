/*
 * Team: the coach's numbers (model/game.h, struct team_analytics), the two
 * teams side by side, for one period and for the game:
 *
 *   BOS 10-2 run, 1:20 since Q1 1:00   Drought  BOS 0:30  NYK 1:20
 *   Since the NYK timeout (Q2 9:00):  BOS 4 pts  FG 2-3  TOV 1  PF 0
 *                                     NYK 0 pts  FG 0-1  TOV 1  PF 2
 *                           Q2            Game
 *                       BOS    NYK     BOS    NYK
 *   Paint pts             4      0      10      6
 *   ...
 *
 * The run is drawn in the warning colour when it is live (the model's
 * GAME_RUN_LIVE_MARGIN, which the header uses too).  The period column
 * is the period filter's ([ ]), else the current period.  When the pane
 * is wide and short (the full layout's strip under the box score) the
 * figures go in two groups side by side; otherwise one list, scrolled.
 * Lead changes and times tied are in the title bar.
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "ui/label.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/scroll.h"
#include "ui/text.h"

#define LABEL_W 15
#define VALUE_W 7
#define GROUP_W (LABEL_W + 4 * VALUE_W + 1)   /* label, period pair, gap, game pair */
#define GROUP_GAP 2

enum fig_unit { FIG_COUNT, FIG_TIME, FIG_X100, FIG_X10, FIG_X1000 };

struct figure {
	const char *label;
	size_t off;                 /* an int in struct team_analytics */
	enum fig_unit unit;
};

#define FIG(label, field, unit) { label, offsetof(struct team_analytics, field), unit }

static const struct figure figures[] = {
	FIG("Paint pts", points_in_paint, FIG_COUNT),
	FIG("Fast break pts", fast_break_pts, FIG_COUNT),
	FIG("2nd chance pts", second_chance_pts, FIG_COUNT),
	FIG("Pts off TOV", points_off_turnovers, FIG_COUNT),
	FIG("Bench pts", bench_points, FIG_COUNT),
	FIG("Biggest lead", biggest_lead, FIG_COUNT),
	FIG("Most unanswered", most_unanswered, FIG_COUNT),
	FIG("Time leading", time_leading, FIG_TIME),
	FIG("Possessions", possessions_x100, FIG_X100),
	FIG("Off rating", offensive_rating_x10, FIG_X10),
	FIG("Def rating", defensive_rating_x10, FIG_X10),
	FIG("eFG%", effective_fg_pct_x10, FIG_X10),
	FIG("TS%", true_shooting_pct_x10, FIG_X10),
	FIG("TOV%", tov_pct_x10, FIG_X10),
	FIG("OREB%", oreb_pct_x10, FIG_X10),
	FIG("FT rate", ft_rate_x1000, FIG_X1000),
};

#define NFIG ((int)(sizeof figures / sizeof figures[0]))

struct team {
	struct ui_scroll sc;
	int nrows;                  /* rows last laid out */
};

/* What one frame lays out: how many rows on top, how many groups. */
struct shape {
	int form;                   /* the card's: enum card_form */
	int top_rows;               /* flow + the since-timeout card */
	int groups;
	int fig_rows;               /* figure rows per group */
	int period;                 /* the period column's sequence; 0 none yet */
};

static void
mmss(int tenths, char *buf, size_t size)
{
	int s = tenths > 0 ? tenths / 10 : 0;

	snprintf(buf, size, "%d:%02d", s / 60, s % 60);
}

static void
fig_text(const struct team_analytics *t, const struct figure *f, char *buf, size_t size)
{
	int v;

	if (t == NULL) {
		snprintf(buf, size, "-");
		return;
	}
	memcpy(&v, (const char *)t + f->off, sizeof v);
	switch (f->unit) {
	case FIG_TIME:
		mmss(v * 10, buf, size);
		break;
	case FIG_X100:
		snprintf(buf, size, "%d.%02d", v / 100, v % 100);
		break;
	case FIG_X10:
		snprintf(buf, size, "%d.%d", v / 10, v % 10);
		break;
	case FIG_X1000:
		snprintf(buf, size, "%d.%03d", v / 1000, v % 1000);
		break;
	default:
		snprintf(buf, size, "%d", v);
		break;
	}
}

/* ---- the flow row: the run and the droughts ---- */

/* The run in words: 0 = "BOS 9-0 run, 2:41 since Q3 5:12", 1 = without
 * its start, 2 = "BOS 9-0 run"; when w == NULL only measures. */
static int
run_text(const struct pane_ctx *c, const struct game_flow *f, WINDOW *w, int y, int x, int width,
    int form)
{
	char alias[CS_ALIAS_MAX * 2], len[16], lab[16], clk[16], text[96];
	attr_t a = f->run.live ? ui_attr(c->theme, UI_C_WARN) : A_NORMAL;
	int used;

	if (f->run.side != CS_HOME && f->run.side != CS_AWAY)
		return w == NULL ? ui_text_width("No run yet") :
		    ui_text(w, y, x, width, ui_attr(c->theme, UI_C_DIM), "No run yet");
	ui_team_alias(c->g, f->run.side, alias, sizeof alias);
	mmss(f->run.tenths, len, sizeof len);
	cs_period_label(&f->run.since, lab, sizeof lab);
	cs_clock_format(f->run.since_clock, clk, sizeof clk);
	if (form == 0)
		snprintf(text, sizeof text, " %d-%d run, %s since %s %s", f->run.points,
		    f->run.against, len, lab, clk);
	else if (form == 1)
		snprintf(text, sizeof text, " %d-%d run, %s", f->run.points, f->run.against, len);
	else
		snprintf(text, sizeof text, " %d-%d run", f->run.points, f->run.against);
	if (w == NULL)
		return ui_text_width(alias) + ui_text_width(text);
	used = ui_text(w, y, x, width, ui_team_attr(c->theme, f->run.side), alias);
	return used + ui_text(w, y, x + used, width - used, a, text);
}

/* "   Drought  BOS 0:30  NYK 3:00"; when w == NULL only measures. */
static int
droughts(const struct pane_ctx *c, const struct game_flow *f, WINDOW *w, int y, int x, int width)
{
	static const int order[2] = { CS_AWAY, CS_HOME };
	char alias[CS_ALIAS_MAX * 2], buf[16];
	int x0 = x, i;

	x += w == NULL ? 10 : ui_text(w, y, x, width - x, ui_attr(c->theme, UI_C_DIM), "   Drought");
	for (i = 0; i < 2 && x < width; i++) {
		ui_team_alias(c->g, order[i], alias, sizeof alias);
		mmss(f->drought[order[i]].tenths, buf, sizeof buf);
		if (w == NULL) {
			x += 3 + ui_text_width(alias) + ui_text_width(buf);
			continue;
		}
		x += ui_text(w, y, x, width - x, A_NORMAL, "  ");
		x += ui_text(w, y, x, width - x, ui_team_attr(c->theme, order[i]), alias);
		x += ui_textf(w, y, x, width - x, A_NORMAL, " %s", buf);
	}
	return x - x0;
}

/* The run, shorter as it must be for both droughts to fit whole. */
static void
flow_row(const struct pane_ctx *c, const struct game_flow *f, WINDOW *w, int y, int width)
{
	int x = 1, form, need = droughts(c, f, NULL, y, 0, 1 << 20);

	for (form = 0; form < 2; form++)
		if (1 + run_text(c, f, NULL, y, 0, 0, form) + need <= width)
			break;
	x += run_text(c, f, w, y, x, width - x, form);
	droughts(c, f, w, y, x, width);
}

/* ---- the since-timeout card: one row when it fits (in words, else
 * shorter), else two ---- */

enum card_form { CARD_ONE_ROW, CARD_ONE_ROW_SHORT, CARD_TWO_ROWS, CARD_TWO_ROWS_SHORT };

static void
card_head(const struct pane_ctx *c, const struct game_flow *f, bool brief, char *buf,
    size_t size)
{
	char alias[CS_ALIAS_MAX * 2], lab[16], clk[16];

	if (f->since_timeout.side != CS_HOME && f->since_timeout.side != CS_AWAY) {
		snprintf(buf, size, brief ? "Since the tip:" : "Since the tip (no timeout yet):");
		return;
	}
	cs_period_label(&f->since_timeout.period, lab, sizeof lab);
	cs_clock_format(f->since_timeout.clock, clk, sizeof clk);
	ui_team_alias(c->g, f->since_timeout.side, alias, sizeof alias);
	snprintf(buf, size, brief ? "Since %s TO %s %s:" : "Since the %s timeout (%s %s):",
	    alias, lab, clk);
}

static void
card_side(const struct game_flow *f, int s, bool brief, char *buf, size_t size)
{
	snprintf(buf, size, brief ? " %d pts FG %d-%d TOV %d PF %d" :
	    " %d pts  FG %d-%d  TOV %d  PF %d", f->since_timeout.points[s],
	    f->since_timeout.fgm[s], f->since_timeout.fga[s], f->since_timeout.tov[s],
	    f->since_timeout.fouls[s]);
}

/* Columns the card takes on one row, or on two (a team a row). */
static int
card_width(const struct pane_ctx *c, const struct game_flow *f, bool brief, bool two_rows)
{
	char head[96], side[64], alias[CS_ALIAS_MAX * 2];
	int s, need, one, widest = 0;

	card_head(c, f, brief, head, sizeof head);
	need = 1 + ui_text_width(head);
	for (s = 0; s < 2; s++) {
		card_side(f, s, brief, side, sizeof side);
		one = 2 + ui_text_width(ui_team_alias(c->g, s, alias, sizeof alias)) +
		    ui_text_width(side);
		need += two_rows ? 0 : one;
		if (one > widest)
			widest = one;
	}
	return two_rows ? need + widest : need;
}

static enum card_form
card_form(const struct pane_ctx *c, const struct game_flow *f, int width)
{
	if (card_width(c, f, false, false) <= width - 1)
		return CARD_ONE_ROW;
	if (card_width(c, f, true, false) <= width - 1)
		return CARD_ONE_ROW_SHORT;
	if (card_width(c, f, false, true) <= width - 1)
		return CARD_TWO_ROWS;
	return CARD_TWO_ROWS_SHORT;
}

static void
card_draw(const struct pane_ctx *c, const struct game_flow *f, WINDOW *w, int y[2], int width,
    enum card_form form)
{
	static const int order[2] = { CS_AWAY, CS_HOME };
	char head[96], side[64], alias[CS_ALIAS_MAX * 2];
	bool brief = form == CARD_ONE_ROW_SHORT || form == CARD_TWO_ROWS_SHORT;
	bool two = form == CARD_TWO_ROWS || form == CARD_TWO_ROWS_SHORT;
	int x0, x, i, row;

	card_head(c, f, brief, head, sizeof head);
	if (y[0] >= 0)
		ui_text(w, y[0], 1, width - 1, ui_attr(c->theme, UI_C_DIM), head);
	x0 = 1 + ui_text_width(head) + 2;
	x = x0;
	for (i = 0; i < 2; i++) {
		row = two ? y[i] : y[0];
		if (two)
			x = x0;
		if (row < 0)
			continue;
		ui_team_alias(c->g, order[i], alias, sizeof alias);
		card_side(f, order[i], brief, side, sizeof side);
		x += ui_text(w, row, x, width - x, ui_team_attr(c->theme, order[i]), alias);
		x += ui_text(w, row, x, width - x, A_NORMAL, side) + 2;
	}
}

/* ---- the figures ---- */

static void
group_header(const struct pane_ctx *c, const struct shape *sh, WINDOW *w, int y0, int y1, int x)
{
	static const int order[2] = { CS_AWAY, CS_HOME };
	char lab[16], alias[CS_ALIAS_MAX * 2];
	attr_t dim = ui_attr(c->theme, UI_C_DIM);
	int i, k, cx;

	if (sh->period > 0)
		ui_period_label(c->g, sh->period, lab, sizeof lab);
	else
		snprintf(lab, sizeof lab, "Period");
	if (y0 >= 0) {
		ui_text_right(w, y0, x + LABEL_W, 2 * VALUE_W, dim, lab);
		ui_text_right(w, y0, x + LABEL_W + 2 * VALUE_W + 1, 2 * VALUE_W, dim, "Game");
	}
	if (y1 < 0)
		return;
	for (k = 0; k < 2; k++)
		for (i = 0; i < 2; i++) {
			cx = x + LABEL_W + k * (2 * VALUE_W + 1) + i * VALUE_W;
			ui_team_alias(c->g, order[i], alias, sizeof alias);
			ui_text_right(w, y1, cx, VALUE_W, ui_team_attr(c->theme, order[i]), alias);
		}
}

static void
figure_row(const struct pane_ctx *c, const struct shape *sh, const struct figure *f, WINDOW *w,
    int y, int x)
{
	static const int order[2] = { CS_AWAY, CS_HOME };
	char buf[16];
	int i, k;

	ui_text(w, y, x, LABEL_W, A_NORMAL, f->label);
	for (k = 0; k < 2; k++)
		for (i = 0; i < 2; i++) {
			const struct team_analytics *t = k == 0 && sh->period <= 0 ? NULL :
			    game_view_analytics(c->g, order[i], k == 0 ? sh->period : 0);

			fig_text(t, f, buf, sizeof buf);
			ui_text_right(w, y, x + LABEL_W + k * (2 * VALUE_W + 1) + i * VALUE_W,
			    VALUE_W, k == 1 ? ui_attr(c->theme, UI_C_BOLD) : A_NORMAL, buf);
		}
}

/* ---- layout ---- */

static struct shape
shape_of(const struct pane_ctx *c, int h, int width)
{
	struct shape sh;
	int page = h - 1, one;

	memset(&sh, 0, sizeof sh);
	sh.form = card_form(c, game_view_flow(c->g), width);
	sh.top_rows = sh.form >= CARD_TWO_ROWS ? 3 : 2;
	sh.period = c->filter->period > 0 ? c->filter->period : game_view_period(c->g).sequence;
	if (sh.period > CS_PERIODS_MAX)
		sh.period = CS_PERIODS_MAX;
	one = sh.top_rows + 2 + NFIG;
	sh.groups = one > page && width - 2 >= 2 * GROUP_W + GROUP_GAP ? 2 : 1;
	sh.fig_rows = (NFIG + sh.groups - 1) / sh.groups;
	return sh;
}

/* Window row of content row r, or -1 when scrolled out of view. */
static int
at(const struct team *s, int r, int page)
{
	int y = 1 + r - s->sc.top;

	return y >= 1 && y < 1 + page ? y : -1;
}

/* The last row says how many rows are below it, when there are. */
static void
more_below(const struct team *s, const struct pane_ctx *c, WINDOW *w, int h, int width)
{
	ui_scroll_more_below(&s->sc, c->theme, w, h, width, s->nrows, "");
}

static void
team_draw(void *state, const struct pane_ctx *c, WINDOW *w, int h, int width)
{
	struct team *s = state;
	const struct game_flow *f = game_view_flow(c->g);
	struct shape sh = shape_of(c, h, width);
	int page = h - 1, g, k, y, x, cy[2];

	s->nrows = sh.top_rows + 2 + sh.fig_rows;
	if (s->sc.top > s->nrows - page)
		s->sc.top = s->nrows - page > 0 ? s->nrows - page : 0;
	if ((y = at(s, 0, page)) >= 0)
		flow_row(c, f, w, y, width - 1);
	cy[0] = at(s, 1, page);
	cy[1] = sh.top_rows > 2 ? at(s, 2, page) : -1;
	card_draw(c, f, w, cy, width - 1, sh.form);
	for (g = 0; g < sh.groups; g++) {
		x = 1 + g * (GROUP_W + GROUP_GAP);
		group_header(c, &sh, w, at(s, sh.top_rows, page), at(s, sh.top_rows + 1, page), x);
		for (k = 0; k < sh.fig_rows; k++) {
			int i = g * sh.fig_rows + k;

			if (i < NFIG && (y = at(s, sh.top_rows + 2 + k, page)) >= 0)
				figure_row(c, &sh, &figures[i], w, y, x);
		}
	}
	more_below(s, c, w, h, width);
}

static int
team_key(void *state, const struct pane_ctx *c, int key)
{
	struct team *s = state;

	return ui_scroll_key(&s->sc, key, s->nrows, c->rows - 1, true);
}

static void
team_title(void *state, const struct pane_ctx *c, char *buf, size_t size)
{
	const struct game_flow *f = game_view_flow(c->g);

	(void)state;
	snprintf(buf, size, "lead changes %d, tied %d", f->lead_changes, f->times_tied);
}

static void *
team_init(void)
{
	return pane_state_new(sizeof(struct team));
}

static const struct ui_key_help team_keys[] = {
	{ "[  ]", "the period column: the period filter's, else the current one" },
	{ "run", "points for-against since the side's first field goal of it; "
	    "yellow from an 8-point margin (the header names it then)" },
	{ "Drought", "game time since the team's last field goal" },
	{ NULL, NULL }
};

static const struct ui_help_section team_help[] = {
	{ "Team", team_keys },
	{ NULL, NULL }
};

const struct pane_ops pane_team_ops = {
	.name = "Team",
	.tab = "Team",
	.help = team_help,
	.init = team_init,
	.free = pane_state_free,
	.draw = team_draw,
	.key = team_key,
	.title = team_title,
	.shows = GAME_TOUCH_ALL,   /* the live clock too: droughts and the run's length */
};
