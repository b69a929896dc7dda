/*
 * The feed: one background thread that runs a provider (catch-up over REST,
 * then the live stream) and hands what it parsed to the UI thread through
 * one queue plus a wake-up descriptor.
 *
 * Threads: the provider's curl and lws handles live on the feed thread
 * only.  The UI thread only calls feed_fd(), feed_drain(), feed_stop(),
 * feed_reconnect_now() and feed_control(); it sleeps in poll() on feed_fd().
 */
#ifndef CS_FEED_H
#define CS_FEED_H

#include <stdbool.h>
#include <stdint.h>
#include "model/event.h"
#include "util.h"      /* cs_now_us, cs_wall_ms: its callers once found them here */
#include "model/possessions.h"
#include "model/presence.h"

struct feed;

/*
 * The ShotTracker keep-alive: the reference does not say whether its
 * "ping" is an RFC 6455 control frame or a text message (a browser client
 * can only send text), so both are offered (config shottracker_ping).
 */
enum feed_ping {
	FEED_PING_CONTROL = 0,      /* a ping control frame; the pong is lws's */
	FEED_PING_TEXT,             /* a text frame "ping"; "pong" comes back */
	FEED_PING_BOTH,
};

/* What every provider may need; strings are owned by the caller of
 * feed_start() and copied by it. Secrets never reach a log or a capture. */
struct feed_config {
	enum cs_provider provider;
	const char *game_id;
	const char *base_url;       /* REST base, e.g. https://api.shottracker.com */
	/* The provider's own options (struct shottracker_options,
	 * struct sportradar_options): feed_start copies them through its
	 * registry entry (provider.h), which wipes their secrets at the end. */
	const void *options;
	const char *cacert;
	bool insecure;
	bool once;                  /* stop after the REST catch-up */
	const char *record_path;    /* --record */
	const char *replay_path;    /* --replay */
	double speed;               /* replay speed; 0 = as fast as possible */
	const char *until;          /* replay: stop at "PERIOD/CLOCK"; NULL = the end */
	bool replay_hold;           /* replay: at the end, wait for seeks (the UI) */
};

enum feed_state {
	FEED_CONNECTING = 0,
	FEED_CATCHING_UP,
	FEED_LIVE,
	FEED_RECONNECTING,
	FEED_REPLAY,
	FEED_PAUSED,
	FEED_ENDED,
	FEED_FAILED,
};

struct feed_status {
	enum feed_state state;
	int attempt;                /* reconnect attempt, 0 when connected */
	double speed;               /* replay */
	int reconnects;             /* since start */
	char message[200];          /* one line, sanitized: why it failed */
};

enum feed_msg_kind {
	FEED_MSG_EVENT,             /* u.event: upsert */
	FEED_MSG_DELETE,            /* u.id */
	FEED_MSG_GAME,              /* u.game */
	FEED_MSG_CLOCK,             /* u.clock */
	FEED_MSG_PUBLISHED,         /* u.published */
	FEED_MSG_WARNING,           /* u.text: one line of skipped input */
	FEED_MSG_STATUS,            /* u.status */
	FEED_MSG_CAUGHT_UP,         /* the REST catch-up is fully queued */
	FEED_MSG_END,               /* the provider returned; u.status says how */
	FEED_MSG_POSSESSION,        /* u.possession: upsert */
	FEED_MSG_VIDEO,             /* u.video: a video segment */
	FEED_MSG_POSSESSIONS_RESET, /* possessions and videos start over */
	FEED_MSG_CLIP,              /* u.clip: the answer to feed_clip() */
	FEED_MSG_PRESENCE,          /* u.presence: upsert */
	FEED_MSG_LINEUP_AT,         /* u.lineup_at: upsert */
	FEED_MSG_SENSOR,            /* u.sensor: a sensor assignment */
};

/* A CLIP asked for by the UI (feed_clip), and its answer. */
struct feed_clip_request {
	char play_id[CS_ID_MAX];
	int64_t start_ms, end_ms;   /* epoch ms of the game, as the seeds give them */
};
struct feed_clip_answer {
	char play_id[CS_ID_MAX];
	bool ok;
	char text[512];             /* the clip's URL, or one line saying why none */
};

