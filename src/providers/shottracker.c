/*
 * The ShotTracker provider, on the feed thread (shottracker.h).
 *
 * Start-up over signed REST: the game event, both rosters, the lineups
 * history, the catch-up (plays, then possessions) and the videos; then a
 * subscription token and the Live Data V2 WebSocket.  Every message goes through shottracker_parse_message
 * with its channel and is recorded under the same channel, so a replay
 * parses exactly what the live run parsed.
 *
 * The socket is net/ws.c's (the lws client and its watchdog over every
 * state of a connection); ShotTracker sets its limits: resolving, TCP and
 * TLS within 10 s, the upgrade answered within 10 s, then (waiting for the
 * first frame, or live) a ping after 20 s without traffic and a dead
 * connection after 27 s, so that a dead
 * connection is noticed in under 30 s whatever it was doing.  Reconnects
 * go through the shared backoff (net/backoff.h): it resets only when the
 * connection moved the resume point forward, never waits under its floor,
 * and jitters; a connection that only replayed what we had (a server that
 * drops every socket after a few frames) backs off like a failure.  Each
 * resumes from the highest seq below which nothing is missing (not merely
 * the highest seen, which a reordered delivery can put past a gap); a gap
 * that does not fill within 3 s (a frame lost for good) is refetched by
 * reconnecting from before it, once.  Refused tokens (401/403 on the
 * upgrade, close 4001) are renewed with _subscribe: at once for a token
 * that had worked (it expired, or the server restarted), backing off for
 * one fresh from _subscribe; a fresh
 * token refused with 403 (the credential lacks the privilege) or fresh
 * tokens refused 3 times in a row are a failure that names the status, and
 * so is a server certificate the TLS check refused (no retry heals it); a
 * gap the server cannot resume (close 4002) re-runs the catch-up, then
 * replays from the start.  Socket items carry a seq: one already applied at a higher seq
 * is not applied again (shottracker_parse_frame), so duplicates, reorders
 * and replays change nothing.
 *
 * A league night runs every game on one thread (st_run_league): there a
 * REST request never sleeps between attempts (rest_try: the game waits its
 * turn again), and while one waits the other games' sockets are read, so
 * one game's failing or slow server holds no other game's plays; alone, a
 * game retries in place as it always did (rest_get).
 */
#include "config.h"

#include <ctype.h>
#include <inttypes.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <json-c/json.h>

#include "log.h"
#include "net/backoff.h"
#include "net/feed.h"
#include "net/http.h"
#include "net/sign.h"
#include "net/ws.h"
#include "providers/shottracker_clip.h"
#include "providers/provider.h"
#include "providers/schedule.h"
#include "providers/shottracker.h"
#include "settings.h"

#define ST_PING_AFTER_MS    20000L
#define ST_DEAD_AFTER_MS    27000L  /* + a tick: still under 30 s */
#define ST_CONNECT_MS       10000L  /* resolve, TCP, TLS */
#define ST_UPGRADE_MS       10000L  /* the 101 answer */
#define ST_GAP_REPAIR_US    (3 * 1000000LL)   /* a missing seq this old is refetched */
#define ST_PENDING_MAX      512               /* seqs held above a gap */
#define ST_REST_TRIES       4                 /* --once: attempts per request */
#define ST_CLIP_TIMEOUT_MS  10000L  /* the CLIP PUT holds the socket's thread:
                                     * well under ST_DEAD_AFTER_MS */
#define ST_VIDEOS_EVERY_US  (30 * 1000000LL)  /* live: the videos list again */
#define ST_TOKEN_MAX        1024
#define ST_FRESH_REFUSALS   3     /* fresh tokens refused in a row: give up */
#define ST_URL_MAX          2048
#define WS_ROUND_MAX_US     (250 * 1000LL)  /* a league's wait with no socket open */
/*
 * A league's request runs on the thread of every game's socket (issue 19).
 * While it waits, the other sockets are read (http_others: their frames
 * go on to the screen); their checks and pings wait for it, so it is
 * bounded tightly: a server that accepts and never answers (or stops
 * mid-body) fails the attempt after ST_LEAGUE_STALL_MS without a byte,
 * and no request takes longer than ST_LEAGUE_REST_MS; either is one
 * failed attempt, retried by the game's own backoff.  Well under the
 * sockets' ping (20 s) and dead (27 s) limits.
 */
#define ST_LEAGUE_STALL_MS  2000L
#define ST_LEAGUE_REST_MS   5000L
#define ST_LATER            (-2)   /* a league's game: again in rest_wait_ms */
/*
 * The catch-up in two documents, each parsed and freed before the next
 * GET, so that the feed thread never holds a whole game at once (issue
 * 20: one 621 KB body of everything set the program's peak memory):
 * the box and the play-by-play first, then ShotTracker's possessions.
 * No `shots`: they repeat what `details` say, and the parser skips them.
 */
#define ST_CATCHUP_PLAYS    "stats,details"
#define ST_CATCHUP_POSSESSIONS "possessions"
#define CLOSE_TOKEN_REFUSED 4001
#define CLOSE_GAP_TOO_OLD   4002

/* Why a connection ended: decides what happens before the next one. */
enum st_end {
	END_NONE = 0,
	END_DROPPED,            /* resume with last_seq */
	END_DEAD,               /* watchdog: a state over its limit */
	END_TOKEN_REFUSED,      /* 401/403 on the upgrade or close 4001 */
	END_GAP_TOO_OLD,        /* close 4002: catch up again */
	END_GAP_REPAIR,         /* our choice: refetch a missing seq */
	END_REQUESTED,          /* the user asked for a reconnect */
	END_CERTIFICATE,        /* the TLS check refused the server: permanent */
	END_GAME_OVER,
	END_STOPPING,
};

struct st {
	struct feed *feed;
	const struct feed_config *cfg;
	const struct shottracker_options *opt;   /* cfg->options */
	struct shottracker_ctx parse;

