/*
 * courtside-sim's REST side: routing, ShotTracker HMAC verification (as
 * the Kong gateway answers it), Sportradar API keys, the WebSocket
 * upgrade check, and plain responses.  Never logs a token, a key, a
 * signature or the Authorization header: the log shows method, path
 * (without query) and status.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>
#include <openssl/crypto.h>

#include "model/event.h"
#include "net/sign.h"
#include "sim/capture_game.h"
#include "sim/server_priv.h"
#include "util.h"

#define SEG_MAX 12

static const char kong_unauthorized[] = "{\"message\":\"Unauthorized\"}";
static const char kong_bad_date[] = "{\"message\":\"HMAC signature cannot be "
    "verified, a valid date or x-date header is required for HMAC "
    "Authentication\"}";
static const char kong_mismatch[] =
    "{\"message\":\"HMAC signature does not match\"}";

static int64_t
epoch_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? strdup(s) : NULL;
}

/* A query argument's value ("name=" given with its '='); false if absent. */
static bool
urlarg(struct lws *wsi, const char *name_eq, char *out, size_t size)
{
	char buf[512];
	const char *v;

	v = lws_get_urlarg_by_name(wsi, name_eq, buf, (int)sizeof buf);
	if (v == NULL)
		return false;
	cs_strlcpy(out, v, size);
	return strlen(v) < size;
}

static bool
header(struct lws *wsi, enum lws_token_indexes h, char *out, size_t size)
{
	int n = lws_hdr_total_length(wsi, h);

	out[0] = '\0';
	if (n <= 0 || (size_t)n >= size)
		return false;
	return lws_hdr_copy(wsi, out, (int)size, h) >= 0;
}

static bool
custom_header(struct lws *wsi, const char *name_colon, char *out, size_t size)
{
	int nlen = (int)strlen(name_colon);
	int n = lws_hdr_custom_length(wsi, name_colon, nlen);

	out[0] = '\0';
	if (n <= 0 || (size_t)n >= size)
		return false;
	return lws_hdr_custom_copy(wsi, out, (int)size, name_colon, nlen) >= 0;
}

static void
log_request(struct srv_conn *c, int status)
{
	if (!c->srv->quiet)
		sim_srv_log(c->srv, "%s %s %d",
		    c->method != NULL ? c->method : "GET", c->log_path, status);
}

/* The response is out: keep the connection for the next request, which
 * makes it idle (it may make room for a new one), or close it. */
static int
transaction_done(struct srv_conn *c, struct lws *wsi)
{
	struct sim_server *srv = c->srv;   /* lws may free `c` in there */

	if (c->close_after || lws_http_transaction_completed(wsi))
		return -1;
	sim_srv_conn_state(srv, wsi, SRV_SLOT_WAITING);
	return 0;
}

static int
add_retry_after(struct lws *wsi, int seconds, unsigned char **p, unsigned char *end)
{
	char v[16];
	int n = snprintf(v, sizeof v, "%d", seconds);

	return lws_add_http_header_by_name(wsi, (const unsigned char *)"retry-after:",
	    (const unsigned char *)v, n, p, end) ? -1 : 0;
}

static int
sim_srv_respond(struct srv_conn *c, struct lws *wsi, int status,
    const char *ctype, char *body, const char *location,
    const char *request_id)
{
	unsigned char hdr[LWS_PRE + 2048], *start = hdr + LWS_PRE, *p = start,
	    *end = hdr + sizeof hdr - 1;
	size_t len = body != NULL ? strlen(body) : 0;

	free(c->body);
	c->body = NULL;
	if (lws_add_http_common_headers(wsi, (unsigned)status, ctype, len, &p, end))
		goto fail;
	if (location != NULL && lws_add_http_header_by_token(wsi,
	    WSI_TOKEN_HTTP_LOCATION, (const unsigned char *)location,
	    (int)strlen(location), &p, end))
		goto fail;
	if (request_id != NULL && lws_add_http_header_by_name(wsi,
	    (const unsigned char *)"x-request-id:",
	    (const unsigned char *)request_id, (int)strlen(request_id), &p, end))
		goto fail;
	if (lws_add_http_header_by_token(wsi, WSI_TOKEN_HTTP_CACHE_CONTROL,
	    (const unsigned char *)"no-store", 8, &p, end))
		goto fail;
	if (c->close_after && lws_add_http_header_by_token(wsi,
	    WSI_TOKEN_CONNECTION, (const unsigned char *)"close", 5, &p, end))
		goto fail;
	if (c->retry_after > 0 && add_retry_after(wsi, c->retry_after, &p, end) < 0)
		goto fail;
	if (lws_finalize_write_http_header(wsi, start, &p, end))
		goto fail;
	log_request(c, status);
	if (len == 0) {
		free(body);
		return transaction_done(c, wsi);
	}
	c->body = body;
	c->body_len = len;
	c->body_off = 0;
	lws_callback_on_writable(wsi);
	return 0;
fail:
	free(body);
	return -1;
}

int
sim_srv_http_writeable(struct srv_conn *c, struct lws *wsi)
{
	unsigned char *buf = c->srv->scratch + LWS_PRE;
	size_t n;
	bool final;

	if (c->body == NULL)
		return 0;
	n = c->body_len - c->body_off;
	if (n > SRV_CHUNK)
		n = SRV_CHUNK;
	memcpy(buf, c->body + c->body_off, n);
	final = c->body_off + n == c->body_len;
	if (lws_write(wsi, buf, n, final ? LWS_WRITE_HTTP_FINAL : LWS_WRITE_HTTP) !=
	    (int)n)
		return -1;
	c->body_off += n;
	if (!final) {
		lws_callback_on_writable(wsi);
		return 0;
	}
	free(c->body);
	c->body = NULL;
	return transaction_done(c, wsi);
}

