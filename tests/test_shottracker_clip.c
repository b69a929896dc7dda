/*
 * The CLIP action's pure parts (providers/shottracker_clip.c): the span a
 * play's clip covers (its possession, else around it), the body of the
 * seeds' example shape, and the URL read back from the answer, which
 * never lets a control character or a non-URL through.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "providers/shottracker_clip.h"
#include "tap.h"

static void
possession(struct cs_possessions *ps, const char *id, int64_t start_ms, int64_t end_ms)
{
	struct cs_possession p;

	memset(&p, 0, sizeof p);
	cs_strlcpy(p.id, id, sizeof p.id);
	p.side = CS_HOME;
	p.start_ms = start_ms;
	p.end_ms = end_ms;
	ok(cs_possessions_upsert(ps, &p) == 1, "possession %s added", id);
}

static void
test_span(void)
{
	struct cs_possessions *ps = cs_possessions_new();
	int64_t s = 0, e = 0;
	char *cause = NULL;

	possession(ps, "552@1000000", 1000000, 1012000);
	possession(ps, "553@1012000", 1012000, 1030000);
	possession(ps, "552@2000000", 2000000, 2000000 + ST_CLIP_SPAN_MAX_MS + 1);
	ok(shottracker_clip_span(ps, 1005000, &s, &e, &cause) == 0 && s == 1000000 &&
	    e == 1012000, "a play inside a possession: the possession's span");
	ok(shottracker_clip_span(ps, 1000000, &s, &e, &cause) == 0 && s == 1000000 &&
	    e == 1012000, "at the possession's start: that possession");
	ok(shottracker_clip_span(ps, 1030000, &s, &e, &cause) == 0 && s == 1012000 &&
	    e == 1030000, "at its end: still that possession");
	ok(shottracker_clip_span(ps, 1500000, &s, &e, &cause) == 0 &&
	    s == 1500000 - ST_CLIP_BEFORE_MS && e == 1500000 + ST_CLIP_AFTER_MS,
	    "no possession holds it: 8 s before to 4 s after");
	ok(shottracker_clip_span(ps, 2000500, &s, &e, &cause) == 0 &&
	    s == 2000500 - ST_CLIP_BEFORE_MS, "a possession longer than a clip may be: around the play");
	ok(shottracker_clip_span(NULL, 1500000, &s, &e, &cause) == 0 &&
	    s == 1500000 - ST_CLIP_BEFORE_MS, "no possessions at all: around the play");
	ok(shottracker_clip_span(ps, 0, &s, &e, &cause) < 0 && cause != NULL &&
	    strcmp(cause, "this play has no time: no clip") == 0, "a play without a time: why not");
	free(cause);
	cs_possessions_free(&ps);
}

static void
test_body(void)
{
	char buf[128];

	ok(shottracker_clip_body(1663870476541, 1663870490000, buf, sizeof buf) == 0, "body built");
	is_str(buf, "{\"action\":\"CLIP\",\"start\":1663870476541,\"end\":1663870490000}",
	    "the seeds' shape, epoch ms");
	ok(shottracker_clip_body(5, 5, buf, sizeof buf) < 0, "an empty span refused");
	ok(shottracker_clip_body(0, 5, buf, sizeof buf) < 0, "no start refused");
	ok(shottracker_clip_body(1663870476541, 1663870490000, buf, 20) < 0,
	    "a buffer too small refused");
}

static void
url_is(const char *body, const char *want, const char *name)
{
	char url[256], *cause = NULL;
	int rc = shottracker_clip_url(body, strlen(body), url, sizeof url, &cause);

	if (want == NULL)
		ok(rc < 0 && cause != NULL && strchr(cause, '\n') == NULL, "%s: %s", name,
		    cause != NULL ? cause : "(no cause)");
	else {
		ok(rc == 0, "%s: read", name);
		is_str(rc == 0 ? url : "", want, "%s", name);
	}
	free(cause);
}

static void
test_url(void)
{
	char big[600], body[700], url[256], *cause = NULL;

	url_is("{\"url\":\"https://video.example/clips/1.mp4\"}",
	    "https://video.example/clips/1.mp4", "{\"url\":...}");
	url_is("\"http://video.example/c.mp4\"", "http://video.example/c.mp4", "a bare string");
	url_is("{\"url\":\"https://v.example/a\\u001b[2Jb\"}", "https://v.example/a[2Jb",
	    "control characters stripped");
	url_is("{\"clip\":\"https://v.example/x\"}", NULL, "no url member");
	url_is("{\"url\":\"file:///etc/passwd\"}", NULL, "not http(s)");
	url_is("{\"url\":42}", NULL, "not a string");
	url_is("{\"url\":", NULL, "cut JSON");
	url_is("", NULL, "an empty body");
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	snprintf(body, sizeof body, "{\"url\":\"https://v.example/%s\"}", big);
	ok(shottracker_clip_url(body, strlen(body), url, sizeof url, &cause) < 0 &&
	    cause != NULL, "a URL longer than the buffer: refused, not cut");
	free(cause);
}

int
main(void)
{
	test_span();
	test_body();
	test_url();
	return tap_done();
}
