/*
 * The Sportradar provider, on the feed thread (sportradar-push.md §2, §12):
 *
 *   summary.json (rosters; optional) + pbp.json (catch-up) -> caught up;
 *   then the push events stream: request A (subscribe, x-api-key, no
 *   redirects) -> 302 Location with a sessionId; request B streams the
 *   Location (http_stream, net/http.c): NDJSON lines -> splitter -> parser
 *   -> sink.  This file keeps the protocol: URLs, the key, what a status
 *   or an ending means, when to resume; net/ carries the bytes.
 *
 * A 20 s silence (no byte at all: heartbeats come every 5 s) is a dead
 * stream, in every state: connecting, waiting for the answer, live; the
 * subscribe request gets 15 s, and a REST call no byte for 20 s.  After a
 * blocking REST call inside the stream, what arrived meanwhile is read
 * before the silence is measured, so the two never add up past 30 s.  A
 * league's REST call reads the stream while it waits (http_others): the
 * other games' lines go on, the calling game's wait for its call to end.
 * A league night opens its stream first and catches each game up in its
 * turn after it, its lines held meanwhile: each game is live as soon as
 * its own catch-up ends, whatever another game's server does.
 * Reconnects go through the shared backoff (net/backoff.h): it resets only
 * when the connection brought an event we had not received before (a
 * resume replays the last ones: that alone is no progress), never waits
 * under its floor, and jitters.  Failures no retry heals (a refused key,
 * no push access, a bad certificate, an oversized body) end the run with
 * their cause.  Streams resume with resumeSessionId while within 10 minutes of the last
 * message; after that, pbp.json catches up again (upserts: nothing counts
 * twice) and a fresh session starts.  The stream never says the game is
 * over, so pbp.json's status is checked after a deciding endperiod and
 * every few minutes; a final status applies that pbp.json and ends the run.
 *
 * The key travels only in the x-api-key header; URLs are logged without
 * their query (the Location carries a token).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "net/backoff.h"
#include "net/feed.h"
#include "net/http.h"
#include "providers/json_scan.h"
#include "providers/provider.h"
#include "providers/schedule.h"
#include "providers/sportradar.h"
#include "settings.h"

#define SR_DEFAULT_BASE      "https://api.sportradar.com"
#define SR_URL_MAX           2048
#define SR_WATCHDOG_US       (20 * 1000000LL)   /* heartbeats come every 5 s */
#define SR_RESUME_WINDOW_US  (10 * 60 * 1000000LL)
#define SR_FRESH_CATCHUP_US  (30 * 1000000LL)   /* a catch-up this recent will do */
#define SR_REPLAY_COVERS_US  (25 * 1000000LL)   /* a resume replays ~30 s at most */
#define SR_RECENT_EVENTS     1024   /* event lines remembered to tell new from replayed */
#define SR_REST_ATTEMPTS     4
/* rosters are tried as hard as the play-by-play: a box score without its
 * bench is not the game's (a summary.json 503 twice lost them) */
#define SR_SUMMARY_ATTEMPTS  SR_REST_ATTEMPTS
#define SR_REST_TIMEOUT_MS   30000L
#define SR_SUBSCRIBE_TIMEOUT_MS 15000L
#define SR_STATUS_POLL_US    (3 * 60 * 1000000LL)
#define SR_LEAGUE_REST_MS    5000L   /* a league game's REST inside the stream */
#define SR_HELD_MAX          (2u << 20)   /* a game's push lines held during its REST */
#define SR_EOG_FIRST_US      (2 * 1000000LL)

/* What one stream connection ended with. */
enum sr_stream_end {
	SR_STREAM_STOP,       /* the feed is stopping */
	SR_STREAM_GAME_OVER,  /* pbp.json says final: done */
	SR_STREAM_DROPPED,    /* reconnect (cause says why) */
	SR_STREAM_FATAL,      /* give up (cause says why) */
};

struct sr_league;

/* How a REST call failed, for its caller to keep or not (rest_get). */
struct rest_outcome {
	bool unrecoverable;           /* no retry heals it: give up */
	bool deferred;                /* a league's: given up for the game's next turn */
	long retry_after_s;           /* ... its Retry-After, -1 none */
	const char *doc;              /* the document asked for: "pbp.json", ... */
	int tries;                    /* attempts made, the last one included */
};

struct sr {
	struct feed *feed;
	const struct feed_config *cfg;
	/* The game's parser; NULL on a league's connection, which routes
	 * lines to its games' parsers and parses none itself (its 160 KB of
	 * version table was a league's: issue 20). */
	struct sportradar_ctx *ctx;
	struct sportradar_splitter *split;
	struct http_stream *hs;       /* the push stream's transport (net/http.c) */

	char base[512];
	const char *league, *access;
	const char *locale;           /* the push path's language code */
	const char *status, *team;    /* the league's push filters; NULL = none */
	char key_header[300];         /* "x-api-key: ..." -- a secret */
	char game_id[CS_ID_MAX];

	bool have_summary;
	bool summary_gone;            /* refused for good (404, 401, 403): not asked again */
	char session_id[128];         /* newest sessionId from a Location */
	int64_t last_msg_us;          /* last complete line of the stream */
	int64_t last_catchup_us;
	struct backoff backoff;
	struct rest_outcome rest;     /* how the game's last REST call failed */
	bool rest_in_stream;          /* a REST call inside the stream gets what
	                                 is left of its watchdog */
	/* hashes of the latest event lines: a line not among them is progress */
	uint64_t recent[SR_RECENT_EVENTS];
	size_t nrecent;
	bool progress;                /* this connection brought a new event */

	/* the stream in progress */
	enum sr_stream_end stream_end;    /* set by on_stream_tick when it stops it */
	bool live_reported;
	bool got_line;                /* the connection delivered a message */
	bool reconnect_now;           /* the user asked: no backoff */
	bool refresh_on_connect;      /* read pbp.json once this stream is up */
	bool refresh_now;

	/* the end of the game, which only REST tells */
	int64_t status_due_us;
	int64_t eog_interval_us;      /* 0 unless a deciding endperiod was seen */
	bool game_over;

	/* a league on one connection: the connection's sr names its league;
	 * a game's sr reads pbp.json when it says, and ends alone */
	struct sr_league *lg;
	bool ended;                   /* a league's game: its END is queued */
	/* ... whose REST never waits on the stream's thread (issue 19): one
	 * attempt, bounded; a failure a retry may heal is tried again at a
	 * later tick, after the game's own backoff (Retry-After honoured) */
	bool defer_rest;              /* rest_get: no retry here */
	int64_t rest_due_us;          /* the game's next REST call, no sooner */
	/* ... and whose REST reads the stream meanwhile (http_others): the
	 * game's own push lines wait in `held` while its parser is in the
	 * middle of the call, then go in order */
	struct http_others stream_others;
	bool rest_busy;
	char *held;                   /* lines, each ended by '\n' */
	size_t nheld, held_cap, held_lines;
	bool held_over;               /* past SR_HELD_MAX: some were dropped */
	/* ... whose first catch-up comes after the stream is up, in its turns
	 * (league_first): its lines are held (rest_busy) until it is done */
	bool first_pending;
	bool first_rosters_done;      /* ... its summary.json is behind it */
	int tried;                    /* ... attempts at its current document */
	int tries_before;             /* attempts the catch-up's summary.json
	                                 made: "retry N" counts on from them */
	bool pushed;                  /* a push event of the game was read (logged) */
};

/* Every game of a league on one push subscription (feed_start_league):
 * `conn` holds the connection (its feed is the hub), game[i] the REST
 * side and parser of the hub's member i. */
struct sr_league {
	struct sr conn;
	int n;
	struct sr **game;
	unsigned long others;         /* lines of games not followed */
	unsigned long unrouted;       /* lines naming no game (not heartbeats) */
	int turn;                     /* the game league_tick looks at first */
};

/* --- small helpers --- */

/* A wait before retrying a REST call: its own backoff per call. */
static long
rest_wait(struct backoff *b, long retry_after_s)
{
	return backoff_next(b, false, retry_after_s >= 0 ? retry_after_s * 1000 : -1);
}

static const char *
request_id_text(const char *id, char *buf, size_t size)
{
	if (id == NULL || *id == '\0')
		snprintf(buf, size, "no request id");
	else
		snprintf(buf, size, "request id %s", id);
	return buf;
}

/* A short, sanitized "message" from an error body, when it is JSON with one. */
void
sportradar_body_message(const char *body, size_t len, char *out, size_t size)
{
	const char *p, *q;
	char raw[160];
	size_t n;

	out[0] = '\0';
	if (body == NULL || len == 0)
		return;
	p = strstr(body, "\"message\"");
	if (p == NULL)
		return;
	p = strchr(p + 9, '"');
	if (p == NULL)
		return;
	p++;
	q = strchr(p, '"');
	if (q == NULL)
		return;
	n = (size_t)(q - p);
	if (n >= sizeof raw)
		n = sizeof raw - 1;
	memcpy(raw, p, n);
	raw[n] = '\0';
	cs_sanitize(out, raw, size);
}

