/*
 * The CLIP action's pure parts (shottracker_clip.h): which span a play's
 * clip covers, the body asked for, the URL read back.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "providers/shottracker_clip.h"
#include "util.h"

int
shottracker_clip_span(const struct cs_possessions *ps, int64_t play_ms,
    int64_t *start_ms, int64_t *end_ms, char **cause)
{
	struct cs_possession whole, *p = &whole;
	size_t i, n = ps != NULL ? cs_possessions_count(ps) : 0;

	if (play_ms <= 0)
		return cs_set_cause(cause, "this play has no time: no clip");
	for (i = 0; i < n; i++) {
		cs_possessions_get(ps, i, p);
		/* the possession's own span, when it is one ShotTracker can cut */
		if (p->start_ms > 0 && p->start_ms <= play_ms && play_ms <= p->end_ms &&
		    p->end_ms > p->start_ms && p->end_ms - p->start_ms <= ST_CLIP_SPAN_MAX_MS) {
			*start_ms = p->start_ms;
			*end_ms = p->end_ms;
			return 0;
		}
	}
	*start_ms = play_ms - ST_CLIP_BEFORE_MS;
	*end_ms = play_ms + ST_CLIP_AFTER_MS;
	return 0;
}

int
shottracker_clip_body(int64_t start_ms, int64_t end_ms, char *buf, size_t size)
{
	int n;

	if (start_ms <= 0 || end_ms <= start_ms)
		return -1;
	n = snprintf(buf, size, "{\"action\":\"CLIP\",\"start\":%lld,\"end\":%lld}",
	    (long long)start_ms, (long long)end_ms);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* The URL member of the answer: {"url":...}, or a bare string. */
static const char *
answer_url(struct json_object *o)
{
	struct json_object *v;

	if (json_object_is_type(o, json_type_string))
		return json_object_get_string(o);
	if (json_object_is_type(o, json_type_object) &&
	    json_object_object_get_ex(o, "url", &v) && json_object_is_type(v, json_type_string))
		return json_object_get_string(v);
	return NULL;
}

int
shottracker_clip_url(const char *body, size_t len, char *url, size_t size, char **cause)
{
	struct json_tokener *tok = json_tokener_new();
	struct json_object *o = NULL;
	const char *u;
	int rc = 0;

	if (tok == NULL)
		return cs_set_cause(cause, "out of memory");
	if (len <= (size_t)INT32_MAX)
		o = json_tokener_parse_ex(tok, body, (int)len);
	json_tokener_free(tok);
	u = o != NULL ? answer_url(o) : NULL;
	if (u == NULL)
		rc = cs_set_cause(cause, "ShotTracker answered the clip without a URL");
	else if (strncasecmp(u, "https://", 8) != 0 && strncasecmp(u, "http://", 7) != 0)
		rc = cs_set_cause(cause, "ShotTracker answered the clip with something not a URL");
	else if (strlen(u) >= size)
		rc = cs_set_cause(cause, "ShotTracker answered the clip with a URL too long");
	else
		cs_sanitize(url, u, size);
	json_object_put(o);
	return rc;
}
