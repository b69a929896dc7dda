/*
 * Sportradar basketball (NBA / G League): REST play-by-play and summary as
 * catch-up, then the push events stream (sportradar-push.md).
 *
 * Three layers, each usable alone:
 *  - the parsers (sportradar_parse.c): bytes of pbp.json, summary.json or
 *    one push line -> calls on a struct cs_sink.  No I/O.  State kept
 *    between documents lives in a struct sportradar_ctx owned by the caller.
 *  - the NDJSON splitter (sportradar_push.c): arbitrary chunks of the push
 *    stream -> complete lines (or whole objects, when they are concatenated
 *    without newlines).  No I/O.
 *  - the provider (sportradar.c): `provider_sportradar`, run on the feed
 *    thread: REST catch-up, then the push stream (http_stream, net/http.c)
 *    with resume and backoff.
 */
#ifndef CS_SPORTRADAR_H
#define CS_SPORTRADAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "model/event.h"

/* feed_config.options for Sportradar; strings copied by feed_start. */
struct sportradar_options {
	const char *league;         /* nba | nbdl; NULL = nba */
	const char *access_level;   /* trial | production; NULL = trial */
	const char *api_key;        /* never logged nor recorded */
	/* The push subscription's language code (NULL = en) and, for a
	 * league on one connection, its filters (NULL = none): status
	 * "inprogress" or "created", team a team id ("sd:team:" optional). */
	const char *locale;
	const char *status;
	const char *team;
};

/* Whether `value` of push filter `name` (locale, status, team) can go on
 * the subscribe URL; false with a one-line *cause (may be NULL). */
bool sportradar_push_filter_ok(const char *name, const char *value, char **cause);

/* --- parsers --- */

/*
 * What the parsers remember between documents of one game: the game id to
 * accept, the two team ids (to give a side to messages that lack them), the
 * format, players' ids by league reference, and the last game header sent,
 * so that a header without rosters (pbp.json) never wipes the rosters a
 * summary.json brought.
 */
#define SR_KNOWN_PLAYERS 96
#define SR_SEEN_EVENTS   4096   /* a game has ~1,500 ids; more: no guard */
#define SR_OC_KEEP       4096   /* an on_court kept for the next push (~1.5 KB) */

struct sportradar_ctx {
	struct cs_sink sink;
	/* league reference -> uuid, learned from every player object that has
	 * both (rosters first): a player sent once without his id (an
	 * on-court list, say) still lands on his own box-score line */
	int nknown;
	struct {
		char reference[16];
		char id[CS_ID_MAX];
	} known[SR_KNOWN_PLAYERS];
	char game_id[CS_ID_MAX];     /* "" = accept any game (set by the first header) */
	/* The newest `updated` time delivered per event id (hash of the id),
	 * so that an older version arriving late (a reordered push line, a
	 * cached pbp.json) never replaces a newer one, nor revives a delete. */
	size_t nseen;
	struct {
		uint64_t key;            /* 0 = free */
		int64_t updated_ms;
		int64_t sequence;        /* the last usable sequence, -1 none */
		bool deleted;
	} seen[SR_SEEN_EVENTS];
	bool epoch_sequences;        /* sequences seen are epoch-ms-like */
	/* remaining_timeouts come with every header; the figure of the newest
	 * moment wins (a document's last event, a push's stream so far), so a
	 * cached pbp.json read after the push cannot set the count back */
	int64_t max_sequence;        /* the newest event sequence seen */
	int64_t timeouts_version;    /* the moment of the figure in info */
	unsigned long stale;         /* versions skipped as older */
	bool have_info;
	struct cs_game_info info;    /* merged header: teams, rosters, format, status */
	bool halves;                 /* periods are halves (NCAA-style) */
	char status[16];             /* the latest REST status ("closed", ...) */
	unsigned long warnings;      /* warnings sent to the sink */
	/* The last push event's on_court, as bytes and as the fives it gave:
	 * the next event names the same ten players nearly always, and then
	 * they are not parsed again (only when each had his own id, so that
	 * what was learned since cannot change them). */
	size_t oc_len;               /* 0: none kept */
	char oc_text[SR_OC_KEEP];
	bool oc_has[2];
	struct cs_player_ref oc_five[2][CS_ON_COURT];
};

