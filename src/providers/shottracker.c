/*
 * The ShotTracker provider, on the feed thread (shottracker.h).
 *
 * Start-up over signed REST: the game event, both rosters, the lineups
 * history and one catch-up call; then a subscription token and the Live
 * Data V2 WebSocket.  Every message goes through shottracker_parse_message
 * with its channel and is recorded under the same channel, so a replay
 * parses exactly what the live run parsed.
 *
 * The socket: one lws context, created, serviced and destroyed on the feed
 * thread only; wake() (UI thread) calls lws_cancel_service under a lock.
 * A 250 ms timer drives the watchdog, which covers every state of a
 * connection: resolving, TCP and TLS within 10 s, the upgrade answered
 * within 10 s, then (waiting for the first frame, or live) a ping after
 * 20 s without traffic and a dead connection after 27 s, so that a dead
 * connection is noticed in under 30 s whatever it was doing.  Reconnects
 * go through the shared backoff (net/backoff.h): it resets only when the
 * connection moved the resume point forward, never waits under its floor,
 * and jitters; a connection that only replayed what we had (a server that
 * drops every socket after a few frames) backs off like a failure.  Each
 * resumes from the highest seq below which nothing is missing (not merely
 * the highest seen, which a reordered delivery can put past a gap); a gap
 * that does not fill within 3 s (a frame lost for good) is refetched by
 * reconnecting from before it, once.  Refused tokens (401/403 on the
 * upgrade, close 4001) are renewed with _subscribe (backing off); fresh
 * tokens refused 3 times in a row are a failure that names the status; a
 * gap the server cannot resume (close 4002) re-runs the catch-up, then
 * replays from the start.  Socket items carry a seq: one already applied at a higher seq
 * is not applied again (shottracker_parse_frame), so duplicates, reorders
 * and replays change nothing.
 */
#include "config.h"

#include <ctype.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <json-c/json.h>
#include <libwebsockets.h>

#include "log.h"
#include "net/backoff.h"
#include "net/feed.h"
#include "net/http.h"
#include "net/sign.h"
#include "providers/provider.h"
#include "providers/shottracker.h"

#define ST_PING_AFTER_US    (20 * 1000000LL)
#define PING_CONTROL        1u
#define PING_TEXT           2u
#define ST_DEAD_AFTER_US    (27 * 1000000LL)  /* + a tick: still under 30 s */
#define ST_CONNECT_US       (10 * 1000000LL)  /* resolve, TCP, TLS */
#define ST_UPGRADE_US       (10 * 1000000LL)  /* the 101 answer */
#define ST_TICK_US          (250 * 1000LL)
#define ST_GAP_REPAIR_US    (3 * 1000000LL)   /* a missing seq this old is refetched */
#define ST_PENDING_MAX      512               /* seqs held above a gap */
#define ST_REST_TRIES       4                 /* --once: attempts per request */
#define ST_TOKEN_MAX        1024
#define ST_FRESH_REFUSALS   3     /* fresh tokens refused in a row: give up */
#define ST_URL_MAX          2048
#define ST_CATCHUP_RESOURCES "stats,details,shots,possessions"
#define CLOSE_TOKEN_REFUSED 4001
#define CLOSE_GAP_TOO_OLD   4002

/* Where a connection is: each state has its limit (the watchdog). */
enum st_phase {
	PHASE_CONNECT = 0,      /* resolve, TCP, TLS */
	PHASE_UPGRADE,          /* the upgrade request sent, no 101 yet */
	PHASE_FIRST_FRAME,      /* established, nothing received yet */
	PHASE_LIVE,
};

/* Why a connection ended: decides what happens before the next one. */
enum st_end {
	END_NONE = 0,
	END_DROPPED,            /* resume with last_seq */
	END_DEAD,               /* watchdog: a state over its limit */
	END_TOKEN_REFUSED,      /* 401/403 on the upgrade or close 4001 */
	END_GAP_TOO_OLD,        /* close 4002: catch up again */
	END_GAP_REPAIR,         /* our choice: refetch a missing seq */
	END_REQUESTED,          /* the user asked for a reconnect */
	END_GAME_OVER,
	END_STOPPING,
};

struct st {
	struct feed *feed;
	const struct feed_config *cfg;
	struct shottracker_ctx parse;

	char base[512];          /* REST base without a trailing '/' */
	char token[ST_TOKEN_MAX];   /* secret: never logged nor recorded */
	bool have_token;

	/* lws: feed thread only, but for `context` under ctx_lock (wake) */
	pthread_mutex_t ctx_lock;
	struct lws_context *context;
	struct lws *wsi;
	lws_sorted_usec_list_t tick;
	bool tls_context;
	bool established;
	enum st_phase phase;
	int64_t phase_us;        /* when the phase began */
	int upgrade_status;      /* HTTP status of a refused upgrade, 0 none */
	char dead_why[120];      /* what the watchdog saw */
	bool conn_done;
	bool closing;
	unsigned want_ping;      /* PING_CONTROL | PING_TEXT still to send */
	int64_t connected_us, last_rx_us, ping_sent_us;
	int close_code;
	char conn_error[160];
	char *rx;
	size_t rxlen, rxcap;
	bool rx_drop;
	unsigned long frames;    /* on this connection */
	uintptr_t generation;    /* of the current connection (its opaque data) */
	enum st_end end;

	/* the resume point: every seq <= watermark was received */
	bool have_wm;
	int64_t wm;
	int64_t pending[ST_PENDING_MAX];   /* received seqs above a gap, sorted */
	int npending;
	int64_t gap_since_us;
	int64_t repaired_wm;     /* the gap a repair was tried for; -1 none */

	struct backoff backoff;
	int attempt;
	char unknown_sources[8][24];
	int nunknown;
};

/* --- small helpers --- */

/* The authority of a URL exactly as written ("host" or "host:port"),
 * without userinfo: what we sign and send as Host. */
