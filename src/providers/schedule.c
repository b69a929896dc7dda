/*
 * The day's schedule (schedule.h): which provider reads it, the team
 * filter, and what --list prints.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <json-c/json.h>

#include "log.h"
#include "net/backoff.h"
#include "net/http.h"
#include "providers/provider.h"
#include "providers/schedule.h"

int
schedule_fetch(const struct schedule_query *q, struct schedule *out, char **cause)
{
	const struct provider *p;

	memset(out, 0, sizeof *out);
	out->provider = q->provider;
	out->year = q->year;
	out->month = q->month;
	out->day = q->day;
	p = provider_by_id(q->provider);
	if (p == NULL || p->schedule == NULL)
		return cs_set_cause(cause, "this provider has no schedule");
	return p->schedule(q, out, cause);
}

/*
 * One 503 from a schedule at start-up ended a night's --all (exit 1, no
 * game followed), where every other request of a run is tried again.
 * Short waits: a person is waiting for the list.
 */
static const struct backoff_policy schedule_backoff = { 250, 500, 2000, 30 };

int
schedule_get(const struct schedule_query *q, const struct http_request *req,
    struct http_response *resp, struct schedule *out, char **cause)
{
	struct backoff b;
	struct timespec ts;
	char logurl[600];
	long wait;
	int attempt, rc;

	backoff_init(&b, &schedule_backoff, (uint64_t)cs_wall_ms());
	for (attempt = 1; ; attempt++) {
		rc = http_perform(req, resp, cause);
		out->retryable = rc < 0 ? !resp->permanent : http_status_retryable(resp->status);
		if (attempt >= q->attempts || !out->retryable)
			return rc;
		log_msg("schedule: GET %s: %s; trying again (attempt %d of %d)",
		    http_url_for_log(req->url, logurl, sizeof logurl),
		    rc < 0 && cause != NULL && *cause != NULL ? *cause : "a server error",
		    attempt + 1, q->attempts);
		wait = backoff_next(&b, false, resp->retry_after >= 0 ?
		    resp->retry_after * 1000 : -1);
		http_response_free(resp);
		if (cause != NULL) {
			free(*cause);
			*cause = NULL;
		}
		ts.tv_sec = wait / 1000;
		ts.tv_nsec = (wait % 1000) * 1000000L;
		while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
			;
	}
}

void
schedule_free(struct schedule *s)
{
	free(s->games);
	s->games = NULL;
	s->n = 0;
}

int
schedule_add(struct schedule *s, const struct schedule_game *g)
{
	struct schedule_game *v;

	if (s->n >= SCHEDULE_MAX_GAMES)
		return -1;
	v = realloc(s->games, (s->n + 1) * sizeof *v);
	if (v == NULL)
		return -1;
	s->games = v;
	s->games[s->n++] = *g;
	return 0;
}

static int
by_tipoff(const void *a, const void *b)
{
	const struct schedule_game *x = a, *y = b;

	if (x->tipoff_ms != y->tipoff_ms)
		return x->tipoff_ms < y->tipoff_ms ? -1 : 1;
	return strcmp(x->id, y->id);
}

void
schedule_sort(struct schedule *s)
{
	if (s->n > 1)
		qsort(s->games, s->n, sizeof *s->games, by_tipoff);
}

void
schedule_json_str(const void *obj, const char *key, char *dst, size_t size)
{
	json_object *v;

	dst[0] = '\0';
	if (json_object_object_get_ex((json_object *)obj, key, &v) &&
	    (json_object_is_type(v, json_type_string) ||
	    json_object_is_type(v, json_type_int)))
		cs_sanitize(dst, json_object_get_string(v), size);
}

bool
schedule_json_int(const void *obj, const char *key, int64_t *out)
{
	json_object *v;
	const char *s;
	char *end;

	if (!json_object_object_get_ex((json_object *)obj, key, &v))
		return false;
	if (json_object_is_type(v, json_type_int)) {
		*out = json_object_get_int64(v);
		return true;
	}
	if (!json_object_is_type(v, json_type_string))
		return false;
	s = json_object_get_string(v);
	*out = strtoll(s, &end, 10);
	return end != s && *end == '\0';
}

static json_object *
schedule_json_parse(const char *json, size_t len, int type, const char *what,
    char **cause)
{
	struct json_tokener *tok;
	json_object *root;

	if (len > SCHEDULE_DOC_MAX || len > INT32_MAX)
		return cs_set_cause(cause, "%s: the schedule is too large", what), NULL;
	tok = json_tokener_new();
	if (tok == NULL)
		return cs_set_cause(cause, "out of memory"), NULL;
	root = json_tokener_parse_ex(tok, json, (int)len);
	/* one document: whatever follows it but white space is not ours */
	if (root != NULL && (json_tokener_get_error(tok) != json_tokener_success ||
	    strspn(json + json_tokener_get_parse_end(tok), " \t\r\n") !=
	    len - json_tokener_get_parse_end(tok))) {
		json_object_put(root);
		root = NULL;
	}
	json_tokener_free(tok);
	if (root == NULL || !json_object_is_type(root, (enum json_type)type)) {
		json_object_put(root);
		return cs_set_cause(cause, "%s: the schedule is not the JSON expected",
		    what), NULL;
	}
	return root;
}

