/*
 * What ShotTracker's sensors would say of the generated game: presence
 * (time on court and possessions per player), the fives on court at a
 * time, and the sensor assignment history.  Shapes: doc/shottracker-wire.md
 * §6 (our assumption: no page prints them).  All from the same game the
 * play-by-play comes from, so they agree with the truth, unless the
 * server is told to make one disagree (--st-disagree), to show the
 * client's warning.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/event.h"
#include "sim/simgame.h"
#include "sim/simgame_internal.h"

#define SENSOR_BASE   100600   /* as the roster's "sensor" */
#define SENSOR_SPARE  100690   /* + side: the spare a changed sensor is swapped for */
#define DISAGREE_TENTHS 600    /* a minute more than the truth */


/* "period" and "gameClock" of a tally: the game time a report is as of. */
static void
as_of(struct sim_buf *b, const struct sim_game *g, const struct sim_tally *t)
{
	char clock[16], period[8];

	sim_game_clock(t->clock, clock, sizeof clock);
	sim_buf_printf(b, "\"period\":\"%s\",\"gameClock\":\"%s\"",
	    sim_period_name(g, t->period, period, sizeof period), clock);
}

/* Possessions (either end) that ended by `at_ms` with the player on court. */
static int
possessions_on(const struct sim_game *g, int side, int player, int64_t at_ms)
{
	size_t i;
	int k, n = 0;

	for (i = 0; i < g->nposs; i++) {
		if (g->poss[i].end_ts > g->epoch_ms + at_ms)
			continue;
		for (k = 0; k < SIM_FIVE; k++)
			if (g->poss[i].five[side][k] == player)
				n++;
	}
	return n;
}

char *
sim_game_st_presence(const struct sim_game *g, int64_t at_ms, bool disagree)
{
	struct sim_view v;
	struct sim_tally t;
	struct sim_buf b;
	char min[16];
	int side, i, tenths;
	bool first = true, bent = !disagree;

	if (g == NULL || sim_view_at(g, at_ms, &v) < 0)
		return NULL;
	sim_tally_view(g, &v, CS_PROVIDER_SHOTTRACKER, &t);
	sim_buf_init(&b);
	sim_buf_puts(&b, "{\"presence\":[");
	for (side = 0; side < 2; side++) {
		for (i = 0; i < g->team[side].nplayers; i++) {
			tenths = t.team[side].players[i].tenths;
			if (!bent && tenths > 0) {
				tenths += DISAGREE_TENTHS;   /* one player, told to */
				bent = true;
			}
			sim_game_clock(tenths, min, sizeof min);
			sim_buf_printf(&b, "%s{\"teamId\":\"%s\",\"playerId\":\"%s\","
			    "\"MIN\":\"%s\",\"POSS\":%d}", first ? "" : ",",
			    g->team[side].st_id, g->team[side].players[i].st_id, min,
			    possessions_on(g, side, i, at_ms));
			first = false;
		}
	}
	sim_buf_puts(&b, "],");
	as_of(&b, g, &t);
	sim_buf_puts(&b, "}");
	sim_view_free(&v);
	return sim_buf_take(&b);
}

/* The five in force for `side` in view `v` (its last lineup), or -1. */
static int
in_force(const struct sim_game *g, const struct sim_view *v, int side)
{
	size_t k;
	int ev, found = -1;

	for (k = 0; k < g->nevents; k++) {
		ev = g->order[k];
		if (v->cur[ev] >= 0 && g->events[ev].kind == SIM_LINEUP &&
		    g->versions[v->cur[ev]].side == side)
			found = ev;
	}
	return found;
}

/* A bench player of `five` (the first one not in it). */
static int
bench_player(const struct sim_game *g, int side, const uint8_t *five)
{
	int i, k;

	for (i = 0; i < g->team[side].nplayers; i++) {
		for (k = 0; k < SIM_FIVE && five[k] != i; k++)
			;
		if (k == SIM_FIVE)
			return i;
	}
	return five[0];
}

