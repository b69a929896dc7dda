/*
 * courtside-sim's server: one generated (or captured) game served over the
 * ShotTracker REST API and Live Data V2 WebSocket and the Sportradar REST
 * play-by-play and push stream, on one libwebsockets context, on its own
 * thread.  Used by courtside-sim's main() and, in-process, by --demo.
 */
#ifndef CS_SIM_SERVER_H
#define CS_SIM_SERVER_H

#include <stdbool.h>
#include <stdint.h>
#include "model/event.h"

struct sim_server_options {
	const char *providers;      /* "shottracker", "sportradar" or "both" (default) */
	const char *bind;           /* default 127.0.0.1 */
	int port;                   /* 0 = ephemeral */
	uint64_t seed;
	bool halves;
	bool force_overtime;
	int overtimes;              /* --overtimes N: exactly N; 0 as played */
	bool st_seed_shape;         /* --st-game-shape seed (simgame.h) */
	const char *capture;        /* serve a capture instead of a generated game */
	struct sim_capture *loaded; /* or this one, already loaded (--start-at
	                               moved it); the server frees it, even
	                               when it fails to start */
	double speed;               /* feed time per wall time; 0 = frozen at start */
	int64_t start_ms;           /* feed time at server start */
	const char *faults;         /* --faults SPEC, NULL = none */
	const char *require_auth;   /* "USER:SECRET" (ShotTracker HMAC) or API key */
	const char *log_path;       /* fault and request log; NULL = stderr */
	bool quiet;                 /* no request log (the in-process demo) */
	const char *seed_examples;  /* serve the vendor's examples from DIR */
	const char *st_disagree;    /* "presence", "lineups" or both, comma-separated:
	                               the sensors' answer bent away from the game */
	int games;                  /* --games N: a league night (league.h); 0 = one game */
};

struct sim_server;
struct sim_capture;

struct sim_server *sim_server_start(const struct sim_server_options *opt,
    char **cause);
int sim_server_port(const struct sim_server *s);
const char *sim_server_game_id(const struct sim_server *s, enum cs_provider p);
void sim_server_stop(struct sim_server **s);

#endif
