/*
 * The simulator's game: a seeded, deterministic basketball game, rendered
 * as both providers' wire formats, with its own ground truth.
 *
 * Time: everything is placed on "feed time", milliseconds since the
 * simulated tip-off including dead time (free throws, timeouts, breaks).
 * The server maps feed time to wall time with --speed.
 *
 * What the REST documents show at feed time T: the latest version (as of
 * T) of every event first sent at or before T, without those deleted at or
 * before T.  The live streams carry every version in order, including the
 * enrichment re-sends, corrections, deletes and re-entries.
 *
 * Ground truth at T is the box score of exactly what REST shows at T,
 * computed by the generator's own tally (its own code, not the model's), so
 * that a client's export can be compared with it.  It uses the export JSON
 * schema of product.md §5 with the provider's own ids.
 */
#ifndef CS_SIMGAME_H
#define CS_SIMGAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "model/event.h"

#define SIM_END INT64_MAX   /* "at the end of the game" */

struct sim_options {
	uint64_t seed;
	bool halves;              /* 2 x 20 min (NCAA) instead of 4 x 12 (NBA) */
	bool force_overtime;      /* tie regulation so the game goes to overtime */
	int overtimes;            /* exactly this many overtimes; 0 = as played */
	bool no_corrections;      /* a plain game: no re-sends, deletes, re-entries */
	bool st_seed_shape;       /* the game event as the vendor's example prints it */
	/* a league night's teams: sim_team_names index + 1 for home and away
	 * (0: drawn from the seed), so no team plays twice in a night */
	int night_teams[2];
};

struct sim_game;

/* A message of a live stream, in sending order. */
struct sim_msg {
	int64_t at_ms;            /* feed time it is sent */
	int64_t seq;              /* ShotTracker shared seq; 0 when the source has none */
	const char *json;         /* one line, no newline; owned by the game */
};

struct sim_game *sim_game_generate(const struct sim_options *opt);
void sim_game_free(struct sim_game **g);

const char *sim_game_id(const struct sim_game *g, enum cs_provider p);
int64_t sim_game_end_ms(const struct sim_game *g);     /* feed time of the last message */
/* Feed time at which the given period/clock is reached (for --start-at, --until). */
int64_t sim_game_time_at(const struct sim_game *g, int period_sequence, int clock_tenths);

/* --- Sportradar --- */
size_t sim_game_sr_stream(const struct sim_game *g, const struct sim_msg **msgs);
char *sim_game_sr_pbp(const struct sim_game *g, int64_t at_ms);      /* malloc'd */
char *sim_game_sr_summary(const struct sim_game *g, int64_t at_ms);  /* malloc'd */

/* --- ShotTracker --- */
size_t sim_game_st_stream(const struct sim_game *g, const struct sim_msg **msgs);
char *sim_game_st_event(const struct sim_game *g, int64_t at_ms);    /* GET /v1/data/games/{id} */
const char *sim_game_st_team_id(const struct sim_game *g, int side);
char *sim_game_st_roster(const struct sim_game *g, int side);        /* GET /v1/data/teams/{id},SHOTTRACKER */
/* resources: comma list of stats, details, shots, possessions */
char *sim_game_st_catchup(const struct sim_game *g, const char *resources, int64_t at_ms);
char *sim_game_st_lineups(const struct sim_game *g, int64_t timestamp_ms, int64_t at_ms);
/* GET /v1/data/stats/games/{id}/videos: one HLS segment per possession out
 * by at_ms, one stream per period (render_possessions.c). */
char *sim_game_st_videos(const struct sim_game *g, int64_t at_ms);
/* What the sensors saw (render_sensors.c, doc/shottracker-wire.md §6), as of
 * at_ms; `disagree` bends one value away from the truth on purpose. */
char *sim_game_st_presence(const struct sim_game *g, int64_t at_ms, bool disagree);
char *sim_game_st_lineup_at(const struct sim_game *g, int64_t timestamp_ms, int64_t at_ms,
    bool disagree);
char *sim_game_st_sensors(const struct sim_game *g, int64_t at_ms);

/* --- Ground truth (export schema, provider's ids) --- */
char *sim_game_truth_json(const struct sim_game *g, enum cs_provider p, int64_t at_ms);

#endif