/* {"status":N,"message":M,"shottrackerRequestId":U}, and the id as a header. */
static int
st_error(struct srv_conn *c, struct lws *wsi, int status, const char *message)
{
	char rid[SRV_UUID_LEN], *body;

	sim_srv_uuid(rid);
	if (asprintf(&body, "{\"status\":%d,\"message\":\"%s\","
	    "\"shottrackerRequestId\":\"%s\"}", status, message, rid) < 0)
		return -1;
	return sim_srv_respond(c, wsi, status, "application/json", body, NULL,
	    rid);
}

static int
sr_error(struct srv_conn *c, struct lws *wsi, int status, const char *message)
{
	char *body;

	if (asprintf(&body, "{\"message\":\"%s\"}", message) < 0)
		return -1;
	return sim_srv_respond(c, wsi, status, "application/json", body, NULL,
	    NULL);
}

static int
json_or_500(struct srv_conn *c, struct lws *wsi, char *json, bool st)
{
	if (json == NULL)
		return st ? st_error(c, wsi, 500, "General System Error") :
		    sr_error(c, wsi, 500, "Internal server error");
	return sim_srv_respond(c, wsi, 200, "application/json", json, NULL,
	    NULL);
}

/* The league's games, by id (league block at the end of the file). */
static int st_index(struct sim_server *srv, const char *id);
static const struct sim_game *st_game(struct sim_server *srv, const char *id,
    int64_t *at_ms);
static const struct sim_game *sr_game(struct sim_server *srv, const char *id,
    int64_t *at_ms);
static const struct sim_game *st_team_game(struct sim_server *srv, const char *team,
    int *side);
static int st_schedule(struct srv_conn *c, struct lws *wsi);
static int sr_schedule(struct srv_conn *c, struct lws *wsi, char **seg);
static int sr_match_game(struct sim_server *srv, const char *match);

/*
 * --capture: the body the recorder received for this resource, as of now
 * (the path matched whole, or by its end when `suffix`).
 */
static int
captured(struct srv_conn *c, struct lws *wsi, const char *path, bool suffix,
    bool st)
{
	struct sim_server *srv = c->srv;
	const char *body;

	body = sim_capture_rest(srv->capture, path, suffix, sim_srv_feed_now(srv), NULL);
	if (body == NULL)
		return st ? st_error(c, wsi, 404, "Not in the capture") :
		    sr_error(c, wsi, 404, "Not in the capture");
	return json_or_500(c, wsi, strdup(body), st);
}

/* 5xx=P: a share of REST calls fails; true when this one did. */
static bool
fault_5xx(struct srv_conn *c, struct lws *wsi, bool st, int *rc)
{
	struct sim_server *srv = c->srv;
	int status;

	if (srv->faults.p_5xx <= 0.0 || sim_faults_draw(&srv->faults,
	    SIM_FAULT_5XX, srv->req_serial, 0) >= srv->faults.p_5xx)
		return false;
	status = sim_faults_draw(&srv->faults, SIM_FAULT_5XX, srv->req_serial, 1) <
	    0.5 ? 500 : 503;
	sim_srv_log(srv, "fault: 5xx status=%d request=%llu GET %s", status,
	    (unsigned long long)srv->req_serial, c->log_path);
	*rc = st ? st_error(c, wsi, status, status == 500 ? "General System Error" :
	    "Service temporarily unavailable") :
	    sr_error(c, wsi, status, status == 500 ? "Internal server error" :
	    "Service unavailable");
	return true;
}

/*
 * refuse=/freeze=: league game `game`'s request of `kind` (a token, a
 * play-by-play read) is refused with 503 and Retry-After: 1, or never
 * answered (the connection stays open until the client gives up).  True
 * when it was.
 */
static bool
fault_game(struct srv_conn *c, struct lws *wsi, int game, enum srv_game_fault_kind kind,
    int *rc)
{
	struct sim_server *srv = c->srv;
	const struct sim_faults *f = &srv->faults;
	const struct sim_game_fault *gf = &f->refuse;
	bool st = kind != SRV_GAME_FAULT_SR_PBP && kind != SRV_GAME_FAULT_SR_SUMMARY;

	if (game >= 0 && game == f->freeze.game - 1 && kind != SRV_GAME_FAULT_SR_SUMMARY &&
	    sim_faults_game_hit(&f->freeze, game, srv->game_fault_seen[1][kind]++)) {
		sim_srv_log(srv, "fault: freeze game=%d request=%ld GET %s", game + 1,
		    srv->game_fault_seen[1][kind], c->log_path);
		*rc = 0;
		return true;
	}
	if (kind == SRV_GAME_FAULT_SR_SUMMARY)
		gf = &f->rosters;
	if (game < 0 || game != gf->game - 1 ||
	    !sim_faults_game_hit(gf, game, srv->game_fault_seen[0][kind]++))
		return false;
	sim_srv_log(srv, "fault: refuse game=%d request=%ld GET %s", game + 1,
	    srv->game_fault_seen[0][kind], c->log_path);
	c->retry_after = 1;
	*rc = st ? st_error(c, wsi, 503, "Service temporarily unavailable") :
	    sr_error(c, wsi, 503, "Service unavailable");
	return true;
}

static int
kong_401(struct srv_conn *c, struct lws *wsi, const char *body)
{
	return sim_srv_respond(c, wsi, 401, "application/json", dup_or_null(body),
	    NULL, NULL);
}