/* A one-line human message for an HTTP failure of `what`. */
void
sportradar_http_failure(char **cause, const char *what, const struct http_response *r,
    int attempts, bool push)
{
	char rid[100], msg[140], extra[180];

	request_id_text(r->request_id, rid, sizeof rid);
	sportradar_body_message(r->body, r->len, msg, sizeof msg);
	extra[0] = '\0';
	if (msg[0] != '\0')
		snprintf(extra, sizeof extra, ": \"%s\"", msg);
	switch (r->status) {
	case 401:
		cs_set_cause(cause, "Sportradar refused the API key (HTTP 401) for %s — check "
		    "SPORTRADAR_API_KEY (%s)%s", what, rid, extra);
		break;
	case 403:
		if (push)
			cs_set_cause(cause, "Sportradar gave no access (HTTP 403) to the push "
			    "feed — push feeds are a paid add-on; check SPORTRADAR_API_KEY (%s)%s",
			    rid, extra);
		else
			cs_set_cause(cause, "Sportradar refused access (HTTP 403) to %s — check "
			    "SPORTRADAR_API_KEY and that it covers this league and access level (%s)%s",
			    what, rid, extra);
		break;
	case 404:
		if (push)
			cs_set_cause(cause, "Sportradar: no push feed here (HTTP 404) for %s — "
			    "check --league, --access-level and --base-url (%s)%s", what, rid, extra);
		else
			cs_set_cause(cause, "Sportradar: game not found (HTTP 404) for %s — check "
			    "--game and --league (%s)%s", what, rid, extra);
		break;
	case 429:
		cs_set_cause(cause, "Sportradar: too many requests (HTTP 429) for %s after %d "
		    "attempts (%s)%s", what, attempts, rid, extra);
		break;
	default:
		if (r->status >= 500)
			cs_set_cause(cause, "Sportradar: server error (HTTP %ld) for %s after %d "
			    "attempts (%s)%s", r->status, what, attempts, rid, extra);
		else
			cs_set_cause(cause, "Sportradar: unexpected HTTP %ld for %s (%s)%s",
			    r->status, what, rid, extra);
		break;
	}
}

/* Only characters a Sportradar id (a uuid) can hold go into a URL. */
static bool
id_ok(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n < CS_ID_MAX && strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:") == n;
}

static bool
body_is_json(const struct http_response *r)
{
	const char *p = r->body;

	if (r->content_type[0] != '\0' && strstr(r->content_type, "json") == NULL)
		return false;
	while (p != NULL && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	return p != NULL && (*p == '{' || *p == '[');
}

/*
 * pbp.json read as it arrives (http's on_body) into the parser: the body
 * is never held whole, unless a recording needs it (a capture keeps the
 * REST answer byte for byte, as one record).  A fresh reader per attempt.
 */
struct pbp_fetch {
	struct sr *sr;
	struct sportradar_pbp *reader;
	const struct http_response *resp;
	bool only_final;             /* check_game_over: read it only when final */
	bool looked;                 /* the first byte was checked */
	bool not_json;               /* ... and it was not JSON */
	bool declined;               /* the status was not final */
	char content_type[80];       /* not_json: the answer's, for the message */
};

/* The first byte of a 200 and its type, as body_is_json judges a whole body. */
static int
pbp_on_body(void *arg, const char *data, size_t len)
{
	struct pbp_fetch *pf = arg;
	size_t i = 0;

	if (!pf->looked) {
		while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' ||
		    data[i] == '\n'))
			i++;
		if (i < len) {
			pf->looked = true;
			pf->not_json = (pf->resp->content_type[0] != '\0' &&
			    strstr(pf->resp->content_type, "json") == NULL) ||
			    (data[i] != '{' && data[i] != '[');
			if (pf->not_json) {
				cs_strlcpy(pf->content_type, pf->resp->content_type,
				    sizeof pf->content_type);
				return -1;
			}
		}
	}
	return sportradar_pbp_feed(pf->reader, data, len);
}

static bool fetch_admit(void *arg, const char *status);

static void
pbp_fetch_init(struct pbp_fetch *pf, struct sr *sr, bool only_final)
{
	memset(pf, 0, sizeof *pf);
	pf->sr = sr;
	pf->only_final = only_final;
}

/* A new attempt: a fresh reader on the request.  -1: out of memory. */
static int
pbp_fetch_begin(struct pbp_fetch *pf, struct http_request *req,
    const struct http_response *resp)
{
	sportradar_pbp_end(&pf->reader, false);
	pf->reader = sportradar_pbp_new(pf->sr->ctx, pf->only_final ? fetch_admit : NULL, pf);
	pf->resp = resp;
	pf->looked = pf->not_json = pf->declined = false;
	req->on_body = pbp_on_body;
	req->on_body_arg = pf;
	/* a recording keeps the answer whole, as one record */
	req->keep_body = feed_config(pf->sr->feed)->record_path != NULL;
	return pf->reader != NULL ? 0 : -1;
}

/* --- REST --- */

/* What is left of the stream's watchdog: a REST call made inside the
 * stream gets no more, so that the two never add up past it. */
static long
watchdog_left_ms(const struct sr *sr)
{
	long left = (long)((SR_WATCHDOG_US - (cs_now_us() - http_stream_last_byte_us(sr->hs))) /
	    1000);

	if (sr->defer_rest && left > SR_LEAGUE_REST_MS)
		left = SR_LEAGUE_REST_MS;   /* a league's: the game's own lines wait */
	return left > 1000 ? left : 1000;
}

static int
non_json(char **cause, const char *doc, const char *content_type)
{
	return cs_set_cause(cause, "Sportradar sent a non-JSON body for %s (%s)", doc,
	    content_type[0] != '\0' ? content_type : "no content type");
}

/*
 * GET one REST document, retrying transport failures, 5xx and 429 with
 * backoff.  0 with a JSON body in *resp, or, with `pf`, read into
 * pf->reader as it came (end it: sportradar_pbp_end); -1 with *cause
 * (resp->status tells a 404 apart; pf's reader then ended) and *out
 * saying how: unrecoverable, a failure no retry heals (a bad certificate,
 * an oversized body, 401/403/404), or deferred, a league game's call given
 * up for its next turn.  The caller keeps *out as the game's or not.
 */
static int
rest_get(struct sr *sr, const char *doc, int attempts, struct http_response *resp,
    struct pbp_fetch *pf, struct rest_outcome *out, char **cause)
{
	struct http_request req;
	const char *headers[2] = { sr->key_header, NULL };
	char url[SR_URL_MAX], logurl[SR_URL_MAX], *err = NULL;
	struct backoff b;
	int attempt;
	long wait;

	memset(resp, 0, sizeof *resp);
	resp->retry_after = -1;
	out->unrecoverable = false;
	out->deferred = false;
	out->retry_after_s = -1;
	out->doc = doc;
	backoff_init(&b, &backoff_default, (uint64_t)cs_wall_ms() ^ cs_hash64(doc, strlen(doc)));
	if (sportradar_rest_url(url, sizeof url, sr->base, sr->league, sr->access,
	    sr->game_id, doc) < 0)
		return cs_set_cause(cause, "Sportradar: the URL for %s is too long", doc);
	http_url_for_log(url, logurl, sizeof logurl);
	memset(&req, 0, sizeof req);
	req.url = url;
	req.headers = headers;
	req.follow_redirects = true;
	req.timeout_ms = SR_REST_TIMEOUT_MS;
	req.cacert = sr->cfg->cacert;
	req.insecure = sr->cfg->insecure;
	req.cancel = feed_cancel_flag(sr->feed);