	char base[512];          /* REST base without a trailing '/' */
	char token[ST_TOKEN_MAX];   /* secret: never logged nor recorded */
	bool have_token;

	struct ws *ws;           /* the socket (net/ws.c) */
	enum st_end end;

	/* the resume point: every seq <= watermark was received */
	bool have_wm;
	int64_t wm;
	int64_t pending[ST_PENDING_MAX];   /* received seqs above a gap, sorted */
	int npending;
	int64_t gap_since_us;
	int64_t repaired_wm;     /* the gap a repair was tried for; -1 none */

	int64_t videos_at_us;    /* when the videos were last asked for */
	bool short_rest;         /* on the socket's thread: GETs time out early */

	struct backoff backoff;
	int attempt;
	char unknown_sources[8][24];
	int nunknown;

	/* between connections (live) */
	bool need_token, need_catchup, fresh_token, had_wm;
	int refusals, reconnects;
	int64_t wm_before;

	/* a league's game (st_run_league): "ID: " in its log lines, else "" */
	char tag[CS_ID_MAX + 2];
	/* ... whose REST never waits on the thread: a failed attempt is
	 * retried when the game's turn comes again (ST_LATER) */
	bool league;
	struct http_others others;   /* a league's: the sockets served meanwhile */
	int rest_tries;          /* failed attempts of the request in hand */
	struct backoff rest_backoff;
	long rest_wait_ms;       /* ST_LATER: the wait before the next turn */
	int cu_step;             /* the catch-up's next request (enum cu_step) */
	bool cu_stale, cu_redone;   /* its sweep was spread over turns; read again */
	bool caught_up;          /* the first catch-up is done */
	char wsname[CS_ID_MAX + 16];   /* the socket's log prefix */
	enum { GAME_WAITING, GAME_ON_SOCKET, GAME_DONE } phase;
	int64_t retry_at_us;     /* GAME_WAITING: the next connection's time */
};

/* --- small helpers --- */

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
		if (scheme_end == NULL || sign_url_authority(ws_base, authority, sizeof authority) < 0)
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
		if (rest_base == NULL || sign_url_authority(rest_base, authority, sizeof authority) < 0)
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
 * One signed request (a GET, or the video action's PUT with its JSON
 * body).  REST_RETRY: a transient failure (transport, 429, 5xx)
 * with *retry_ms a suggested wait; REST_FATAL: retrying cannot help.
 */