static int
url_authority(const char *url, char *buf, size_t size)
{
	const char *p = strstr(url, "://"), *end, *at;
	size_t n;

	if (p == NULL)
		return -1;
	p += 3;
	end = p + strcspn(p, "/?#");
	at = memchr(p, '@', (size_t)(end - p));
	if (at != NULL)
		p = at + 1;
	n = (size_t)(end - p);
	if (n == 0 || n >= size)
		return -1;
	memcpy(buf, p, n);
	buf[n] = '\0';
	return 0;
}

static void
percent_encode(char *dst, size_t size, const char *src)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t o = 0;
	unsigned char ch;

	for (; *src != '\0' && o + 4 < size; src++) {
		ch = (unsigned char)*src;
		if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
		    (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.' ||
		    ch == '~')
			dst[o++] = (char)ch;
		else {
			dst[o++] = '%';
			dst[o++] = hex[ch >> 4];
			dst[o++] = hex[ch & 15];
		}
	}
	dst[o] = '\0';
}

/* The WebSocket URL: `ws_base` (or ws(s):// + the REST host) +
 * /live/v2/games?token=T[&last_seq=N].  0, or -1 when it does not fit or
 * the base is not a URL. */
static int
shottracker_ws_url(char *buf, size_t size, const char *ws_base,
    const char *rest_base, const char *token, bool resume, int64_t last_seq)
{
	char base[1024], authority[512], enc[3 * ST_TOKEN_MAX + 1];
	const char *path, *scheme_end;
	size_t n;
	int len;

	if (ws_base != NULL && *ws_base != '\0') {
		scheme_end = strstr(ws_base, "://");
		if (scheme_end == NULL || url_authority(ws_base, authority, sizeof authority) < 0)
			return -1;
		n = (size_t)(scheme_end - ws_base);
		if ((n == 5 && strncasecmp(ws_base, "https", 5) == 0) ||
		    (n == 3 && strncasecmp(ws_base, "wss", 3) == 0))
			len = snprintf(base, sizeof base, "wss://%s", authority);
		else if ((n == 4 && strncasecmp(ws_base, "http", 4) == 0) ||
		    (n == 2 && strncasecmp(ws_base, "ws", 2) == 0))
			len = snprintf(base, sizeof base, "ws://%s", authority);
		else
			return -1;
		path = scheme_end + 3 + strcspn(scheme_end + 3, "/?#");
		n = strcspn(path, "?#");
		while (n > 0 && path[n - 1] == '/')
			n--;
		if (len < 0 || (size_t)len + n >= sizeof base)
			return -1;
		memcpy(base + len, path, n);
		base[len + n] = '\0';
		n = strlen(base);
		if (n < 14 || strcmp(base + n - 14, "/live/v2/games") != 0) {
			if (n + 15 >= sizeof base)
				return -1;
			memcpy(base + n, "/live/v2/games", 15);
		}
	} else {
		if (rest_base == NULL || url_authority(rest_base, authority, sizeof authority) < 0)
			return -1;
		len = snprintf(base, sizeof base, "%s://%s/live/v2/games",
		    strncasecmp(rest_base, "https:", 6) == 0 ? "wss" : "ws", authority);
		if (len < 0 || (size_t)len >= sizeof base)
			return -1;
	}
	percent_encode(enc, sizeof enc, token != NULL ? token : "");
	if (resume)
		len = snprintf(buf, size, "%s?token=%s&last_seq=%" PRId64, base, enc, last_seq);
	else
		len = snprintf(buf, size, "%s?token=%s", base, enc);
	return len < 0 || (size_t)len >= size ? -1 : 0;
}

/* --- signed REST --- */

/* The error body's message and shottrackerRequestId, sanitized. */
void
shottracker_error_details(const struct http_response *r, char *msg, size_t msize,
    char *rid, size_t rsize)
{
	json_object *root = NULL, *v;
	char buf[256];

	msg[0] = '\0';
	cs_strlcpy(rid, r->request_id, rsize);
	if (r->body != NULL && r->len > 0 && r->len < 65536)
		root = json_tokener_parse(r->body);
	if (root != NULL && json_object_is_type(root, json_type_object)) {
		if (json_object_object_get_ex(root, "message", &v) &&
		    json_object_is_type(v, json_type_string)) {
			cs_sanitize(buf, json_object_get_string(v), sizeof buf);
			if (strlen(buf) > 100)
				memcpy(buf + 97, "...", 4);
			cs_strlcpy(msg, buf, msize);
		}
		if (json_object_object_get_ex(root, "shottrackerRequestId", &v) &&
		    json_object_is_type(v, json_type_string))
			cs_sanitize(rid, json_object_get_string(v), rsize);
	}
	json_object_put(root);
}

/* A one-line, human reason for a refused request. */
void
shottracker_describe_status(const struct http_response *r, const char *what,
    const char *path, char **cause)
{
	char msg[128], rid[80], ridtext[100], detail[256];

	shottracker_error_details(r, msg, sizeof msg, rid, sizeof rid);
	ridtext[0] = '\0';
	if (rid[0] != '\0')
		snprintf(ridtext, sizeof ridtext, ", request id %s", rid);
	if (msg[0] != '\0')
		snprintf(detail, sizeof detail, "HTTP %ld: %s%s", r->status, msg, ridtext);
	else
		snprintf(detail, sizeof detail, "HTTP %ld%s", r->status, ridtext);
	switch (r->status) {
	case 401:
		cs_set_cause(cause, "ShotTracker refused the request signature (%s) — check "
		    "SHOTTRACKER_SECRET and the system clock", detail);
		break;
	case 403:
		if (msg[0] != '\0') {
			msg[0] = (char)tolower((unsigned char)msg[0]);
			cs_set_cause(cause, "ShotTracker: %s (HTTP 403%s) for %s",
			    msg, ridtext, what);
		} else
			cs_set_cause(cause, "ShotTracker: access denied to %s (HTTP 403%s) — check "
			    "SHOTTRACKER_USERNAME's privileges", what, ridtext);
		break;
	case 404:
		cs_set_cause(cause, "ShotTracker: %s not found (%s) — check --game", what, detail);
		break;
	case 429:
		cs_set_cause(cause, "ShotTracker: too many requests for %s (%s)", what, detail);
		break;
	default:
		if (r->status >= 500)
			cs_set_cause(cause, "ShotTracker: server error for %s (%s)", what, detail);
		else
			cs_set_cause(cause, "ShotTracker: unexpected answer for %s %s (%s)", what,
			    path, detail);
		break;
	}
}

