/*
 * courtside-sim's server internals, shared by src/sim/server*.c only.
 *
 * Threads: sim_server_start() and sim_server_stop() run on the caller's
 * thread; everything else (every lws callback, the tick, the tables below)
 * runs on the server's own lws service thread.  The only things the two
 * share while the thread runs are `stopping` (atomic) and the log (mutex).
 */
#ifndef CS_SIM_SERVER_PRIV_H
#define CS_SIM_SERVER_PRIV_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <libwebsockets.h>

#include "sim/capture_game.h"
#include "sim/faults.h"
#include "sim/league.h"
#include "sim/server.h"
#include "sim/simgame.h"

/*
 * Sockets served at once.  Idle clients never lock real ones out: at the
 * cap, a new connection takes the place of the one idle longest (no
 * request under way, or a stream that cannot write), and idle ones time
 * out anyway: no request line within 10 s (lws's ah idle timeout), a
 * keep-alive connection idle for SRV_KEEPALIVE_S, a stream whose client
 * has not read for SRV_STUCK_US (bytes wait in its socket and none of them
 * go: the kernel's send buffer grows to megabytes, so lws alone would not
 * notice for a long time).  The cap also stays within the process's
 * fd limit (lws's own limit), leaving SRV_FD_RESERVE for everything else.
 */
#define SRV_MAX_CONNS        256
#define SRV_FD_RESERVE       64
#define SRV_HEADER_WAIT_S    10
#define SRV_KEEPALIVE_S      5
#define SRV_STUCK_US         (20 * 1000000LL)
#define SRV_STUCK_EVICT_US   (2 * 1000000LL)  /* stuck this long: evictable */
#define SRV_MAX_HEADER       8192        /* request line + headers */
#define SRV_CHUNK            (64 * 1024) /* body bytes per writable */
#define SRV_ST_TOKENS        64
#define SRV_ST_TOKEN_TTL_MS  (3600 * 1000LL)
#define SRV_SR_SESSIONS      64
#define SRV_SR_TOKEN_TTL_US  (60 * 1000000LL)
#define SRV_SR_RESUME_US     (600 * 1000000LL)
#define SRV_SR_RESEND        2           /* at-least-once: resend two */
#define SRV_HEARTBEAT_US     (5 * 1000000LL)
#define SRV_AUTH_SKEW_S      300
#define SRV_QUEUE            4
#define SRV_TOKEN_LEN        33          /* 32 hex digits + NUL */
#define SRV_UUID_LEN         37

/* ShotTracker sources, as filter bits. */
enum {
	SRV_SRC_DETAILS = 1u << 0,
	SRV_SRC_SHOTS = 1u << 1,
	SRV_SRC_MARKER = 1u << 2,
	SRV_SRC_POSSESSIONS = 1u << 3,
	SRV_SRC_STATS = 1u << 4,
	SRV_SRC_CLOCK = 1u << 5,
	SRV_SRC_OTHER = 1u << 6,
};

enum srv_conn_kind {
	SRV_CONN_NONE = 0,
	SRV_CONN_HTTP,          /* one REST response */
	SRV_CONN_ST_WS,         /* ShotTracker Live Data V2 socket */
	SRV_CONN_SR_PUSH,       /* Sportradar push stream (chunked NDJSON) */
};

enum srv_item_kind {
	SRV_ITEM_FULL = 0,      /* the real message */
	SRV_ITEM_DUP,           /* the real message again */
	SRV_ITEM_MALFORMED,     /* cut inside a string, plus garbage */
	SRV_ITEM_TRUNCATED,     /* the first part only */
};

struct srv_item {
	enum srv_item_kind kind;
	size_t idx;
};

/* What an accepted socket is doing, for the cap (see SRV_MAX_CONNS). */
enum srv_slot_state {
	SRV_SLOT_FREE = 0,
	SRV_SLOT_WAITING,       /* for a request: new, or kept alive */
	SRV_SLOT_BUSY,          /* a request under way */
	SRV_SLOT_STREAM,        /* a live stream */
	SRV_SLOT_EVICTED,       /* closing, to make room */
};

struct srv_slot {
	struct lws *wsi;
	enum srv_slot_state state;
	int64_t since_us;       /* when it entered the state */
};

