/*
 * Game sessions (src/session.h): two in one process, each its own model
 * and feed.  Both replay the same capture at the same time; each export
 * equals the one a session run alone writes, and freeing one leaves the
 * other whole.  Waits on the feeds' descriptors, bounded generously.
 */
#include "config.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/export.h"
#include "session.h"
#include "tap.h"

#define BOUND_US (120 * 1000000LL)

static char *
export_of(struct session *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (f == NULL)
		return NULL;
	if (export_json(s->g, f) != 0) {
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	return buf;
}

static struct session *
start(const char *cap)
{
	struct feed_config fc;
	struct session *s = session_new(NULL);
	char *cause = NULL;

	memset(&fc, 0, sizeof fc);
	fc.replay_path = cap;
	fc.speed = 0;
	fc.once = true;
	if (s == NULL || session_start(s, &fc, &cause) < 0) {
		printf("# session_start: %s\n", cause != NULL ? cause : "out of memory");
		free(cause);
		session_free(&s);
	}
	return s;
}

/* Drains every session until each has ended; false on the bound. */
static bool
run_all(struct session **v, int n)
{
	struct pollfd pfd[4];
	int64_t deadline = cs_now_us() + BOUND_US;
	int i, open;

	for (;;) {
		open = 0;
		for (i = 0; i < n; i++) {
			session_drain(v[i]);
			if (!v[i]->st.ended) {
				pfd[open].fd = feed_fd(v[i]->feed);
				pfd[open++].events = POLLIN;
			}
		}
		if (open == 0)
			return true;
		if (cs_now_us() > deadline)
			return false;
		poll(pfd, (nfds_t)open, 200);
	}
}

int
main(void)
{
	const char *top = getenv("top_srcdir");
	char cap[4096], *solo = NULL, *a = NULL, *b = NULL, *after = NULL;
	struct session *v[2], *one;

	snprintf(cap, sizeof cap, "%s/tests/data/capture/v1_shottracker.cap",
	    top != NULL ? top : ".");

	one = start(cap);
	ok(one != NULL && run_all(&one, 1), "a session alone replays to its end");
	if (one != NULL)
		solo = export_of(one);
	ok(solo != NULL && strstr(solo, "\"points\"") != NULL, "its export has a score");
	session_free(&one);
	ok(one == NULL, "session_free NULLs the pointer");

	v[0] = start(cap);
	v[1] = start(cap);
	ok(v[0] != NULL && v[1] != NULL && run_all(v, 2),
	    "two sessions replay side by side to their ends");
	if (v[0] != NULL && v[1] != NULL) {
		ok(v[0]->g != v[1]->g && v[0]->feed != v[1]->feed,
		    "each session holds its own model and feed");
		a = export_of(v[0]);
		b = export_of(v[1]);
		is_str(a, solo, "the first session's export equals the solo run's");
		is_str(b, solo, "the second session's export equals the solo run's");
		session_free(&v[1]);
		after = export_of(v[0]);
		is_str(after, solo, "freeing one session leaves the other whole");
		session_free(&v[0]);
	}
	free(solo);
	free(a);
	free(b);
	free(after);
	return tap_done();
}