enum rest_outcome { REST_OK, REST_RETRY, REST_FATAL };

/*
 * One signed GET.  REST_RETRY: a transient failure (transport, 429, 5xx)
 * with *retry_ms a suggested wait; REST_FATAL: retrying cannot help.
 */
static enum rest_outcome
rest_get_once(struct st *st, const char *path, const char *what,
    struct http_response *resp, long *retry_ms, char **cause)
{
	struct http_request req;
	char url[ST_URL_MAX], authority[512], signed_path[1024], date[64];
	char auth[1024], h_date[96], h_host[560], h_auth[1100], logurl[600];
	const char *headers[5];
	char host[256];
	int port;
	bool tls;

	*retry_ms = 0;
	if ((size_t)snprintf(url, sizeof url, "%s%s", st->base, path) >= sizeof url ||
	    url_authority(url, authority, sizeof authority) < 0 ||
	    http_split_url(url, host, sizeof host, &port, signed_path, sizeof signed_path,
	    &tls) < 0) {
		cs_set_cause(cause, "ShotTracker: bad URL for %s (check --base-url)", what);
		return REST_FATAL;
	}
	signed_path[strcspn(signed_path, "?")] = '\0';
	sign_http_date(time(NULL), date, sizeof date);
	if (sign_authorization(st->cfg->username, st->cfg->secret, "GET", signed_path,
	    authority, date, auth, sizeof auth) < 0) {
		cs_set_cause(cause, "ShotTracker: cannot sign the request (credentials too long)");
		return REST_FATAL;
	}
	snprintf(h_date, sizeof h_date, "Date: %s", date);
	snprintf(h_host, sizeof h_host, "Host: %s", authority);
	snprintf(h_auth, sizeof h_auth, "Authorization: %s", auth);
	explicit_bzero(auth, sizeof auth);
	headers[0] = h_date;
	headers[1] = h_host;
	headers[2] = h_auth;
	headers[3] = "Accept: application/json";
	headers[4] = NULL;

	memset(&req, 0, sizeof req);
	req.url = url;
	req.headers = headers;
	req.follow_redirects = false;   /* a redirect would need a new signature */
	req.cacert = st->cfg->cacert;
	req.insecure = st->cfg->insecure;
	req.max_body = SHOTTRACKER_DOCUMENT_MAX;
	req.cancel = feed_cancel_flag(st->feed);
	if (http_perform(&req, resp, cause) < 0) {
		explicit_bzero(h_auth, sizeof h_auth);
		/* a bad certificate or an oversized body comes back the same */
		if (feed_stopping(st->feed) || resp->permanent)
			return REST_FATAL;
		*retry_ms = 0;
		return REST_RETRY;
	}
	explicit_bzero(h_auth, sizeof h_auth);
	log_msg("shottracker: GET %s -> %ld (%zu bytes)",
	    http_url_for_log(url, logurl, sizeof logurl), resp->status, resp->len);
	if (resp->status == 200)
		return REST_OK;
	shottracker_describe_status(resp, what, path, cause);
	if (resp->status == 429 || resp->status >= 500) {
		*retry_ms = resp->retry_after >= 0 ? resp->retry_after * 1000 : -1;
		http_response_free(resp);
		return REST_RETRY;
	}
	http_response_free(resp);
	return REST_FATAL;
}

/*
 * A GET with retries: transient failures back off (the shared backoff,
 * 1 s doubling, Retry-After honoured up to its cap).  With
 * --once a few attempts, live until it works (the venue Wi-Fi comes back)
 * unless `bounded`.  Returns 0 with a 200 in *resp, or -1 with *cause.
 */
static int
rest_get(struct st *st, const char *path, const char *what, bool bounded,
    struct http_response *resp, char **cause)
{
	enum rest_outcome o;
	struct backoff b;
	long wait, hint;
	int attempt;

	backoff_init(&b, &backoff_default, (uint64_t)cs_wall_ms() ^ (uint64_t)(uintptr_t)path);
	for (attempt = 1;; attempt++) {
		o = rest_get_once(st, path, what, resp, &hint, cause);
		if (o == REST_OK)
			return 0;
		if (o == REST_FATAL || feed_stopping(st->feed))
			return -1;
		if ((st->cfg->once || bounded) && attempt >= ST_REST_TRIES) {
			if (cause != NULL && *cause != NULL)
				cs_set_cause(cause, "%s (after %d attempts)", *cause, attempt);
			return -1;
		}
		wait = backoff_next(&b, false, hint);
		log_msg("shottracker: %s; retry %d in %ld ms", cause && *cause ? *cause : what,
		    attempt, wait);
		if (!st->cfg->once)
			feed_set_status(st->feed, FEED_RECONNECTING, attempt,
			    cause && *cause ? *cause : "retrying");
		if (feed_sleep(st->feed, wait))
			return -1;
	}
}

/* GET, record and parse one REST resource. */
static int
rest_resource(struct st *st, const char *path, const char *what, bool required,
    char **cause)
{
	struct http_response resp;
	char channel[600], *why = NULL;
	int rc;

	rc = rest_get(st, path, what, !required, &resp, required ? cause : &why);
	if (rc < 0) {
		if (required || feed_stopping(st->feed))
			return -1;
		/* Optional (rosters, lineups): the game goes on without them. */
		log_msg("shottracker: %s", why != NULL ? why : what);
		if (st->parse.sink.warning != NULL && why != NULL)
			st->parse.sink.warning(st->parse.sink.ctx, why);
		free(why);
		return 0;
	}
	snprintf(channel, sizeof channel, "rest:%s", path);
	feed_mark_received(st->feed);
	feed_record(st->feed, channel, resp.body, resp.len);
	rc = shottracker_parse_message(&st->parse, channel, resp.body, resp.len, NULL);
	http_response_free(&resp);
	if (rc < 0 && required)
		return cs_set_cause(cause,
		    "ShotTracker: the %s could not be read (see the log)", what);
	return 0;
}

