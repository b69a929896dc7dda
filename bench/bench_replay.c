/*
 * Ingest speed of a recorded full game (product.md §6: over 200,000
 * provider messages per second, at least a third of raw JSON parse speed).
 *
 * The messages are a generated game's live streams, exactly as they are
 * recorded; each goes through the provider's parser into the model, as in
 * --replay --speed max.  Raw json-c parsing of the same messages is the
 * yardstick.  Prints numbers; asserts nothing.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "model/game.h"
#include "net/feed.h"
#include "providers/parser.h"
#include "sim/simgame.h"
#include "bench_json.h"

#define ROUNDS 7

static double
raw_parse(const struct sim_msg *msgs, size_t n)
{
	int64_t t0 = cs_now_us();
	size_t i;

	for (i = 0; i < n; i++) {
		json_object *o = json_tokener_parse(msgs[i].json);
		json_object_put(o);
	}
	return (double)(cs_now_us() - t0) / 1e6;
}

/* What a capture holds before the stream: the REST start-up documents. */
struct preamble {
	const char *channel[3];
	char *body[3];
};

static double
ingest(const struct provider_parser *p, const struct preamble *pre,
    const char *channel, const struct sim_msg *msgs, size_t n, int *points)
{
	struct game *g = game_new();
	struct cs_sink sink = game_sink(g);
	void *state = p->create(&sink);
	int64_t t0 = cs_now_us();
	double secs;
	size_t i;

	for (i = 0; pre != NULL && i < 3; i++)
		if (pre->body[i] != NULL)
			p->message(state, pre->channel[i], pre->body[i], strlen(pre->body[i]));
	for (i = 0; i < n; i++)
		p->message(state, channel, msgs[i].json, strlen(msgs[i].json));
	*points = game_team(g, CS_HOME)->points + game_team(g, CS_AWAY)->points;
	secs = (double)(cs_now_us() - t0) / 1e6;
	p->destroy(state);
	game_free(&g);
	return secs;
}

static void
bench(const char *name, const struct provider_parser *p, const struct preamble *pre,
    const char *channel, const struct sim_msg *msgs, size_t n)
{
	double best_raw = 1e9, best_ingest = 1e9, s;
	size_t bytes = 0, i;
	int r, points = 0;

	for (i = 0; i < n; i++)
		bytes += strlen(msgs[i].json);
	for (r = 0; r < ROUNDS; r++) {
		s = raw_parse(msgs, n);
		if (s < best_raw)
			best_raw = s;
		s = ingest(p, pre, channel, msgs, n, &points);
		if (s < best_ingest)
			best_ingest = s;
	}
	printf("%s: %zu messages (%.1f MB), %d points in all\n", name, n, (double)bytes / 1e6, points);
	printf("  raw json-c parse:        %9.0f messages/s\n", (double)n / best_raw);
	printf("  parser + model (replay): %9.0f messages/s (budget > 200,000), %.0f%% of raw parse (budget >= 33%%)\n",
	    (double)n / best_ingest, 100.0 * best_raw / best_ingest);
	{
		char fig[64];

		snprintf(fig, sizeof fig, "replay_%s", name);
		bench_json("bench_replay", fig, (double)n / best_ingest, "msgs/s", 200000, "higher");
		snprintf(fig, sizeof fig, "replay_%s_of_raw", name);
		bench_json("bench_replay", fig, best_raw / best_ingest, "x raw", 1.0 / 3, "higher");
	}
}

int
main(void)
{
	struct sim_options opt = { .seed = 2026 };
	struct sim_game *g = sim_game_generate(&opt);
	const struct sim_msg *msgs;
	struct preamble st;
	char ch[3][160];
	size_t n;
	int i;

	if (g == NULL)
		return 1;
	snprintf(ch[0], sizeof ch[0], "rest:/v1/data/games/%s", sim_game_id(g, CS_PROVIDER_SHOTTRACKER));
	for (i = 0; i < 2; i++)
		snprintf(ch[i + 1], sizeof ch[i + 1], "rest:/v1/data/teams/%s,SHOTTRACKER",
		    sim_game_st_team_id(g, i));
	st.body[0] = sim_game_st_event(g, 0);
	st.body[1] = sim_game_st_roster(g, CS_HOME);
	st.body[2] = sim_game_st_roster(g, CS_AWAY);
	for (i = 0; i < 3; i++)
		st.channel[i] = ch[i];
	n = sim_game_st_stream(g, &msgs);
	bench("shottracker live frames", &shottracker_parser, &st, "ws", msgs, n);
	n = sim_game_sr_stream(g, &msgs);
	bench("sportradar push lines", &sportradar_parser, NULL, "push", msgs, n);
	for (i = 0; i < 3; i++)
		free(st.body[i]);
	sim_game_free(&g);
	return 0;
}