/* `sink` is copied; `game_id` may be NULL or "". */
void sportradar_ctx_init(struct sportradar_ctx *c, const struct cs_sink *sink,
    const char *game_id);

/*
 * pbp.json (v8, v7, and the older format without sequence/clock_decimal):
 * the header -> sink.game (merged with any roster seen before), every event
 * -> sink.event, deleted_events -> sink.delete_event.  Returns the number of
 * events delivered, or -1 when the body is not a play-by-play document
 * (one warning names why).
 */
int sportradar_parse_pbp(struct sportradar_ctx *c, const char *json, size_t len);
/* The same, with every event read by json-c's tree when `tree` (tests hold
 * the allocation-free scanner to it); *scanned (may be NULL) counts the
 * events the scanner read itself. */
int sportradar_parse_pbp_read(struct sportradar_ctx *c, const char *json, size_t len,
    bool tree, size_t *scanned);

/*
 * pbp.json as it arrives, in pieces of any size (the REST fetch hands over
 * what libcurl reads): each event is delivered once whole and its text
 * dropped, so neither the body nor a tree of it is held.  What only the
 * whole document says (deleted_events, timeouts, events waiting for a
 * player's id, the status) waits for sportradar_pbp_end(&r, true), which
 * returns what sportradar_parse_pbp would; a document cut short is refused
 * there (one warning), its events already delivered staying.  `admit`
 * (may be NULL) sees the header's status before anything is applied:
 * false ends the reading, nothing of it applied (sportradar_pbp_feed then
 * returns -1: stop the transfer).  sportradar_pbp_end(&r, false): the
 * transfer failed; -1, quietly.  Both free r.
 */
struct sportradar_pbp;
struct sportradar_pbp *sportradar_pbp_new(struct sportradar_ctx *c,
    bool (*admit)(void *arg, const char *status), void *arg);
int sportradar_pbp_feed(struct sportradar_pbp *r, const char *data, size_t len);
int sportradar_pbp_end(struct sportradar_pbp **r, bool whole);

/* summary.json: both rosters -> sink.game.  0, or -1 (one warning). */
int sportradar_parse_summary(struct sportradar_ctx *c, const char *json, size_t len);

enum sportradar_push_kind {
	SR_PUSH_SKIPPED = 0,         /* bad or unknown input: one warning was sent */
	SR_PUSH_HEARTBEAT,
	SR_PUSH_EVENT,               /* an upsert was sent to the sink */
	SR_PUSH_DELETE,              /* a delete was sent to the sink */
	SR_PUSH_OTHER_GAME,          /* a message of another game: ignored quietly */
	SR_PUSH_STALE,               /* an older version than one delivered: ignored */
};

/* What the provider needs to know about a push message beyond the sink. */
struct sportradar_push_info {
	enum sportradar_push_kind kind;
	enum cs_event_type type;     /* SR_PUSH_EVENT */
	struct cs_period period;     /* SR_PUSH_EVENT */
	int points[2];               /* payload.game score at send time; CS_UNKNOWN */
	long heartbeat_ms;           /* SR_PUSH_HEARTBEAT: the interval, CS_UNKNOWN */
};

/*
 * One line of the push stream (no newline needed).  `info` may be NULL.
 * Any operation but "delete" (update, create, none) is an upsert, unless
 * its `updated` time is older than that of a version (or a delete) of the
 * same event already delivered: real feeds reorder re-sends.  Scores
 * never come from payload.game (it holds the score at send time); the one
 * send-time field used is remaining_timeouts, and only as the
 * timeouts_remaining of a teamtimeout event of that same team: sent with
 * the timeout itself, it is that team's count right after it.  REST events
 * carry no such field (CS_UNKNOWN: the model counts timeouts instead).
 */
enum sportradar_push_kind sportradar_parse_push(struct sportradar_ctx *c,
    const char *line, size_t len, struct sportradar_push_info *info);