static enum rest_outcome
rest_once(struct st *st, const char *method, const char *path, const char *body,
    const char *what, struct http_response *resp, long *retry_ms, char **cause)
{
	struct http_request req;
	struct sign_headers sh;
	char url[ST_URL_MAX], logurl[600];
	const char *headers[6];
	int signed_ok;

	*retry_ms = 0;
	signed_ok = (size_t)snprintf(url, sizeof url, "%s%s", st->base, path) >= sizeof url ? -1 :
	    sign_request_headers(st->opt->username, st->opt->secret, method, url, &sh);
	if (signed_ok == -1) {
		cs_set_cause(cause, "ShotTracker: bad URL for %s (check --base-url)", what);
		return REST_FATAL;
	}
	if (signed_ok < 0) {
		cs_set_cause(cause, "ShotTracker: cannot sign the request (credentials too long)");
		return REST_FATAL;
	}
	headers[0] = sh.date;
	headers[1] = sh.host;
	headers[2] = sh.auth;
	headers[3] = "Accept: application/json";
	headers[4] = body != NULL ? "Content-Type: application/json" : NULL;
	headers[5] = NULL;

	memset(&req, 0, sizeof req);
	req.method = method;
	req.url = url;
	req.body = body;
	req.body_len = body != NULL ? strlen(body) : 0;
	req.timeout_ms = body != NULL || st->short_rest ? ST_CLIP_TIMEOUT_MS : 0;
	if (st->league) {
		req.timeout_ms = ST_LEAGUE_REST_MS;
		req.stall_ms = ST_LEAGUE_STALL_MS;
		req.others = st->others.arg != NULL ? &st->others : NULL;
	}
	req.headers = headers;
	req.follow_redirects = false;   /* a redirect would need a new signature */
	req.cacert = st->cfg->cacert;
	req.insecure = st->cfg->insecure;
	req.max_body = SHOTTRACKER_DOCUMENT_MAX;
	req.cancel = feed_cancel_flag(st->feed);
	if (http_perform(&req, resp, cause) < 0) {
		sign_headers_clear(&sh);
		/* a bad certificate or an oversized body comes back the same */
		if (feed_stopping(st->feed) || resp->permanent)
			return REST_FATAL;
		*retry_ms = 0;
		return REST_RETRY;
	}
	sign_headers_clear(&sh);
	log_msg("shottracker: %s %s -> %ld (%zu bytes)", method,
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

/* The game's turn comes again in `ms` (a league's). */
static int
later(struct st *st, long ms)
{
	st->rest_wait_ms = ms;
	return ST_LATER;
}

/*
 * A league's GET: one attempt, and no wait on the thread that services
 * every game's socket.  After a transient failure, ST_LATER: the game
 * tries again in st->rest_wait_ms, from its own backoff (Retry-After
 * honoured); a request gets as many attempts as rest_get gives it.
 */
static int
rest_try(struct st *st, const char *path, const char *what, bool bounded,
    struct http_response *resp, char **cause)
{
	enum rest_outcome o;
	long hint;

	if (st->rest_tries == 0)
		backoff_init(&st->rest_backoff, &backoff_default,
		    (uint64_t)cs_wall_ms() ^ (uint64_t)(uintptr_t)path);
	o = rest_once(st, "GET", path, NULL, what, resp, &hint, cause);
	if (o != REST_RETRY || feed_stopping(st->feed)) {
		st->rest_tries = 0;
		return o == REST_OK ? 0 : -1;
	}
	st->rest_tries++;
	if ((st->cfg->once || bounded) && st->rest_tries >= ST_REST_TRIES) {
		if (cause != NULL && *cause != NULL)
			cs_set_cause(cause, "%s (after %d attempts)", *cause, st->rest_tries);
		st->rest_tries = 0;
		return -1;
	}
	later(st, backoff_next(&st->rest_backoff, false, hint));
	log_msg("shottracker: %s%s; retry %d in %ld ms", st->tag,
	    cause && *cause ? *cause : what, st->rest_tries, st->rest_wait_ms);
	if (!st->cfg->once)
		feed_set_status(st->feed, FEED_RECONNECTING, st->rest_tries,
		    cause && *cause ? *cause : "retrying");
	return ST_LATER;
}

/*
 * A GET with retries: transient failures back off (the shared backoff,
 * 1 s doubling, Retry-After honoured up to its cap).  With
 * --once a few attempts, live until it works (the venue Wi-Fi comes back)
 * unless `bounded`.  Returns 0 with a 200 in *resp, or -1 with *cause;
 * a league's game waits its next turn instead (rest_try: ST_LATER).
 */
static int
rest_get(struct st *st, const char *path, const char *what, bool bounded,
    struct http_response *resp, char **cause)
{
	enum rest_outcome o;
	struct backoff b;
	long wait, hint;
	int attempt;

	if (st->league)
		return rest_try(st, path, what, bounded, resp, cause);
	backoff_init(&b, &backoff_default, (uint64_t)cs_wall_ms() ^ (uint64_t)(uintptr_t)path);
	for (attempt = 1;; attempt++) {
		o = rest_once(st, "GET", path, NULL, what, resp, &hint, cause);
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

/* A REST answer recorded under "rest:PATH" (a replay reads the same) and
 * parsed; frees it.  The parser's result. */
static int
record_and_parse(struct st *st, const char *path, struct http_response *resp)
{
	char channel[600];
	int rc;

	snprintf(channel, sizeof channel, "rest:%s", path);
	feed_mark_document(st->feed);   /* not a live event's latency */
	feed_record(st->feed, channel, resp->body, resp->len);
	rc = shottracker_parse_message(&st->parse, channel, resp->body, resp->len, NULL);
	http_response_free(resp);
	return rc;
}

/* GET, record and parse one REST resource. */
static int
rest_resource(struct st *st, const char *path, const char *what, bool required,
    char **cause)
{
	struct http_response resp;
	char *why = NULL;
	int rc;

	rc = rest_get(st, path, what, !required, &resp, required ? cause : &why);
	if (rc == ST_LATER) {
		free(why);
		return ST_LATER;
	}
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
	free(why);   /* a retried failure's cause, healed by the retry */
	rc = record_and_parse(st, path, &resp);
	if (rc < 0 && required)
		return cs_set_cause(cause,
		    "ShotTracker: the %s could not be read (see the log)", what);
	return 0;
}

/*
 * An optional resource the game goes on without (the videos, page 003:
 * many games have no camera; what the sensors saw): a failure is only
 * logged, never a warning on screen.
 */
static int
quiet_resource(struct st *st, const char *path, const char *what)
{
	struct http_response resp;
	char *why = NULL;
	int rc;

	rc = rest_get(st, path, what, true, &resp, &why);
	if (rc < 0) {
		if (rc != ST_LATER)
			log_msg("shottracker: no %s: %s", what, why != NULL ? why : "failed");
		free(why);
		return rc == ST_LATER ? ST_LATER : 0;
	}
	free(why);   /* a retried failure's cause, healed by the retry */
	(void)record_and_parse(st, path, &resp);
	return 0;
}

/*
 * The catch-up's requests in order: the game event and both rosters the
 * first time only; lineups, the catch-up (plays, then possessions); the
 * videos; what the sensors saw (presence, the fives on court now, the
 * sensor assignments so far).
 */
enum cu_step {
	CU_GAME, CU_HOME, CU_AWAY, CU_LINEUPS, CU_PLAYS, CU_POSSESSIONS, CU_VIDEOS,
	CU_PRESENCE, CU_LINEUP_NOW, CU_SENSORS, CU_DONE
};

/* One request of the catch-up: 0, -1 with *cause, or ST_LATER. */
static int
catch_up_step(struct st *st, int step, char **cause)
{
	const char *id = st->cfg->game_id;
	char path[512], what[96];
	int rc, side;

	switch (step) {
	case CU_GAME:
		snprintf(path, sizeof path, "/v1/data/games/%s", id);
		rc = rest_resource(st, path, "game", true, cause);
		if (rc == 0 && !st->parse.have_game)
			return cs_set_cause(cause,
			    "ShotTracker: the game event names no teams "
			    "(home_team_id/away_team_id)");
		return rc;
	case CU_HOME:
	case CU_AWAY:
		side = step - CU_HOME;
		snprintf(path, sizeof path, "/v1/data/teams/%s,SHOTTRACKER",
		    st->parse.team_id[side]);
		snprintf(what, sizeof what, "team %s", st->parse.team_id[side]);
		return rest_resource(st, path, what, false, cause);
	case CU_LINEUPS:
		snprintf(path, sizeof path, "/v1/data/games/%s/lineups", id);
		return rest_resource(st, path, "lineups", false, cause);
	case CU_PLAYS:
		snprintf(path, sizeof path, "/v1/data/stats/games/%s/" ST_CATCHUP_PLAYS, id);
		return rest_resource(st, path, "game statistics", true, cause);
	case CU_POSSESSIONS:
		snprintf(path, sizeof path, "/v1/data/stats/games/%s/" ST_CATCHUP_POSSESSIONS,
		    id);
		return rest_resource(st, path, "possessions", true, cause);
	case CU_VIDEOS:
		snprintf(path, sizeof path, "/v1/data/stats/games/%s/videos", id);
		rc = quiet_resource(st, path, "videos");
		if (rc == 0)
			st->videos_at_us = cs_now_us();
		return rc;
	case CU_PRESENCE:
		snprintf(path, sizeof path, "/v1/data/stats/games/%s/stats/presence", id);
		return quiet_resource(st, path, "presence");
	case CU_LINEUP_NOW:
		snprintf(path, sizeof path, "/v1/data/games/%s/lineups?timestamp=%" PRId64,
		    id, cs_wall_ms());
		return quiet_resource(st, path, "lineups at a time");
	case CU_SENSORS:
		snprintf(path, sizeof path, "/v1/data/games/%s/sensor/assignments/history", id);
		return quiet_resource(st, path, "sensor assignments");
	default:
		return 0;
	}
}

static void
catch_up_begin(struct st *st, bool first)
{
	st->cu_step = first ? CU_GAME : CU_LINEUPS;
	st->cu_stale = st->cu_redone = false;
}

/*
 * The catch-up's next request: 0 (st->cu_step tells what is left), -1
 * with *cause, or ST_LATER (this request again at the game's next turn).
 * A sweep whose request was retried at a later turn mixes moments (the
 * lineups before, the plays after: a game may even end between): once
 * done, it is read again from the lineups, once, as one sweep.
 */
static int
catch_up_next(struct st *st, char **cause)
{
	int rc = catch_up_step(st, st->cu_step, cause);

	if (rc == ST_LATER && st->cu_step > CU_LINEUPS && !st->cu_redone)
		st->cu_stale = true;
	if (rc != 0)
		return rc;
	if (++st->cu_step == CU_DONE && st->cu_stale) {
		log_msg("shottracker: %sreading the catch-up again as one sweep "
		    "(a request of it was retried)", st->tag);
		st->cu_stale = false;
		st->cu_redone = true;
		st->cu_step = CU_LINEUPS;
	}
	return 0;
}

/* Game event (first time only), rosters (first time only), lineups,
 * catch-up, videos, sensors: every request in turn. */
static int
catch_up(struct st *st, bool first, char **cause)
{
	int rc;

	catch_up_begin(st, first);
	while (st->cu_step < CU_DONE)
		if ((rc = catch_up_next(st, cause)) != 0)
			return rc;
	return 0;
}

static int
subscribe(struct st *st, char **cause)
{
	struct http_response resp;
	char path[512];
	int rc;

	snprintf(path, sizeof path, "/v1/data/schedule/games/%s/_subscribe", st->cfg->game_id);
	rc = rest_get(st, path, "the subscription token", false, &resp, cause);
	if (rc < 0)
		return rc;
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

/* --- the socket (net/ws.c): what the protocol says --- */

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
on_frame(void *arg, const char *data, size_t len)
{
	struct st *st = arg;
	struct shottracker_frame_info info;

	/* the answer to a text ping: traffic, not data */
	if (len == 4 && memcmp(data, "pong", 4) == 0)
		return;
	/* net/ws.c stamped the frame when its first bytes arrived */
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
		log_msg("shottracker: %sthe game is over", st->tag);
		st->end = END_GAME_OVER;
		ws_close(st->ws, true);
	}
}

static void
on_open(void *arg)
{
	struct st *st = arg;

	feed_set_status(st->feed, FEED_LIVE, 0, "live");
	log_msg("shottracker: %slive", st->tag);
}

static void
on_warning(void *arg, const char *msg)
{
	struct st *st = arg;

	if (st->parse.sink.warning != NULL)
		st->parse.sink.warning(st->parse.sink.ctx, msg);
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
 * The clip the UI asked for (feed_clip), once, on this thread: one signed
 * PUT, no retry (the user can press C again); the URL or why not goes
 * back through the queue.
 */
static void
serve_clip(struct st *st)
{
	struct feed_clip_request rq;
	struct http_response resp;
	char path[512], body[128], url[sizeof ((struct feed_clip_answer *)0)->text];
	char *cause = NULL;
	long hint;

	if (!feed_take_clip(st->feed, &rq))
		return;
	snprintf(path, sizeof path, "/v1/data/games/%s/video/_action", st->cfg->game_id);
	if (shottracker_clip_body(rq.start_ms, rq.end_ms, body, sizeof body) < 0) {
		feed_clip_answer(st->feed, rq.play_id, false, "no clip: the play has no span");
		return;
	}
	if (rest_once(st, "PUT", path, body, "clip", &resp, &hint, &cause) == REST_OK) {
		if (shottracker_clip_url(resp.body, resp.len, url, sizeof url, &cause) == 0) {
			log_msg("shottracker: clip %s", http_url_for_log(url, path, sizeof path));
			feed_clip_answer(st->feed, rq.play_id, true, url);
		}
		http_response_free(&resp);
	}
	if (cause != NULL) {
		log_msg("shottracker: no clip: %s", cause);
		feed_clip_answer(st->feed, rq.play_id, false, cause);
		free(cause);
	}
}

/*
 * Live, the game's videos grow (a segment per possession, published
 * after it): the list again every ST_VIDEOS_EVERY_US, one attempt with
 * the clip's short timeout (it holds the socket's thread), upserted into
 * the model, so V finds the latest plays.  A failure waits for the next.
 */
static void
refresh_videos(struct st *st, int64_t now)
{
	struct http_response resp;
	char path[512], *cause = NULL;
	long hint;

	if (now - st->videos_at_us < ST_VIDEOS_EVERY_US)
		return;
	st->videos_at_us = now;
	snprintf(path, sizeof path, "/v1/data/stats/games/%s/videos", st->cfg->game_id);
	st->short_rest = true;
	if (rest_once(st, "GET", path, NULL, "videos", &resp, &hint, &cause) == REST_OK)
		(void)record_and_parse(st, path, &resp);
	st->short_rest = false;
	if (cause != NULL)
		log_msg("shottracker: no newer videos: %s", cause);
	free(cause);
}

static bool
on_tick(void *arg, int64_t now)
{
	struct st *st = arg;

	serve_clip(st);
	refresh_videos(st, now);
	if (!gap_repair_due(st, now))
		return false;
	st->end = END_GAP_REPAIR;
	return true;
}

static const struct ws_handlers st_ws_handlers = {
	.on_open = on_open,
	.on_frame = on_frame,
	.on_tick = on_tick,
	.on_warning = on_warning,
};

struct st_league;
static void league_wake(struct st_league *lg);

static void
st_wake(struct feed *feed)
{
	void *data = feed_provider_data(feed);

	/* called under the feed's wake lock: st (or the league) and its
	 * sockets are alive */
	if (data == NULL)
		return;
	if (feed_league_size(feed) > 0)
		league_wake(data);
	else
		ws_wake(((struct st *)data)->ws);
}

/* What the socket's ending means to ShotTracker. */
static enum st_end
end_of(struct st *st, enum ws_end we)
{
	int status;

	switch (we) {
	case WS_END_STOPPING:
		return END_STOPPING;
	case WS_END_REQUESTED:
		return END_REQUESTED;
	case WS_END_DEAD:
		return END_DEAD;
	case WS_END_CERTIFICATE:
		return END_CERTIFICATE;
	case WS_END_CLOSED:
		return st->end != END_NONE ? st->end : END_DROPPED;
	case WS_END_REFUSED:
		status = ws_upgrade_status(st->ws);
		return status == 0 || status == 401 || status == 403 ? END_TOKEN_REFUSED :
		    END_DROPPED;
	default:
		break;
	}
	if (ws_close_code(st->ws) == CLOSE_TOKEN_REFUSED)
		return END_TOKEN_REFUSED;
	if (ws_close_code(st->ws) == CLOSE_GAP_TOO_OLD)
		return END_GAP_TOO_OLD;
	return END_DROPPED;
}

/* The socket's URL, resuming when we have a watermark: 0, or -1 with *cause. */
static int
live_url(struct st *st, char *url, size_t size, char **cause)
{
	if (shottracker_ws_url(url, size, st->opt->ws_url, st->base, st->token,
	    st->have_wm, st->wm) < 0)
		return cs_set_cause(cause, "ShotTracker: bad WebSocket URL (check --ws-url)");
	return 0;
}

/* ws_open or ws_session failed: the URL, or no context. */
static int
socket_failed(char **cause)
{
	return cs_set_cause(cause, "ShotTracker: %s%s", cause != NULL && *cause != NULL ?
	    *cause : "no WebSocket", cause != NULL && *cause != NULL &&
	    strstr(*cause, "URL") != NULL ? " (check --ws-url)" : "");
}

/* One connection (resuming when we have a watermark), until it ends. */
static int
connect_once(struct st *st, enum st_end *e, char **cause)
{
	char url[ST_URL_MAX];
	enum ws_end we = WS_END_NONE;
	int rc;

	if (live_url(st, url, sizeof url, cause) < 0)
		return -1;
	st->end = END_NONE;
	rc = ws_session(st->ws, st->feed, url, st->have_wm ? " (resuming)" : "", &we, cause);
	explicit_bzero(url, sizeof url);
	if (rc < 0)
		return socket_failed(cause);
	*e = end_of(st, we);
	return 0;
}

static const char *
end_reason(const struct st *st, enum st_end e, char *buf, size_t size)
{
	int status = ws_upgrade_status(st->ws);

	switch (e) {
	case END_DEAD:
		return ws_dead_why(st->ws)[0] != '\0' ? ws_dead_why(st->ws) :
		    "the connection is dead";
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
	if (status >= 400)
		snprintf(buf, size, "the server refused the WebSocket upgrade (HTTP %d%s)", status,
		    status == 401 || status == 403 ? ": the subscription token was refused" :
		    status == 404 ? ": no live data for this game" : "");
	else if (ws_error(st->ws)[0] != '\0')
		snprintf(buf, size, "%s", ws_error(st->ws));
	else if (ws_close_code(st->ws) != 0)
		snprintf(buf, size, "closed by the server (code %d)", ws_close_code(st->ws));
	else
		snprintf(buf, size, "the connection dropped");
	return buf;
}

/* Upgrades refused with tokens fresh from _subscribe, ST_FRESH_REFUSALS
 * times in a row: renewing cannot help.  The cause names the status. */
static int
token_refused_again(struct st *st, char **cause)
{
	if (ws_upgrade_status(st->ws) != 0)
		return cs_set_cause(cause, "ShotTracker refused the live socket with a fresh "
		    "subscription token (HTTP %d) — check that SHOTTRACKER_USERNAME may read "
		    "this game's live data", ws_upgrade_status(st->ws));
	return cs_set_cause(cause, "ShotTracker closed the live socket at once with a fresh "
	    "subscription token (close code %d: token refused)", ws_close_code(st->ws));
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

static void
live_init(struct st *st)
{
	st->repaired_wm = -1;
	st->need_token = true;
	st->need_catchup = false;
	st->fresh_token = false;
	st->refusals = 0;
	st->reconnects = 0;
	backoff_init(&st->backoff, &backoff_default,
	    (uint64_t)cs_wall_ms() ^ ((uint64_t)(uintptr_t)st << 16));
}

/*
 * What a connection needs first: a clip asked for while the socket was
 * down, the catch-up again, a token.  -1 with *cause: the game fails.
 * A league's game takes turns: its catch-up (one consistent sweep while
 * its requests go through, as alone) is one turn, its token the next, and
 * ST_LATER says when its next turn is: now, or after a failed attempt.
 */
static int
before_connect(struct st *st, char **cause)
{
	int64_t turn_us;
	int rc;

	serve_clip(st);
	if (st->need_catchup) {
		if (st->cu_step == CU_DONE) {
			log_msg("shottracker: %scatching up again over REST", st->tag);
			catch_up_begin(st, false);
		}
		/* a league's turn ends at a failure, or after ST_LEAGUE_REST_MS
		 * of requests that went through (the next turn goes on) */
		turn_us = cs_now_us();
		do {
			if ((rc = catch_up_next(st, cause)) != 0)
				return rc;
		} while (st->cu_step < CU_DONE && (!st->league ||
		    cs_now_us() - turn_us < ST_LEAGUE_REST_MS * 1000));
		st->need_catchup = st->cu_step < CU_DONE;
		if (st->league)
			return later(st, 0);
	}
	if (st->need_token) {
		if ((rc = subscribe(st, cause)) != 0)
			return rc;
		st->need_token = false;
		st->fresh_token = true;
	}
	st->had_wm = st->have_wm;
	st->wm_before = st->wm;
	return 0;
}

/*
 * A connection ended with `e`: 1 when the game is done (over, or the feed
 * stops), -1 with *cause when no reconnect can help, else 0 with *delay
 * the backoff before the next one (logged, and the RECONNECTING status).
 */
static int
after_end(struct st *st, enum st_end e, long *delay, char **cause)
{
	char why[200], buf[200];
	bool progress;

	if (e == END_STOPPING || e == END_GAME_OVER)
		return 1;
	if (e == END_CERTIFICATE)
		return cs_set_cause(cause, "ShotTracker live socket: %s — "
		    "--cacert FILE trusts a private certificate authority", ws_error(st->ws));
	/* a token fresh from _subscribe refused with 403 (no privilege),
	 * or again and again: renewing it cannot help */
	if (e == END_TOKEN_REFUSED && st->fresh_token &&
	    (ws_upgrade_status(st->ws) == 403 || ++st->refusals >= ST_FRESH_REFUSALS))
		return token_refused_again(st, cause);
	if (ws_established(st->ws)) {
		st->fresh_token = false;   /* it worked: renew it when refused */
		st->refusals = 0;
	}

	/* Only a resume point that moved forward resets the backoff:
	 * frames that replayed what we had are no progress. */
	progress = st->have_wm && (!st->had_wm || st->wm > st->wm_before);
	prepare_next(st, e, &st->need_token, &st->need_catchup);
	cs_strlcpy(why, end_reason(st, e, buf, sizeof buf), sizeof why);
	if (e == END_TOKEN_REFUSED && !st->fresh_token)
		/* a server that answers refused a token it no longer knows
		 * (expired, or the server restarted): a new one at once, not
		 * after the backoff an outage built up (a fresh token refused
		 * backs off as any failure) */
		*delay = 0;
	else
		*delay = backoff_next(&st->backoff, progress || e == END_REQUESTED, -1);
	st->attempt = progress ? 1 : st->attempt + 1;
	st->reconnects++;
	if (st->have_wm)
		log_msg("shottracker: %sreconnect %d (%s); %s; attempt %d in %ld ms, "
		    "resuming after seq %" PRId64, st->tag, st->reconnects, why,
		    progress ? "progress" : "no progress", st->attempt, *delay, st->wm);
	else
		log_msg("shottracker: %sreconnect %d (%s); %s; attempt %d in %ld ms",
		    st->tag, st->reconnects, why, progress ? "progress" : "no progress",
		    st->attempt, *delay);
	feed_set_status(st->feed, FEED_RECONNECTING, st->attempt, why);
	return 0;
}

/* The live part: token, socket, reconnects, until the game ends. */
static int
live(struct st *st, char **cause)
{
	enum st_end e = END_NONE;
	long delay;
	int rc;

	live_init(st);
	for (;;) {
		if (feed_stopping(st->feed))
			return 0;
		if (before_connect(st, cause) < 0)
			return feed_stopping(st->feed) ? 0 : -1;
		if (connect_once(st, &e, cause) < 0)
			return -1;
		rc = after_end(st, e, &delay, cause);
		if (rc != 0)
			return rc > 0 ? 0 : -1;
		if (feed_sleep(st->feed, delay))
			return 0;
		feed_take_reconnect_request(st->feed);   /* we are reconnecting anyway */
	}
}

/* The game's st on `feed`, its socket in `hub` (NULL: a hub of its own);
 * NULL with *cause when the game cannot start. */
static struct st *
st_new(struct feed *feed, struct ws_hub *hub, char **cause)
{
	const struct feed_config *cfg = feed_config(feed);
	static const struct shottracker_options none;
	const struct shottracker_options *opt = cfg->options != NULL ? cfg->options : &none;
	struct cs_sink sink = feed_sink(feed);
	struct ws_options wo;
	struct st *st;
	size_t n;

	if (cfg->game_id == NULL || *cfg->game_id == '\0') {
		cs_set_cause(cause, "ShotTracker: no game (--game EVENT_ID)");
		return NULL;
	}
	if (strpbrk(cfg->game_id, "/?#& %") != NULL) {
		cs_set_cause(cause, "ShotTracker: the game id has characters a URL cannot carry");
		return NULL;
	}
	if (opt->username == NULL || *opt->username == '\0' || opt->secret == NULL ||
	    *opt->secret == '\0') {
		cs_set_cause(cause, "ShotTracker credentials missing: set SHOTTRACKER_USERNAME "
		    "and SHOTTRACKER_SECRET (environment or config file)");
		return NULL;
	}
	st = calloc(1, sizeof *st);
	if (st == NULL) {
		cs_set_cause(cause, "out of memory");
		return NULL;
	}
	st->feed = feed;
	st->cfg = cfg;
	st->opt = opt;
	cs_strlcpy(st->wsname, "shottracker", sizeof st->wsname);
	if (hub != NULL) {
		/* a league's: its log lines name the game; while its request
		 * waits, the other games' sockets are read (issue 19) */
		ws_hub_others(hub, &st->others);
		snprintf(st->tag, sizeof st->tag, "%s: ", cfg->game_id);
		snprintf(st->wsname, sizeof st->wsname, "shottracker: %s", cfg->game_id);
	}
	memset(&wo, 0, sizeof wo);
	wo.name = st->wsname;
	wo.cacert = cfg->cacert;
	wo.insecure = cfg->insecure;
	wo.ping = opt->ping;
	wo.frame_max = SHOTTRACKER_FRAME_MAX;
	wo.connect_ms = ST_CONNECT_MS;
	wo.upgrade_ms = ST_UPGRADE_MS;
	wo.ping_after_ms = ST_PING_AFTER_MS;
	wo.dead_after_ms = ST_DEAD_AFTER_MS;
	st->ws = hub != NULL ? ws_new_in(hub, &wo, &st_ws_handlers, st, cause) :
	    ws_new(&wo, &st_ws_handlers, st, cause);
	if (st->ws == NULL) {
		free(st);
		return NULL;
	}
	cs_strlcpy(st->base, cfg->base_url != NULL && *cfg->base_url != '\0' ?
	    cfg->base_url : "https://api.shottracker.com", sizeof st->base);
	n = strlen(st->base);
	while (n > 0 && st->base[n - 1] == '/')
		st->base[--n] = '\0';
	shottracker_ctx_init(&st->parse, &sink, cfg->game_id);
	return st;
}

static void
st_free(struct st **stp)
{
	struct st *st = *stp;

	if (st == NULL)
		return;
	ws_free(&st->ws);
	shottracker_ctx_free(&st->parse);
	explicit_bzero(st->token, sizeof st->token);
	free(st);
	*stp = NULL;
}

static int
st_run(struct feed *feed, char **cause)
{
	struct st *st;
	int rc;

	st = st_new(feed, NULL, cause);
	if (st == NULL)
		return -1;
	feed_set_provider_data(feed, st);

	feed_set_status(feed, FEED_CATCHING_UP, 0, "catching up");
	rc = catch_up(st, true, cause);
	if (rc == 0) {
		/* the catch-up's bodies and trees are freed but their pages stay
		 * in this thread's arena: give them back before the game goes on */
		malloc_trim(0);
		feed_caught_up(feed);
		log_msg("shottracker: caught up");
		if (!st->cfg->once && !st->parse.game_over)
			rc = live(st, cause);
	}
	if (feed_stopping(feed))
		rc = 0;

	feed_set_provider_data(feed, NULL);
	st_free(&st);
	return rc;
}

/* --- a league night: one feed thread, one WebSocket context, a socket a game --- */

struct st_league {
	struct feed *hub;
	struct ws_hub *wsh;      /* the one lws context of every game's socket */
	struct st **game;        /* NULL: a game that could not start */
	int n;
	int turn;                /* the game whose turn comes first next round */
};

/* One game is done: its END, once; the others go on. */
static void
league_end(struct st *g, int rc, const char *cause)
{
	if (g->phase == GAME_DONE)
		return;
	g->phase = GAME_DONE;
	feed_member_end(g->feed, rc, cause);
}

/* A league's game starts: its first catch-up comes first, a request a
 * turn, then its token and socket. */
static void
league_start(struct st *g)
{
	live_init(g);
	g->league = true;
	g->need_catchup = true;
	catch_up_begin(g, true);
	g->phase = GAME_WAITING;
	g->retry_at_us = 0;
	feed_set_status(g->feed, FEED_CATCHING_UP, 0, "catching up");
}

/* A game's first catch-up is done: it is caught up, as a solo run would
 * be; with --once (or the game over) it ends there.  True when it ended. */
static bool
league_caught_up(struct st *g)
{
	g->caught_up = true;
	feed_caught_up(g->feed);
	log_msg("shottracker: %scaught up", g->tag);
	malloc_trim(0);   /* what the catch-up held goes back (st_run's reason) */
	if (!g->cfg->once && !g->parse.game_over)
		return false;
	league_end(g, 0, NULL);
	return true;
}

/* A waiting game whose turn has come: its next request (the catch-up's,
 * a token), or its socket opens (without waiting for it).  A request that
 * failed puts it back to wait by its own backoff; nothing here sleeps. */
static void
league_connect(struct st *g)
{
	char url[ST_URL_MAX], *why = NULL;
	int rc;

	rc = before_connect(g, &why);
	if (rc == ST_LATER) {
		/* a retried failure's cause is in the log already */
		free(why);
		g->retry_at_us = cs_now_us() + (int64_t)g->rest_wait_ms * 1000;
		if (!g->caught_up && !g->need_catchup)
			(void)league_caught_up(g);
		return;
	}
	if (rc < 0) {
		if (!feed_stopping(g->feed))
			league_end(g, -1, why);
		free(why);
		return;
	}
	free(why);   /* a retried failure's cause, healed by the retry */
	why = NULL;
	g->end = END_NONE;
	rc = live_url(g, url, sizeof url, &why);
	if (rc == 0 && ws_open(g->ws, g->feed, url, g->have_wm ? " (resuming)" : "", &why) < 0)
		rc = socket_failed(&why);
	explicit_bzero(url, sizeof url);
	if (rc < 0)
		league_end(g, -1, why);
	else
		g->phase = GAME_ON_SOCKET;
	free(why);
}

/* A game's connection ended: done, failed, or its reconnect is due later
 * (its own backoff; the other sockets stay as they are). */
static void
league_socket_ended(struct st *g, enum ws_end we)
{
	char *why = NULL;
	long delay = 0;
	int rc;

	rc = after_end(g, end_of(g, we), &delay, &why);
	if (rc != 0) {
		league_end(g, rc > 0 ? 0 : -1, why);
		free(why);
		return;
	}
	g->phase = GAME_WAITING;
	g->retry_at_us = cs_now_us() + (int64_t)delay * 1000;
}

/* The user asked for a reconnect: every game's socket, now. */
static void
league_reconnect(struct st_league *lg)
{
	int i;

	for (i = 0; i < lg->n; i++) {
		if (lg->game[i] == NULL)
			continue;
		if (lg->game[i]->phase == GAME_ON_SOCKET)
			ws_reconnect(lg->game[i]->ws);
		else if (lg->game[i]->phase == GAME_WAITING)
			lg->game[i]->retry_at_us = 0;
	}
}

/*
 * One round: the turn of one waiting game that is due (in rotation: one
 * turn a round, so that the sockets are serviced between any two), the
 * hub serviced (or, with no socket yet, the thread waits for the next
 * game due), ended connections told.  False when no game is left.
 */
static bool
league_round(struct st_league *lg)
{
	int64_t now = cs_now_us(), next = now + WS_ROUND_MAX_US;
	enum ws_end we;
	bool on = false, sockets = false, turn = true;
	struct st *g;
	int i, k, first = lg->turn;

	if (feed_take_reconnect_request(lg->hub))
		league_reconnect(lg);
	for (k = 0; k < lg->n && !feed_stopping(lg->hub); k++) {
		i = (first + k) % lg->n;
		if ((g = lg->game[i]) == NULL)
			continue;
		if (turn && g->phase == GAME_WAITING && g->retry_at_us <= now) {
			league_connect(g);
			turn = false;
			lg->turn = (i + 1) % lg->n;
		}
		if (g->phase == GAME_WAITING && g->retry_at_us < next)
			next = g->retry_at_us;
		on |= g->phase != GAME_DONE;
		sockets |= g->phase == GAME_ON_SOCKET;
	}
	if (!on || feed_stopping(lg->hub))
		return false;
	now = cs_now_us();
	if (sockets && ws_hub_live(lg->wsh)) {
		/* a game's turn is due: service what is pending, without sleeping */
		if (next <= now)
			ws_hub_wake(lg->wsh);
		ws_hub_service(lg->wsh);
	} else if (next > now)
		(void)feed_sleep(lg->hub, (long)((next - now + 999) / 1000));
	for (i = 0; i < lg->n; i++)
		if ((g = lg->game[i]) != NULL && g->phase == GAME_ON_SOCKET &&
		    ws_done(g->ws, &we))
			league_socket_ended(g, we);
	return true;
}

static void
league_wake(struct st_league *lg)
{
	ws_hub_wake(lg->wsh);
}

static void
league_free(struct st_league *lg)
{
	int i;

	feed_set_provider_data(lg->hub, NULL);   /* st_wake lets go of the hub */
	for (i = 0; i < lg->n; i++)
		st_free(&lg->game[i]);
	ws_hub_free(&lg->wsh);
	free(lg->game);
	free(lg);
}

/*
 * A league night (feed_start_league): this one thread runs every game, each
 * with its own catch-up, token, resume point and gap repair, watchdog,
 * backoff and end, and its own socket in one WebSocket context.  A game
 * that ends closes only its socket; a dropped one reconnects alone.  No
 * game's REST holds the others (issue 19): the games take turns (a
 * catch-up, a token), with the hub serviced between any two; a request is
 * bounded (ST_LEAGUE_*), a turn ends at its first failure, and a failed
 * request puts its game back to wait by its own backoff rather than
 * sleeping here.
 */
static int
st_run_league(struct feed *hub, char **cause)
{
	struct st_league *lg;
	char *why = NULL;
	int i;

	lg = calloc(1, sizeof *lg);
	if (lg == NULL)
		return cs_set_cause(cause, "out of memory");
	lg->hub = hub;
	lg->n = feed_league_size(hub);
	lg->game = calloc((size_t)lg->n, sizeof *lg->game);
	lg->wsh = ws_hub_new(lg->n, cause);
	if (lg->game == NULL || lg->wsh == NULL) {
		if (lg->wsh != NULL)
			cs_set_cause(cause, "out of memory");
		ws_hub_free(&lg->wsh);
		free(lg->game);
		free(lg);
		return -1;
	}
	for (i = 0; i < lg->n; i++) {
		lg->game[i] = st_new(feed_league_member(hub, i), lg->wsh, &why);
		if (lg->game[i] == NULL) {
			feed_member_end(feed_league_member(hub, i), -1, why);
			free(why);
			why = NULL;
		}
	}
	feed_set_provider_data(hub, lg);
	log_msg("shottracker: league of %d games on one feed thread, a socket each in "
	    "one WebSocket context", lg->n);
	for (i = 0; i < lg->n; i++)
		if (lg->game[i] != NULL)
			league_start(lg->game[i]);
	while (league_round(lg))
		;
	league_free(lg);
	return 0;
}

static void
st_options_free(void *options)
{
	struct shottracker_options *o = options;

	if (o == NULL)
		return;
	feed_free_str(&o->ws_url, false);
	feed_free_str(&o->username, true);
	feed_free_str(&o->secret, true);
	free(o);
}

static void *
st_options_copy(const void *options)
{
	const struct shottracker_options *src = options;
	struct shottracker_options *o = calloc(1, sizeof *o);

	if (o == NULL || src == NULL)
		return o;
	o->ping = src->ping;
	if (feed_dup_str(&o->ws_url, src->ws_url) < 0 ||
	    feed_dup_str(&o->username, src->username) < 0 ||
	    feed_dup_str(&o->secret, src->secret) < 0) {
		st_options_free(o);
		return NULL;
	}
	return o;
}

/* --ws-url, the credentials (environment or config) and the keep-alive */
static void *
st_options_from(const struct settings *s)
{
	struct shottracker_options o = {
		.ws_url = s->ws_url,
		.username = s->st_username,
		.secret = s->st_secret,
		.ping = s->st_ping,
	};

	return st_options_copy(&o);
}

const struct provider provider_shottracker = {
	.name = "shottracker",
	.id = CS_PROVIDER_SHOTTRACKER,
	.run = st_run,
	.run_league = st_run_league,
	.wake = st_wake,
	.takes_clips = true,
	.parser = &shottracker_parser,
	.options_copy = st_options_copy,
	.options_free = st_options_free,
	.options_from = st_options_from,
	.schedule = shottracker_schedule_fetch,
};