	/* a league's first catch-up counts its attempts over its turns */
	for (attempt = 1 + (sr->first_pending ? sr->tried : 0); ; attempt++) {
		out->tries = attempt;
		free(err);
		err = NULL;
		if (sr->defer_rest && sr->stream_others.arg != NULL)
			req.others = &sr->stream_others;   /* a league's: the stream read meanwhile */
		if (sr->rest_in_stream) {
			/* inside the stream: what is left of its watchdog */
			req.stall_ms = watchdog_left_ms(sr);
			req.timeout_ms = req.stall_ms < SR_REST_TIMEOUT_MS ? req.stall_ms :
			    SR_REST_TIMEOUT_MS;
		} else if (sr->defer_rest && sr->first_pending) {
			/* a silent server gives way to the other games' catch-ups;
			 * a slow one keeps its whole time (the stream is read) */
			req.stall_ms = SR_LEAGUE_REST_MS;
		}
		if (pf != NULL && pbp_fetch_begin(pf, &req, resp) < 0) {
			free(err);
			return cs_set_cause(cause, "Sportradar: %s: out of memory", doc);
		}
		if (http_perform(&req, resp, &err) < 0) {
			if (pf != NULL && resp->body_refused) {
				sportradar_pbp_end(&pf->reader, false);
				free(err);
				if (pf->not_json)
					return non_json(cause, doc, pf->content_type);
				return cs_set_cause(cause, "Sportradar: %s: not read (the game is "
				    "not over)", doc);
			}
			log_msg("sportradar: GET %s failed: %s", logurl, err != NULL ? err : "?");
			out->unrecoverable = resp->permanent;
			if (feed_stopping(sr->feed) || attempt >= attempts || resp->permanent) {
				cs_set_cause(cause, "Sportradar: %s failed: %s", doc,
				    err != NULL ? err : "no answer");
				free(err);
				if (pf != NULL)
					sportradar_pbp_end(&pf->reader, false);
				return -1;
			}
			wait = rest_wait(&b, -1);
		} else {
			log_msg("sportradar: GET %s -> HTTP %ld (%zu bytes)", logurl,
			    resp->status, resp->received);
			if (resp->status == 200) {
				free(err);
				if (pf != NULL ? !pf->looked : !body_is_json(resp)) {
					if (pf != NULL)
						sportradar_pbp_end(&pf->reader, false);
					return non_json(cause, doc, resp->content_type);
				}
				return 0;
			}
			if (!http_status_retryable(resp->status) || attempt >= attempts) {
				out->unrecoverable = resp->status == 401 || resp->status == 403 ||
				    resp->status == 404;
				sportradar_http_failure(cause, doc, resp, attempt, false);
				free(err);
				if (pf != NULL)
					sportradar_pbp_end(&pf->reader, false);
				return -1;
			}
			wait = rest_wait(&b, resp->retry_after);
			out->retry_after_s = resp->retry_after;
			http_response_free(resp);
		}
		if (sr->defer_rest) {
			/* a league's game: its turn comes again (league_retry) */
			out->deferred = true;
			cs_set_cause(cause, "Sportradar: %s failed: %s", doc, err != NULL ? err :
			    "the server answered with an error");
			free(err);
			if (pf != NULL)
				sportradar_pbp_end(&pf->reader, false);
			return -1;
		}
		{
			char why[300];

			/* the status names the failure: a run stopped now says why */
			snprintf(why, sizeof why, "retrying %s: %s", doc, err != NULL ? err :
			    "the server answered with an error");
			feed_set_status(sr->feed, FEED_CATCHING_UP, sr->tries_before + attempt, why);
		}
		if (feed_sleep(sr->feed, wait)) {
			cs_set_cause(cause, "stopped");
			free(err);
			if (pf != NULL)
				sportradar_pbp_end(&pf->reader, false);
			return -1;
		}
		(void)feed_take_reconnect_request(sr->feed);
	}
}

static void
record_rest(struct sr *sr, const char *doc, const struct http_response *r)
{
	char channel[256];

	snprintf(channel, sizeof channel, "rest:/%s/%s/v8/en/games/%s/%s", sr->league,
	    sr->access, sr->game_id, doc);
	feed_record(sr->feed, channel, r->body, r->len);
}

/* summary.json: the rosters and starters, `attempts` tries.  0 when it
 * was read (have_summary says whether it held them: the parser warned
 * if not), else -1 with *err and *status. */
static int
read_summary(struct sr *sr, int attempts, struct rest_outcome *out, long *status,
    char **err)
{
	struct http_response resp;
	int rc = -1;

	if (rest_get(sr, "summary.json", attempts, &resp, NULL, out, err) == 0) {
		feed_mark_document(sr->feed);
		record_rest(sr, "summary.json", &resp);
		if (sportradar_parse_summary(sr->ctx, resp.body, resp.len) == 0)
			sr->have_summary = true;
		rc = 0;
	} else if (out->unrecoverable)
		sr->summary_gone = true;
	*status = resp.status;
	http_response_free(&resp);
	return rc;
}

/*
 * A game that went on without its rosters tries summary.json once more
 * at each later REST call of its own (the stream's refresh, a status
 * check, a catch-up that found the game over): one bounded attempt, so
 * that the bench that never played, and the roster order the box score
 * keeps, are the game's before it ends.  The model takes rosters after
 * the plays as it takes them before.
 */
static void
rosters_again(struct sr *sr)
{
	struct rest_outcome out;   /* not the game's: the call that follows says */
	char *err = NULL;
	long status;

	if (sr->have_summary || sr->summary_gone || feed_stopping(sr->feed))
		return;
	if (read_summary(sr, 1, &out, &status, &err) == 0 && sr->have_summary)
		log_msg("sportradar: %s: the rosters came late, from summary.json", sr->game_id);
	else
		log_msg("sportradar: %s: still without rosters: %s", sr->game_id,
		    err != NULL ? err : "summary.json held none");
	free(err);
}

/*
 * The catch-up: summary.json (optional: rosters and starters), then
 * pbp.json.  0, or -1 with *cause.
 */
static int
catch_up(struct sr *sr, char **cause)
{
	struct http_response resp;
	struct pbp_fetch pf;
	char *err = NULL;
	int pbp_attempts = SR_REST_ATTEMPTS;
	long status;

	/* a league's first catch-up counts from its start at each turn; a
	 * solo run's count goes on over its catch-ups until one works */
	if (sr->first_pending && !sr->first_rosters_done)
		sr->tries_before = 0;
	/* a league's first catch-up keeps counting its failed turns */
	feed_set_status(sr->feed, FEED_CATCHING_UP, sr->first_pending ?
	    sr->tries_before + sr->tried : sr->tries_before, "catching up from pbp.json");
	if (!sr->have_summary && !sr->first_rosters_done &&
	    read_summary(sr, SR_SUMMARY_ATTEMPTS, &sr->rest, &status, &err) < 0) {
		/* a bad key or a refused certificate fails pbp.json
		 * the same way: say it now; a league's first catch-up tries
		 * summary.json again at its next turn, as a solo run would */
		if (status == 401 || status == 403 || (status == 0 && sr->rest.unrecoverable) ||
		    feed_stopping(sr->feed) || (sr->first_pending && sr->rest.deferred)) {
			if (cause != NULL) {
				free(*cause);
				*cause = err;
			} else
				free(err);
			return -1;
		}
		log_msg("sportradar: going on without rosters: %s",
		    err != NULL ? err : "summary.json failed");
		/* pbp.json's retries count on from these: the header's
		 * "retry 3" going back to "retry 1" looked like progress */
		sr->tries_before += sr->rest.tries;
		/* a server that did not answer summary.json's last try gets
		 * one at pbp.json, not SR_REST_ATTEMPTS more: --once against
		 * a silent server fails in ~100 s, not ~170 */
		if (status == 0 && !sr->defer_rest)
			pbp_attempts = 1;
		free(err);
		err = NULL;
	}
	if (sr->first_pending && !sr->first_rosters_done) {
		sr->first_rosters_done = true;   /* pbp.json's attempts now */
		sr->tried = 0;
	}
	/* its events are delivered as they arrive: a document's, not timed */
	feed_mark_document(sr->feed);
	pbp_fetch_init(&pf, sr, false);
	if (rest_get(sr, "pbp.json", pbp_attempts, &resp, &pf, &sr->rest, cause) < 0) {
		if (!sr->defer_rest)
			sr->tries_before += sr->rest.tries;   /* the next catch-up's count */
		http_response_free(&resp);
		return -1;
	}
	record_rest(sr, "pbp.json", &resp);
	if (sportradar_pbp_end(&pf.reader, true) < 0) {
		cs_set_cause(cause, "Sportradar sent a pbp.json that is not a play-by-play "
		    "document (%s)", resp.content_type[0] != '\0' ? resp.content_type :
		    "no content type");
		http_response_free(&resp);
		return -1;
	}
	http_response_free(&resp);
	sr->last_catchup_us = cs_now_us();
	sr->tries_before = 0;
	sr->game_over = sportradar_status_final(sr->ctx->status);
	if (sr->game_over)
		rosters_again(sr);   /* no later call: the game ends here */
	feed_caught_up(sr->feed);
	return 0;
}

/* check_game_over's reader: only a final pbp.json is applied. */
static bool
fetch_admit(void *arg, const char *status)
{
	struct pbp_fetch *pf = arg;
	struct sr *sr = pf->sr;

	if (!sportradar_status_final(status)) {
		pf->declined = true;
		return false;
	}
	log_msg("sportradar: the game is %s: applying the final pbp.json", status);
	feed_set_status(sr->feed, FEED_CATCHING_UP, 0, "the game is over: final pbp.json");
	feed_mark_document(sr->feed);
	return true;
}

/*
 * Is the game over?  Reads pbp.json's status; when final, applies that
 * pbp.json (the validated events) and returns true.  Its events are read
 * as they arrive only once its header said final; otherwise the transfer
 * ends there.
 */