static void
five_entry(struct sim_buf *b, const struct sim_game *g, const struct sim_view *v,
    int ev, bool disagree, bool first)
{
	const struct sim_play *q = &g->versions[v->cur[ev]];
	const struct sim_team *team = &g->team[q->side];
	int k, p;

	sim_buf_printf(b, "%s{\"teamId\":\"%s\",\"playerIds\":[", first ? "" : ",",
	    team->st_id);
	for (k = 0; k < SIM_FIVE; k++) {
		p = q->five[q->side][k];
		if (disagree && k == 0)
			p = bench_player(g, q->side, q->five[q->side]);
		sim_buf_printf(b, "%s\"%s\"", k ? "," : "", team->players[p].st_id);
	}
	sim_buf_printf(b, "],\"timestamp\":%lld}", (long long)g->events[ev].seq);
}

char *
sim_game_st_lineup_at(const struct sim_game *g, int64_t timestamp_ms, int64_t at_ms,
    bool disagree)
{
	struct sim_view v;
	struct sim_tally t;
	struct sim_buf b;
	int64_t x = at_ms;
	int side, ev;
	bool first = true;

	if (g == NULL)
		return NULL;
	if (timestamp_ms - g->epoch_ms < x)
		x = timestamp_ms - g->epoch_ms;   /* a time in the past */
	if (sim_view_at(g, x, &v) < 0)
		return NULL;
	sim_tally_view(g, &v, CS_PROVIDER_SHOTTRACKER, &t);
	sim_buf_init(&b);
	sim_buf_puts(&b, "{\"lineups\":[");
	for (side = 0; side < 2; side++) {
		if ((ev = in_force(g, &v, side)) < 0)
			continue;
		five_entry(&b, g, &v, ev, disagree && side == CS_HOME, first);
		first = false;
	}
	sim_buf_puts(&b, "],");
	as_of(&b, g, &t);
	sim_buf_puts(&b, "}");
	sim_view_free(&v);
	return sim_buf_take(&b);
}

/* The epoch ms of the start (or end) of `period` in view `v`, or -1. */
static int64_t
period_mark(const struct sim_game *g, const struct sim_view *v, enum sim_kind kind,
    int period)
{
	size_t i;

	for (i = 0; i < g->nevents; i++)
		if (g->events[i].kind == kind && g->events[i].period == period &&
		    v->cur[i] >= 0)
			return g->events[i].seq;
	return -1;
}

static void
assignment(struct sim_buf *b, const struct sim_game *g, int side, int player,
    int sensor, int64_t ts, bool *first)
{
	sim_buf_printf(b, "%s{\"teamId\":\"%s\",\"playerId\":\"%s\",\"sensor\":%d,"
	    "\"timestamp\":%lld}", *first ? "" : ",", g->team[side].st_id,
	    g->team[side].players[player].st_id, sensor, (long long)ts);
	*first = false;
}

/* The team's first starter in roster order (the box score's first row). */
static int
first_starter(const struct sim_game *g, int side)
{
	int i;

	for (i = 0; i < g->team[side].nplayers; i++)
		if (g->team[side].players[i].starter)
			return i;
	return 0;
}

/*
 * Every player's sensor at the start of each period seen, and one change
 * per team: its first starter's sensor is swapped for a spare halfway
 * through the second period (once that period has ended), kept after.
 */
char *
sim_game_st_sensors(const struct sim_game *g, int64_t at_ms)
{
	struct sim_view v;
	struct sim_buf b;
	int64_t start, end, swap_at = -1;
	int period, side, i, sensor;
	bool first = true;

	if (g == NULL || sim_view_at(g, at_ms, &v) < 0)
		return NULL;
	sim_buf_init(&b);
	sim_buf_puts(&b, "{\"sensor_assignments_history\":[");
	for (period = 1; period <= SIM_PERIODS_MAX; period++) {
		if ((start = period_mark(g, &v, SIM_PERIOD_START, period)) < 0)
			break;
		for (side = 0; side < 2; side++)
			for (i = 0; i < g->team[side].nplayers; i++) {
				sensor = SENSOR_BASE + i + 20 * side;
				if (swap_at >= 0 && i == first_starter(g, side))
					sensor = SENSOR_SPARE + side;
				assignment(&b, g, side, i, sensor, start, &first);
			}
		end = period_mark(g, &v, SIM_PERIOD_END, period);
		if (period == 2 && end > start) {
			swap_at = start + (end - start) / 2;
			for (side = 0; side < 2; side++)
				assignment(&b, g, side, first_starter(g, side),
				    SENSOR_SPARE + side, swap_at, &first);
		}
	}
	sim_buf_puts(&b, "]}");
	sim_view_free(&v);
	return sim_buf_take(&b);
}
