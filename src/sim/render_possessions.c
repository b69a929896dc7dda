/*
 * The simulator's possessions in ShotTracker's shape (seeds page 002, plus
 * "teamId" for the catch-up array and the live frames), and the truth that
 * courtside's export of them must equal.
 *
 * Shots, free throws, points, the shot clock of the last shot, turnovers
 * and fast breaks are the game's own (generator.c records them).  What a
 * box score cannot tell (passes, ball screens, reversals, a paint touch
 * without a paint shot) is drawn from a hash of the seed and the
 * possession, so it never moves the game's random stream.  Both the wire
 * and the truth read it through attributes(): they cannot disagree.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/simgame_internal.h"

#define NSCREEN_TYPES 17   /* pick_n_pop .. other, as the vendor lists them */

static const char *const screen_keys[NSCREEN_TYPES] = {
	"pick_n_pop", "pick_n_roll", "pick_n_short_roll", "screened_shot", "handoff",
	"drag", "pop", "roll", "slip", "short_roll", "reject", "re_screen", "stay",
	"step_up", "snake", "split", "other",
};
static const char *const wing_keys[3] = { "left_wing", "middle_wing", "right_wing" };

struct attr {
	int passes, reversals, nscreens;
	bool half_court, paint_touch;
	int screens[NSCREEN_TYPES];
	int wings[3];
};