/*
 * The game's videos (seeds page 003), recorded and parsed like the rest.
 * Many games have none (no camera, no video product): a failure is only
 * logged, never a warning on screen.
 */
static void
videos_resource(struct st *st)
{
	struct http_response resp;
	char path[512], channel[600], *why = NULL;

	snprintf(path, sizeof path, "/v1/data/stats/games/%s/videos", st->cfg->game_id);
	if (rest_get(st, path, "videos", true, &resp, &why) < 0) {
		log_msg("shottracker: no videos: %s", why != NULL ? why : "failed");
		free(why);
		return;
	}
	snprintf(channel, sizeof channel, "rest:%s", path);
	feed_record(st->feed, channel, resp.body, resp.len);
	(void)shottracker_parse_message(&st->parse, channel, resp.body, resp.len, NULL);
	http_response_free(&resp);
}

/* Game event (first time only), rosters (first time only), lineups, catch-up. */
static int
catch_up(struct st *st, bool first, char **cause)
{
	char path[512], what[96];
	int side;

	if (first) {
		snprintf(path, sizeof path, "/v1/data/games/%s", st->cfg->game_id);
		if (rest_resource(st, path, "game", true, cause) < 0)
			return -1;
		if (!st->parse.have_game)
			return cs_set_cause(cause,
			    "ShotTracker: the game event names no teams "
			    "(home_team_id/away_team_id)");
		for (side = 0; side < 2; side++) {
			snprintf(path, sizeof path, "/v1/data/teams/%s,SHOTTRACKER",
			    st->parse.team_id[side]);
			snprintf(what, sizeof what, "team %s", st->parse.team_id[side]);
			if (rest_resource(st, path, what, false, cause) < 0)
				return -1;
		}
	}
	snprintf(path, sizeof path, "/v1/data/games/%s/lineups", st->cfg->game_id);
	if (rest_resource(st, path, "lineups", false, cause) < 0)
		return -1;
	snprintf(path, sizeof path, "/v1/data/stats/games/%s/" ST_CATCHUP_RESOURCES,
	    st->cfg->game_id);
	if (rest_resource(st, path, "game statistics", true, cause) < 0)
		return -1;
	videos_resource(st);
	return 0;
}

static int
subscribe(struct st *st, char **cause)
{
	struct http_response resp;
	char path[512];
	int rc;

	snprintf(path, sizeof path, "/v1/data/schedule/games/%s/_subscribe", st->cfg->game_id);
	if (rest_get(st, path, "the subscription token", false, &resp, cause) < 0)
		return -1;
	/* never recorded: the token is a credential */
	rc = shottracker_parse_subscribe(resp.body, resp.len, st->token, sizeof st->token);
	explicit_bzero(resp.body, resp.len);
	http_response_free(&resp);
	if (rc < 0)
		return cs_set_cause(cause,
		    "ShotTracker: the _subscribe answer holds no token");
	st->have_token = true;
	return 0;
}

/* --- the resume point --- */

static void
seq_reset(struct st *st, bool resume)
{
	st->npending = 0;
	st->gap_since_us = 0;
	if (!resume)
		st->have_wm = false;
}

/* A seq arrived: advance the watermark over everything contiguous. */
static void
seq_received(struct st *st, int64_t seq)
{
	int i, j;

	if (!st->have_wm) {
		st->have_wm = true;
		st->wm = seq - 1;
	}
	if (seq <= st->wm)
		return;
	for (i = 0; i < st->npending && st->pending[i] < seq; i++)
		;
	if (i < st->npending && st->pending[i] == seq)
		return;
	if (st->npending == ST_PENDING_MAX) {
		/* The gap is not filling: give it up and move on. */
		log_msg("shottracker: seq %" PRId64 " never came; resuming past it", st->wm + 1);
		st->wm = st->pending[0];
		memmove(st->pending, st->pending + 1, (size_t)(--st->npending) * sizeof st->pending[0]);
		if (i > 0)
			i--;
	}
	for (j = st->npending; j > i; j--)
		st->pending[j] = st->pending[j - 1];
	st->pending[i] = seq;
	st->npending++;
	while (st->npending > 0 && st->pending[0] == st->wm + 1) {
		st->wm++;
		memmove(st->pending, st->pending + 1, (size_t)(--st->npending) * sizeof st->pending[0]);
	}
	if (st->npending == 0)
		st->gap_since_us = 0;
	else if (st->gap_since_us == 0)
		st->gap_since_us = cs_now_us();
}

/* --- the socket --- */

static void
remember_unknown_source(struct st *st, const char *name)
{
	int i;

	for (i = 0; i < st->nunknown; i++)
		if (strcmp(st->unknown_sources[i], name) == 0)
			return;
	log_msg("shottracker: ignoring frames from source '%s'", name);
	if (st->nunknown < (int)(sizeof st->unknown_sources / sizeof st->unknown_sources[0]))
		cs_strlcpy(st->unknown_sources[st->nunknown++], name, sizeof st->unknown_sources[0]);
}

static void
on_frame(struct st *st, const char *data, size_t len)
{
	struct shottracker_frame_info info;

	/* the answer to a text ping: traffic, not data */
	if (len == 4 && memcmp(data, "pong", 4) == 0)
		return;
	st->frames++;
	feed_mark_received(st->feed);
	feed_record(st->feed, "ws", data, len);
	shottracker_parse_message(&st->parse, "ws", data, len, &info);
	if (info.source == ST_SOURCE_UNKNOWN)
		remember_unknown_source(st, info.source_name);
	if (info.has_seq) {
		seq_received(st, info.min_seq);
		if (info.seq != info.min_seq)
			seq_received(st, info.seq);
	}
	if (info.game_end && st->end == END_NONE) {
		log_msg("shottracker: the game is over");
		st->end = END_GAME_OVER;
	}
}