/* What the queue holds at most before the feed thread waits for a drain.
 * A catch-up parses faster than a busy UI thread drains: unbounded, the
 * queue held 0.2-0.9 MB of a Sportradar game's events at once, run to
 * run, and the heap kept that peak (issue 20). */
#define FEED_QUEUE_BYTES (128 * 1024)

struct feed_msg {
	enum feed_msg_kind kind;
	uint32_t size;              /* bytes allocated (msg_new) */
	int64_t received_us;        /* monotonic, when the provider bytes arrived */
	int64_t queued_us;          /* monotonic, when it was queued live; 0 before */
	struct feed_msg *next;
	union {
		struct cs_event event;
		char id[CS_ID_MAX];
		struct cs_game_info game;
		struct cs_clock clock;
		struct cs_published_stats published;
		char text[256];
		struct feed_status status;
		struct cs_possession possession;
		struct cs_video_segment video;
		struct feed_clip_answer clip;
		struct cs_presence presence;
		struct cs_lineup_at lineup_at;
		struct cs_sensor_assignment sensor;
	} u;
};

/* What a feed runs: an entry of the registry (providers/provider.h). */
struct provider;

/*
 * Controls from the UI thread (feed_control), for the providers that take
 * them: today the replay.  A "play" is a capture record that delivered an
 * event.  The start of a period is just after the record that delivered
 * its first event, so the model already shows the new period there.
 */
enum feed_control {
	FEED_PAUSE_TOGGLE,      /* also at max speed */
	FEED_FASTER,            /* doubles the speed, up to 64x; max stays max.
	                         * The replay's speed is the game clock's: 8x
	                         * is 8 s of game clock a second; stoppages
	                         * pass at once */
	FEED_SLOWER,            /* halves it, down to 1x; from max to 64x */
	FEED_PLAY_BACK,         /* seek one play back (re-derives from the start) */
	FEED_PLAY_FORWARD,
	FEED_PERIOD_BACK,       /* to the start of this period, or the previous one */
	FEED_PERIOD_FORWARD,    /* to the start of the next period */
	FEED_SEEK_CLOCK,        /* to a period and clock: through feed_seek() */
};

/* --- UI thread side --- */
struct feed *feed_start(const struct feed_config *cfg, char **cause);
int feed_fd(const struct feed *feed);          /* readable when messages wait */
struct feed_msg *feed_drain(struct feed *feed); /* list, oldest first; may be NULL */
/*
 * A game off screen (a league's): its clock messages are queued without
 * waking the UI, which drains them with the next wake-up or by
 * feed_quiet_since() + its own delay; anything else wakes it as always.
 * Eight games' clocks would otherwise wake the UI hundreds of times a
 * second for strip cells, in the way of the focused game's events.
 */
void feed_set_quiet(struct feed *feed, bool quiet);
/* When the oldest message queued without a wake-up was queued
 * (cs_now_us), or 0 when none waits. */
int64_t feed_quiet_since(struct feed *feed);
void feed_msg_free_list(struct feed_msg **list);
void feed_reconnect_now(struct feed *feed);
/*
 * Ignored when the provider takes no controls (or no longer runs).  The
 * replay: seeks keep the pause (a paused replay stays paused).  Every
 * control is acknowledged by a FEED_MSG_STATUS (FEED_PAUSED or FEED_REPLAY,
 * message "replay 8x" or "replay max") once it has taken effect, queued
 * after everything the seek delivered.  Seeks run in the order asked, each
 * from where the one before landed; repeats of one seek made before it
 * starts add up and are acknowledged once.
 */
void feed_control(struct feed *feed, enum feed_control c);
/*
 * The replay: seek to a moment of the game (a period sequence and the game
 * clock in tenths), just before the first record past it; acknowledged as
 * feed_control's seeks are.  Ignored by providers that take no seeks.
 */
void feed_seek(struct feed *feed, int period_sequence, int clock);
/*
 * Asks the feed thread for a clip of [start_ms, end_ms] of the play; the
 * answer comes back as one FEED_MSG_CLIP.  -1 with a one-line cause when
 * the feed cannot make clips (its provider, or it ended) or one is on its
 * way already.
 */