static uint64_t
mix(uint64_t x)
{
	x += UINT64_C(0x9E3779B97F4A7C15);
	x = (x ^ (x >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	x = (x ^ (x >> 27)) * UINT64_C(0x94D049BB133111EB);
	return x ^ (x >> 31);
}

static void
attributes(const struct sim_game *g, const struct sim_possession *p, struct attr *a)
{
	uint64_t h = mix(g->opt.seed ^ mix((uint64_t)(p - g->poss)));
	int k, n;

	memset(a, 0, sizeof *a);
	a->half_court = !p->fast;
	a->passes = p->fast ? (int)(h % 2) : (int)(h % 7);
	h >>= 8;
	a->paint_touch = p->paint_shot || h % 100 < 30;
	h >>= 8;
	a->reversals = a->passes >= 2 ? (int)(h % 3) : 0;
	h >>= 8;
	n = !a->half_court ? 0 : h % 100 < 40 ? 1 : h % 100 < 50 ? 2 : 0;
	h >>= 8;
	for (k = 0; k < n; k++) {
		a->screens[h % NSCREEN_TYPES]++;
		h >>= 5;
		a->wings[h % 3]++;
		h >>= 2;
	}
	a->nscreens = n;
}


/* One stat of the possession: an FGA (made or not, three or not) or an FTA. */
static void
stat_json(struct sim_buf *b, const struct sim_game *g, const struct sim_possession *p,
    const char *type, const char *details, int shot_clock, bool *first)
{
	char gc[16];

	sim_game_clock(p->end_clock, gc, sizeof gc);
	sim_buf_printf(b, "%s{\"timestamp\":%lld,\"game_clock\":\"%s\"", *first ? "" : ",",
	    (long long)p->end_ts, gc);
	if (shot_clock >= 0)
		sim_buf_printf(b, ",\"shot_clock\":\"%d.%d\"", shot_clock / 10, shot_clock % 10);
	sim_buf_printf(b, ",\"possession_type\":\"%s\",\"details\":[%s],\"player_id\":%s}",
	    type, details, p->shooter >= 0 ? g->team[p->side].players[p->shooter].st_id : "0");
	*first = false;
}

/* Its shots, the last one last (with the shot clock), then its free throws. */
static void
stats_json(struct sim_buf *b, const struct sim_game *g, const struct sim_possession *p)
{
	int m3 = p->fg3m, m2 = p->fgm - p->fg3m, x3 = p->fg3a - p->fg3m;
	int x2 = p->fga - p->fgm - x3, k;
	bool first = true;

	/* hold the last shot back: it is written last, with its clock */
	if (p->fga > 0) {
		int *last = p->last_made ? (p->last_three ? &m3 : &m2) :
		    (p->last_three ? &x3 : &x2);

		(*last)--;
	}
	for (k = 0; k < m2; k++)
		stat_json(b, g, p, "FGA", "\"FGA\",\"FG\"", -1, &first);
	for (k = 0; k < m3; k++)
		stat_json(b, g, p, "FGA", "\"FGA\",\"FGA3\",\"FG\",\"FG3\"", -1, &first);
	for (k = 0; k < x2; k++)
		stat_json(b, g, p, "FGA", "\"FGA\"", -1, &first);
	for (k = 0; k < x3; k++)
		stat_json(b, g, p, "FGA", "\"FGA\",\"FGA3\"", -1, &first);
	if (p->fga > 0)
		stat_json(b, g, p, "FGA", p->last_three ?
		    (p->last_made ? "\"FGA\",\"FGA3\",\"FG\",\"FG3\"" : "\"FGA\",\"FGA3\"") :
		    (p->last_made ? "\"FGA\",\"FG\"" : "\"FGA\""), p->shot_clock, &first);
	for (k = 0; k < p->fta; k++)
		stat_json(b, g, p, "FTA", k < p->ftm ? "\"FTA\",\"FT\"" : "\"FTA\"", -1, &first);
}

static void
attributes_json(struct sim_buf *b, const struct sim_possession *p, const struct attr *a)
{
	int k;

	sim_buf_printf(b, "\"possession_attributes\":{\"turnover\":%d,\"passes\":%d,"
	    "\"half_court\":%s,\"paint_touch\":%s,\"ball_reversals\":%d,\"ball_screens\":%d",
	    p->turnover ? 1 : 0, a->passes, a->half_court ? "true" : "false",
	    a->paint_touch ? "true" : "false", a->reversals, a->nscreens);
	for (k = 0; k < 3; k++)
		sim_buf_printf(b, ",\"ball_screens_%s\":%d", wing_keys[k], a->wings[k]);
	for (k = 0; k < NSCREEN_TYPES; k++)
		sim_buf_printf(b, ",\"ball_screens_%s\":%d", screen_keys[k], a->screens[k]);
	sim_buf_puts(b, "}");
}

char *
sim_st_possession_json(const struct sim_game *g, const struct sim_possession *p)
{
	char c1[16], c2[16], period[8];
	struct sim_buf b;
	struct attr a;
	int t, i;

	attributes(g, p, &a);
	sim_game_clock(p->start_clock, c1, sizeof c1);
	sim_game_clock(p->end_clock, c2, sizeof c2);
	sim_period_name(g, p->period, period, sizeof period);
	sim_buf_init(&b);
	sim_buf_printf(&b, "{\"teamId\":\"%s\",\"_locations\":\"https://api.shottracker.com/"
	    "v1/data/sensors/locations?id=%s&from=%lld&to=%lld\",\"start_timestamp\":%lld,"
	    "\"end_timestamp\":%lld,\"start_game_clock\":\"%s\",\"end_game_clock\":\"%s\","
	    "\"period\":\"%s\"", g->team[p->side].st_id,
	    p->period >= 1 && p->period <= SIM_PERIODS_MAX ? g->st_session_id[p->period - 1] : "",
	    (long long)p->start_ts, (long long)p->end_ts, (long long)p->start_ts,
	    (long long)p->end_ts, c1, c2, period);
	for (t = 0; t < 2; t++) {
		int side = t == 0 ? p->side : !p->side;

		sim_buf_printf(&b, ",\"%s\":[", t == 0 ? "player_ids" : "opposing_player_ids");
		for (i = 0; i < SIM_FIVE; i++)
			sim_buf_printf(&b, "%s%s", i ? "," : "",
			    g->team[side].players[p->five[side][i]].st_id);
		sim_buf_puts(&b, "]");
	}
	sim_buf_puts(&b, ",\"stats\":[");
	stats_json(&b, g, p);
	sim_buf_puts(&b, "],");
	attributes_json(&b, p, &a);
	sim_buf_puts(&b, "}");
	return sim_buf_take(&b);
}

/* --- the truth: what courtside's export says of them --- */

struct ppp {
	int count, points;
};

static void
ppp_json(struct sim_buf *b, const char *key, const struct ppp *x)
{
	int v = x->count > 0 ? (x->points * 200 + x->count) / (2 * x->count) : 0;

	if (key != NULL)
		sim_buf_printf(b, ",\"%s\":{", key);
	sim_buf_printf(b, "\"count\":%d,\"points\":%d,\"ppp\":%d.%02d", x->count, x->points,
	    v / 100, v % 100);
	if (key != NULL)
		sim_buf_puts(b, "}");
}

static void
add(struct ppp *x, const struct sim_possession *p)
{
	x->count++;
	x->points += p->points;
}

/* True when the possession has gone out by feed time at_ms. */
static bool
delivered(const struct sim_possession *p, int64_t at_ms)
{
	return p->end_ts != 0 && p->send_ms <= at_ms;
}

bool
sim_st_possessions_any(const struct sim_game *g, int64_t at_ms)
{
	size_t i;

	for (i = 0; i < g->nposs; i++)
		if (delivered(&g->poss[i], at_ms))
			return true;
	return false;
}

/*
 * The rest of the Possessions pane: by number of passes (0..3, 4+), by
 * the shot clock at the last field-goal attempt (15+, 8-15, 4-8, 0-4 s
 * left, lower bound inclusive; with every FGA of those possessions), and
 * per five-man unit (sorted ids) for and against, the units in id order.
 */
#define PASS_BANDS 5
#define CLOCK_BANDS 4
static const char *const pass_keys[PASS_BANDS] = { "0", "1", "2", "3", "4+" };
static const char *const clock_keys[CLOCK_BANDS] = { "15+", "8-15", "4-8", "0-4" };

static int
clock_band(int tenths)
{
	return tenths < 0 ? -1 : tenths >= 150 ? 0 : tenths >= 80 ? 1 : tenths >= 40 ? 2 : 3;
}

struct unit_truth {
	char ids[SIM_FIVE][8];
	struct ppp for_, against;
};

static int
cmp_str8(const void *a, const void *b)
{
	return strcmp(a, b);
}

static int
cmp_unit(const void *a, const void *b)
{
	return memcmp(((const struct unit_truth *)a)->ids, ((const struct unit_truth *)b)->ids,
	    sizeof ((const struct unit_truth *)a)->ids);
}

/* The unit of `side`'s five in p, added if new; NULL when full. */
static struct unit_truth *
unit_of(const struct sim_game *g, const struct sim_possession *p, int side,
    struct unit_truth *u, size_t *n, size_t max)
{
	char ids[SIM_FIVE][8];
	size_t i;
	int k;

	memset(ids, 0, sizeof ids);
	for (k = 0; k < SIM_FIVE; k++)
		snprintf(ids[k], sizeof ids[k], "%s", g->team[side].players[p->five[side][k]].st_id);
	qsort(ids, SIM_FIVE, sizeof ids[0], cmp_str8);
	for (i = 0; i < *n; i++)
		if (memcmp(u[i].ids, ids, sizeof ids) == 0)
			return &u[i];
	if (*n == max)
		return NULL;
	memset(&u[*n], 0, sizeof u[*n]);
	memcpy(u[*n].ids, ids, sizeof ids);
	return &u[(*n)++];
}

static void
units_truth(struct sim_buf *b, const struct sim_game *g, int side, int64_t at_ms)
{
	struct unit_truth u[512];
	struct unit_truth *x;
	size_t i, n = 0;
	int k;

	for (i = 0; i < g->nposs; i++) {
		const struct sim_possession *p = &g->poss[i];

		if (!delivered(p, at_ms) || (x = unit_of(g, p, side, u, &n, 512)) == NULL)
			continue;
		add(p->side == side ? &x->for_ : &x->against, p);
	}
	qsort(u, n, sizeof u[0], cmp_unit);
	sim_buf_puts(b, ",\"units\":[");
	for (i = 0; i < n; i++) {
		sim_buf_printf(b, "%s{\"players\":[", i ? "," : "");
		for (k = 0; k < SIM_FIVE; k++)
			sim_buf_printf(b, "%s\"%s\"", k ? "," : "", u[i].ids[k]);
		sim_buf_puts(b, "]");
		ppp_json(b, "for", &u[i].for_);
		ppp_json(b, "against", &u[i].against);
		sim_buf_puts(b, "}");
	}
	sim_buf_puts(b, "]");
}

static void
bands_truth(struct sim_buf *b, const struct sim_game *g, int side, int64_t at_ms)
{
	struct ppp passes[PASS_BANDS], clock[CLOCK_BANDS];
	int fga[CLOCK_BANDS] = { 0 }, fgm[CLOCK_BANDS] = { 0 }, k;
	struct attr a;
	size_t i;

	memset(passes, 0, sizeof passes);
	memset(clock, 0, sizeof clock);
	for (i = 0; i < g->nposs; i++) {
		const struct sim_possession *p = &g->poss[i];

		if (p->side != side || !delivered(p, at_ms))
			continue;
		attributes(g, p, &a);
		add(&passes[a.passes < PASS_BANDS - 1 ? a.passes : PASS_BANDS - 1], p);
		if (p->fga > 0 && (k = clock_band(p->shot_clock)) >= 0) {
			add(&clock[k], p);
			fga[k] += p->fga;
			fgm[k] += p->fgm;
		}
	}
	sim_buf_puts(b, ",\"passes\":{");
	for (k = 0; k < PASS_BANDS; k++) {
		sim_buf_printf(b, "%s\"%s\":{", k ? "," : "", pass_keys[k]);
		ppp_json(b, NULL, &passes[k]);
		sim_buf_puts(b, "}");
	}
	sim_buf_puts(b, "},\"shot_clock\":{");
	for (k = 0; k < CLOCK_BANDS; k++) {
		sim_buf_printf(b, "%s\"%s\":{", k ? "," : "", clock_keys[k]);
		ppp_json(b, NULL, &clock[k]);
		sim_buf_printf(b, ",\"fga\":%d,\"fgm\":%d}", fga[k], fgm[k]);
	}
	sim_buf_puts(b, "}");
}

void
sim_st_possessions_truth(struct sim_buf *b, const struct sim_game *g, int side,
    int64_t at_ms)
{
	struct ppp all = { 0, 0 }, tr = { 0, 0 }, hc = { 0, 0 }, pt = { 0, 0 }, npt = { 0, 0 };
	struct ppp screens[NSCREEN_TYPES];
	bool first = true;
	struct attr a;
	size_t i;
	int k;

	memset(screens, 0, sizeof screens);
	for (i = 0; i < g->nposs; i++) {
		const struct sim_possession *p = &g->poss[i];

		if (p->side != side || !delivered(p, at_ms))
			continue;
		attributes(g, p, &a);
		add(&all, p);
		add(a.half_court ? &hc : &tr, p);
		add(a.paint_touch ? &pt : &npt, p);
		for (k = 0; k < NSCREEN_TYPES; k++)
			if (a.screens[k] > 0)
				add(&screens[k], p);
	}
	sim_buf_puts(b, ",\"possessions\":{");
	ppp_json(b, NULL, &all);
	ppp_json(b, "transition", &tr);
	ppp_json(b, "halfcourt", &hc);
	ppp_json(b, "paint_touch", &pt);
	ppp_json(b, "no_paint_touch", &npt);
	sim_buf_puts(b, ",\"ball_screens\":{");
	for (k = 0; k < NSCREEN_TYPES; k++) {
		if (screens[k].count == 0)
			continue;
		sim_buf_printf(b, "%s\"%s\":{", first ? "" : ",", screen_keys[k]);
		ppp_json(b, NULL, &screens[k]);
		sim_buf_puts(b, "}");
		first = false;
	}
	sim_buf_puts(b, "}");
	bands_truth(b, g, side, at_ms);
	units_truth(b, g, side, at_ms);
	sim_buf_puts(b, "}");
}

/* --- videos: one stream per period, one segment per possession --- */

#define VIDEO_DELAY_MS   1500    /* the stream shows the game this late */
#define VIDEO_PREROLL_MS 30000   /* a period's stream starts before its first possession */

/* Epoch ms of the start of the period's stream. */
static int64_t
stream_start(const struct sim_game *g, int period)
{
	size_t i;

	for (i = 0; i < g->nposs; i++)
		if (g->poss[i].period == period)
			return g->poss[i].start_ts - VIDEO_PREROLL_MS;
	return 0;
}

static void
video_json(struct sim_buf *b, const struct sim_game *g, const struct sim_possession *p)
{
	int64_t hls = stream_start(g, p->period), off = p->start_ts + VIDEO_DELAY_MS - hls;
	int64_t dur = p->end_ts - p->start_ts;
	const char *session = p->period >= 1 && p->period <= SIM_PERIODS_MAX ?
	    g->st_session_id[p->period - 1] : "";
	char period[8];

	sim_period_name(g, p->period, period, sizeof period);
	sim_buf_printf(b, "{\"gameId\":\"%s\",\"eventStartTimestamp\":%lld,"
	    "\"eventEndTimestamp\":%lld,\"startGameClockMs\":%d,\"endGameClockMs\":%d,"
	    "\"period\":\"%s\",\"videoStartTimestamp\":%lld,\"videoEndTimestamp\":%lld,"
	    "\"sourceKey\":{\"source\":\"POSSESSION\",\"teamId\":\"%s\",\"playerId\":\"%s\"},"
	    "\"sessionId\":\"%s\",\"facilityId\":\"00000000-0000-0000-0000-000000000000\","
	    "\"location\":\"\",\"hlsVideoStartTimestamp\":%lld,\"hlsStartOffset\":%lld.%03lld,"
	    "\"hlsVideoDelayMs\":%d,\"hlsDuration\":%lld.%03lld,"
	    "\"hlsFile\":\"https://video.courtside-sim.invalid/%s/%s.m3u8\","
	    "\"externalStartTimestamp\":%lld,\"externalEndTimestamp\":%lld,"
	    "\"posterLocation\":\"\"}",
	    g->st_id, (long long)p->start_ts, (long long)p->end_ts, p->start_clock * 100,
	    p->end_clock * 100, period, (long long)(p->start_ts + VIDEO_DELAY_MS),
	    (long long)(p->end_ts + VIDEO_DELAY_MS), g->team[p->side].st_id,
	    p->shooter >= 0 ? g->team[p->side].players[p->shooter].st_id : "",
	    session, (long long)hls, (long long)(off / 1000), (long long)(off % 1000),
	    VIDEO_DELAY_MS, (long long)(dur / 1000), (long long)(dur % 1000), g->st_id,
	    session, (long long)p->start_ts, (long long)p->end_ts);
}

char *
sim_game_st_videos(const struct sim_game *g, int64_t at_ms)
{
	struct sim_buf b;
	bool first = true;
	size_t i;

	if (g == NULL)
		return NULL;
	sim_buf_init(&b);
	sim_buf_puts(&b, "{\"videos\":[");
	for (i = 0; i < g->nposs; i++) {
		if (!delivered(&g->poss[i], at_ms))
			continue;
		sim_buf_puts(&b, first ? "" : ",");
		video_json(&b, g, &g->poss[i]);
		first = false;
	}
	sim_buf_puts(&b, "]}");
	return sim_buf_take(&b);
}