static void
phase_enter(struct st *st, enum st_phase phase)
{
	st->phase = phase;
	st->phase_us = cs_now_us();
}

/* The connection failed before it was established: why, in one line. */
static void
connection_error(struct st *st, struct lws *wsi, const void *in)
{
	char detail[120];
	int status = (int)lws_http_client_http_response(wsi);

	cs_sanitize(detail, in != NULL ? (const char *)in : "connection failed",
	    sizeof detail);
	if (status >= 400) {
		st->upgrade_status = status;
		snprintf(st->conn_error, sizeof st->conn_error,
		    "the server refused the WebSocket upgrade (HTTP %d%s)", status,
		    status == 401 || status == 403 ? ": the subscription token was refused" :
		    status == 404 ? ": no live data for this game" : "");
	} else
		snprintf(st->conn_error, sizeof st->conn_error, "%s", detail);
	if (strstr(detail, "unauthorized") != NULL || status == 401 || status == 403)
		st->end = st->end == END_NONE ? END_TOKEN_REFUSED : st->end;
	st->wsi = NULL;
	st->conn_done = true;
}

static int
ws_callback(struct lws *wsi, enum lws_callback_reasons reason, void *user,
    void *in, size_t len)
{
	struct st *st = lws_context_user(lws_get_context(wsi));
	unsigned char ping[LWS_PRE + 4];
	const unsigned char *p = in;
	size_t need;
	char *n;

	(void)user;
	if (st == NULL)
		return 0;
	/* A connection we gave up on may still report while it closes. */
	if ((uintptr_t)lws_get_opaque_user_data(wsi) != st->generation)
		return 0;
	switch (reason) {
	case LWS_CALLBACK_CLIENT_APPEND_HANDSHAKE_HEADER:
		/* TCP and TLS are up: the upgrade request goes out now */
		if (st->phase == PHASE_CONNECT)
			phase_enter(st, PHASE_UPGRADE);
		break;

	case LWS_CALLBACK_CLIENT_ESTABLISHED:
		st->established = true;
		st->connected_us = st->last_rx_us = cs_now_us();
		phase_enter(st, PHASE_FIRST_FRAME);
		break;

	case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
		connection_error(st, wsi, in);
		break;

	case LWS_CALLBACK_CLIENT_RECEIVE:
		st->last_rx_us = cs_now_us();
		st->ping_sent_us = 0;
		st->phase = PHASE_LIVE;
		if (lws_is_first_fragment(wsi)) {
			st->rxlen = 0;
			st->rx_drop = false;
		}
		if (!st->rx_drop && st->rxlen + len > SHOTTRACKER_FRAME_MAX) {
			st->rx_drop = true;
			log_msg("shottracker: skipped a frame over %u bytes", SHOTTRACKER_FRAME_MAX);
			if (st->parse.sink.warning != NULL)
				st->parse.sink.warning(st->parse.sink.ctx,
				    "skipped a frame: over the 1 MB limit");
		}
		if (!st->rx_drop) {
			need = st->rxlen + len + 1;
			if (need > st->rxcap) {
				size_t cap = st->rxcap != 0 ? st->rxcap : 16384;

				while (cap < need)
					cap *= 2;
				n = realloc(st->rx, cap);
				if (n == NULL) {
					st->rx_drop = true;
					break;
				}
				st->rx = n;
				st->rxcap = cap;
			}
			memcpy(st->rx + st->rxlen, in, len);
			st->rxlen += len;
			st->rx[st->rxlen] = '\0';
		}
		if (lws_is_final_fragment(wsi) && lws_remaining_packet_payload(wsi) == 0) {
			if (!st->rx_drop && !lws_frame_is_binary(wsi))
				on_frame(st, st->rx, st->rxlen);
			st->rxlen = 0;
			st->rx_drop = false;
		}
		break;

	case LWS_CALLBACK_CLIENT_RECEIVE_PONG:
		st->last_rx_us = cs_now_us();
		st->ping_sent_us = 0;
		st->phase = PHASE_LIVE;
		break;

	case LWS_CALLBACK_CLIENT_WRITEABLE:
		if (st->closing) {
			lws_close_reason(wsi, LWS_CLOSE_STATUS_NORMAL, NULL, 0);
			return -1;
		}
		/* one write per writable callback: a second ping asks again */
		if (st->want_ping & PING_CONTROL) {
			st->want_ping &= ~PING_CONTROL;
			if (lws_write(wsi, ping + LWS_PRE, 0, LWS_WRITE_PING) < 0)
				return -1;
			st->ping_sent_us = cs_now_us();
		} else if (st->want_ping & PING_TEXT) {
			st->want_ping &= ~PING_TEXT;
			memcpy(ping + LWS_PRE, "ping", 4);
			if (lws_write(wsi, ping + LWS_PRE, 4, LWS_WRITE_TEXT) < 0)
				return -1;
			st->ping_sent_us = cs_now_us();
		}
		if (st->want_ping != 0)
			lws_callback_on_writable(wsi);
		break;

	case LWS_CALLBACK_WS_PEER_INITIATED_CLOSE:
		if (len >= 2)
			st->close_code = (p[0] << 8) | p[1];
		break;

	case LWS_CALLBACK_CLIENT_CLOSED:
		st->wsi = NULL;
		st->conn_done = true;
		break;

	default:
		break;
	}
	return 0;
}

static const struct lws_protocols protocols[] = {
	{ "courtside-shottracker", ws_callback, 0, 65536, 0, NULL, 0 },
	{ NULL, NULL, 0, 0, 0, NULL, 0 },
};

