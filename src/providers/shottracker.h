/*
 * ShotTracker (DDSports) Event API and Live Data V2 (doc/shottracker-wire.md).
 *
 * Two layers:
 *  - the parsers (shottracker_parse.c): bytes of a REST document or of one
 *    WebSocket frame -> calls on a struct cs_sink.  No I/O, no clock, so
 *    they are unit-tested and fuzzed.  What they remember between
 *    documents lives in a struct shottracker_ctx owned by the caller.
 *  - the provider (shottracker.c): `provider_shottracker`, run on the feed
 *    thread: signed REST catch-up, subscribe, then the WebSocket (net/ws.c
 *    carries it: lookup, TLS, keep-alive, watchdog) with resume and backoff.
 *
 * Every raw message goes through shottracker_parse_message() with its
 * channel ("rest:<path>", "ws"), live and in a replay alike.
 */
#ifndef CS_SHOTTRACKER_H
#define CS_SHOTTRACKER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "model/event.h"
#include "net/feed.h"

/* feed_config.options for ShotTracker; strings copied by feed_start. */
struct shottracker_options {
	const char *ws_url;         /* the WebSocket base; NULL = derived from the REST base */
	const char *username;
	const char *secret;         /* never logged nor recorded */
	enum feed_ping ping;        /* the keep-alive after 20 s quiet */
};

#define SHOTTRACKER_FRAME_MAX    (1u << 20)   /* one WebSocket message */
#define SHOTTRACKER_DOCUMENT_MAX (16u << 20)  /* one REST body */

struct shottracker_ids;   /* per-id latest seq and liveness (parse.c) */

/*
 * Parser state for one game.  The team ids come from the game event; until
 * then an item's side is unknown and its statistics are dropped.
 */
struct shottracker_ctx {
	struct cs_sink sink;
	char game_id[CS_ID_MAX];      /* "" = take the game event's */
	char team_id[2][CS_ID_MAX];   /* home, away */
	bool have_game;               /* the game event was parsed */
	bool have_team[2];            /* that side's roster was parsed */
	bool halves;
	struct cs_game_info info;     /* merged header: status, format, teams, colours */
	bool game_over;               /* status COMPLETE or a GAME_END marker */
	struct cs_period last_period; /* the latest period seen (sequence 0 = none) */
	int64_t last_timestamp;       /* the latest play timestamp seen */
	unsigned long warnings;       /* warnings sent to the sink */

	/* gameTotals of the latest catch-up, for display checks and logs */
	bool have_totals;
	int totals_points[2];
	char totals_period[8];
	char totals_status[16];

	struct shottracker_ids *ids;  /* owned */
};

/* `sink` is copied; `game_id` may be NULL or "". */
void shottracker_ctx_init(struct shottracker_ctx *c, const struct cs_sink *sink,
    const char *game_id);
void shottracker_ctx_free(struct shottracker_ctx *c);
/* A warning of the parser's (sanitized, counted, to the sink's warning). */
__attribute__((format(printf, 2, 3)))
void shottracker_warn(struct shottracker_ctx *c, const char *fmt, ...);

/* GET /v1/data/games/{id}: format, status, team ids, period start/end
 * events (and game:end when COMPLETE).  0, or -1 (one warning). */
int shottracker_parse_game(struct shottracker_ctx *c, const char *json, size_t len);

/* GET /v1/data/teams/{id},SHOTTRACKER: one team's roster; the side comes
 * from the team id.  0, or -1 (one warning). */
int shottracker_parse_roster(struct shottracker_ctx *c, const char *json, size_t len);

/*
 * The catch-up document (stats, details, shots, possessions, gameTotals),
 * or any one resource of it.  Details become events (deleted ones delete),
 * stats become published totals.  When the document carries `details`, it
 * is the whole truth: a play delivered before and missing now is deleted.
 * Returns the number of events delivered, or -1 (one warning).
 */
int shottracker_parse_catchup(struct shottracker_ctx *c, const char *json, size_t len);

/* GET /v1/data/games/{id}/lineups: substitution events.  Like details, the
 * whole history is the truth.  Returns the number of lineups, or -1. */
int shottracker_parse_lineups(struct shottracker_ctx *c, const char *json, size_t len);

/* The _subscribe answer: {"token":…}, {"subscription_token":…} or a bare
 * JSON string.  0 with the token in `token`, -1 when none was found.  No
 * ctx: the token is never logged nor recorded. */
int shottracker_parse_subscribe(const char *json, size_t len, char *token,
    size_t size);

enum shottracker_source {
	ST_SOURCE_NONE = 0,           /* nothing usable (bad input: warned) */
	ST_SOURCE_DETAILS,
	ST_SOURCE_SHOTS,
	ST_SOURCE_MARKER,
	ST_SOURCE_POSSESSIONS,
	ST_SOURCE_STATS,
	ST_SOURCE_CLOCK,
	ST_SOURCE_PONG,               /* the answer to a text "ping" */
	ST_SOURCE_UNKNOWN,            /* a source we do not use: ignored */
};

/* What the provider needs to know about a frame beyond the sink. */
struct shottracker_frame_info {
	int frames;                   /* envelopes in the message (an array counts each) */
	enum shottracker_source source;    /* of the last envelope */
	char source_name[24];         /* as sent, sanitized (for the log) */
	bool has_seq;
	int64_t seq;                  /* the highest seq in the message */
	int64_t min_seq;              /* the lowest */
	bool game_end;                /* a GAME_END marker */
	int stale;                    /* envelopes skipped: an item already newer */
};

/*
 * One WebSocket text message: an envelope {"source"|"type", "seq"|"sequence",
 * "timestamp", "data"} (or an array of them).  An item already applied at a
 * higher seq is not applied again (out-of-order or duplicate deliveries).
 * Returns 0, or -1 when nothing in it was usable (one warning).  `info`
 * may be NULL.
 */
int shottracker_parse_frame(struct shottracker_ctx *c, const char *json,
    size_t len, struct shottracker_frame_info *info);

/* Dispatch by channel: "rest:/v1/data/games/ID", "rest:/v1/data/teams/…",
 * "rest:/v1/data/stats/games/…", "rest:…/lineups", "ws".  0 or -1. */
int shottracker_parse_message(struct shottracker_ctx *c, const char *channel,
    const char *data, size_t len, struct shottracker_frame_info *info);

/* "Q1".."Q4", "H1", "H2", "OT1", "OT" (= OT1); 0 or -1. */
int shottracker_period_parse(const char *s, bool halves, struct cs_period *out);

/* --- the provider: `provider_shottracker`, in the registry (providers/provider.h). --- */

/* A refused request's error body (JSON "message", "shottrackerRequestId"):
 * the message sanitized and cut to 100 characters, the request id (the
 * body's, else the header's).  Either "" when absent. */
struct http_response;
void shottracker_error_details(const struct http_response *r, char *msg, size_t msize,
    char *rid, size_t rsize);

/* A one-line, human reason (*cause) for a refused request of `what` at `path`. */
void shottracker_describe_status(const struct http_response *r, const char *what,
    const char *path, char **cause);

#endif