static bool
check_game_over(struct sr *sr)
{
	struct http_response resp;
	struct pbp_fetch pf;
	char *err = NULL;
	bool over;

	rosters_again(sr);
	pbp_fetch_init(&pf, sr, true);
	if (rest_get(sr, "pbp.json", 1, &resp, &pf, &sr->rest, &err) < 0) {
		if (!pf.declined)
			log_msg("sportradar: status check: %s", err != NULL ? err : "failed");
		free(err);
		http_response_free(&resp);
		return false;
	}
	over = sportradar_pbp_end(&pf.reader, true) >= 0 && !pf.declined;
	if (over)
		record_rest(sr, "pbp.json", &resp);
	http_response_free(&resp);
	return over;
}

/*
 * pbp.json once a stream is up: a fresh session replays nothing, so what
 * happened between the last catch-up and the subscription (or beyond what
 * a resume replays) comes from here.  Upserts: nothing counts twice, and
 * the parser keeps newer push versions over older REST ones.  Returns true
 * when that pbp.json says the game is over.
 */
static bool
refresh_pbp(struct sr *sr)
{
	struct http_response resp;
	struct pbp_fetch pf;
	char *err = NULL;
	bool over;

	rosters_again(sr);
	feed_mark_document(sr->feed);
	pbp_fetch_init(&pf, sr, false);
	if (rest_get(sr, "pbp.json", 2, &resp, &pf, &sr->rest, &err) < 0) {
		log_msg("sportradar: refreshing from pbp.json failed: %s",
		    err != NULL ? err : "?");
		free(err);
		http_response_free(&resp);
		return false;
	}
	record_rest(sr, "pbp.json", &resp);
	sportradar_pbp_end(&pf.reader, true);
	http_response_free(&resp);
	sr->last_catchup_us = cs_now_us();
	over = sportradar_status_final(sr->ctx->status);
	if (over)
		log_msg("sportradar: the game is %s", sr->ctx->status);
	return over;
}

/* --- the push stream --- */

/* An event line: progress unless it is one of the latest we received (a
 * resume replays them). */
static void
note_event(struct sr *sr, const char *line, size_t len)
{
	uint64_t h = cs_hash64(line, len);
	size_t i, n = sr->nrecent < SR_RECENT_EVENTS ? sr->nrecent : SR_RECENT_EVENTS;

	for (i = 0; i < n; i++)
		if (sr->recent[i] == h)
			return;
	sr->recent[sr->nrecent++ % SR_RECENT_EVENTS] = h;
	sr->progress = true;
}

static void league_line(struct sr_league *lg, const char *line, size_t len);

/* One game's push line: its capture, its parser; `conn` counts progress. */
static void
game_line(struct sr *sr, struct sr *conn, const char *line, size_t len)
{
	struct sportradar_push_info info;
	int regulation;
	int64_t now = cs_now_us();

	feed_record(sr->feed, "push", line, len);
	sportradar_parse_push(sr->ctx, line, len, &info);
	if (info.kind == SR_PUSH_EVENT || info.kind == SR_PUSH_DELETE)
		note_event(conn, line, len);
	if (info.kind == SR_PUSH_EVENT && !sr->pushed) {
		sr->pushed = true;   /* once: when the game's plays began to come */
		log_msg("sportradar: %s: its first push event", sr->game_id);
	}
	if (info.kind != SR_PUSH_EVENT || info.type != CS_EV_PERIOD_END)
		return;
	/* the end of regulation or of an overtime, and not tied: maybe final */
	regulation = sr->ctx->halves || info.period.type == CS_PERIOD_HALF ? 2 : 4;
	if (info.period.sequence >= regulation &&
	    (info.points[CS_HOME] == CS_UNKNOWN || info.points[CS_AWAY] == CS_UNKNOWN ||
	    info.points[CS_HOME] != info.points[CS_AWAY])) {
		sr->status_due_us = now;
		sr->eog_interval_us = SR_EOG_FIRST_US;
	}
}

static void
on_line(void *arg, const char *line, size_t len)
{
	struct sr *sr = arg;

	sr->last_msg_us = cs_now_us();
	sr->got_line = true;
	if (sr->lg != NULL)
		league_line(sr->lg, line, len);
	else
		game_line(sr, sr, line, len);
}

static void
on_split_warning(void *arg, const char *msg)
{
	struct sr *sr = arg;
	struct cs_sink *s;

	if (sr->lg != NULL || sr->ctx == NULL) {
		/* a league's dropped line has no game to tell: the hub's own
		 * queue has no reader */
		log_msg("sportradar: %s", msg);
		return;
	}
	s = &sr->ctx->sink;
	sr->ctx->warnings++;
	if (s->warning != NULL)
		s->warning(s->ctx, msg);
}

static void league_up(struct sr_league *lg);
static enum http_stream_step league_tick(struct sr_league *lg);
static void league_status(struct sr_league *lg, enum feed_state state, int attempt,
    const char *message);

/* The stream answered 200: live (a frozen game sends only heartbeats). */
static void
stream_up(void *arg)
{
	struct sr *sr = arg;

	if (sr->live_reported)
		return;
	sr->live_reported = true;
	if (sr->lg != NULL) {
		league_up(sr->lg);
		return;
	}
	feed_set_status(sr->feed, FEED_LIVE, 0, "push stream");
	sr->refresh_now = sr->refresh_on_connect;
}

static void
on_stream_data(void *arg, const char *data, size_t n)
{
	struct sr *sr = arg;

	feed_mark_received(sr->feed);
	sportradar_splitter_feed(sr->split, data, n);
}