/* lws's own log: errors only, and never a token that sits in a URL. */
static void
lws_log_emit(int level, const char *line)
{
	char buf[512];
	char *t;

	(void)level;
	cs_sanitize(buf, line, sizeof buf);
	t = strstr(buf, "token=");
	if (t != NULL)
		cs_strlcpy(t + 6, "...", sizeof buf - (size_t)(t + 6 - buf));
	log_msg("lws: %s", buf);
}

static pthread_once_t lws_log_once = PTHREAD_ONCE_INIT;

static void
lws_log_setup(void)
{
	lws_set_log_level(LLL_ERR, lws_log_emit);
}

static void
on_tick(lws_sorted_usec_list_t *sul)
{
	struct st *st = lws_container_of(sul, struct st, tick);

	/* the main loop runs the checks once lws_service returns */
	lws_sul_schedule(st->context, 0, &st->tick, on_tick, ST_TICK_US);
}

static int
context_create(struct st *st, bool tls, char **cause)
{
	struct lws_context_creation_info info;
	struct lws_context *ctx;

	pthread_once(&lws_log_once, lws_log_setup);
	memset(&info, 0, sizeof info);
	info.port = CONTEXT_PORT_NO_LISTEN;
	info.protocols = protocols;
	info.user = st;
	info.fd_limit_per_thread = 16;
	info.gid = -1;
	info.uid = -1;
	if (tls) {
		info.options |= LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT;
		info.client_ssl_ca_filepath = st->cfg->cacert;
	}
	ctx = lws_create_context(&info);
	if (ctx == NULL)
		return cs_set_cause(cause, "cannot create the WebSocket context");
	pthread_mutex_lock(&st->ctx_lock);
	st->context = ctx;
	pthread_mutex_unlock(&st->ctx_lock);
	st->tls_context = tls;
	lws_sul_schedule(ctx, 0, &st->tick, on_tick, ST_TICK_US);
	return 0;
}

static void
context_destroy(struct st *st)
{
	struct lws_context *ctx;

	pthread_mutex_lock(&st->ctx_lock);
	ctx = st->context;
	st->context = NULL;
	pthread_mutex_unlock(&st->ctx_lock);
	if (ctx != NULL) {
		lws_sul_cancel(&st->tick);
		lws_context_destroy(ctx);
	}
	st->wsi = NULL;
}

static void
st_wake(struct feed *feed)
{
	struct st *st = feed_provider_data(feed);

	if (st == NULL)
		return;
	pthread_mutex_lock(&st->ctx_lock);
	if (st->context != NULL)
		lws_cancel_service(st->context);
	pthread_mutex_unlock(&st->ctx_lock);
}

/* Opens the socket (resuming when we have a watermark). */
static int
ws_connect(struct st *st, char **cause)
{
	struct lws_client_connect_info cc;
	char url[ST_URL_MAX], host[256], path[ST_URL_MAX], authority[300], logurl[600];
	int port;
	bool tls;

	if (shottracker_ws_url(url, sizeof url, st->cfg->ws_url, st->base, st->token,
	    st->have_wm, st->wm) < 0 ||
	    http_split_url(url, host, sizeof host, &port, path, sizeof path, &tls) < 0 ||
	    url_authority(url, authority, sizeof authority) < 0)
		return cs_set_cause(cause,
		    "ShotTracker: bad WebSocket URL (check --ws-url)");
	if (st->context != NULL && tls && !st->tls_context)
		context_destroy(st);
	if (st->context == NULL && context_create(st, tls, cause) < 0)
		return -1;

	st->established = false;
	st->conn_done = false;
	st->closing = false;
	st->want_ping = 0;
	st->close_code = 0;
	st->conn_error[0] = '\0';
	st->frames = 0;
	st->rxlen = 0;
	st->rx_drop = false;
	st->ping_sent_us = 0;
	st->end = END_NONE;
	st->connected_us = st->last_rx_us = cs_now_us();
	st->upgrade_status = 0;
	st->dead_why[0] = '\0';
	phase_enter(st, PHASE_CONNECT);

	memset(&cc, 0, sizeof cc);
	cc.context = st->context;
	cc.address = host;
	cc.port = port;
	cc.path = path;
	cc.host = authority;
	cc.origin = authority;
	cc.protocol = NULL;
	cc.local_protocol_name = protocols[0].name;
	cc.alpn = "http/1.1";
	cc.ietf_version_or_minus_one = -1;
	if (tls) {
		cc.ssl_connection = LCCSCF_USE_SSL;
		if (st->cfg->insecure)
			cc.ssl_connection |= LCCSCF_ALLOW_SELFSIGNED |
			    LCCSCF_SKIP_SERVER_CERT_HOSTNAME_CHECK | LCCSCF_ALLOW_EXPIRED;
	}
	cc.pwsi = &st->wsi;
	cc.opaque_user_data = (void *)++st->generation;
	log_msg("shottracker: connecting to %s%s", http_url_for_log(url, logurl, sizeof logurl),
	    st->have_wm ? " (resuming)" : "");
	explicit_bzero(url, sizeof url);
	if (lws_client_connect_via_info(&cc) == NULL) {
		st->wsi = NULL;
		st->conn_done = true;
		if (st->conn_error[0] == '\0')
			cs_strlcpy(st->conn_error, "cannot connect", sizeof st->conn_error);
	}
	explicit_bzero(path, sizeof path);
	return 0;
}

static void
ws_kill(struct st *st)
{
	if (st->wsi != NULL)
		lws_set_timeout(st->wsi, PENDING_TIMEOUT_USER_OK, LWS_TO_KILL_ASYNC);
}

/*
 * The watchdog: true when the connection has spent longer than its limit
 * in its state (dead_why says which).  Checked every tick, in every state.
 */