/* The Kong hmac-auth checks, in Kong's order; 0 when the request passes. */
static int
st_check_auth(struct srv_conn *c, struct lws *wsi, const char *path, int *rc)
{
	struct sim_server *srv = c->srv;
	char auth[1024], date[128], host[256], user[128], sig[128], want[64];
	time_t t, now;

	if (!srv->auth)
		return 0;
	if (lws_hdr_total_length(wsi, WSI_TOKEN_HTTP_AUTHORIZATION) <= 0 ||
	    !header(wsi, WSI_TOKEN_HTTP_AUTHORIZATION, auth, sizeof auth) ||
	    sign_parse_authorization(auth, user, sizeof user, sig,
	    sizeof sig) < 0) {
		*rc = kong_401(c, wsi, kong_unauthorized);
		return -1;
	}
	now = time(NULL);
	if (!header(wsi, WSI_TOKEN_HTTP_DATE, date, sizeof date) ||
	    sign_parse_http_date(date, &t) < 0 ||
	    t > now + SRV_AUTH_SKEW_S || t < now - SRV_AUTH_SKEW_S) {
		*rc = kong_401(c, wsi, kong_bad_date);
		return -1;
	}
	header(wsi, WSI_TOKEN_HOST, host, sizeof host);
	if ((srv->st_user[0] != '\0' && strcmp(user, srv->st_user) != 0) ||
	    sign_signature(srv->st_secret, c->method != NULL ? c->method : "GET", path,
	    host, date, want,
	    sizeof want) < 0 || strlen(sig) != strlen(want) ||
	    CRYPTO_memcmp(sig, want, strlen(want)) != 0) {
		*rc = kong_401(c, wsi, kong_mismatch);
		return -1;
	}
	return 0;
}

static bool
valid_resources(const char *r)
{
	static const char *const names[] = {
		"stats", "details", "shots", "possessions",
	};
	const char *p = r, *comma;
	size_t n, i;
	bool hit;

	if (*r == '\0')
		return false;
	for (;;) {
		comma = strchr(p, ',');
		n = comma != NULL ? (size_t)(comma - p) : strlen(p);
		hit = false;
		for (i = 0; i < sizeof names / sizeof names[0]; i++)
			if (strlen(names[i]) == n && strncmp(p, names[i], n) == 0)
				hit = true;
		if (!hit)
			return false;
		if (comma == NULL)
			return true;
		p = comma + 1;
	}
}

static int
st_subscribe(struct srv_conn *c, struct lws *wsi, int game)
{
	struct sim_server *srv = c->srv;
	struct srv_st_token *t = &srv->st_tokens[srv->st_token_next];
	char *body;

	srv->st_token_next = (srv->st_token_next + 1) % SRV_ST_TOKENS;
	sim_srv_random_hex(t->token, 16);
	t->expires_ms = epoch_ms() + SRV_ST_TOKEN_TTL_MS;
	t->game = game;
	if (asprintf(&body, "{\"token\":\"%s\",\"expires_at\":%lld}", t->token,
	    (long long)t->expires_ms) < 0)
		return -1;
	return sim_srv_respond(c, wsi, 200, "application/json", body, NULL, NULL);
}

/* --serve-seed-examples: true when `path` is a page's example, answered. */
static bool
seed_example(struct srv_conn *c, struct lws *wsi, const char *path, int *rc)
{
	char *body = NULL, *cause = NULL;
	int status, found;

	found = sim_seed_example(c->srv->seed_dir, path, &status, &body, &cause);
	if (found == 0)
		return false;
	if (found < 0) {
		sim_srv_log(c->srv, "seed examples: %s", cause);
		free(cause);
		*rc = st_error(c, wsi, 500, "General System Error");
		return true;
	}
	*rc = sim_srv_respond(c, wsi, status, "application/json", body, NULL, NULL);
	return true;
}