/* A push subscription's filters (sportradar-push.md §2.1); "" = none.
 * status: metadata.status among a comma list; team: a team's id ("sd:team:"
 * dropped), kept when the message names it (its game's teams are on every
 * message, so a team's games pass whole -- the docs do not say whether
 * unattributed events of its game pass: we keep them). */
struct srv_push_filter {
	char status[32];
	char team[64];
};

/* lws per-session data: one HTTP transaction, or one live stream. */
struct srv_conn {
	struct sim_server *srv;
	struct lws *wsi;
	enum srv_conn_kind kind;
	char log_path[160];     /* the request path, sanitized, for the log */
	const char *method;     /* "GET", ... for the log */

	/* REST response body */
	char *body;
	size_t body_len, body_off;
	bool close_after;
	int retry_after;        /* > 0: a Retry-After header (seconds) */

	/* a request body being read (the CLIP PUT): answered at its end */
	bool reading_body;
	char req_body[1024];
	size_t req_body_len;
	bool req_body_too_big;
	char clip_game[64];

	/* live streams */
	struct srv_conn *next;
	bool linked;
	uint64_t serial;
	const struct sim_msg *msgs;
	size_t nmsgs;
	size_t idx;             /* next message to plan */
	size_t batch_end;       /* idx once the queued items are all sent */
	struct srv_item q[SRV_QUEUE];
	int qhead, qlen;
	uint64_t delivered;     /* real messages sent */
	int64_t last_send_us;
	int queued;             /* bytes the client has not taken, last tick */
	int64_t reading_us;     /* when it last took some (or had none left) */
	int64_t stall_until_us; /* 0 = not stalled */
	bool pong_pending;
	char rx[16];            /* a text frame, to spot "ping" */
	size_t rx_len;
	bool rx_long;
	bool dropping;
	unsigned sources;       /* ShotTracker filter bits; 0 = all */
	const struct sim_st_info *info;     /* per message of msgs */
	size_t resume_at;       /* ShotTracker: sequenced messages from here */
	size_t live_from;       /* ShotTracker: messages not yet due at the
	                           opening (everything before is history) */
	int session;            /* Sportradar session slot, -1 none */
	char session_id[SRV_UUID_LEN];
	struct srv_push_filter filter;  /* Sportradar push: status, team */
};

/* The requests refuse= and freeze= count, each kind apart. */
enum srv_game_fault_kind {
	SRV_GAME_FAULT_ST_TOKEN,    /* ShotTracker _subscribe */
	SRV_GAME_FAULT_ST_PLAYS,    /* ShotTracker's catch-up (stats,details) */
	SRV_GAME_FAULT_SR_PBP,      /* Sportradar pbp.json */
	SRV_GAME_FAULT_SR_SUMMARY,  /* Sportradar summary.json (rosters=) */
	SRV_GAME_FAULT_KINDS
};

struct srv_st_token {
	char token[SRV_TOKEN_LEN];
	int64_t expires_ms;     /* epoch ms */
	int game;               /* the league game it subscribes to (0 alone) */
};

struct srv_sr_session {
	char id[SRV_UUID_LEN];
	char token[SRV_TOKEN_LEN];
	int64_t token_expires_us;
	bool token_used;
	bool in_use;
	bool match_other;       /* another match: heartbeats only */
	struct srv_push_filter filter;
	int game;               /* league: the match's game, -1 = all (no match) */
	size_t next_idx;        /* every message before it was delivered */
	int64_t last_delivery_us;
	uint64_t born;          /* creation order, for reuse of the oldest */
};

struct sim_server {
	/* options, copied */
	char bind[64];
	int port;
	double speed;
	int64_t start_ms;
	bool st_on, sr_on, quiet;
	char st_user[128], st_secret[256], sr_key[256];
	bool auth;
	struct sim_faults faults;

	struct sim_game *game;  /* the generated game, or NULL when */
	struct sim_capture *capture;    /* a capture is served (--capture) */
	const struct sim_msg *st_msgs, *sr_msgs;
	size_t st_n, sr_n;
	struct sim_st_info *st_info;    /* per ShotTracker message (league.h) */
	char st_id[CS_ID_MAX], sr_id[CS_ID_MAX];
	struct sim_league *league;      /* --games N; NULL = the one game */
	char seed_dir[512];     /* --serve-seed-examples DIR; "" = none */
	bool disagree_presence, disagree_lineups;   /* --st-disagree */