static bool
over_limit(struct st *st, int64_t now)
{
	int64_t in_phase = now - st->phase_us, quiet = now - st->last_rx_us;

	switch (st->phase) {
	case PHASE_CONNECT:
		if (in_phase < ST_CONNECT_US)
			return false;
		snprintf(st->dead_why, sizeof st->dead_why,
		    "could not connect within %.1f s", (double)in_phase / 1e6);
		return true;
	case PHASE_UPGRADE:
		if (in_phase < ST_UPGRADE_US)
			return false;
		snprintf(st->dead_why, sizeof st->dead_why,
		    "no answer to the WebSocket upgrade within %.1f s", (double)in_phase / 1e6);
		return true;
	case PHASE_FIRST_FRAME:
	case PHASE_LIVE:
		break;
	}
	if (quiet < ST_DEAD_AFTER_US)
		return false;
	snprintf(st->dead_why, sizeof st->dead_why, "nothing received for %.1f s%s",
	    (double)quiet / 1e6, st->phase == PHASE_FIRST_FRAME ?
	    " since the upgrade" : "");
	return true;
}

/* 20 s without traffic: a ping (the keep-alive the server expects). */
static void
maybe_ping(struct st *st, int64_t now)
{
	if (now - st->last_rx_us < ST_PING_AFTER_US || st->ping_sent_us != 0 ||
	    st->want_ping != 0 || st->wsi == NULL)
		return;
	st->want_ping = st->cfg->st_ping == FEED_PING_TEXT ? PING_TEXT :
	    st->cfg->st_ping == FEED_PING_BOTH ? PING_CONTROL | PING_TEXT : PING_CONTROL;
	log_msg("shottracker: %d s quiet: ping (%s)", (int)(ST_PING_AFTER_US / 1000000),
	    st->want_ping == PING_TEXT ? "text" :
	    st->want_ping == PING_CONTROL ? "control frame" : "both");
	lws_callback_on_writable(st->wsi);
}

/* A gap older than ST_GAP_REPAIR_US: refetch it once, then move on.
 * True when the connection must end for the refetch. */
static bool
gap_repair_due(struct st *st, int64_t now)
{
	if (st->npending == 0 || st->gap_since_us == 0 ||
	    now - st->gap_since_us < ST_GAP_REPAIR_US)
		return false;
	if (st->repaired_wm == st->wm) {
		/* Refetching did not bring it: it does not exist. */
		log_msg("shottracker: seq %" PRId64 " does not exist; moving on", st->wm + 1);
		st->wm = st->pending[0] - 1;
		seq_received(st, st->pending[0]);
		return false;
	}
	log_msg("shottracker: seq %" PRId64 " is missing; refetching from there", st->wm + 1);
	st->repaired_wm = st->wm;
	return true;
}

/*
 * A connection stuck before it was established: lws 4.1 cannot time out a
 * client wsi in its handshake from outside (lws_set_timeout on it
 * crashes), so the context goes with it; ws_connect makes a new one.  Its
 * callbacks, if any, belong to an old generation and are ignored.
 */
static void
handshake_abandon(struct st *st)
{
	st->generation++;
	context_destroy(st);
	st->conn_done = true;
}

/*
 * Services one connection until it ends; returns why.  Runs the watchdog
 * and the gap repair between lws_service calls.
 */
static enum st_end
ws_session(struct st *st)
{
	int64_t now;
	bool live_sent = false;

	while (!st->conn_done) {
		lws_service(st->context, 0);
		now = cs_now_us();
		if (feed_stopping(st->feed)) {
			st->end = END_STOPPING;
			break;
		}
		if (st->established && !live_sent) {
			live_sent = true;
			feed_set_status(st->feed, FEED_LIVE, 0, "live");
			log_msg("shottracker: live");
		}
		if (st->end == END_GAME_OVER) {
			st->closing = true;
			if (st->wsi != NULL)
				lws_callback_on_writable(st->wsi);
			break;
		}
		if (feed_take_reconnect_request(st->feed)) {
			st->end = END_REQUESTED;
			ws_kill(st);
			break;
		}
		if (over_limit(st, now)) {
			log_msg("shottracker: %s: the connection is dead", st->dead_why);
			st->end = END_DEAD;
			if (st->established)
				ws_kill(st);
			else
				handshake_abandon(st);
			break;
		}
		if (!st->established)
			continue;
		maybe_ping(st, now);
		if (gap_repair_due(st, now)) {
			st->end = END_GAP_REPAIR;
			ws_kill(st);
			break;
		}
	}
	/* Let lws finish the close it started (a few service rounds). */
	now = cs_now_us();
	while (st->wsi != NULL && !st->conn_done && cs_now_us() - now < 500000)
		lws_service(st->context, 0);
	if (st->end == END_NONE) {
		if (st->close_code == CLOSE_TOKEN_REFUSED)
			st->end = END_TOKEN_REFUSED;
		else if (st->close_code == CLOSE_GAP_TOO_OLD)
			st->end = END_GAP_TOO_OLD;
		else
			st->end = END_DROPPED;
	}
	return st->end;
}

static const char *
end_reason(const struct st *st, enum st_end e, char *buf, size_t size)
{
	switch (e) {
	case END_DEAD:
		return st->dead_why[0] != '\0' ? st->dead_why : "the connection is dead";
	case END_TOKEN_REFUSED:
		return "the subscription token was refused";
	case END_GAP_TOO_OLD:
		return "the server cannot resume that far back";
	case END_GAP_REPAIR:
		return "refetching a missing message";
	case END_REQUESTED:
		return "reconnect requested";
	default:
		break;
	}
	if (st->conn_error[0] != '\0')
		snprintf(buf, size, "%s", st->conn_error);
	else if (st->close_code != 0)
		snprintf(buf, size, "closed by the server (code %d)", st->close_code);
	else
		snprintf(buf, size, "the connection dropped");
	return buf;
}

/* Upgrades refused with tokens fresh from _subscribe, ST_FRESH_REFUSALS
 * times in a row: renewing cannot help.  The cause names the status. */