/* The two readings sportradar_parse_push chooses between (tests hold them
 * to each other): the allocation-free scan, which returns -1 having done
 * nothing when it cannot read the line exactly as json-c would, and the
 * json-c tree, which reads any line. */
int sportradar_parse_push_scan(struct sportradar_ctx *c, const char *line, size_t len,
    struct sportradar_push_info *info);
enum sportradar_push_kind sportradar_parse_push_tree(struct sportradar_ctx *c,
    const char *line, size_t len, struct sportradar_push_info *info);

/*
 * A message recorded by the provider (feed_record): channel "push", or
 * "rest:<path>" ending in pbp.json or summary.json.  Returns 0, or -1 when
 * the channel is not Sportradar's or the message was skipped.
 */
int sportradar_parse_recorded(struct sportradar_ctx *c, const char *channel,
    const char *data, size_t len);

/* true for the REST statuses after which nothing more will happen. */
bool sportradar_status_final(const char *status);

/* "2018-11-06T01:52:15Z" (also ".123", "+00:00") -> epoch ms; 0 when bad. */
int64_t sportradar_parse_time(const char *s);

/* --- the NDJSON splitter --- */

#define SR_LINE_MAX (1u << 20)   /* a longer message is dropped, never buffered */

struct sportradar_splitter;

/* `max_line` 0 = SR_LINE_MAX.  `line` gets every complete message,
 * NUL-terminated, trailing "\r" and blanks trimmed, valid during the call
 * only; `warning` one line per dropped message.  Returns NULL on ENOMEM. */
struct sportradar_splitter *sportradar_splitter_new(size_t max_line,
    void (*line)(void *ctx, const char *line, size_t len),
    void (*warning)(void *ctx, const char *message), void *ctx);
void sportradar_splitter_free(struct sportradar_splitter **sp);
/* Feed any chunk: it may end anywhere, inside a character or a "\r\n". */
void sportradar_splitter_feed(struct sportradar_splitter *sp, const char *data,
    size_t len);
/* The stream ended (or is abandoned): drop a partial message with one
 * warning, and start afresh. */
void sportradar_splitter_reset(struct sportradar_splitter *sp);
/* Bytes held for the message in progress (for tests: memory stays bounded). */
size_t sportradar_splitter_buffered(const struct sportradar_splitter *sp);
size_t sportradar_splitter_capacity(const struct sportradar_splitter *sp);
/* A `line` callback that hands every message to sportradar_parse_push
 * without push info; `ctx` is the struct sportradar_ctx (a stream read
 * whole: tests, benchmarks). */
void sportradar_splitter_to_parser(void *ctx, const char *line, size_t len);

/* --- the provider: `provider_sportradar`, in the registry (providers/provider.h). --- */

/* URL of a REST document: "{base}/{league}/{access}/v8/en/games/{id}/{doc}". */
int sportradar_rest_url(char *buf, size_t size, const char *base,
    const char *league, const char *access, const char *game_id, const char *doc);

/* --- the provider's pure pieces (fuzzed: tests/fuzz/fuzz_rest_errors.c,
 * tests/fuzz/fuzz_push_handshake.c) --- */

/* A short, sanitized "message" of an error body (NUL-terminated, `len`
 * bytes) into out; "" when it has none. */
void sportradar_body_message(const char *body, size_t len, char *out, size_t size);

/* A one-line human *cause for an HTTP failure of `what` (`push`: the push
 * subscription) after `attempts` attempts. */
struct http_response;
void sportradar_http_failure(char **cause, const char *what,
    const struct http_response *r, int attempts, bool push);

/* The stream URL of a subscription's 302 Location `loc`: absolute, or on the
 * host of `base` when relative.  0, or -1 when it does not fit in `size`. */
int sportradar_push_location(const char *base, const char *loc, char *location,
    size_t size);

/* "sessionId=..." of a URL's query into out; false when absent or bad. */
bool sportradar_session_of(const char *url, char *out, size_t size);


#endif