/* "sessionId=..." of a URL's query into out; false when absent. */
bool
sportradar_session_of(const char *url, char *out, size_t size)
{
	const char *q = strchr(url, '?'), *p;
	size_t n;

	for (p = q; p != NULL; p = strchr(p + 1, '&')) {
		if (strncmp(p + 1, "sessionId=", 10) != 0)
			continue;
		p += 11;
		n = strcspn(p, "&#");
		if (n == 0 || n >= size || strspn(p, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~%") < n)
			return false;
		memcpy(out, p, n);
		out[n] = '\0';
		return true;
	}
	return false;
}

/* RFC 3986: absolute when it starts with a scheme and "://" -- not merely
 * holding one, as "/stream?from=https://x" does. */
static bool
absolute_url(const char *url)
{
	static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
	size_t n = strspn(url, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789+-.");

	return n > 0 && strchr(letters, url[0]) != NULL && strncmp(url + n, "://", 3) == 0;
}

int
sportradar_push_location(const char *base, const char *loc, char *location, size_t size)
{
	char origin[600];
	size_t n;
	int w;

	if (absolute_url(loc))
		w = snprintf(location, size, "%s", loc);
	else {
		/* a relative Location: on the API host */
		const char *p = strstr(base, "://");

		p = p != NULL ? p + 3 : base;
		n = (size_t)(p - base) + strcspn(p, "/");
		if (n >= sizeof origin)
			n = sizeof origin - 1;
		memcpy(origin, base, n);
		origin[n] = '\0';
		w = snprintf(location, size, "%s%s%s", origin,
		    loc[0] == '/' ? "" : "/", loc);
	}
	return w < 0 || (size_t)w >= size ? -1 : 0;
}

/* "name=VALUE" (VALUE with `prefix` unless it has it) onto the query
 * being built in url; nothing when value is NULL. */
static void
query_add(char *url, size_t size, const char *name, const char *prefix,
    const char *value)
{
	size_t n = strlen(url);

	if (value == NULL || *value == '\0' || n + 1 >= size)
		return;
	snprintf(url + n, size - n, "%s%s=%s%s", url[n - 1] == '?' ? "" : "&", name,
	    strncmp(value, prefix, strlen(prefix)) == 0 ? "" : prefix, value);
}

/*
 * Request A's URL: one game's (match), or the league's with the push
 * filters (status, team); the locale is the path's language code.  0, or
 * -1 when it does not fit.
 */
static int
subscribe_url(const struct sr *sr, bool resume, char *url, size_t size)
{
	bool league = sr->game_id[0] == '\0';
	int w;

	w = snprintf(url, size, "%s/%s/%s/stream/%s/events/subscribe?", sr->base,
	    sr->league, sr->access, sr->locale);
	if (w < 0 || (size_t)w >= size)
		return -1;
	query_add(url, size, "match", "sd:match:", league ? NULL : sr->game_id);
	query_add(url, size, "status", "", league ? sr->status : NULL);
	query_add(url, size, "team", "sd:team:", league ? sr->team : NULL);
	query_add(url, size, "resumeSessionId", "", resume ? sr->session_id : NULL);
	return strlen(url) + 1 >= size ? -1 : 0;
}

/*
 * Request A: subscribe, no redirects, key in the header.  0 with the
 * Location in `location`; -1 with *cause and *fatal when retrying is
 * pointless (a refused key, no push access).
 */
static int
subscribe(struct sr *sr, bool resume, char *location, size_t size, bool *fatal,
    char **cause)
{
	struct http_request req;
	struct http_response resp;
	const char *headers[2] = { sr->key_header, NULL };
	char url[SR_URL_MAX], logurl[SR_URL_MAX], *err = NULL, sid[128];

	*fatal = false;
	if (subscribe_url(sr, resume, url, sizeof url) < 0) {
		cs_set_cause(cause, "Sportradar: the subscribe URL is too long");
		*fatal = true;
		return -1;
	}
	http_url_for_log(url, logurl, sizeof logurl);
	memset(&req, 0, sizeof req);
	req.url = url;
	req.headers = headers;
	req.follow_redirects = false;
	req.timeout_ms = SR_SUBSCRIBE_TIMEOUT_MS;
	req.cacert = sr->cfg->cacert;
	req.insecure = sr->cfg->insecure;
	req.cancel = feed_cancel_flag(sr->feed);
	if (http_perform(&req, &resp, &err) < 0) {
		cs_set_cause(cause, "Sportradar: subscribing to the push feed failed: %s",
		    err != NULL ? err : "no answer");
		*fatal = resp.permanent;
		free(err);
		return -1;
	}
	log_msg("sportradar: GET %s%s -> HTTP %ld", logurl, resume ? " (resume)" : "",
	    resp.status);
	if (resp.status < 300 || resp.status > 399) {
		if (resp.status == 401 || resp.status == 403 ||
		    (resp.status == 404 && !resume))
			*fatal = true;
		sportradar_http_failure(cause, "the push subscription", &resp, 1, true);
		http_response_free(&resp);
		return -1;
	}
	if (resp.location == NULL || resp.location[0] == '\0') {
		cs_set_cause(cause, "Sportradar answered the push subscription with HTTP %ld "
		    "but no Location header", resp.status);
		http_response_free(&resp);
		return -1;
	}
	if (sportradar_push_location(sr->base, resp.location, location, size) < 0) {
		cs_set_cause(cause, "Sportradar: the push Location is too long");
		http_response_free(&resp);
		return -1;
	}
	if (sportradar_session_of(location, sid, sizeof sid))
		cs_strlcpy(sr->session_id, sid, sizeof sr->session_id);
	else
		sr->session_id[0] = '\0';   /* nothing to resume with later */
	http_response_free(&resp);
	return 0;
}

/* pbp.json's status, when due (not past the stream's silence, which is
 * measured first).  True when the game is over. */
static bool
status_due(struct sr *sr, bool *over)
{
	int64_t now = cs_now_us();

	if (now < sr->status_due_us || now - http_stream_last_byte_us(sr->hs) > SR_WATCHDOG_US)
		return false;
	sr->rest_in_stream = true;
	*over = check_game_over(sr);
	sr->rest_in_stream = false;
	now = cs_now_us();
	if (sr->eog_interval_us > 0) {
		sr->status_due_us = now + sr->eog_interval_us;
		sr->eog_interval_us *= 2;
		if (sr->eog_interval_us > SR_STATUS_POLL_US)
			sr->eog_interval_us = SR_STATUS_POLL_US;
	} else
		sr->status_due_us = now + SR_STATUS_POLL_US;
	return true;
}

/* Between polls of the stream: the feed, the catch-up, the end of game.
 * A REST call blocks this thread, not the stream: what came meanwhile is
 * read before the silence is measured (READ_AGAIN). */
static enum http_stream_step
on_stream_tick(void *arg)
{
	struct sr *sr = arg;
	bool over = false;

	if (feed_stopping(sr->feed)) {
		sr->stream_end = SR_STREAM_STOP;
		return HTTP_STREAM_STOP;
	}
	if (feed_take_reconnect_request(sr->feed)) {
		sr->reconnect_now = true;
		return HTTP_STREAM_STOP;
	}
	if (sr->lg != NULL)
		return league_tick(sr->lg);
	if (sr->refresh_now) {
		sr->refresh_now = false;
		sr->rest_in_stream = true;
		over = refresh_pbp(sr);
		sr->rest_in_stream = false;
	} else if (!status_due(sr, &over))
		return HTTP_STREAM_GO_ON;
	if (!over)
		return HTTP_STREAM_READ_AGAIN;
	sr->stream_end = SR_STREAM_GAME_OVER;
	return HTTP_STREAM_STOP;
}

/* A stream that ended by itself: why, and whether retrying can help. */
static void
stream_done(struct sr *sr, const struct http_stream_result *res, char **cause)
{
	char rid[100], bodymsg[140];

	request_id_text(res->request_id, rid, sizeof rid);
	if (res->status != 200 && res->status > 0) {
		sportradar_body_message(res->error_body, res->error_len, bodymsg, sizeof bodymsg);
		cs_set_cause(cause, "Sportradar: the push stream answered HTTP %ld (%s)%s%s",
		    res->status, rid, bodymsg[0] != '\0' ? ": " : "", bodymsg);
		/* a refused key does not heal by retrying */
		if (res->status == 401 || res->status == 403)
			sr->stream_end = SR_STREAM_FATAL;
	} else if (res->curl_code == 0)
		cs_set_cause(cause, "Sportradar closed the push stream");
	else {
		cs_set_cause(cause, "the push stream broke: %s", res->curl_error);
		if (res->permanent)
			sr->stream_end = SR_STREAM_FATAL;
	}
}

/* Request B: the stream itself, until it drops, stalls, or the game ends. */
static enum sr_stream_end
stream(struct sr *sr, const char *location, char **cause)
{
	static const struct http_stream_handlers handlers = {
		.on_open = stream_up,
		.on_data = on_stream_data,
		.on_tick = on_stream_tick,
	};
	struct http_request req;
	struct http_stream_result res;
	char logurl[SR_URL_MAX];

	http_url_for_log(location, logurl, sizeof logurl);
	sr->live_reported = false;
	sr->got_line = false;
	sr->progress = false;
	sr->stream_end = SR_STREAM_DROPPED;
	sportradar_splitter_reset(sr->split);
	memset(&req, 0, sizeof req);
	req.url = location;
	req.cacert = sr->cfg->cacert;
	req.insecure = sr->cfg->insecure;
	req.stall_ms = (long)(SR_WATCHDOG_US / 1000);
	log_msg("sportradar: streaming %s", logurl);
	if (http_stream(sr->hs, &req, &handlers, sr, &res, cause) == 0) {
		if (res.end == HTTP_STREAM_DONE)
			stream_done(sr, &res, cause);
		else if (res.end == HTTP_STREAM_SILENT)
			cs_set_cause(cause, "the push stream went silent for %.1f s (%s)",
			    res.silent_s, res.status == 0 ? "no answer to the stream request" :
			    "no heartbeat");
		else if (sr->reconnect_now)
			cs_set_cause(cause, "reconnect requested");
	}
	sportradar_splitter_reset(sr->split);
	return sr->stream_end;
}

/* A push filter's value: what the URL can carry as it is. */
bool
sportradar_push_filter_ok(const char *name, const char *value, char **cause)
{
	size_t n = strlen(value);

	if (strcmp(name, "locale") == 0 && n >= 2 && n <= 5 &&
	    strspn(value, "abcdefghijklmnopqrstuvwxyz_") == n)
		return true;
	if (strcmp(name, "status") == 0 && (strcmp(value, "inprogress") == 0 ||
	    strcmp(value, "created") == 0 || strcmp(value, "inprogress,created") == 0 ||
	    strcmp(value, "created,inprogress") == 0))
		return true;
	if (strcmp(name, "team") == 0 && id_ok(value) && strchr(value, ',') == NULL)
		return true;
	if (strcmp(name, "locale") == 0)
		cs_set_cause(cause, "--locale: '%s' is not a language code (en, fr, zh...)",
		    value);
	else if (strcmp(name, "status") == 0)
		cs_set_cause(cause, "--status: '%s': inprogress or created", value);
	else
		cs_set_cause(cause, "--team: '%s' is not a team id", value);
	return false;
}

/* --- run --- */

static void
sr_wake(struct feed *feed)
{
	/* called under the feed's wake lock: the stream object is alive */
	http_stream_wake(feed_provider_data(feed));
}

static int
sr_setup(struct sr *sr, struct feed *feed, bool need_game, char **cause)
{
	const struct feed_config *cfg = feed_config(feed);
	static const struct sportradar_options none;
	const struct sportradar_options *opt = cfg->options != NULL ? cfg->options : &none;
	struct cs_sink sink = feed_sink(feed);
	size_t n;
	int w;

	memset(sr, 0, sizeof *sr);
	sr->feed = feed;
	sr->cfg = cfg;
	sr->league = opt->league != NULL && *opt->league != '\0' ? opt->league : "nba";
	sr->access = opt->access_level != NULL && *opt->access_level != '\0' ?
	    opt->access_level : "trial";
	if (strcmp(sr->league, "nba") != 0 && strcmp(sr->league, "nbdl") != 0)
		return cs_set_cause(cause,
		    "Sportradar: unknown league '%s' (nba or nbdl)", sr->league);
	if (strcmp(sr->access, "trial") != 0 && strcmp(sr->access, "production") != 0)
		return cs_set_cause(cause,
		    "Sportradar: unknown access level '%s' (trial or production)",
		    sr->access);
	sr->locale = opt->locale != NULL && *opt->locale != '\0' ? opt->locale : "en";
	sr->status = opt->status != NULL && *opt->status != '\0' ? opt->status : NULL;
	sr->team = opt->team != NULL && *opt->team != '\0' ? opt->team : NULL;
	if (!sportradar_push_filter_ok("locale", sr->locale, cause) ||
	    (sr->status != NULL && !sportradar_push_filter_ok("status", sr->status, cause)) ||
	    (sr->team != NULL && !sportradar_push_filter_ok("team", sr->team, cause)))
		return -1;
	if (need_game && (cfg->game_id == NULL || !id_ok(cfg->game_id)))
		return cs_set_cause(cause,
		    "Sportradar: --game needs a Sportradar game id (a uuid)");
	cs_strlcpy(sr->game_id, need_game ? cfg->game_id : "", sizeof sr->game_id);
	if (opt->api_key == NULL || opt->api_key[0] == '\0')
		return cs_set_cause(cause,
		    "no Sportradar API key: set SPORTRADAR_API_KEY (or "
		    "sportradar_api_key in the config file)");
	if (strpbrk(opt->api_key, "\r\n") != NULL)
		return cs_set_cause(cause,
		    "the Sportradar API key holds a line break: check "
		    "SPORTRADAR_API_KEY");
	w = snprintf(sr->key_header, sizeof sr->key_header, "x-api-key: %s", opt->api_key);
	if (w < 0 || (size_t)w >= sizeof sr->key_header)
		return cs_set_cause(cause,
		    "the Sportradar API key is too long: check SPORTRADAR_API_KEY");
	cs_strlcpy(sr->base, cfg->base_url != NULL && *cfg->base_url != '\0' ?
	    cfg->base_url : SR_DEFAULT_BASE, sizeof sr->base);
	n = strlen(sr->base);
	while (n > 0 && sr->base[n - 1] == '/')
		sr->base[--n] = '\0';
	if (need_game) {
		if ((sr->ctx = malloc(sizeof *sr->ctx)) == NULL)
			return cs_set_cause(cause, "out of memory");
		sportradar_ctx_init(sr->ctx, &sink, sr->game_id);
	}
	backoff_init(&sr->backoff, &backoff_default,
	    (uint64_t)cs_wall_ms() ^ ((uint64_t)getpid() << 32));
	return 0;
}

static void
sr_teardown(struct sr *sr)
{
	if (sr->hs != NULL) {
		feed_set_provider_data(sr->feed, NULL);
		http_stream_free(&sr->hs);
	}
	sportradar_splitter_free(&sr->split);
	free(sr->ctx);
	sr->ctx = NULL;
	/* the key leaves no copy behind */
	explicit_bzero(sr->key_header, sizeof sr->key_header);
}

/*
 * A connection (or an attempt at one) ended: the wait before the next,
 * from the shared backoff.  Only a connection that brought a new event
 * resets it; a user's request waits the floor only.
 */
static long
reconnect_wait(struct sr *sr, int *attempt, const char *why)
{
	bool progress = sr->progress || sr->reconnect_now;
	long delay;

	delay = backoff_next(&sr->backoff, progress, -1);
	*attempt = sr->progress ? 1 : *attempt + 1;
	log_msg("sportradar: reconnecting (attempt %d; %s): %s; in %ld ms", *attempt,
	    sr->progress ? "progress" : "no progress", why != NULL ? why : "?", delay);
	if (sr->lg != NULL)
		league_status(sr->lg, FEED_RECONNECTING, *attempt, why != NULL ? why : "");
	else
		feed_set_status(sr->feed, FEED_RECONNECTING, *attempt, why != NULL ? why : "");
	sr->progress = false;
	sr->reconnect_now = false;
	return delay;
}

static int league_catch_up(struct sr_league *lg, char **why);
static bool league_first_pending(const struct sr_league *lg);

/* The catch-up before a fresh subscription: the game's, or every game's
 * of a league still on. */
static int
conn_catch_up(struct sr *sr, char **why)
{
	return sr->lg != NULL ? league_catch_up(sr->lg, why) : catch_up(sr, why);
}

/* Nothing left to stream: the game, or every game of the league, is over. */
static bool
conn_over(const struct sr *sr)
{
	int i;

	if (sr->lg == NULL)
		return sr->game_over;
	for (i = 0; i < sr->lg->n; i++)
		if (!sr->lg->game[i]->ended)
			return false;
	return true;
}

/* A failure no retry heals: its cause becomes the run's. */
static void
take_cause(char **cause, char **why)
{
	free(*cause);
	*cause = *why;
	*why = NULL;
}

/*
 * The connection, after the first catch-up: subscribe (resuming when the
 * last message is recent), stream, and reconnect through the backoff,
 * until the game (every game of a league) is over, the feed stops, or a
 * failure no retry heals.
 */
static int
conn_run(struct sr *sr, char **cause)
{
	struct feed *feed = sr->feed;
	char location[SR_URL_MAX], *why = NULL;
	int64_t now;
	enum sr_stream_end end;
	bool fatal, resume;
	int attempt = 0, rc = -1, i;

	sr->split = sportradar_splitter_new(0, on_line, on_split_warning, sr);
	sr->hs = http_stream_new();
	if (sr->split == NULL || sr->hs == NULL)
		return cs_set_cause(cause, "out of memory");
	feed_set_provider_data(feed, sr->hs);
	sr->status_due_us = cs_now_us() + SR_STATUS_POLL_US;
	for (i = 0; sr->lg != NULL && i < sr->lg->n; i++) {
		/* a game's REST inside the stream measures the one stream */
		sr->lg->game[i]->hs = sr->hs;
		http_stream_others(sr->hs, &sr->lg->game[i]->stream_others);
		sr->lg->game[i]->status_due_us = sr->status_due_us;
	}

	for (;;) {
		if (feed_stopping(feed)) {
			rc = 0;
			break;
		}
		now = cs_now_us();
		resume = sr->session_id[0] != '\0' && sr->last_msg_us != 0 &&
		    now - sr->last_msg_us <= SR_RESUME_WINDOW_US;
		/* Without a resume, pbp.json catches up first (unless it was
		 * read just now), so the screen is current while connecting;
		 * once connected, refresh_pbp closes the gap to the stream. */
		if (!resume && (now - sr->last_catchup_us > SR_FRESH_CATCHUP_US ||
		    (attempt > 0 && league_first_pending(sr->lg)))) {
			sr->session_id[0] = '\0';
			if (conn_catch_up(sr, &why) < 0) {
				if (feed_stopping(feed)) {
					rc = 0;
					break;
				}
				if (sr->rest.unrecoverable) {
					take_cause(cause, &why);
					break;
				}
				goto retry;
			}
			if (conn_over(sr)) {
				if (sr->lg == NULL)
					log_msg("sportradar: the game is %s: nothing to stream",
					    sr->ctx->status);
				rc = 0;
				break;
			}
		}
		if (subscribe(sr, resume, location, sizeof location, &fatal, &why) < 0) {
			if (fatal) {
				take_cause(cause, &why);
				break;
			}
			if (resume) {
				/* the old session may be gone: next time, a fresh one */
				sr->session_id[0] = '\0';
			}
			goto retry;
		}
		/* a resume replays the last ~30 s; beyond, REST fills the gap */
		sr->refresh_on_connect = !resume ||
		    cs_now_us() - sr->last_msg_us > SR_REPLAY_COVERS_US;
		/* the Location is used at once: it is good for a minute only */
		end = stream(sr, location, &why);
		if (end == SR_STREAM_STOP || end == SR_STREAM_GAME_OVER) {
			rc = 0;
			break;
		}
		if (end == SR_STREAM_FATAL) {
			take_cause(cause, &why);
			break;
		}
retry:
		if (feed_sleep(feed, reconnect_wait(sr, &attempt, why))) {
			rc = 0;
			break;
		}
		feed_take_reconnect_request(feed);   /* we are reconnecting anyway */
	}
	free(why);
	return rc;
}

static int
sr_run(struct feed *feed, char **cause)
{
	struct sr *sr;
	int rc = -1;

	sr = calloc(1, sizeof *sr);
	if (sr == NULL)
		return cs_set_cause(cause, "out of memory");
	if (sr_setup(sr, feed, true, cause) < 0)
		goto out;
	/* --once: the catch-up is the run.  Live, the connection's loop
	 * catches up first, and again through its backoff when that fails (a
	 * server down at tip-off), as after a drop: the game is worth waiting
	 * for, as ShotTracker's catch-up waits. */
	if (sr->cfg->once) {
		if (catch_up(sr, cause) == 0 || feed_stopping(feed))
			rc = 0;
		if (rc == 0 && sr->game_over)
			log_msg("sportradar: the game is %s: nothing to stream", sr->ctx->status);
		goto out;
	}
	rc = conn_run(sr, cause);
out:
	sr_teardown(sr);
	free(sr);
	return rc;
}

/* --- a league on one connection --- */

/* The id a push line is about: payload.game.id, else metadata.match
 * without its "sd:match:" (the parser's order).  False when none. */
static bool
push_game_of(const char *line, size_t len, char *id, size_t size)
{
	struct json_iter top, in, game;
	struct json_span k, v, gk, gv;
	bool found = false;

	if (json_scan_check(line, len, 64) != JSON_SCAN_OK ||
	    !json_iter_begin(&top, line, len))
		return false;
	while (json_next_member(&top, &k, &v)) {
		if (json_key_is(&k, "payload") && json_iter_begin(&in, v.p, v.len)) {
			while (json_next_member(&in, &gk, &gv)) {
				if (!json_key_is(&gk, "game") || !json_iter_begin(&game, gv.p, gv.len))
					continue;
				while (json_next_member(&game, &gk, &gv))
					if (json_key_is(&gk, "id") && gv.len >= 2 && gv.p[0] == '"') {
						snprintf(id, size, "%.*s", (int)(gv.len - 2), gv.p + 1);
						return id[0] != '\0';
					}
			}
		} else if (!found && json_key_is(&k, "metadata") &&
		    json_iter_begin(&in, v.p, v.len)) {
			while (json_next_member(&in, &gk, &gv))
				if (json_key_is(&gk, "match") && gv.len >= 2 && gv.p[0] == '"') {
					snprintf(id, size, "%.*s", (int)(gv.len - 2), gv.p + 1);
					if (strncmp(id, "sd:match:", 9) == 0)
						memmove(id, id + 9, strlen(id + 9) + 1);
					found = id[0] != '\0';
				}
		}
	}
	return found;
}

/* A line of a game whose REST call is in progress, for release_lines. */
static void
hold_line(struct sr *g, const char *line, size_t len)
{
	size_t cap;
	char *p;

	if (g->held_over || g->nheld + len + 1 > SR_HELD_MAX) {
		g->held_over = true;
		return;
	}
	if (g->nheld + len + 1 > g->held_cap) {
		cap = g->held_cap == 0 ? 16 * 1024 : g->held_cap;
		while (cap < g->nheld + len + 1)
			cap *= 2;
		if (cap > SR_HELD_MAX)
			cap = SR_HELD_MAX;
		p = realloc(g->held, cap);
		if (p == NULL) {
			g->held_over = true;
			return;
		}
		g->held = p;
		g->held_cap = cap;
	}
	memcpy(g->held + g->nheld, line, len);
	g->nheld += len;
	g->held[g->nheld++] = '\n';
	g->held_lines++;
}

static struct sr *
league_game(struct sr_league *lg, const char *id)
{
	int i;

	for (i = 0; i < lg->n; i++)
		if (strcmp(lg->game[i]->game_id, id) == 0)
			return lg->game[i];
	return NULL;
}

/* A line of the league's stream, to its game's parser and queue; a game
 * not followed is counted and named in the log once. */
static void
league_line(struct sr_league *lg, const char *line, size_t len)
{
	char id[CS_ID_MAX], clean[CS_ID_MAX];
	struct sr *g;

	if (!push_game_of(line, len, id, sizeof id)) {
		if (len > 0 && strstr(line, "\"heartbeat\"") == NULL &&
		    lg->unrouted++ == 0)
			log_msg("sportradar: a push line names no game: skipped "
			    "(and any more, counted)");
		return;
	}
	g = league_game(lg, id);
	if (g == NULL) {
		if (lg->others++ == 0) {
			cs_sanitize(clean, id, sizeof clean);
			log_msg("sportradar: ignoring the push lines of games not followed "
			    "(the first: %s)", clean);
		}
		return;
	}
	if (g->ended)
		return;
	if (g->rest_busy) {
		hold_line(g, line, len);
		return;
	}
	feed_mark_received(g->feed);
	game_line(g, &lg->conn, line, len);
}

/* A game's REST call is done: the push lines that came meanwhile, in
 * order; if some had to be dropped, its pbp.json is read again. */
static void
release_lines(struct sr_league *lg, struct sr *g)
{
	size_t at = 0, n;
	const char *nl;

	g->rest_busy = false;
	if (g->held_lines > 0)
		log_msg("sportradar: %s: %zu push lines came during its REST call; read now",
		    g->game_id, g->held_lines);
	g->held_lines = 0;
	while (at < g->nheld && !g->ended) {
		nl = memchr(g->held + at, '\n', g->nheld - at);
		n = nl != NULL ? (size_t)(nl - (g->held + at)) : g->nheld - at;
		feed_mark_received(g->feed);
		game_line(g, &lg->conn, g->held + at, n);
		at += n + 1;
	}
	g->nheld = 0;
	if (g->held_cap > 64 * 1024) {
		free(g->held);
		g->held = NULL;
		g->held_cap = 0;
	}
	if (g->held_over) {
		g->held_over = false;
		log_msg("sportradar: %s: push lines past %u KB came during its REST call; "
		    "reading its pbp.json again for them", g->game_id, SR_HELD_MAX / 1024);
		g->refresh_now = true;
	}
}

/* A state for every game still on. */
static void
league_status(struct sr_league *lg, enum feed_state state, int attempt,
    const char *message)
{
	int i;

	for (i = 0; i < lg->n; i++)
		if (!lg->game[i]->ended)
			feed_set_status(lg->game[i]->feed, state, attempt, message);
}

/* One game is done: its END; the others go on. */
static void
league_end(struct sr *g, int rc, const char *cause)
{
	if (g->ended)
		return;
	g->ended = true;
	if (rc == 0 && g->game_over)
		log_msg("sportradar: %s: the game is %s", g->game_id, g->ctx->status);
	feed_member_end(g->feed, rc, cause);
}

/* The stream is up: the games caught up are live and read pbp.json
 * again (what the session does not replay); the others' first catch-up
 * comes now, in their turns (league_first). */
static void
league_up(struct sr_league *lg)
{
	struct sr *g;
	int i;

	for (i = 0; i < lg->n; i++) {
		g = lg->game[i];
		if (g->ended || g->first_pending)
			continue;
		feed_set_status(g->feed, FEED_LIVE, 0, "push stream (league)");
		g->refresh_now = lg->conn.refresh_on_connect;
	}
}

/* Is any game still without its first catch-up? */
static bool
league_first_pending(const struct sr_league *lg)
{
	int i;

	for (i = 0; lg != NULL && i < lg->n; i++)
		if (!lg->game[i]->ended && lg->game[i]->first_pending)
			return true;
	return false;
}

/* A league game's REST call given up (defer_rest): its next one waits
 * the game's own backoff, Retry-After honoured; the stream goes on.
 * A call that went through resets that backoff. */
static bool
league_retry(struct sr *g)
{
	long wait;

	if (!g->rest.deferred) {
		(void)backoff_next(&g->backoff, true, -1);
		return false;
	}
	wait = backoff_next(&g->backoff, false,
	    g->rest.retry_after_s >= 0 ? g->rest.retry_after_s * 1000 : -1);
	g->rest_due_us = cs_now_us() + (int64_t)wait * 1000;
	log_msg("sportradar: %s: %s again in %ld ms; the other games go on",
	    g->game_id, g->rest.doc != NULL ? g->rest.doc : "its document", wait);
	return true;
}

/*
 * A game's first catch-up, one attempt a turn (defer_rest): that of a solo
 * run (summary.json, then pbp.json, SR_REST_ATTEMPTS attempts each, a
 * failure no retry heals ending the game, and live, pbp.json's attempts
 * starting over), but the game's own backoff between attempts, so that
 * the others go on.  Its lines stay held until
 * it is done (the caller releases them); then it is live.
 */
static void
league_first(struct sr_league *lg, struct sr *g)
{
	char *why = NULL;

	if (catch_up(g, &why) < 0) {
		if (feed_stopping(lg->conn.feed)) {
			free(why);
			return;
		}
		if (g->rest.deferred) {
			log_msg("sportradar: %s: its first catch-up, attempt %d: %s",
			    g->game_id, g->tried + 1, why != NULL ? why : "failed");
			g->tried++;
			/* as a solo run's retries: "catching up, retry N" */
			feed_set_status(g->feed, FEED_CATCHING_UP, g->tries_before + g->tried,
			    why != NULL ? why : "failed");
			(void)league_retry(g);
		} else if (!lg->conn.cfg->once && !g->rest.unrecoverable) {
			/* live, the game is worth waiting for (its server down
			 * a while): its attempts start over after its backoff,
			 * the count going on, as a solo run's catch-up does */
			log_msg("sportradar: %s: its first catch-up failed: %s; it starts "
			    "over", g->game_id, why != NULL ? why : "failed");
			g->tries_before += g->tried + 1;
			g->tried = 0;
			feed_set_status(g->feed, FEED_CATCHING_UP, g->tries_before,
			    why != NULL ? why : "failed");
			g->rest.deferred = true;
			(void)league_retry(g);
		} else
			league_end(g, -1, why);
		free(why);
		return;
	}
	g->first_pending = false;
	g->tried = 0;
	(void)league_retry(g);   /* it went through: the backoff starts afresh */
	if (g->game_over) {
		league_end(g, 0, NULL);
		return;
	}
	log_msg("sportradar: %s: caught up; live on the league's push stream", g->game_id);
	feed_set_status(g->feed, FEED_LIVE, 0, "push stream (league)");
}

/* Between polls: one game's REST call a tick (its first catch-up once
 * the stream is up, a refresh after connecting, or its status when due),
 * so that the stream is read between them; a game whose call failed
 * waits its own backoff (league_retry), never the stream's thread, then
 * its turn. */
static enum http_stream_step
league_tick(struct sr_league *lg)
{
	int64_t now = cs_now_us();
	struct sr *g;
	bool over = false, did = false;
	int i, k;

	/* the games take turns: one whose call failed and is due again goes
	 * after those still waiting for their first */
	for (k = 0; k < lg->n && !did; k++) {
		i = (lg->turn + k) % lg->n;
		g = lg->game[i];
		if (g->ended || now < g->rest_due_us ||
		    (g->first_pending && !lg->conn.live_reported))
			continue;
		g->defer_rest = true;
		g->rest_busy = true;
		if (g->first_pending) {
			league_first(lg, g);
			did = true;
		} else if (g->refresh_now) {
			g->refresh_now = false;
			g->rest_in_stream = true;
			over = refresh_pbp(g);
			g->rest_in_stream = false;
			did = true;
			if (league_retry(g))
				g->refresh_now = true;
		} else
			did = status_due(g, &over);
		g->defer_rest = false;
		if (did)
			lg->turn = (i + 1) % lg->n;
		if (!g->first_pending)
			release_lines(lg, g);
		if (over) {
			g->game_over = true;
			league_end(g, 0, NULL);
		}
	}
	if (conn_over(&lg->conn)) {
		lg->conn.stream_end = SR_STREAM_GAME_OVER;
		return HTTP_STREAM_STOP;
	}
	return did ? HTTP_STREAM_READ_AGAIN : HTTP_STREAM_GO_ON;
}

/*
 * Every game still on catches up from its pbp.json.  A game whose failure
 * no retry heals ends with its cause; another failure is the league's
 * (-1 with *why: reconnect later).
 */
static int
league_catch_up(struct sr_league *lg, char **why)
{
	struct sr *g;
	int i, rc;

	for (i = 0; i < lg->n; i++) {
		g = lg->game[i];
		if (g->ended)
			continue;
		g->defer_rest = true;
		if (g->first_pending) {
			/* the stream could not start: its first catch-up now */
			league_first(lg, g);
			g->defer_rest = false;
			if (!g->first_pending)
				release_lines(lg, g);
			continue;
		}
		rc = catch_up(g, why);
		g->defer_rest = false;
		if (rc < 0 && g->rest.deferred && !feed_stopping(lg->conn.feed)) {
			/* one game's failure holds no other: the fresh stream's
			 * refresh (league_up) reads its pbp.json again */
			log_msg("sportradar: %s: %s; the stream goes on", g->game_id,
			    *why != NULL ? *why : "catch-up failed");
			(void)league_retry(g);
			free(*why);
			*why = NULL;
			continue;
		}
		if (rc < 0) {
			if (feed_stopping(lg->conn.feed) || !g->rest.unrecoverable)
				return -1;
			league_end(g, -1, *why);
			free(*why);
			*why = NULL;
			continue;
		}
		if (g->game_over)
			league_end(g, 0, NULL);
	}
	lg->conn.last_catchup_us = cs_now_us();
	return 0;
}

static void
league_free(struct sr_league *lg)
{
	int i;

	for (i = 0; i < lg->n; i++) {
		if (lg->game[i] == NULL)
			continue;
		explicit_bzero(lg->game[i]->key_header, sizeof lg->game[i]->key_header);
		free(lg->game[i]->ctx);
		free(lg->game[i]->held);
		free(lg->game[i]);
	}
	free(lg->game);
	if (lg->others > 0 || lg->unrouted > 0)
		log_msg("sportradar: push lines skipped: %lu of games not followed, "
		    "%lu naming no game", lg->others, lg->unrouted);
	sr_teardown(&lg->conn);
	free(lg);
}

/* Each game's sr on its member feed; a game that cannot start (a bad id)
 * ends at once with its cause. */
static int
league_setup(struct sr_league *lg, struct feed *hub, char **cause)
{
	struct sr *g;
	char *why = NULL;
	int i;

	if (sr_setup(&lg->conn, hub, false, cause) < 0)
		return -1;
	lg->conn.lg = lg;
	lg->n = feed_league_size(hub);
	lg->game = calloc((size_t)lg->n, sizeof *lg->game);
	if (lg->game == NULL)
		return cs_set_cause(cause, "out of memory");
	for (i = 0; i < lg->n; i++) {
		g = lg->game[i] = calloc(1, sizeof *g);
		if (g == NULL)
			return cs_set_cause(cause, "out of memory");
		if (sr_setup(g, feed_league_member(hub, i), true, &why) < 0) {
			league_end(g, -1, why);
			free(why);
			why = NULL;
		}
	}
	return 0;
}

static int
sr_run_league(struct feed *hub, char **cause)
{
	struct sr_league *lg;
	int rc = -1, i;

	lg = calloc(1, sizeof *lg);
	if (lg == NULL)
		return cs_set_cause(cause, "out of memory");
	if (league_setup(lg, hub, cause) < 0)
		goto out;
	/*
	 * Live: the stream first, then each game's first catch-up in its
	 * turn (league_first), its lines held until then: a game goes live
	 * when its own catch-up ends, not the last one's.  A fresh session
	 * replays nothing, so a catch-up before the stream is up could miss
	 * what happens until then; after it, the held lines cover that.
	 */
	for (i = 0; i < lg->n && !lg->conn.cfg->once; i++) {
		struct sr *g = lg->game[i];

		if (g->ended)
			continue;
		g->first_pending = true;
		g->rest_busy = true;
		feed_set_status(g->feed, FEED_CATCHING_UP, 0, "waiting for the push stream");
	}
	/* --once: the catch-up alone; a game that fails it ends, as a solo
	 * run would */
	for (i = 0; i < lg->n && lg->conn.cfg->once; i++) {
		struct sr *g = lg->game[i];
		char *why = NULL;

		if (g->ended)
			continue;
		if (catch_up(g, &why) < 0) {
			if (feed_stopping(hub)) {
				free(why);
				rc = 0;
				goto out;
			}
			league_end(g, -1, why);
		} else
			league_end(g, 0, NULL);
		free(why);
	}
	lg->conn.last_catchup_us = cs_now_us();
	rc = conn_over(&lg->conn) ? 0 : conn_run(&lg->conn, cause);
out:
	league_free(lg);
	return rc;
}

static void
sr_options_free(void *options)
{
	struct sportradar_options *o = options;

	if (o == NULL)
		return;
	feed_free_str(&o->league, false);
	feed_free_str(&o->access_level, false);
	feed_free_str(&o->api_key, true);
	feed_free_str(&o->locale, false);
	feed_free_str(&o->status, false);
	feed_free_str(&o->team, false);
	free(o);
}

static void *
sr_options_copy(const void *options)
{
	const struct sportradar_options *src = options;
	struct sportradar_options *o = calloc(1, sizeof *o);

	if (o == NULL || src == NULL)
		return o;
	if (feed_dup_str(&o->league, src->league) < 0 ||
	    feed_dup_str(&o->access_level, src->access_level) < 0 ||
	    feed_dup_str(&o->api_key, src->api_key) < 0 ||
	    feed_dup_str(&o->locale, src->locale) < 0 ||
	    feed_dup_str(&o->status, src->status) < 0 ||
	    feed_dup_str(&o->team, src->team) < 0) {
		sr_options_free(o);
		return NULL;
	}
	return o;
}

/* --league, --access-level, the API key (environment or config), and the
 * push filters: --locale, --status, and --team with --all */
static void *
sr_options_from(const struct settings *s)
{
	struct sportradar_options o = {
		.league = s->league,
		.access_level = s->access_level,
		.api_key = s->sr_api_key,
		.locale = s->locale,
		.status = s->push_status,
		.team = s->all_games ? s->team : NULL,
	};

	return sr_options_copy(&o);
}

/* The G League's feed plays the G League's rule book. */
static const char *
sr_rules_hint(const void *options)
{
	const struct sportradar_options *o = options;

	return o != NULL && o->league != NULL && strcmp(o->league, "nbdl") == 0 ?
	    "gleague" : NULL;
}

const struct provider provider_sportradar = {
	.name = "sportradar",
	.id = CS_PROVIDER_SPORTRADAR,
	.run = sr_run,
	.run_league = sr_run_league,
	.wake = sr_wake,
	.parser = &sportradar_parser,
	.options_copy = sr_options_copy,
	.options_free = sr_options_free,
	.options_from = sr_options_from,
	.rules_hint = sr_rules_hint,
	.schedule = sportradar_schedule_fetch,
};