/* GET /v1/data/... (seg[0] "v1", seg[1] "data") */
static int
st_route(struct srv_conn *c, struct lws *wsi, const char *path, char **seg,
    int nseg)
{
	struct sim_server *srv = c->srv;
	const struct sim_game *g;
	char ts[32], *comma, *end;
	long long stamp;
	int64_t at;
	int rc = 0, side, gi;

	if (st_check_auth(c, wsi, path, &rc) < 0 || fault_5xx(c, wsi, true, &rc))
		return rc;
	if (srv->capture != NULL && !(nseg == 6 && strcmp(seg[2], "schedule") == 0))
		return captured(c, wsi, path, false, true);
	if (srv->seed_dir[0] != '\0' && seed_example(c, wsi, path, &rc))
		return rc;

	if (nseg == 4 && strcmp(seg[2], "schedule") == 0 && strcmp(seg[3], "games") == 0)
		return st_schedule(c, wsi);
	if (nseg == 4 && strcmp(seg[2], "games") == 0) {
		if ((g = st_game(srv, seg[3], &at)) == NULL)
			return st_error(c, wsi, 404, "Invalid id");
		return json_or_500(c, wsi, sim_game_st_event(g, at), true);
	}
	if (nseg == 5 && strcmp(seg[2], "games") == 0 &&
	    strcmp(seg[4], "lineups") == 0) {
		if ((g = st_game(srv, seg[3], &at)) == NULL)
			return st_error(c, wsi, 404, "Invalid id");
		stamp = -1;
		if (urlarg(wsi, "timestamp=", ts, sizeof ts)) {
			errno = 0;
			stamp = strtoll(ts, &end, 10);
			if (errno != 0 || end == ts || *end != '\0' || stamp < 0)
				return st_error(c, wsi, 400, "Invalid timestamp");
		}
		if (stamp >= 0)
			return json_or_500(c, wsi, sim_game_st_lineup_at(g, stamp, at,
			    srv->disagree_lineups), true);
		return json_or_500(c, wsi, sim_game_st_lineups(g, stamp, at), true);
	}
	if (nseg == 7 && strcmp(seg[2], "stats") == 0 && strcmp(seg[3], "games") == 0 &&
	    strcmp(seg[5], "stats") == 0 && strcmp(seg[6], "presence") == 0) {
		if ((g = st_game(srv, seg[4], &at)) == NULL)
			return st_error(c, wsi, 404, "Invalid id");
		return json_or_500(c, wsi, sim_game_st_presence(g, at, srv->disagree_presence),
		    true);
	}
	if (nseg == 7 && strcmp(seg[2], "games") == 0 && strcmp(seg[4], "sensor") == 0 &&
	    strcmp(seg[5], "assignments") == 0 && strcmp(seg[6], "history") == 0) {
		if ((g = st_game(srv, seg[3], &at)) == NULL)
			return st_error(c, wsi, 404, "Invalid id");
		return json_or_500(c, wsi, sim_game_st_sensors(g, at), true);
	}
	if (nseg == 4 && strcmp(seg[2], "teams") == 0) {
		comma = strchr(seg[3], ',');
		if (comma != NULL) {
			if (strcmp(comma + 1, "SHOTTRACKER") != 0)
				return st_error(c, wsi, 404, "Invalid id");
			*comma = '\0';
		}
		if ((g = st_team_game(srv, seg[3], &side)) != NULL)
			return json_or_500(c, wsi, sim_game_st_roster(g, side), true);
		return st_error(c, wsi, 404, "Invalid id");
	}
	if (nseg == 6 && strcmp(seg[2], "stats") == 0 && strcmp(seg[3], "games") == 0 &&
	    strcmp(seg[5], "videos") == 0) {
		if (strcmp(seg[4], srv->st_id) != 0)
			return st_error(c, wsi, 404, "Invalid id");
		return json_or_500(c, wsi, sim_game_st_videos(srv->game,
		    sim_srv_feed_now(srv)), true);
	}
	if (nseg == 6 && strcmp(seg[2], "stats") == 0 &&
	    strcmp(seg[3], "games") == 0) {
		if ((g = st_game(srv, seg[4], &at)) == NULL)
			return st_error(c, wsi, 404, "Invalid id");
		if (!valid_resources(seg[5]))
			return st_error(c, wsi, 400, "Invalid resources");
		if (strstr(seg[5], "details") != NULL && fault_game(c, wsi, st_index(srv, seg[4]),
		    SRV_GAME_FAULT_ST_PLAYS, &rc))
			return rc;
		return json_or_500(c, wsi, sim_game_st_catchup(g, seg[5], at), true);
	}
	if (nseg == 6 && strcmp(seg[2], "schedule") == 0 &&
	    strcmp(seg[3], "games") == 0 && strcmp(seg[5], "_subscribe") == 0) {
		/* a capture subscribes too: by id, with no generated game */
		if ((gi = st_index(srv, seg[4])) < 0)
			return st_error(c, wsi, 404, "Invalid id");
		if (fault_game(c, wsi, gi, SRV_GAME_FAULT_ST_TOKEN, &rc))
			return rc;
		return st_subscribe(c, wsi, gi);
	}
	return st_error(c, wsi, 404, "Not found");
}

static bool
sr_league_ok(const char *league, const char *access)
{
	return (strcmp(league, "nba") == 0 || strcmp(league, "nbdl") == 0) &&
	    (strcmp(access, "trial") == 0 || strcmp(access, "production") == 0);
}

/* x-api-key (or the legacy ?api_key=); 0 when the request passes. */
static int
sr_check_key(struct srv_conn *c, struct lws *wsi, int *rc)
{
	struct sim_server *srv = c->srv;
	char key[256];
	bool have;

	if (!srv->auth)
		return 0;
	have = custom_header(wsi, "x-api-key:", key, sizeof key);
	if (!have)
		have = urlarg(wsi, "api_key=", key, sizeof key);
	if (!have || key[0] == '\0') {
		*rc = sr_error(c, wsi, 401, "No API key found in request");
		return -1;
	}
	if (strlen(key) != strlen(srv->sr_key) ||
	    CRYPTO_memcmp(key, srv->sr_key, strlen(key)) != 0) {
		*rc = sr_error(c, wsi, 403, "Invalid authentication credentials");
		return -1;
	}
	return 0;
}

static struct srv_sr_session *
session_find(struct sim_server *srv, const char *id)
{
	int i;

	if (id == NULL || *id == '\0')
		return NULL;
	for (i = 0; i < SRV_SR_SESSIONS; i++)
		if (srv->sessions[i].in_use && strcmp(srv->sessions[i].id, id) == 0)
			return &srv->sessions[i];
	return NULL;
}

/* A free slot, else the oldest one. */
static int
session_slot(struct sim_server *srv)
{
	int i, best = 0;

	for (i = 0; i < SRV_SR_SESSIONS; i++) {
		if (!srv->sessions[i].in_use)
			return i;
		if (srv->sessions[i].born < srv->sessions[best].born)
			best = i;
	}
	return best;
}

