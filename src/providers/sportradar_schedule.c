/*
 * Sportradar's daily schedule:
 * GET /{league}/{access_level}/v8/en/games/{yyyy}/{mm}/{dd}/schedule.json
 * (sportradar-push.md §9), the key in the x-api-key header only.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "log.h"
#include "net/http.h"
#include "providers/schedule.h"
#include "providers/sportradar.h"

#define SR_SCHEDULE_BASE "https://api.sportradar.com"

/* "2026-12-06T19:30:00+00:00" or "...Z" -> epoch ms; 0 when not one. */
static int64_t
iso_ms(const char *s)
{
	struct tm tm;
	int y, mo, d, h, mi, sec, n = 0, oh = 0, om = 0;
	char sign;
	int64_t t;

	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &n) != 6)
		return 0;
	s += n;
	if (*s == '.')
		s += 1 + strspn(s + 1, "0123456789");
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	t = (int64_t)timegm(&tm);
	if ((*s == '+' || *s == '-') && sscanf(s, "%c%2d:%2d", &sign, &oh, &om) == 3)
		t -= (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
	else if (*s != 'Z' && *s != '\0')
		return 0;
	return t > 0 ? t * 1000 : 0;
}

static const struct schedule_answer_how sr_answer = {
	"sportradar", "Sportradar: the daily schedule", "SPORTRADAR_API_KEY", sportradar_schedule_parse,
};

int
sportradar_schedule_fetch(const struct schedule_query *q, struct schedule *out,
    char **cause)
{
	struct http_request req;
	struct http_response resp;
	char url[1200], key[300];
	const char *headers[3];
	const char *base = q->base_url != NULL ? q->base_url : SR_SCHEDULE_BASE;
	const struct sportradar_options *o = q->options;
	size_t n = strlen(base);
	int w, rc;

	if (o == NULL || o->api_key == NULL || o->api_key[0] == '\0')
		return cs_set_cause(cause, "no Sportradar API key: set SPORTRADAR_API_KEY "
		    "(or sportradar_api_key in the config file)");
	w = snprintf(key, sizeof key, "x-api-key: %s", o->api_key);
	if (w < 0 || (size_t)w >= sizeof key || strpbrk(o->api_key, "\r\n") != NULL) {
		explicit_bzero(key, sizeof key);
		return cs_set_cause(cause, "the Sportradar API key is not usable: check "
		    "SPORTRADAR_API_KEY");
	}
	while (n > 0 && base[n - 1] == '/')
		n--;
	if ((size_t)snprintf(url, sizeof url, "%.*s/%s/%s/v8/en/games/%04d/%02d/%02d/"
	    "schedule.json", (int)n, base, o->league != NULL ? o->league : "nba",
	    o->access_level != NULL ? o->access_level : "trial", q->year, q->month,
	    q->day) >= sizeof url) {
		explicit_bzero(key, sizeof key);
		return cs_set_cause(cause, "Sportradar: --base-url is too long");
	}
	headers[0] = key;
	headers[1] = "Accept: application/json";
	headers[2] = NULL;
	memset(&req, 0, sizeof req);
	req.url = url;
	req.headers = headers;
	req.follow_redirects = true;
	req.cacert = q->cacert;
	req.insecure = q->insecure;
	req.timeout_ms = 20000;
	req.max_body = SCHEDULE_DOC_MAX;
	memset(&resp, 0, sizeof resp);
	rc = schedule_get(q, &req, &resp, out, cause);
	explicit_bzero(key, sizeof key);
	if (rc < 0)
		return -1;
	return schedule_answer(q, url, &resp, &sr_answer, out, cause);
}

static void
sr_team(json_object *g, const char *side, struct schedule_team *t)
{
	json_object *o;
	char key[32];
	int64_t v;

	memset(t, 0, sizeof *t);
	t->points = -1;
	if (json_object_object_get_ex(g, side, &o) &&
	    json_object_is_type(o, json_type_object)) {
		schedule_json_str(o, "id", t->id, sizeof t->id);
		schedule_json_str(o, "name", t->name, sizeof t->name);
		schedule_json_str(o, "alias", t->alias, sizeof t->alias);
	}
	snprintf(key, sizeof key, "%s_points", side);
	if (schedule_json_int(g, key, &v) && v >= 0 && v < 1000)
		t->points = (int)v;
}

int
sportradar_schedule_parse(const char *json, size_t len, struct schedule *out,
    char **cause)
{
	json_object *root, *games, *g;
	struct schedule_game sg;
	char when[40];
	size_t i, n;

	root = schedule_json_games(json, len, "Sportradar", (void **)&games, cause);
	if (root == NULL)
		return -1;
	n = json_object_array_length(games);
	for (i = 0; i < n; i++) {
		g = json_object_array_get_idx(games, i);
		if (!json_object_is_type(g, json_type_object))
			continue;
		memset(&sg, 0, sizeof sg);
		schedule_json_str(g, "id", sg.id, sizeof sg.id);
		if (sg.id[0] == '\0')
			continue;
		schedule_json_str(g, "scheduled", when, sizeof when);
		sg.tipoff_ms = iso_ms(when);
		schedule_json_str(g, "status", sg.status, sizeof sg.status);
		sr_team(g, "home", &sg.team[CS_HOME]);
		sr_team(g, "away", &sg.team[CS_AWAY]);
		if (schedule_add(out, &sg) < 0)
			break;
	}
	json_object_put(root);
	schedule_sort(out);
	return 0;
}
