/*
 * pbp.json read an event at a time (providers/sportradar_parse.c): while
 * a whole game's events are delivered, the heap holds a small skeleton and
 * one event's tree, not a tree of the whole (issue 20); read in pieces as
 * the REST fetch hands them over, not the document either: a copy of it
 * would be ~1 MB of private memory at the program's peak.  The skeleton's
 * placeholders are strings: as {"#":N} objects each cost json-c a 16-slot
 * table, ~0.8 KB an event.
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "providers/sportradar.h"
#include "sim/simgame.h"
#include "tap.h"

/* Heap over the document while events are delivered. */
struct watch {
	size_t base, peak;
	int events;
};

static size_t
heap_used(void)
{
	struct mallinfo2 mi = mallinfo2();

	return mi.uordblks + mi.hblkhd;
}

static void
on_event(void *ctx, const struct cs_event *ev)
{
	struct watch *w = ctx;
	size_t now = heap_used();

	(void)ev;
	w->events++;
	if (now > w->peak)
		w->peak = now;
}

int
main(void)
{
	struct sim_options opt = { .seed = 3 };
	struct sim_game *sg = sim_game_generate(&opt);
	struct sportradar_ctx *c = calloc(1, sizeof *c);
	struct watch w = { 0, 0, 0 };
	struct cs_sink sink;
	char *pbp;
	size_t len, extra;
	int n;

	pbp = sg != NULL ? sim_game_sr_pbp(sg, SIM_END) : NULL;
	if (pbp == NULL || c == NULL) {
		printf("Bail out! out of memory\n");
		return 1;
	}
	len = strlen(pbp);
	memset(&sink, 0, sizeof sink);
	sink.ctx = &w;
	sink.event = on_event;
	sportradar_ctx_init(c, &sink, NULL);
	w.base = w.peak = heap_used();
	n = sportradar_parse_pbp(c, pbp, len);
	ok(n > 300 && n == w.events, "a whole game's pbp.json (%zu KB): %d events", len / 1024, n);
	extra = w.peak - w.base;
	/* the skeleton's tree, its text, the spans, the ids listed; no more
	 * than 256 bytes an event */
	ok(extra < (size_t)n * 256, "heap beside the document while delivering: %zu KB "
	    "(< %d KB)", extra / 1024, n / 4);

	/* in 16 KB pieces, as libcurl hands them over: the reader keeps no
	 * copy of what it was given (the test's own copy is in the base) */
	{
		struct sportradar_pbp *r;
		size_t off, piece;
		int m;

		sportradar_ctx_init(c, &sink, NULL);
		w.events = 0;
		w.base = w.peak = heap_used();
		r = sportradar_pbp_new(c, NULL, NULL);
		for (off = 0; r != NULL && off < len; off += piece) {
			piece = len - off < 16384 ? len - off : 16384;
			sportradar_pbp_feed(r, pbp + off, piece);
			if (heap_used() > w.peak)
				w.peak = heap_used();
		}
		m = sportradar_pbp_end(&r, true);
		extra = w.peak - w.base;
		ok(m == n && w.events == n && extra < len / 8 && extra < (size_t)n * 256,
		    "in 16 KB pieces: %d events, heap while reading %zu KB (< %zu KB, an "
		    "eighth of the document's %zu KB)", m, extra / 1024,
		    len / 8 / 1024, len / 1024);
	}
	free(pbp);
	free(c);
	sim_game_free(&sg);
	return tap_done();
}