/* Only what a Host header may hold, for the Location we hand back. */
static bool
host_ok(const char *h)
{
	size_t n = strlen(h);

	if (n == 0 || n > 100)
		return false;
	return strspn(h, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789.-:[]") == n;
}

/*
 * Where a new push session starts: after what REST shows now.  A generated
 * game's REST is exact at every moment; a capture's is the last body
 * recorded, so the session starts at that body's time and re-sends what
 * came since (the client's model takes a message twice without harm).  A
 * message recorded in the same millisecond as the body came after it (the
 * capture's order: REST first at equal times), so it is re-sent too: a
 * lineup change so left out cost two players 37 s each.
 */
static int64_t
sr_rest_horizon(struct sim_server *srv)
{
	int64_t now = sim_srv_feed_now(srv), at;

	if (srv->capture == NULL)
		return now;
	if (sim_capture_rest(srv->capture, "/pbp.json", true, now, &at) == NULL)
		return -1;      /* no REST at all: the whole stream */
	return at <= now ? at - 1 : now;   /* messages after at - 1: from at on */
}

static bool language_ok(const char *s);

/* status= and team= of a subscription (a resume keeps its session's own
 * unless given again), logged with the path's locale. */
static void
push_filter_of(struct sim_server *srv, struct lws *wsi, struct srv_sr_session *s,
    const char *locale)
{
	char arg[128];

	if (urlarg(wsi, "status=", arg, sizeof arg))
		cs_strlcpy(s->filter.status, arg, sizeof s->filter.status);
	if (urlarg(wsi, "team=", arg, sizeof arg))
		cs_strlcpy(s->filter.team, strncmp(arg, "sd:team:", 8) == 0 ? arg + 8 : arg,
		    sizeof s->filter.team);
	if (!srv->quiet)
		sim_srv_log(srv, "push: subscribe locale=%s status=%s team=%s", locale,
		    s->filter.status[0] != '\0' ? s->filter.status : "-",
		    s->filter.team[0] != '\0' ? s->filter.team : "-");
}

static int
sr_subscribe(struct srv_conn *c, struct lws *wsi, const char *league,
    const char *access, const char *locale)
{
	struct sim_server *srv = c->srv;
	struct srv_sr_session *s, *from, prev;
	char host[128], arg[128], want[CS_ID_MAX + 16], location[512];
	int64_t now = sim_srv_now_us();
	int slot;

	from = NULL;
	if (urlarg(wsi, "resumeSessionId=", arg, sizeof arg)) {
		from = session_find(srv, arg);
		if (from != NULL && now - from->last_delivery_us > SRV_SR_RESUME_US)
			from = NULL;
		if (from == NULL && !srv->quiet)
			sim_srv_log(srv, "push: resume refused (unknown or "
			    "older than 10 minutes): new session");
	}
	if (from != NULL)
		prev = *from;   /* its slot may be the one reused below */
	slot = session_slot(srv);
	s = &srv->sessions[slot];
	memset(s, 0, sizeof *s);
	s->in_use = true;
	s->born = ++srv->session_serial;
	sim_srv_uuid(s->id);
	sim_srv_random_hex(s->token, 16);
	s->token_expires_us = now + SRV_SR_TOKEN_TTL_US;
	s->last_delivery_us = now;
	s->game = -1;
	if (from != NULL)
		sim_srv_session_resume(srv, s, &prev);
	push_filter_of(srv, wsi, s, locale);
	if (urlarg(wsi, "match=", arg, sizeof arg)) {
		snprintf(want, sizeof want, "sd:match:%s", srv->sr_id);
		s->match_other = strcmp(arg, want) != 0 &&
		    strcmp(arg, srv->sr_id) != 0;
		if (srv->league != NULL) {
			s->game = sr_match_game(srv, arg);
			s->match_other = s->game < 0;
		}
	}
	if (from == NULL)
		s->next_idx = sim_srv_sr_live_index(srv, s->game, sr_rest_horizon(srv));
	if (!header(wsi, WSI_TOKEN_HOST, host, sizeof host) || !host_ok(host)) {
		if (strcmp(srv->bind, "0.0.0.0") == 0)
			snprintf(host, sizeof host, "127.0.0.1:%d", srv->port);
		else if (strchr(srv->bind, ':') != NULL)
			snprintf(host, sizeof host, "[%s]:%d",
			    strcmp(srv->bind, "::") == 0 ? "::1" : srv->bind,
			    srv->port);
		else
			snprintf(host, sizeof host, "%s:%d", srv->bind,
			    srv->port);
	}
	snprintf(location, sizeof location,
	    "http://%s/stream/%s/%s?sessionId=%s&token=%s", host, league, access,
	    s->id, s->token);
	return sim_srv_respond(c, wsi, 302, "application/json", NULL, location,
	    NULL);
}

/* GET /stream/{league}/{access}?sessionId=..&token=.. (the 302's Location) */
static int
sr_stream(struct srv_conn *c, struct lws *wsi)
{
	struct sim_server *srv = c->srv;
	struct srv_sr_session *s;
	char id[64], token[64];

	if (!urlarg(wsi, "sessionId=", id, sizeof id) ||
	    !urlarg(wsi, "token=", token, sizeof token) ||
	    (s = session_find(srv, id)) == NULL || s->token_used ||
	    sim_srv_now_us() > s->token_expires_us ||
	    strlen(token) != strlen(s->token) ||
	    CRYPTO_memcmp(token, s->token, strlen(token)) != 0)
		return sr_error(c, wsi, 401, "Invalid or expired stream token");
	s->token_used = true;   /* single use */
	return sim_srv_sr_push_start(c, wsi, (int)(s - srv->sessions));
}

static int
sr_route(struct srv_conn *c, struct lws *wsi, char **seg, int nseg)
{
	struct sim_server *srv = c->srv;
	const struct sim_game *g;
	int64_t at;
	int rc = 0;
	bool pbp;

	if (nseg < 3 || !sr_league_ok(seg[0], seg[1]))
		return sr_error(c, wsi, 404, "Not found");
	if (nseg == 9 && (strcmp(seg[2], "v8") == 0 || strcmp(seg[2], "v7") == 0) &&
	    strcmp(seg[3], "en") == 0 && strcmp(seg[4], "games") == 0 &&
	    strcmp(seg[8], "schedule.json") == 0) {
		if (sr_check_key(c, wsi, &rc) < 0 || fault_5xx(c, wsi, false, &rc))
			return rc;
		return sr_schedule(c, wsi, seg);
	}
	if (nseg == 7 && (strcmp(seg[2], "v8") == 0 || strcmp(seg[2], "v7") == 0) &&
	    strcmp(seg[3], "en") == 0 && strcmp(seg[4], "games") == 0 &&
	    ((pbp = strcmp(seg[6], "pbp.json") == 0) ||
	    strcmp(seg[6], "summary.json") == 0)) {
		if (sr_check_key(c, wsi, &rc) < 0 || fault_5xx(c, wsi, false, &rc))
			return rc;
		if (srv->capture != NULL) {
			if (strcmp(seg[5], srv->sr_id) != 0)
				return sr_error(c, wsi, 404, "Game not found");
			return captured(c, wsi, pbp ? "/pbp.json" : "/summary.json",
			    true, false);
		}
		if ((g = sr_game(srv, seg[5], &at)) == NULL)
			return sr_error(c, wsi, 404, "Game not found");
		if (srv->league != NULL && fault_game(c, wsi, sim_league_find(srv->league,
		    CS_PROVIDER_SPORTRADAR, seg[5]), pbp ? SRV_GAME_FAULT_SR_PBP :
		    SRV_GAME_FAULT_SR_SUMMARY, &rc))
			return rc;
		return json_or_500(c, wsi, pbp ? sim_game_sr_pbp(g, at) :
		    sim_game_sr_summary(g, at), false);
	}
	if (nseg == 6 && strcmp(seg[2], "stream") == 0 &&
	    language_ok(seg[3]) && strcmp(seg[4], "events") == 0 &&
	    strcmp(seg[5], "subscribe") == 0) {
		if (sr_check_key(c, wsi, &rc) < 0 || fault_5xx(c, wsi, false, &rc))
			return rc;
		return sr_subscribe(c, wsi, seg[0], seg[1], seg[3]);
	}
	return sr_error(c, wsi, 404, "Not found");
}

/* A push path's language code: two to five of [a-z_] ("en", "zh_tw"). */
static bool
language_ok(const char *s)
{
	size_t n = strlen(s);

	return n >= 2 && n <= 5 && strspn(s, "abcdefghijklmnopqrstuvwxyz_") == n;
}

/* Splits "/a/b/c" in place; returns the count, -1 when too many. */
static int
split_path(char *p, char **seg)
{
	int n = 0;

	while (*p == '/')
		p++;
	while (*p != '\0') {
		if (n == SEG_MAX)
			return -1;
		seg[n++] = p;
		p = strchr(p, '/');
		if (p == NULL)
			break;
		*p++ = '\0';
	}
	return n;
}

/* --- the CLIP action: PUT /v1/data/games/{event_id}/video/_action --- */

#define CLIP_SPAN_MAX_MS (10 * 60 * 1000)   /* a longer clip is refused */

/* True for the video action's path (no query); the game id into `game`. */
static bool
clip_path(const char *path, char *game, size_t size)
{
	static const char pre[] = "/v1/data/games/", post[] = "/video/_action";
	const char *id = path + sizeof pre - 1, *end;
	size_t n;

	if (strncmp(path, pre, sizeof pre - 1) != 0 || (end = strchr(id, '/')) == NULL ||
	    strcmp(end, post) != 0)
		return false;
	n = (size_t)(end - id);
	if (n == 0 || n >= size)
		return false;
	memcpy(game, id, n);
	game[n] = '\0';
	return true;
}

/* Signed and for a game we have: read the body, answered at its end. */
static int
st_clip_begin(struct srv_conn *c, struct lws *wsi, const char *path)
{
	int64_t at;
	int rc = 0;

	if (st_check_auth(c, wsi, path, &rc) < 0 || fault_5xx(c, wsi, true, &rc)) {
		c->close_after = true;   /* the body stays unread */
		return rc;
	}
	if (st_game(c->srv, c->clip_game, &at) == NULL) {
		c->close_after = true;
		return st_error(c, wsi, 404, "Invalid id");
	}
	/* no length, no body callbacks: answer now rather than never */
	if (lws_hdr_total_length(wsi, WSI_TOKEN_HTTP_CONTENT_LENGTH) <= 0) {
		c->close_after = true;
		return st_error(c, wsi, 400, "Invalid request body");
	}
	c->reading_body = true;
	return 0;
}

void
sim_srv_http_body(struct srv_conn *c, const void *in, size_t len)
{
	if (!c->reading_body)
		return;
	if (len >= sizeof c->req_body - c->req_body_len) {
		c->req_body_too_big = true;
		return;
	}
	memcpy(c->req_body + c->req_body_len, in, len);
	c->req_body_len += len;
	c->req_body[c->req_body_len] = '\0';
}

/* An integer member of `o`, or -1. */
static int64_t
clip_ms(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_int))
		return -1;
	return json_object_get_int64(v);
}