static int
token_refused_again(struct st *st, char **cause)
{
	if (st->upgrade_status != 0)
		return cs_set_cause(cause, "ShotTracker refused the live socket with a fresh "
		    "subscription token (HTTP %d) — check that SHOTTRACKER_USERNAME may read "
		    "this game's live data", st->upgrade_status);
	return cs_set_cause(cause, "ShotTracker closed the live socket at once with a fresh "
	    "subscription token (close code %d: token refused)", st->close_code);
}

/* What comes before the next connection, by how this one ended. */
static void
prepare_next(struct st *st, enum st_end e, bool *need_token, bool *need_catchup)
{
	switch (e) {
	case END_TOKEN_REFUSED:
		*need_token = true;
		break;
	case END_GAP_TOO_OLD:
		*need_catchup = true;
		seq_reset(st, false);
		break;
	default:
		seq_reset(st, true);
		break;
	}
}

/* The live part: token, socket, reconnects, until the game ends. */
static int
live(struct st *st, char **cause)
{
	enum st_end e;
	bool need_token = true, need_catchup = false, fresh_token = false, had_wm;
	bool progress;
	int refusals = 0;
	int64_t wm_before;
	long delay;
	char why[200], buf[200];
	int reconnects = 0;

	st->repaired_wm = -1;
	backoff_init(&st->backoff, &backoff_default,
	    (uint64_t)cs_wall_ms() ^ ((uint64_t)(uintptr_t)st << 16));
	for (;;) {
		if (feed_stopping(st->feed))
			return 0;
		if (need_catchup) {
			log_msg("shottracker: catching up again over REST");
			if (catch_up(st, false, cause) < 0)
				return feed_stopping(st->feed) ? 0 : -1;
			need_catchup = false;
		}
		if (need_token) {
			if (subscribe(st, cause) < 0)
				return feed_stopping(st->feed) ? 0 : -1;
			need_token = false;
			fresh_token = true;
		}
		had_wm = st->have_wm;
		wm_before = st->wm;
		if (ws_connect(st, cause) < 0)
			return -1;
		e = ws_session(st);
		if (e == END_STOPPING || e == END_GAME_OVER)
			return 0;
		/* a token fresh from _subscribe refused, again and again:
		 * renewing it cannot help */
		if (e == END_TOKEN_REFUSED && fresh_token && ++refusals >= ST_FRESH_REFUSALS)
			return token_refused_again(st, cause);
		if (st->established) {
			fresh_token = false;   /* it worked: renew it when refused */
			refusals = 0;
		}

		/* Only a resume point that moved forward resets the backoff:
		 * frames that replayed what we had are no progress. */
		progress = st->have_wm && (!had_wm || st->wm > wm_before);
		prepare_next(st, e, &need_token, &need_catchup);
		cs_strlcpy(why, end_reason(st, e, buf, sizeof buf), sizeof why);
		delay = backoff_next(&st->backoff, progress || e == END_REQUESTED, -1);
		st->attempt = progress ? 1 : st->attempt + 1;
		reconnects++;
		if (st->have_wm)
			log_msg("shottracker: reconnect %d (%s); %s; attempt %d in %ld ms, "
			    "resuming after seq %" PRId64, reconnects, why,
			    progress ? "progress" : "no progress", st->attempt, delay, st->wm);
		else
			log_msg("shottracker: reconnect %d (%s); %s; attempt %d in %ld ms",
			    reconnects, why, progress ? "progress" : "no progress", st->attempt,
			    delay);
		feed_set_status(st->feed, FEED_RECONNECTING, st->attempt, why);
		if (feed_sleep(st->feed, delay))
			return 0;
		feed_take_reconnect_request(st->feed);   /* we are reconnecting anyway */
	}
}

static int
st_run(struct feed *feed, char **cause)
{
	const struct feed_config *cfg = feed_config(feed);
	struct cs_sink sink = feed_sink(feed);
	struct st *st;
	size_t n;
	int rc;

	if (cfg->game_id == NULL || *cfg->game_id == '\0')
		return cs_set_cause(cause, "ShotTracker: no game (--game EVENT_ID)");
	if (strpbrk(cfg->game_id, "/?#& %") != NULL)
		return cs_set_cause(cause,
		    "ShotTracker: the game id has characters a URL cannot carry");
	if (cfg->username == NULL || *cfg->username == '\0' || cfg->secret == NULL ||
	    *cfg->secret == '\0')
		return cs_set_cause(cause,
		    "ShotTracker credentials missing: set SHOTTRACKER_USERNAME "
		    "and SHOTTRACKER_SECRET (environment or config file)");
	st = calloc(1, sizeof *st);
	if (st == NULL)
		return cs_set_cause(cause, "out of memory");
	st->feed = feed;
	st->cfg = cfg;
	pthread_mutex_init(&st->ctx_lock, NULL);
	cs_strlcpy(st->base, cfg->base_url != NULL && *cfg->base_url != '\0' ?
	    cfg->base_url : "https://api.shottracker.com", sizeof st->base);
	n = strlen(st->base);
	while (n > 0 && st->base[n - 1] == '/')
		st->base[--n] = '\0';
	shottracker_ctx_init(&st->parse, &sink, cfg->game_id);
	feed_set_provider_data(feed, st);

	feed_set_status(feed, FEED_CATCHING_UP, 0, "catching up");
	rc = catch_up(st, true, cause);
	if (rc == 0) {
		feed_caught_up(feed);
		log_msg("shottracker: caught up");
		if (!cfg->once && !st->parse.game_over)
			rc = live(st, cause);
	}
	if (feed_stopping(feed))
		rc = 0;

	feed_set_provider_data(feed, NULL);
	context_destroy(st);
	shottracker_ctx_free(&st->parse);
	explicit_bzero(st->token, sizeof st->token);
	free(st->rx);
	pthread_mutex_destroy(&st->ctx_lock);
	free(st);
	return rc;
}

const struct provider provider_shottracker = {
	.name = "shottracker",
	.id = CS_PROVIDER_SHOTTRACKER,
	.run = st_run,
	.wake = st_wake,
	.parser = &shottracker_parser,
};