int feed_clip(struct feed *feed, const char *play_id, int64_t start_ms, int64_t end_ms,
    char **cause);
/* True once the provider reported FEED_LIVE (any thread). */
bool feed_went_live(const struct feed *feed);
void feed_stop(struct feed **feed);            /* joins the thread within ~1 s */
/* feed_start with a given provider (tests, benchmarks, the demo). */
struct feed *feed_start_with(const struct feed_config *cfg,
    const struct provider *provider, char **cause);
/*
 * A league on one thread (Sportradar's push feed: every game of the night
 * on one stream; ShotTracker: a socket a game): the provider's run_league on a
 * hub, and each of the n games of `ids` gets its own member feed in
 * members[] -- its queue, wake-up descriptor, status, END and capture --
 * with no thread of its own.  The UI thread uses a member as any feed;
 * a member's reconnect or stop is the hub's: the first feed_stop of a
 * member stops the league's thread, the last frees the hub.  0, or -1
 * with *cause (no member is left) when the provider takes no league.
 */
int feed_start_league(const struct feed_config *cfg, const char *const *ids, int n,
    struct feed **members, char **cause);
/* feed_start_league with a given provider (tests). */
int feed_start_league_with(const struct feed_config *cfg, const struct provider *p,
    const char *const *ids, int n, struct feed **members, char **cause);
/* The registry's provider feed_start would run for `cfg`; NULL when none. */
const struct provider *feed_provider_for(const struct feed_config *cfg);

/* --- feed thread side (used by providers) --- */
const struct feed_config *feed_config(const struct feed *feed);
/* Copies of strings for a provider's options_copy (NULL stays NULL): 0, or
 * -1 out of memory; free with feed_free_str, which wipes a secret first. */
int feed_dup_str(const char **dst, const char *src);
void feed_free_str(const char **s, bool secret);
struct cs_sink feed_sink(struct feed *feed);   /* pushes into the queue */
void feed_set_status(struct feed *feed, enum feed_state state, int attempt,
    const char *message);
void feed_caught_up(struct feed *feed);
bool feed_stopping(const struct feed *feed);
bool feed_take_reconnect_request(struct feed *feed);
/* True once the feed is stopping: pass it as http_request.cancel. */
volatile const bool *feed_cancel_flag(const struct feed *feed);
/* Sleeps up to `ms` (backoff), returning early when the feed stops or a
 * reconnect is requested.  Returns feed_stopping(). */
bool feed_sleep(struct feed *feed, long ms);
void feed_set_provider_data(struct feed *feed, void *data);
void *feed_provider_data(const struct feed *feed);
/* Mark when the bytes being parsed arrived (monotonic us): stamps the
 * messages pushed until the next call, for the latency benchmark.  Call it
 * where the socket's bytes come in, before they are parsed. */
void feed_mark_received(struct feed *feed);
/* What follows comes from a REST document (a catch-up, a refresh): its
 * messages carry no receive time (received_us 0) and are not timed as
 * live events -- a 500 KB pbp.json's parse is not an event's latency. */
void feed_mark_document(struct feed *feed);
/* On: messages are held back and queued a few hundred at a time (one lock,
 * one wake-up), for a run that nobody watches message by message (a
 * --once replay).  Off: what is held is queued now.  The feed turns it off
 * when the provider returns. */
void feed_batch(struct feed *feed, bool on);

/* The clip the UI asked for, once: true with *rq filled, then answer it
 * with feed_clip_answer (which allows the next one). */
bool feed_take_clip(struct feed *feed, struct feed_clip_request *rq);
void feed_clip_answer(struct feed *feed, const char *play_id, bool ok, const char *text);

/* A league's hub: its games' member feeds, in the order of the ids. */
int feed_league_size(const struct feed *hub);
struct feed *feed_league_member(struct feed *hub, int i);
/* One game of a league is over (0), or failed (-1 with its one-line
 * cause): its END, once; the others go on.  No-op on a feed not a member. */
void feed_member_end(struct feed *member, int rc, const char *cause);

/* Record a raw provider message (--record); a no-op without a recorder.
 * `channel` names where it came from ("rest:/v1/...", "ws", "push"). */
void feed_record(struct feed *feed, const char *channel, const char *data,
    size_t len);

#endif