/* {"action":"CLIP","start":MS,"end":MS} -> {"url":...}: a clip URL beside
 * the game's HLS files (render_possessions.c names them the same way). */
int
sim_srv_http_body_done(struct srv_conn *c, struct lws *wsi)
{
	struct json_object *o, *a;
	int64_t start, end;
	char *body;
	int rc;

	c->reading_body = false;
	if (c->req_body_too_big)
		return st_error(c, wsi, 413, "Request body too large");
	o = json_tokener_parse(c->req_body);
	if (o == NULL || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, "action", &a) ||
	    !json_object_is_type(a, json_type_string)) {
		json_object_put(o);
		return st_error(c, wsi, 400, "Invalid request body");
	}
	if (strcmp(json_object_get_string(a), "CLIP") != 0) {
		json_object_put(o);
		return st_error(c, wsi, 400, "Unsupported action");
	}
	start = clip_ms(o, "start");
	end = clip_ms(o, "end");
	json_object_put(o);
	if (start < 0 || end <= start || end - start > CLIP_SPAN_MAX_MS)
		return st_error(c, wsi, 400, "Invalid clip span");
	if (asprintf(&body, "{\"url\":\"https://video.courtside-sim.invalid/%s/clips/"
	    "%lld-%lld.mp4\"}", c->clip_game, (long long)start, (long long)end) < 0)
		return -1;
	rc = sim_srv_respond(c, wsi, 200, "application/json", body, NULL, NULL);
	return rc;
}

