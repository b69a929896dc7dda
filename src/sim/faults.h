/*
 * courtside-sim's fault injection: the --faults SPEC parser and the
 * deterministic draws that decide, per message and per request, which
 * fault hits.  A draw depends only on the seed and on what it is about
 * (connection serial, message index, request serial), never on timing,
 * so a run with the same seed and the same clients injects the same faults.
 *
 * SPEC is a comma list of key=value:
 *   drop=N          close each live stream after N messages
 *   stall=S@T       every open stream goes silent for S wall seconds, once,
 *                   when feed time reaches T seconds (or at the first
 *                   stream opened after that)
 *   stall=S/T       the same, every T feed seconds
 *   5xx=P           answer a share P of REST calls with 500/503
 *   malformed=P     send a share P of messages as invalid JSON first
 *   truncate=P      send a truncated copy of a share P of messages first
 *   duplicate=P     send a share P of messages twice
 *   reorder=P       swap a share P of messages with the next one
 *   refuse=G:N[@K]  league game G (1 = the first of --games): after its
 *                   first K token requests (ShotTracker _subscribe) and
 *                   play-by-play reads (ShotTracker's catch-up of details,
 *                   Sportradar pbp.json), the next N of each kind answer
 *                   503 with Retry-After: 1
 *   freeze=G:N[@K]  the same requests accepted and never answered
 *   rosters=G:N[@K] league game G's Sportradar summary.json (the rosters):
 *                   after the first K, the next N answer 503
 *   seed=N          seed of the draws (default 1)
 */
#ifndef CS_SIM_FAULTS_H
#define CS_SIM_FAULTS_H

#include <stdbool.h>
#include <stdint.h>

enum sim_fault_kind {
	SIM_FAULT_DROP = 0,
	SIM_FAULT_STALL,
	SIM_FAULT_5XX,
	SIM_FAULT_MALFORMED,
	SIM_FAULT_TRUNCATE,
	SIM_FAULT_DUPLICATE,
	SIM_FAULT_REORDER,
	SIM_FAULT_KIND_COUNT
};

/* refuse= and freeze=: one game's token and play-by-play requests */
struct sim_game_fault {
	int game;               /* 1-based; 0 = none */
	long skip, count;       /* after `skip` such requests, the next `count` */
};

struct sim_faults {
	long drop;              /* 0 = never */
	double stall_seconds;   /* 0 = never */
	int64_t stall_at_ms;    /* feed time of the (first) stall */
	bool stall_every;       /* repeat every stall_at_ms */
	double p_5xx, malformed, truncate, duplicate, reorder;
	uint64_t seed;
	struct sim_game_fault refuse, freeze;   /* one game's REST (issue 19) */
	struct sim_game_fault rosters;          /* one game's summary.json refused */
};

/* NULL or "" is no faults.  Returns 0, or -1 with a one-line *cause
 * (malloc'd) naming the bad item. */
int sim_faults_parse(const char *spec, struct sim_faults *out, char **cause);

/* True when at least one fault is configured. */
bool sim_faults_any(const struct sim_faults *f);

/* A deterministic draw in [0, 1) for (kind, a, b). */
/* True when the `nth` (0-based) such request of league game `game`
 * (0-based) falls to `gf`. */
bool sim_faults_game_hit(const struct sim_game_fault *gf, int game, long nth);

double sim_faults_draw(const struct sim_faults *f, enum sim_fault_kind kind,
    uint64_t a, uint64_t b);

const char *sim_faults_name(enum sim_fault_kind kind);

#endif
