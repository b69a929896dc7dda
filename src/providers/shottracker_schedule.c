/*
 * ShotTracker's schedule: GET /v1/data/schedule/games?from=&to=[&team_id=]
 * (shottracker-api.md §3.9), HMAC-signed like every Event API call: the
 * signature covers the path without its query.  The schedule carries no
 * score (neither §3.9's example nor the vendor's pages show one, and the
 * game event it links to has none either): its games are marked
 * scoreless, so that nothing shows a blank as if a score were coming.
 */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "log.h"
#include "net/http.h"
#include "net/sign.h"
#include "providers/schedule.h"
#include "providers/shottracker.h"

#define ST_SCHEDULE_BASE "https://api.shottracker.com"

/* Midnight to midnight of the local day, epoch ms. */
static void
local_day(const struct schedule_query *q, int64_t *from, int64_t *to)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = q->year - 1900;
	tm.tm_mon = q->month - 1;
	tm.tm_mday = q->day;
	tm.tm_isdst = -1;
	*from = (int64_t)mktime(&tm) * 1000;
	tm.tm_mday++;
	tm.tm_isdst = -1;
	*to = (int64_t)mktime(&tm) * 1000;
}

static int
signed_get(const struct schedule_query *q, const char *url, struct http_response *resp,
    struct schedule *out, char **cause)
{
	const struct shottracker_options *o = q->options;
	struct http_request req;
	struct sign_headers sh;
	const char *headers[5];
	int rc;

	rc = sign_request_headers(o->username, o->secret, "GET", url, &sh);
	if (rc == -1)
		return cs_set_cause(cause, "ShotTracker: bad URL for the schedule (check --base-url)");
	if (rc < 0)
		return cs_set_cause(cause, "ShotTracker: cannot sign the request (credentials too long)");
	headers[0] = sh.date;
	headers[1] = sh.host;
	headers[2] = sh.auth;
	headers[3] = "Accept: application/json";
	headers[4] = NULL;
	memset(&req, 0, sizeof req);
	req.url = url;
	req.headers = headers;
	req.cacert = q->cacert;
	req.insecure = q->insecure;
	req.timeout_ms = 20000;
	req.max_body = SCHEDULE_DOC_MAX;
	rc = schedule_get(q, &req, resp, out, cause);
	sign_headers_clear(&sh);
	return rc;
}

static const struct schedule_answer_how st_answer = {
	"shottracker", "ShotTracker: the schedule", "SHOTTRACKER_USERNAME and SHOTTRACKER_SECRET", shottracker_schedule_parse,
};

int
shottracker_schedule_fetch(const struct schedule_query *q, struct schedule *out,
    char **cause)
{
	struct http_response resp;
	char url[1200], team[48] = "";
	const char *base = q->base_url != NULL ? q->base_url : ST_SCHEDULE_BASE;
	const struct shottracker_options *o = q->options;
	int64_t from, to;
	size_t n = strlen(base);

	if (o == NULL || o->username == NULL || o->secret == NULL)
		return cs_set_cause(cause, "no ShotTracker credentials: set "
		    "SHOTTRACKER_USERNAME and SHOTTRACKER_SECRET (or the config file)");
	while (n > 0 && base[n - 1] == '/')
		n--;
	local_day(q, &from, &to);
	/* a numeric team goes to the server; an alias is filtered here */
	if (q->team != NULL && q->team[0] != '\0' && strspn(q->team, "0123456789") ==
	    strlen(q->team) && strlen(q->team) < 20)
		snprintf(team, sizeof team, "&team_id=%s", q->team);
	if ((size_t)snprintf(url, sizeof url, "%.*s/v1/data/schedule/games?from=%" PRId64
	    "&to=%" PRId64 "%s", (int)n, base, from, to, team) >= sizeof url)
		return cs_set_cause(cause, "ShotTracker: --base-url is too long");
	memset(&resp, 0, sizeof resp);
	if (signed_get(q, url, &resp, out, cause) < 0)
		return -1;
	return schedule_answer(q, url, &resp, &st_answer, out, cause);
}

static void
st_team(json_object *g, const char *side, struct schedule_team *t)
{
	char key[32];

	snprintf(key, sizeof key, "%s_team_id", side);
	schedule_json_str(g, key, t->id, sizeof t->id);
	snprintf(key, sizeof key, "%s_team_name", side);
	schedule_json_str(g, key, t->name, sizeof t->name);
	t->alias[0] = '\0';
	t->points = -1;
}

int
shottracker_schedule_parse(const char *json, size_t len, struct schedule *out,
    char **cause)
{
	json_object *root, *games, *g;
	struct schedule_game sg;
	size_t i, n;

	root = schedule_json_games(json, len, "ShotTracker", (void **)&games, cause);
	if (root == NULL)
		return -1;
	n = json_object_array_length(games);
	for (i = 0; i < n; i++) {
		g = json_object_array_get_idx(games, i);
		if (!json_object_is_type(g, json_type_object))
			continue;
		memset(&sg, 0, sizeof sg);
		schedule_json_str(g, "event_id", sg.id, sizeof sg.id);
		if (sg.id[0] == '\0')
			continue;   /* a game we could not open */
		if (!schedule_json_int(g, "tipoff_at", &sg.tipoff_ms) || sg.tipoff_ms < 0)
			sg.tipoff_ms = 0;
		schedule_json_str(g, "status", sg.status, sizeof sg.status);
		sg.scoreless = true;
		st_team(g, "home", &sg.team[CS_HOME]);
		st_team(g, "away", &sg.team[CS_AWAY]);
		if (schedule_add(out, &sg) < 0)
			break;      /* the cap: the rest are not listed */
	}
	json_object_put(root);
	schedule_sort(out);
	return 0;
}