static const char *
request_method(struct lws *wsi)
{
	static const struct {
		enum lws_token_indexes tok;
		const char *name;
	} m[] = {
		{ WSI_TOKEN_GET_URI, "GET" }, { WSI_TOKEN_POST_URI, "POST" },
		{ WSI_TOKEN_HEAD_URI, "HEAD" }, { WSI_TOKEN_PUT_URI, "PUT" },
		{ WSI_TOKEN_DELETE_URI, "DELETE" },
		{ WSI_TOKEN_PATCH_URI, "PATCH" },
		{ WSI_TOKEN_OPTIONS_URI, "OPTIONS" },
	};
	size_t i;

	for (i = 0; i < sizeof m / sizeof m[0]; i++)
		if (lws_hdr_total_length(wsi, m[i].tok) > 0)
			return m[i].name;
	return "?";
}

int
sim_srv_http_request(struct srv_conn *c, struct lws *wsi, const char *path)
{
	struct sim_server *srv = c->srv;
	char buf[1024], *seg[SEG_MAX];
	int nseg;

	srv->req_serial++;
	c->kind = SRV_CONN_HTTP;
	cs_sanitize(c->log_path, path, sizeof c->log_path);
	c->method = request_method(wsi);
	if (strcmp(c->method, "PUT") == 0 && srv->st_on && clip_path(path, c->clip_game,
	    sizeof c->clip_game))
		return st_clip_begin(c, wsi, path);
	if (strcmp(c->method, "GET") != 0) {
		c->close_after = true;   /* a body we do not read may follow */
		return sr_error(c, wsi, 405, "Method not allowed");
	}
	if (strlen(path) >= sizeof buf)
		return st_error(c, wsi, 414, "URI too long");
	cs_strlcpy(buf, path, sizeof buf);
	nseg = split_path(buf, seg);
	if (nseg < 0)
		return sr_error(c, wsi, 404, "Not found");
	if (srv->st_on && nseg >= 2 && strcmp(seg[0], "v1") == 0 &&
	    strcmp(seg[1], "data") == 0)
		return st_route(c, wsi, path, seg, nseg);
	if (srv->sr_on && nseg == 3 && strcmp(seg[0], "stream") == 0 &&
	    sr_league_ok(seg[1], seg[2]))
		return sr_stream(c, wsi);
	if (srv->sr_on && nseg >= 1 && (strcmp(seg[0], "nba") == 0 ||
	    strcmp(seg[0], "nbdl") == 0))
		return sr_route(c, wsi, seg, nseg);
	return sr_error(c, wsi, 404, "Not found");
}

/*
 * Writes a whole small response during the upgrade; the caller returns 1.
 * Written raw: lws does not know the request's HTTP version yet here.
 */
static int
upgrade_refuse(struct sim_server *srv, struct lws *wsi, int status,
    const char *message)
{
	unsigned char buf[LWS_PRE + 1024], *p = buf + LWS_PRE;
	char body[256];
	const char *reason;
	int n, blen;

	reason = status == 401 ? "Unauthorized" : status == 404 ? "Not Found" :
	    "Bad Request";
	blen = snprintf(body, sizeof body, "{\"message\":\"%s\"}", message);
	n = snprintf((char *)p, sizeof buf - LWS_PRE, "HTTP/1.1 %d %s\r\n"
	    "content-type: application/json\r\ncontent-length: %d\r\n"
	    "connection: close\r\n\r\n%s", status, reason, blen, body);
	if (!srv->quiet)
		sim_srv_log(srv, "GET /live/v2/games %d (upgrade refused)", status);
	if (n < 0 || (size_t)n >= sizeof buf - LWS_PRE ||
	    lws_write(wsi, p, (size_t)n, LWS_WRITE_HTTP_HEADERS) != n)
		return -1;
	return 1;
}

int
sim_srv_st_token_game(const struct sim_server *srv, const char *token)
{
	size_t n = strlen(token);
	int i;

	for (i = 0; i < SRV_ST_TOKENS; i++)
		if (n == SRV_TOKEN_LEN - 1 && srv->st_tokens[i].token[0] != '\0' &&
		    CRYPTO_memcmp(srv->st_tokens[i].token, token, n) == 0)
			return srv->st_tokens[i].game;
	return 0;
}

static bool
st_token_valid(struct sim_server *srv, const char *token)
{
	int64_t now = epoch_ms();
	size_t n = strlen(token);
	int i;

	if (n != SRV_TOKEN_LEN - 1)
		return false;
	for (i = 0; i < SRV_ST_TOKENS; i++)
		if (srv->st_tokens[i].token[0] != '\0' &&
		    srv->st_tokens[i].expires_ms > now &&
		    CRYPTO_memcmp(srv->st_tokens[i].token, token, n) == 0)
			return true;
	return false;
}