	struct lws_context *ctx;
	struct lws_vhost *vhost;
	pthread_t thread;
	bool thread_started;
	atomic_int stopping;
	int64_t t0_us;          /* monotonic time of feed time start_ms */

	FILE *log;
	bool own_log;
	pthread_mutex_t log_lock;

	/* service thread only */
	int nconns;             /* accepted and not evicted */
	int nsockets;           /* accepted and not closed: in slots */
	int max_conns;          /* SRV_MAX_CONNS within the fd limit */
	struct srv_slot slots[2 * SRV_MAX_CONNS];   /* evicted ones linger */
	uint64_t conn_serial, req_serial, session_serial;
	struct srv_conn *streams;
	struct srv_st_token st_tokens[SRV_ST_TOKENS];
	int st_token_next;
	long game_fault_seen[2][SRV_GAME_FAULT_KINDS];  /* [refuse, freeze][kind]:
	                               the faulted game's requests so far */
	struct srv_sr_session sessions[SRV_SR_SESSIONS];
	lws_sorted_usec_list_t tick;
	int64_t tick_due_us;    /* 0 = not armed */
	/* the service thread's rounds (lws_service calls), those in which
	 * neither a callback nor the tick ran, and the ticks: logged at the
	 * end, where a spin shows as hundreds of idle rounds a tick */
	unsigned long rounds, idle, ticks, callbacks;
	int64_t next_stall_ms;  /* INT64_MAX = no more stalls */
	unsigned char *scratch; /* LWS_PRE + SRV_CHUNK + framing */
};

/* server.c */
int64_t sim_srv_now_us(void);
int64_t sim_srv_feed_now(const struct sim_server *srv);
void sim_srv_log(struct sim_server *srv, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sim_srv_random_hex(char *out, size_t nbytes);
void sim_srv_uuid(char *out);
void sim_srv_tick_arm(struct sim_server *srv, int64_t due_us);
void sim_srv_conn_state(struct sim_server *srv, struct lws *wsi,
    enum srv_slot_state state);

/* server_http.c: REST routing, auth, responses */
int sim_srv_http_request(struct srv_conn *c, struct lws *wsi, const char *path);
int sim_srv_http_writeable(struct srv_conn *c, struct lws *wsi);
/* A request body's bytes as they come, and its end (the CLIP PUT). */
void sim_srv_http_body(struct srv_conn *c, const void *in, size_t len);
int sim_srv_http_body_done(struct srv_conn *c, struct lws *wsi);
int sim_srv_ws_confirm(struct sim_server *srv, struct lws *wsi);
/* The league game a ShotTracker token subscribes to (0 alone). */
int sim_srv_st_token_game(const struct sim_server *srv, const char *token);

/* server_stream.c: the live streams and the faults on them */
int sim_srv_st_describe(const struct sim_msg *msgs, size_t n,
    struct sim_st_info *info);
int sim_srv_ws_established(struct srv_conn *c, struct lws *wsi);
int sim_srv_ws_receive(struct srv_conn *c, const void *in, size_t len,
    bool final);
int sim_srv_stream_writeable(struct srv_conn *c, struct lws *wsi);
int sim_srv_sr_push_start(struct srv_conn *c, struct lws *wsi, int session);
void sim_srv_stream_unlink(struct srv_conn *c);
void sim_srv_tick(lws_sorted_usec_list_t *sul);

/* server_seeds.c: --serve-seed-examples.  1 with the example's status and
 * body (the caller frees it) when `path` is one the pages print, 0 when
 * not, -1 with *cause when its file cannot be read. */
int sim_seed_example(const char *dir, const char *path, int *status,
    char **body, char **cause);
int sim_seed_examples_check(const char *dir, char **cause);
size_t sim_srv_sr_live_index(const struct sim_server *srv, int game, int64_t feed_ms);
/* A push session's messages: game `game` of the league (-1 all), or the
 * server's own stream. */
size_t sim_srv_sr_msgs(const struct sim_server *srv, int game, const struct sim_msg **msgs);
void sim_srv_session_resume(struct sim_server *srv, struct srv_sr_session *to,
    const struct srv_sr_session *from);

#endif
