/*
 * The machine-readable box score (product.md §5).  JSON is built with
 * json-c so every string is escaped correctly; keys go in the order of the
 * schema (json-c keeps insertion order).  CSV (RFC 4180, every text field
 * quoted): the players and a TEAM row per side, then after a blank line
 * the line score, the team section, and the lead changes.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "model/export.h"
#include "model/game_int.h"
#include "video.h"

/* The counting columns, in schema order; `plus_minus` is players only. */
static const struct {
	const char *key;
	size_t offset;
} columns[] = {
	{ "fgm", offsetof(struct statline, fgm) },
	{ "fga", offsetof(struct statline, fga) },
	{ "tpm", offsetof(struct statline, tpm) },
	{ "tpa", offsetof(struct statline, tpa) },
	{ "ftm", offsetof(struct statline, ftm) },
	{ "fta", offsetof(struct statline, fta) },
	{ "oreb", offsetof(struct statline, oreb) },
	{ "dreb", offsetof(struct statline, dreb) },
	{ "reb", offsetof(struct statline, reb) },
	{ "ast", offsetof(struct statline, ast) },
	{ "stl", offsetof(struct statline, stl) },
	{ "blk", offsetof(struct statline, blk) },
	{ "tov", offsetof(struct statline, tov) },
	{ "pf", offsetof(struct statline, pf) },
	{ "pts", offsetof(struct statline, pts) },
};
#define NCOLUMNS (sizeof columns / sizeof columns[0])

static int
column(const struct statline *l, size_t c)
{
	const int *v = (const int *)((const char *)l + columns[c].offset);

	return *v;
}

static const char *const side_names[2] = { "home", "away" };

const char *
export_status(struct game *g)
{
	const struct cs_game_info *info = game_info(g);

	if (info->status[0] != '\0')
		return info->status;
	if (g->store.game_ends > 0)
		return "closed";
	return g->store.n > 0 ? "inprogress" : "scheduled";
}

static const char *
period_type_name(enum cs_period_type t)
{
	switch (t) {
	case CS_PERIOD_HALF:
		return "half";
	case CS_PERIOD_OVERTIME:
		return "overtime";
	default:
		return "quarter";
	}
}