/* LWS_CALLBACK_HTTP_CONFIRM_UPGRADE: 0 lets the upgrade go on. */
int
sim_srv_ws_confirm(struct sim_server *srv, struct lws *wsi)
{
	char path[256], token[128], seq[32], *end;
	long long v;

	srv->req_serial++;
	if (!header(wsi, WSI_TOKEN_GET_URI, path, sizeof path) || !srv->st_on ||
	    strcmp(path, "/live/v2/games") != 0)
		return upgrade_refuse(srv, wsi, 404, "Not found");
	if (!urlarg(wsi, "token=", token, sizeof token) ||
	    !st_token_valid(srv, token))
		return upgrade_refuse(srv, wsi, 401, "Invalid or expired token");
	if (urlarg(wsi, "last_seq=", seq, sizeof seq)) {
		errno = 0;
		v = strtoll(seq, &end, 10);
		if (errno != 0 || end == seq || *end != '\0' || v < 0)
			return upgrade_refuse(srv, wsi, 400, "Invalid last_seq");
	}
	return 0;
}

/* ---- the league night (--games N, league.h) ---- */

/* The place of ShotTracker game `id` in the league (0 alone, a capture
 * too), or -1. */
static int
st_index(struct sim_server *srv, const char *id)
{
	if (srv->league != NULL)
		return sim_league_find(srv->league, CS_PROVIDER_SHOTTRACKER, id);
	return strcmp(id, srv->st_id) == 0 ? 0 : -1;
}

/* The generated game with ShotTracker id `id` and its feed time now;
 * NULL when none. */
static const struct sim_game *
st_game(struct sim_server *srv, const char *id, int64_t *at_ms)
{
	const struct sim_league_game *lg;
	int i = st_index(srv, id);

	if (i < 0 || srv->game == NULL)
		return NULL;
	lg = sim_league_game(srv->league, i);
	*at_ms = sim_srv_feed_now(srv) - (lg != NULL ? lg->tipoff_ms : 0);
	return lg != NULL ? lg->game : srv->game;
}

static const struct sim_game *
sr_game(struct sim_server *srv, const char *id, int64_t *at_ms)
{
	const struct sim_league_game *lg;
	int i = srv->league != NULL ?
	    sim_league_find(srv->league, CS_PROVIDER_SPORTRADAR, id) :
	    strcmp(id, srv->sr_id) == 0 ? 0 : -1;

	if (i < 0 || srv->game == NULL)
		return NULL;
	lg = sim_league_game(srv->league, i);
	*at_ms = sim_srv_feed_now(srv) - (lg != NULL ? lg->tipoff_ms : 0);
	return lg != NULL ? lg->game : srv->game;
}

/* The game a ShotTracker team plays in, and its side. */
static const struct sim_game *
st_team_game(struct sim_server *srv, const char *team, int *side)
{
	const struct sim_game *g;
	const char *id;
	int i, n = srv->league != NULL ? sim_league_count(srv->league) : 1;

	for (i = 0; i < n; i++) {
		g = srv->league != NULL ? sim_league_game(srv->league, i)->game : srv->game;
		for (*side = 0; *side < 2; (*side)++) {
			id = sim_game_st_team_id(g, *side);
			if (id != NULL && strcmp(team, id) == 0)
				return g;
		}
	}
	return NULL;
}

/* A push `match` filter ("sd:match:ID" or the id) -> its game, or -1. */
static int
sr_match_game(struct sim_server *srv, const char *match)
{
	if (strncmp(match, "sd:match:", 9) == 0)
		match += 9;
	return sim_league_find(srv->league, CS_PROVIDER_SPORTRADAR, match);
}

static void
league_clock(struct sim_server *srv, struct sim_league_clock *lc)
{
	lc->feed_now = sim_srv_feed_now(srv);
	lc->wall_now_ms = epoch_ms();
	lc->speed = srv->speed;
}

static bool
number_arg(struct lws *wsi, const char *name_eq, long long *out)
{
	char v[32], *end;

	if (!urlarg(wsi, name_eq, v, sizeof v))
		return false;
	errno = 0;
	*out = strtoll(v, &end, 10);
	return errno == 0 && end != v && *end == '\0';
}

/* GET /v1/data/schedule/games?from=MS[&to=MS][&team_id=N] (signed) */
static int
st_schedule(struct srv_conn *c, struct lws *wsi)
{
	struct sim_league_clock lc;
	long long from, to;
	char team[16], v[32];

	if (c->srv->league == NULL)
		return st_error(c, wsi, 404, "Not found");
	if (!number_arg(wsi, "from=", &from) || from < 0)
		return st_error(c, wsi, 400, "from is required (epoch ms)");
	if (!number_arg(wsi, "to=", &to)) {
		if (urlarg(wsi, "to=", v, sizeof v))
			return st_error(c, wsi, 400, "Invalid to");
		to = from + 86400000LL;   /* a day from `from` */
	}
	if (!urlarg(wsi, "team_id=", team, sizeof team))
		team[0] = '\0';
	league_clock(c->srv, &lc);
	return json_or_500(c, wsi, sim_league_st_schedule(c->srv->league, &lc, from, to,
	    team[0] != '\0' ? team : NULL), true);
}

/* GET /{league}/{access}/v8/en/games/{yyyy}/{mm}/{dd}/schedule.json */
static int
sr_schedule(struct srv_conn *c, struct lws *wsi, char **seg)
{
	struct sim_league_clock lc;
	long y, m, d;
	char *e1, *e2, *e3;

	y = strtol(seg[5], &e1, 10);
	m = strtol(seg[6], &e2, 10);
	d = strtol(seg[7], &e3, 10);
	if (*e1 != '\0' || *e2 != '\0' || *e3 != '\0' || y < 1970 || y > 9999 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		return sr_error(c, wsi, 404, "Not found");
	if (c->srv->league == NULL)
		return sr_error(c, wsi, 404, "Not found");
	league_clock(c->srv, &lc);
	return json_or_500(c, wsi, sim_league_sr_schedule(c->srv->league, &lc,
	    (int)y, (int)m, (int)d), false);
}
