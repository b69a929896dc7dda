/*
 * A small stand-in for the simulator's game (sim/simgame.h), linked only
 * into tests/sim_fake_server: it lets the server's protocol tests run with
 * a known, tiny message list whatever the real generator does.
 *
 * ShotTracker: one message per second of feed time from 0 to 599 s; every
 * third one is a `clock` (no seq), the others alternate `details` and
 * `marker` with one shared seq 1, 2, 3...  Sportradar: one event every
 * 2 s from 1 s on, event id "ev-N", sequence N.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/simgame.h"

#define FAKE_ST_N 600
#define FAKE_SR_N 300

struct sim_game {
	struct sim_msg st[FAKE_ST_N], sr[FAKE_SR_N];
	char *st_json[FAKE_ST_N], *sr_json[FAKE_SR_N];
	char st_id[64], sr_id[64];
};

struct sim_game *
sim_game_generate(const struct sim_options *opt)
{
	struct sim_game *g = calloc(1, sizeof *g);
	long long seq = 0;
	int i;

	if (g == NULL)
		return NULL;
	snprintf(g->st_id, sizeof g->st_id, "062a3726-3b0f-11eb-86c4-%012llu",
	    (unsigned long long)opt->seed);
	snprintf(g->sr_id, sizeof g->sr_id, "26e0906a-a222-4013-a9c8-%012llu",
	    (unsigned long long)opt->seed);
	for (i = 0; i < FAKE_ST_N; i++) {
		g->st[i].at_ms = (int64_t)i * 1000;
		if (i % 3 == 2) {
			g->st[i].seq = 0;
			if (asprintf(&g->st_json[i], "{\"source\":\"clock\",\"timestamp\":%lld,"
			    "\"data\":{\"period\":\"Q1\",\"gameClock\":\"%d:%02d.0\","
			    "\"running\":true}}", 1700000000000LL + i * 1000LL,
			    (720 - i % 720) / 60, (720 - i % 720) % 60) < 0)
				abort();
		} else {
			g->st[i].seq = ++seq;
			if (asprintf(&g->st_json[i], "{\"source\":\"%s\",\"seq\":%lld,"
			    "\"timestamp\":%lld,\"data\":{\"description\":\"play %d by "
			    "J\xc3\xb6rg \xc3\x85" "berg\",\"n\":%d}}",
			    i % 2 == 0 ? "details" : "marker", seq,
			    1700000000000LL + i * 1000LL, i, i) < 0)
				abort();
		}
		g->st[i].json = g->st_json[i];
	}
	for (i = 0; i < FAKE_SR_N; i++) {
		g->sr[i].at_ms = 1000 + (int64_t)i * 2000;
		g->sr[i].seq = 0;
		if (asprintf(&g->sr_json[i], "{\"payload\":{\"game\":{\"id\":\"%s\"},"
		    "\"event\":{\"id\":\"ev-%d\",\"event_type\":\"twopointmade\","
		    "\"sequence\":%d,\"description\":\"Jo Ray makes a layup\"}},"
		    "\"locale\":\"en\",\"metadata\":{\"match\":\"sd:match:%s\","
		    "\"operation\":\"update\"}}", g->sr_id, i, i, g->sr_id) < 0)
			abort();
		g->sr[i].json = g->sr_json[i];
	}
	return g;
}

void
sim_game_free(struct sim_game **gp)
{
	int i;

	if (gp == NULL || *gp == NULL)
		return;
	for (i = 0; i < FAKE_ST_N; i++)
		free((*gp)->st_json[i]);
	for (i = 0; i < FAKE_SR_N; i++)
		free((*gp)->sr_json[i]);
	free(*gp);
	*gp = NULL;
}

const char *
sim_game_id(const struct sim_game *g, enum cs_provider p)
{
	return p == CS_PROVIDER_SHOTTRACKER ? g->st_id : g->sr_id;
}

int64_t
sim_game_end_ms(const struct sim_game *g)
{
	return g->st[FAKE_ST_N - 1].at_ms;
}

int64_t
sim_game_time_at(const struct sim_game *g, int period_sequence, int clock_tenths)
{
	(void)g;
	return (int64_t)(period_sequence - 1) * 720000 + (7200 - clock_tenths) * 100LL;
}

size_t
sim_game_sr_stream(const struct sim_game *g, const struct sim_msg **msgs)
{
	*msgs = g->sr;
	return FAKE_SR_N;
}

/* asprintf or NULL */
#define FAKE_JSON(...) do {						\
	char *s_;							\
	if (asprintf(&s_, __VA_ARGS__) < 0)				\
		return NULL;						\
	return s_;							\
} while (0)

char *
sim_game_sr_pbp(const struct sim_game *g, int64_t at_ms)
{
	FAKE_JSON("{\"id\":\"%s\",\"status\":\"inprogress\",\"at\":%lld,"
	    "\"periods\":[{\"events\":[]}],\"deleted_events\":[]}", g->sr_id, (long long)at_ms);
}

char *
sim_game_sr_summary(const struct sim_game *g, int64_t at_ms)
{
	FAKE_JSON("{\"id\":\"%s\",\"status\":\"inprogress\",\"at\":%lld,"
	    "\"home\":{},\"away\":{}}", g->sr_id, (long long)at_ms);
}

size_t
sim_game_st_stream(const struct sim_game *g, const struct sim_msg **msgs)
{
	*msgs = g->st;
	return FAKE_ST_N;
}

char *
sim_game_st_event(const struct sim_game *g, int64_t at_ms)
{
	FAKE_JSON("{\"id\":\"%s\",\"status\":\"ACTIVE\",\"at\":%lld,"
	    "\"game_type\":\"QUARTER\",\"home_team_id\":552,\"away_team_id\":526,"
	    "\"results\":[]}", g->st_id, (long long)at_ms);
}

const char *
sim_game_st_team_id(const struct sim_game *g, int side)
{
	(void)g;
	return side == 0 ? "552" : "526";
}

char *
sim_game_st_roster(const struct sim_game *g, int side)
{
	FAKE_JSON("{\"id\":\"%s\",\"players\":[]}", sim_game_st_team_id(g, side));
}

char *
sim_game_st_catchup(const struct sim_game *g, const char *resources, int64_t at_ms)
{
	char *s;

	if (asprintf(&s, "{\"resources\":\"%s\",\"id\":\"%s\",\"at\":%lld,"
	    "\"stats\":[],\"details\":[],\"shots\":[],\"possessions\":[],"
	    "\"gameTotals\":{}}", resources, g->st_id, (long long)at_ms) < 0)
		return NULL;
	return s;
}

char *
sim_game_st_lineups(const struct sim_game *g, int64_t timestamp_ms, int64_t at_ms)
{
	char *s;

	(void)g;
	if (asprintf(&s, "{\"lineups\":[],\"timestamp\":%lld,\"at\":%lld}",
	    (long long)timestamp_ms, (long long)at_ms) < 0)
		return NULL;
	return s;
}

char *
sim_game_truth_json(const struct sim_game *g, enum cs_provider p, int64_t at_ms)
{
	char *s;

	if (asprintf(&s, "{\"game\":{\"provider\":\"%s\",\"id\":\"%s\",\"at\":%lld}}",
	    p == CS_PROVIDER_SHOTTRACKER ? "shottracker" : "sportradar",
	    sim_game_id(g, p), (long long)at_ms) < 0)
		return NULL;
	return s;
}