/* "M:SS.t": "12:00.0", "0:54.6". */
static void
format_clock(int tenths, char *buf, size_t size)
{
	if (tenths < 0)
		tenths = 0;
	snprintf(buf, size, "%d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10);
}

static const char *
provider_name(struct game *g)
{
	enum cs_provider p = game_info(g)->provider;

	/* no game header yet: the events say who sent them */
	if (p == CS_PROVIDER_NONE && g->store.n > 0)
		p = g->store.order[0]->ev.provider;
	return cs_provider_name(p);
}

/* The coach's numbers, in the order the export writes them: counts, then
 * fixed-point figures with their decimals (model/game.h). */
static const struct {
	const char *key;
	size_t offset;
	int decimals;             /* 0: a count */
} figures[] = {
	{ "points_in_paint", offsetof(struct team_analytics, points_in_paint), 0 },
	{ "fast_break_pts", offsetof(struct team_analytics, fast_break_pts), 0 },
	{ "second_chance_pts", offsetof(struct team_analytics, second_chance_pts), 0 },
	{ "points_off_turnovers", offsetof(struct team_analytics, points_off_turnovers), 0 },
	{ "bench_points", offsetof(struct team_analytics, bench_points), 0 },
	{ "biggest_lead", offsetof(struct team_analytics, biggest_lead), 0 },
	{ "most_unanswered", offsetof(struct team_analytics, most_unanswered), 0 },
	{ "time_leading", offsetof(struct team_analytics, time_leading), 0 },
	{ "possessions", offsetof(struct team_analytics, possessions_x100), 2 },
	{ "offensive_rating", offsetof(struct team_analytics, offensive_rating_x10), 1 },
	{ "defensive_rating", offsetof(struct team_analytics, defensive_rating_x10), 1 },
	{ "effective_fg_pct", offsetof(struct team_analytics, effective_fg_pct_x10), 1 },
	{ "true_shooting_pct", offsetof(struct team_analytics, true_shooting_pct_x10), 1 },
	{ "tov_pct", offsetof(struct team_analytics, tov_pct_x10), 1 },
	{ "oreb_pct", offsetof(struct team_analytics, oreb_pct_x10), 1 },
	{ "ft_rate", offsetof(struct team_analytics, ft_rate_x1000), 3 },
};
#define NFIGURES (sizeof figures / sizeof figures[0])

static int
figure(const struct team_analytics *a, size_t f)
{
	const int *v = (const int *)((const char *)a + figures[f].offset);

	return *v;
}

/* --- JSON ---------------------------------------------------------------- */

static void
add_str(json_object *o, const char *key, const char *value)
{
	json_object_object_add(o, key, json_object_new_string(value));
}

static void
add_int(json_object *o, const char *key, int value)
{
	json_object_object_add(o, key, json_object_new_int(value));
}

/* "97.44" from 9744 and 2 decimals: exact, as the integer arithmetic
 * of the model made it (json-c would print a double as 97.439999...). */
static const char *
fixed(int value, int decimals, char *buf, size_t size)
{
	int scale = decimals == 3 ? 1000 : decimals == 2 ? 100 : 10;
	unsigned mag = value < 0 ? 0u - (unsigned)value : (unsigned)value;

	snprintf(buf, size, "%s%u.%0*u", value < 0 ? "-" : "", mag / (unsigned)scale,
	    decimals, mag % (unsigned)scale);
	return buf;
}

static void
add_fixed(json_object *o, const char *key, int value, int decimals)
{
	char buf[32];
	double scale = decimals == 3 ? 1000.0 : decimals == 2 ? 100.0 : 10.0;

	json_object_object_add(o, key, json_object_new_double_s(value / scale,
	    fixed(value, decimals, buf, sizeof buf)));
}

static void
add_columns(json_object *o, const struct statline *l)
{
	size_t c;

	for (c = 0; c < NCOLUMNS; c++)
		add_int(o, columns[c].key, column(l, c));
}

static json_object *
game_json(struct game *g)
{
	struct cs_period p = game_period(g);
	json_object *o = json_object_new_object(), *period = json_object_new_object();
	char clock[16];

	format_clock(game_clock(g), clock, sizeof clock);
	add_str(o, "provider", provider_name(g));
	add_str(o, "id", game_info(g)->id);
	add_str(o, "status", export_status(g));
	add_str(period, "type", period_type_name(p.type));
	add_int(period, "number", p.number);
	add_int(period, "sequence", p.sequence);
	json_object_object_add(o, "period", period);
	add_str(o, "clock", clock);
	add_int(o, "lead_changes", game_flow(g)->lead_changes);
	add_int(o, "times_tied", game_flow(g)->times_tied);
	return o;
}

static void
add_figures(json_object *o, const struct team_analytics *a)
{
	size_t f;

	for (f = 0; f < NFIGURES; f++) {
		if (figures[f].decimals == 0)
			add_int(o, figures[f].key, figure(a, f));
		else
			add_fixed(o, figures[f].key, figure(a, f), figures[f].decimals);
	}
}

/* The game's figures, then "periods": the same per period played. */
static json_object *
analytics_json(struct game *g, int side, int nperiods)
{
	json_object *o = json_object_new_object(), *periods = json_object_new_array();
	int p;

	add_figures(o, game_analytics(g, side, 0));
	for (p = 1; p <= nperiods; p++) {
		json_object *per = json_object_new_object();

		add_int(per, "sequence", p);
		add_figures(per, game_analytics(g, side, p));
		json_object_array_add(periods, per);
	}
	json_object_object_add(o, "periods", periods);
	return o;
}

static json_object *
player_json(const struct box_player *p)
{
	json_object *o = json_object_new_object();

	add_str(o, "id", p->info.id);
	add_str(o, "name", p->info.name);
	add_str(o, "jersey", p->info.jersey);
	json_object_object_add(o, "starter", json_object_new_boolean(p->info.starter));
	json_object_object_add(o, "on_court", json_object_new_boolean(p->on_court));
	add_int(o, "seconds", p->line.seconds);
	add_columns(o, &p->line);
	add_int(o, "plus_minus", p->line.plus_minus);
	return o;
}

/* --- the provider's own possessions (model/possessions.h) --- */

static json_object *
ppp_json(const struct cs_ppp *p)
{
	json_object *o = json_object_new_object();

	add_int(o, "count", p->count);
	add_int(o, "points", p->points);
	add_fixed(o, "ppp", cs_ppp_x100(p), 2);
	return o;
}

/* The rest of the Possessions pane: "passes" {"0".."3","4+"}, "shot_clock"
 * {"15+","8-15","4-8","0-4"} with fga and fgm, every band present. */
static void
possession_bands_json(json_object *o, const struct cs_possession_summary *s)
{
	static const char *const passes[CS_PASS_BANDS] = { "0", "1", "2", "3", "4+" };
	json_object *p = json_object_new_object(), *c = json_object_new_object(), *b;
	int k;

	for (k = 0; k < CS_PASS_BANDS; k++)
		json_object_object_add(p, passes[k], ppp_json(&s->passes[k]));
	for (k = 0; k < CS_SHOT_CLOCK_BANDS; k++) {
		b = ppp_json(&s->shot_clock[k].poss);
		add_int(b, "fga", s->shot_clock[k].fga);
		add_int(b, "fgm", s->shot_clock[k].fgm);
		json_object_object_add(c, cs_shot_clock_band_name(k), b);
	}
	json_object_object_add(o, "passes", p);
	json_object_object_add(o, "shot_clock", c);
}

static int
cmp_unit_ids(const void *a, const void *b)
{
	return memcmp(((const struct cs_possession_unit *)a)->ids,
	    ((const struct cs_possession_unit *)b)->ids,
	    sizeof ((const struct cs_possession_unit *)a)->ids);
}

/* "units": every five of the side, for and against, in order of its ids. */
static json_object *
possession_units_json(const struct cs_possessions *ps, int side)
{
	json_object *arr = json_object_new_array(), *u, *ids;
	struct cs_possession_unit *units;
	size_t n, i;
	int k;

	n = cs_possessions_units(ps, side, NULL, 0);
	units = n > 0 ? calloc(n, sizeof *units) : NULL;
	if (units == NULL)
		return arr;
	n = cs_possessions_units(ps, side, units, n);
	qsort(units, n, sizeof *units, cmp_unit_ids);
	for (i = 0; i < n; i++) {
		u = json_object_new_object();
		ids = json_object_new_array();
		for (k = 0; k < CS_ON_COURT; k++)
			json_object_array_add(ids, json_object_new_string(units[i].ids[k]));
		json_object_object_add(u, "players", ids);
		json_object_object_add(u, "for", ppp_json(&units[i].for_));
		json_object_object_add(u, "against", ppp_json(&units[i].against));
		json_object_array_add(arr, u);
	}
	free(units);
	return arr;
}

/* {count, points, ppp, transition{..}, halfcourt{..}, paint_touch{..},
 * no_paint_touch{..}, ball_screens{<type>{..}}}; only types that occurred. */
static json_object *
possessions_json(const struct cs_possessions *ps, int side)
{
	struct cs_possession_summary s;
	json_object *o, *screens = json_object_new_object();
	int k;

	cs_possessions_summary(ps, side, &s);
	o = ppp_json(&s.all);
	json_object_object_add(o, "transition", ppp_json(&s.transition));
	json_object_object_add(o, "halfcourt", ppp_json(&s.halfcourt));
	json_object_object_add(o, "paint_touch", ppp_json(&s.paint_touch));
	json_object_object_add(o, "no_paint_touch", ppp_json(&s.no_paint_touch));
	for (k = 0; k < CS_SCREEN_COUNT; k++)
		if (s.screens[k].count > 0)
			json_object_object_add(screens, cs_screen_name((enum cs_screen)k),
			    ppp_json(&s.screens[k]));
	json_object_object_add(o, "ball_screens", screens);
	possession_bands_json(o, &s);
	json_object_object_add(o, "units", possession_units_json(ps, side));
	return o;
}

static json_object *
team_json(struct game *g, int side)
{
	const struct box_team *t = game_team(g, side);
	json_object *o = json_object_new_object();
	json_object *periods = json_object_new_array();
	json_object *totals = json_object_new_object();
	json_object *players = json_object_new_array();
	int order[GAME_PLAYERS_MAX], i;
	size_t k, n;

	add_str(o, "side", side_names[side]);
	add_str(o, "id", t->info.id);
	add_str(o, "name", t->info.name);
	add_str(o, "alias", t->info.alias);
	add_int(o, "points", t->points);
	for (i = 0; i < t->nperiods; i++) {
		json_object *per = json_object_new_object();

		add_int(per, "sequence", i + 1);
		add_int(per, "points", t->period_points[i]);
		json_object_array_add(periods, per);
	}
	json_object_object_add(o, "periods", periods);
	add_columns(totals, &t->totals);
	json_object_object_add(o, "totals", totals);
	add_int(o, "team_rebounds", t->team_rebounds);
	add_int(o, "team_turnovers", t->team_turnovers);
	add_int(o, "team_fouls_period", t->team_fouls_period);
	add_int(o, "timeouts_left", t->timeouts_left);
	json_object_object_add(o, "analytics", analytics_json(g, side, t->nperiods));
	if (cs_possessions_count(g->st_possessions) > 0)
		json_object_object_add(o, "possessions", possessions_json(g->st_possessions, side));
	n = game_box_order(g, side, order, GAME_PLAYERS_MAX);
	for (k = 0; k < n; k++)
		json_object_array_add(players, player_json(&t->players[order[k]]));
	json_object_object_add(o, "players", players);
	return o;
}

static int
finish_stream(FILE *out)
{
	if (fflush(out) != 0 || ferror(out))
		return -1;
	return 0;
}

int
export_json(struct game *g, FILE *out)
{
	json_object *root = json_object_new_object(), *teams = json_object_new_array();
	int rc = 0;

	json_object_object_add(root, "game", game_json(g));
	json_object_array_add(teams, team_json(g, CS_HOME));
	json_object_array_add(teams, team_json(g, CS_AWAY));
	json_object_object_add(root, "teams", teams);
	if (fputs(json_object_to_json_string_ext(root,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE), out) == EOF ||
	    fputc('\n', out) == EOF)
		rc = -1;
	json_object_put(root);
	if (finish_stream(out) < 0)
		rc = -1;
	return rc;
}

/* --- CSV ----------------------------------------------------------------- */

/* RFC 4180: every text field quoted, quotes doubled, so that a jersey
 * "00" or an id "0123" reads back as text, never as a number. */
static void
csv_field(FILE *out, const char *s, bool last)
{
	const char *c;

	fputc('"', out);
	for (c = s; *c != '\0'; c++) {
		if (*c == '"')
			fputc('"', out);
		fputc(*c, out);
	}
	fputc('"', out);
	fputc(last ? '\n' : ',', out);
}

static void
csv_numbers(FILE *out, const struct statline *l)
{
	size_t c;

	fprintf(out, "%d,", l->seconds);
	for (c = 0; c < NCOLUMNS; c++)
		fprintf(out, "%d,", column(l, c));
	fprintf(out, "%d\n", l->plus_minus);
}

static void
csv_team(FILE *out, struct game *g, int side)
{
	const struct box_team *t = game_team(g, side);
	int order[GAME_PLAYERS_MAX];
	size_t k, n = game_box_order(g, side, order, GAME_PLAYERS_MAX);

	for (k = 0; k < n; k++) {
		const struct box_player *p = &t->players[order[k]];

		csv_field(out, side_names[side], false);
		csv_field(out, t->info.alias, false);
		csv_field(out, p->info.id, false);
		csv_field(out, p->info.name, false);
		csv_field(out, p->info.jersey, false);
		csv_field(out, p->info.starter ? "true" : "false", false);
		csv_field(out, p->on_court ? "true" : "false", false);
		csv_numbers(out, &p->line);
	}
	/* the team row: totals include team-only statistics */
	csv_field(out, side_names[side], false);
	csv_field(out, t->info.alias, false);
	csv_field(out, "TEAM", false);
	csv_field(out, t->info.name, false);
	csv_field(out, "", false);
	csv_field(out, "", false);
	csv_field(out, "", false);
	csv_numbers(out, &t->totals);
}

/* One row of the team section: a side's figures for the game (period 0)
 * or a period. */
static void
csv_figures(FILE *out, struct game *g, int side, int period)
{
	const struct team_analytics *a = game_analytics(g, side, period);
	char buf[32];
	size_t f;

	csv_field(out, side_names[side], false);
	csv_field(out, game_team(g, side)->info.alias, false);
	if (period == 0)
		fputs("\"game\",", out);
	else
		fprintf(out, "%d,", period);
	for (f = 0; f < NFIGURES; f++) {
		if (figures[f].decimals == 0)
			fprintf(out, "%d", figure(a, f));
		else
			fputs(fixed(figure(a, f), figures[f].decimals, buf, sizeof buf), out);
		fputc(f + 1 < NFIGURES ? ',' : '\n', out);
	}
}

/* After a blank line, the team section: one row per side for the game,
 * then one per side and period; after another, the game's lead changes
 * and times tied. */
static void
csv_team_section(FILE *out, struct game *g)
{
	const struct game_flow *flow = game_flow(g);
	int s, p, nperiods = game_team(g, CS_HOME)->nperiods;
	size_t f;

	fputs("\nside,team,period", out);
	for (f = 0; f < NFIGURES; f++)
		fprintf(out, ",%s", figures[f].key);
	fprintf(out, "\n");
	for (s = 0; s < 2; s++)
		csv_figures(out, g, s, 0);
	for (p = 1; p <= nperiods; p++)
		for (s = 0; s < 2; s++)
			csv_figures(out, g, s, p);
	fprintf(out, "\nlead_changes,times_tied\n%d,%d\n", flow->lead_changes,
	    flow->times_tied);
}

/* The periods' labels as the game names them: Q1..Q4 or H1 H2, then OT1.. */
static const char *
period_name(const struct game *g, int sequence, char *buf, size_t size)
{
	const struct game_rules *r = game_rules(g);
	struct cs_period p;

	p.sequence = sequence;
	if (sequence > r->periods) {
		p.type = CS_PERIOD_OVERTIME;
		p.number = sequence - r->periods;
	} else {
		p.type = r->format == CS_FORMAT_HALVES ? CS_PERIOD_HALF : CS_PERIOD_QUARTER;
		p.number = sequence;
	}
	return cs_period_label(&p, buf, size);
}

/* After a blank line, the line score: a side per row, its points in each
 * period played and the total, as a scoreboard shows them. */
static void
csv_line_score(FILE *out, struct game *g)
{
	const struct box_team *t;
	char label[16];
	int s, p, nperiods = 0;

	for (s = 0; s < 2; s++)
		if (game_team(g, s)->nperiods > nperiods)
			nperiods = game_team(g, s)->nperiods;
	fputs("\nside,team", out);
	for (p = 1; p <= nperiods; p++)
		fprintf(out, ",%s", period_name(g, p, label, sizeof label));
	fputs(",total\n", out);
	for (s = 0; s < 2; s++) {
		t = game_team(g, s);
		csv_field(out, side_names[s], false);
		csv_field(out, t->info.alias, false);
		for (p = 0; p < nperiods; p++)
			fprintf(out, "%d,", p < t->nperiods ? t->period_points[p] : 0);
		fprintf(out, "%d\n", t->points);
	}
}

int
export_csv(struct game *g, FILE *out)
{
	size_t c;

	fputs("side,team,id,name,jersey,starter,on_court,seconds", out);
	for (c = 0; c < NCOLUMNS; c++)
		fprintf(out, ",%s", columns[c].key);
	fputs(",plus_minus\n", out);
	csv_team(out, g, CS_HOME);
	csv_team(out, g, CS_AWAY);
	csv_line_score(out, g);
	csv_team_section(out, g);
	return finish_stream(out);
}

/* --- marked plays (--export-format markers) --- */

static void
marker_row(FILE *out, struct game *g, const struct cs_event *ev)
{
	const struct cs_video_kept *seg;
	char clock[16], seconds[32];
	int64_t pos;

	format_clock(ev->clock, clock, sizeof clock);
	/* numbers bare, text quoted, as in the box score's CSV */
	fprintf(out, "%d,", ev->period.sequence);
	csv_field(out, clock, false);
	csv_field(out, ev->side == CS_HOME || ev->side == CS_AWAY ? side_names[ev->side] : "",
	    false);
	csv_field(out, ev->id, false);
	csv_field(out, ev->description, false);
	if (video_locate(g->st_possessions, ev->wall_ms, &seg, &pos, NULL) == 0) {
		video_seconds(pos, seconds, sizeof seconds);
		fprintf(out, "%s,", seconds);
		csv_field(out, seg->url, true);
	} else {
		fputs(",\n", out);   /* no segment covers it: both empty */
	}
}

int
export_markers(struct game *g, FILE *out)
{
	size_t i, n = game_play_count(g);
	const struct play *p;

	fputs("period,clock,side,play_id,description,video_seconds,video_url\n", out);
	for (i = 0; i < n; i++) {
		p = game_play(g, i);
		if (p != NULL && cs_possessions_marked(g->st_possessions, p->ev->id))
			marker_row(out, g, p->ev);
	}
	return finish_stream(out);
}