void *
schedule_json_games(const char *json, size_t len, const char *what, void **games,
    char **cause)
{
	json_object *root = schedule_json_parse(json, len, json_type_object, what, cause);
	json_object *list;

	if (root == NULL)
		return NULL;
	if (!json_object_object_get_ex(root, "games", &list) ||
	    !json_object_is_type(list, json_type_array)) {
		json_object_put(root);
		return cs_set_cause(cause, "%s: the schedule has no games list", what), NULL;
	}
	*games = list;
	return root;
}

int
schedule_answer(const struct schedule_query *q, const char *url, struct http_response *resp,
    const struct schedule_answer_how *how, struct schedule *out, char **cause)
{
	char logurl[600];
	int rc;

	log_msg("%s: GET %s -> %ld (%zu bytes)", how->log_name,
	    http_url_for_log(url, logurl, sizeof logurl), resp->status, resp->len);
	if (resp->status != 200) {
		cs_set_cause(cause, "%s answered HTTP %ld%s%s%s", how->what, resp->status,
		    resp->status == 401 || resp->status == 403 ? " (check " : "",
		    resp->status == 401 || resp->status == 403 ? how->credentials : "",
		    resp->status == 401 || resp->status == 403 ? ")" : "");
		http_response_free(resp);
		return -1;
	}
	rc = how->parse(resp->body, resp->len, out, cause);
	http_response_free(resp);
	if (rc == 0)
		schedule_filter_team(out, q->team);
	return rc;
}

static bool
plays(const struct schedule_team *t, const char *team)
{
	return strcmp(t->id, team) == 0 ||
	    (t->alias[0] != '\0' && strcasecmp(t->alias, team) == 0);
}

void
schedule_filter_team(struct schedule *s, const char *team)
{
	size_t i, k = 0;

	if (team == NULL || *team == '\0')
		return;
	for (i = 0; i < s->n; i++)
		if (plays(&s->games[i].team[CS_HOME], team) ||
		    plays(&s->games[i].team[CS_AWAY], team))
			s->games[k++] = s->games[i];
	s->n = k;
}

static const char *
team_label(const struct schedule_team *t)
{
	return t->alias[0] != '\0' ? t->alias : t->name[0] != '\0' ? t->name : "?";
}

static void
local_hhmm(int64_t ms, char *buf, size_t size)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;

	if (ms <= 0 || localtime_r(&t, &tm) == NULL || strftime(buf, size, "%H:%M", &tm) == 0)
		cs_strlcpy(buf, "--:--", size);
}

void
schedule_line(const struct schedule_game *g, char *buf, size_t size)
{
	char tip[16], score[32];

	local_hhmm(g->tipoff_ms, tip, sizeof tip);
	if (g->team[CS_AWAY].points >= 0 && g->team[CS_HOME].points >= 0)
		snprintf(score, sizeof score, "%d-%d", g->team[CS_AWAY].points,
		    g->team[CS_HOME].points);
	else
		cs_strlcpy(score, "-", sizeof score);
	snprintf(buf, size, "%s  %s  %s at %s  %s  %s", g->id, tip,
	    team_label(&g->team[CS_AWAY]), team_label(&g->team[CS_HOME]),
	    g->status[0] != '\0' ? g->status : "-", score);
}

static json_object *
team_json(const struct schedule_team *t)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_string(t->id));
	json_object_object_add(o, "name", json_object_new_string(t->name));
	json_object_object_add(o, "alias", json_object_new_string(t->alias));
	json_object_object_add(o, "points", t->points >= 0 ?
	    json_object_new_int(t->points) : NULL);
	return o;
}

static json_object *
game_json(const struct schedule_game *g)
{
	json_object *o = json_object_new_object();
	char iso[40];
	time_t t = (time_t)(g->tipoff_ms / 1000);
	struct tm tm;

	json_object_object_add(o, "id", json_object_new_string(g->id));
	/* local time with its offset: what the line shows, unambiguous */
	if (g->tipoff_ms > 0 && localtime_r(&t, &tm) != NULL &&
	    strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%S%z", &tm) != 0)
		json_object_object_add(o, "tipoff", json_object_new_string(iso));
	else
		json_object_object_add(o, "tipoff", NULL);
	json_object_object_add(o, "tipoff_ms", json_object_new_int64(g->tipoff_ms));
	json_object_object_add(o, "status", json_object_new_string(g->status));
	json_object_object_add(o, "away", team_json(&g->team[CS_AWAY]));
	json_object_object_add(o, "home", team_json(&g->team[CS_HOME]));
	return o;
}

int
schedule_print(const struct schedule *s, FILE *out, bool json)
{
	json_object *root, *games;
	char line[512], date[16];
	size_t i;
	int rc = 0;

	if (!json) {
		for (i = 0; i < s->n && rc >= 0; i++) {
			schedule_line(&s->games[i], line, sizeof line);
			rc = fprintf(out, "%s\n", line);
		}
		return rc < 0 ? -1 : 0;
	}
	snprintf(date, sizeof date, "%04d-%02d-%02d", s->year, s->month, s->day);
	root = json_object_new_object();
	games = json_object_new_array();
	json_object_object_add(root, "provider",
	    json_object_new_string(cs_provider_name(s->provider)));
	json_object_object_add(root, "date", json_object_new_string(date));
	for (i = 0; i < s->n; i++)
		json_object_array_add(games, game_json(&s->games[i]));
	json_object_object_add(root, "games", games);
	rc = fprintf(out, "%s\n", json_object_to_json_string_ext(root,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(root);
	return rc < 0 ? -1 : 0;
}
