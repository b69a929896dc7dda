/*
 * courtside-sim's league night (--games N): N generated games on the
 * server's one clock, tipping off SIM_LEAGUE_STAGGER_MS of feed time
 * apart, the first being the server's own game.  Each game's streams are
 * its own messages moved to its tip-off; the league-wide Sportradar push
 * stream is all of them in time order.  Also the schedule resources of
 * both providers.  Service thread only, once built.
 */
#ifndef CS_SIM_LEAGUE_H
#define CS_SIM_LEAGUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "model/event.h"
#include "sim/simgame.h"

#define SIM_LEAGUE_MAX        16
#define SIM_LEAGUE_STAGGER_MS (5 * 60 * 1000LL)   /* a few minutes apart */

/*
 * What the server needs to know of each ShotTracker message to open a
 * socket (server_stream.c fills it in): its source, as a filter bit, and
 * for a non-sequence source (clock, stats) the index of the next message
 * that carries a newer value of the same thing (the next clock; the same
 * player's next stats line), else the stream's length.
 */
struct sim_st_info {
	uint32_t newer;
	unsigned char src;
};

struct sim_league_game {
	struct sim_game *game;       /* owned, but for game 0 (the server's) */
	int64_t tipoff_ms;           /* server feed time of its tip-off */
	const struct sim_msg *st, *sr;  /* its streams on the server's clock */
	size_t st_n, sr_n;
	struct sim_st_info *st_info; /* per ShotTracker message */
};

struct sim_league;

/* `first` stays the caller's; the others are generated with `base` and
 * seeds base->seed + i.  st_describe fills a ShotTracker stream's
 * sim_st_info, one per message (0, or -1 out of memory).
 * bit.  NULL out of memory or when the generator fails. */
/* Game i of a night of n > 1 games from `seed`: its two teams (indexes of
 * sim_team_names + 1, as sim_options.night_teams wants them), no team in
 * two games; 0 and 0 for a single game (its teams are drawn as ever). */
void sim_league_night_teams(uint64_t seed, int i, int n, int teams[2]);

struct sim_league *sim_league_new(struct sim_game *first,
    const struct sim_options *base, int n,
    int (*st_describe)(const struct sim_msg *, size_t, struct sim_st_info *));
void sim_league_free(struct sim_league **l);

int sim_league_count(const struct sim_league *l);
const struct sim_league_game *sim_league_game(const struct sim_league *l, int i);
/* The game with this provider id, or -1. */
int sim_league_find(const struct sim_league *l, enum cs_provider p, const char *id);
/* Every game's Sportradar push messages in time order. */
size_t sim_league_sr_all(const struct sim_league *l, const struct sim_msg **msgs);

/*
 * The schedules at server feed time `feed_now`, which is wall time
 * `wall_now_ms` (epoch ms), feed time running `speed` times wall time
 * (0: frozen, tip-offs shown as if at 1x).  malloc'd JSON.
 */
struct sim_league_clock {
	int64_t feed_now, wall_now_ms;
	double speed;
};
/* GET /v1/data/schedule/games?from=&to=[&team_id=]: tip-offs in [from, to). */
char *sim_league_st_schedule(const struct sim_league *l,
    const struct sim_league_clock *c, int64_t from_ms, int64_t to_ms,
    const char *team_id);
/* GET /{league}/{access}/v8/en/games/Y/M/D/schedule.json: the local day. */
char *sim_league_sr_schedule(const struct sim_league *l,
    const struct sim_league_clock *c, int year, int month, int day);

#endif
