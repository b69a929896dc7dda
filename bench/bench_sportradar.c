/*
 * bench_sportradar: how fast Sportradar bytes become events (product.md §6:
 * "ingest ... over 200,000 provider messages per second, at least a third
 * of raw JSON parse speed").  Prints numbers and asserts nothing.
 *
 * The stream: real-shaped push lines (the §4.1 event, 3.9 KB, and a small
 * enrichment line), each event sent twice as the operator enriches it,
 * with a heartbeat every tenth line; 20,000 lines.  Measured:
 *   raw json-c parse of each line (the yardstick);
 *   sportradar_parse_push into a sink that takes only warnings;
 *   the splitter alone, and splitter + parser, fed 4 KB chunks;
 *   splitter + parser + the game model (derived once at the end);
 *   pbp.json of 600 events, parsed whole; and the heap a simulated full
 *   game's pbp.json takes read in 16 KB pieces as the REST fetch hands
 *   them over (issue 20: the body is never held whole).
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <json-c/json.h>

#include "model/game.h"
#include "providers/sportradar.h"
#include "sim/simgame.h"
#include "bench_json.h"

#ifndef TOP_SRCDIR
#define TOP_SRCDIR "."
#endif

#define NLINES 20000
#define EVENT_ID "7423eb32-c66a-4a47-aa32-389eedfbaf84"
#define GAME_ID "26e0906a-a222-4013-a9c8-dea6a8fe1f4f"

static char *lines[NLINES];
static size_t lens[NLINES];
static unsigned long nlines, nwarnings;

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *
load(const char *name)
{
	char path[1024];
	FILE *f;
	char *buf;
	long n;

	snprintf(path, sizeof path, "%s/tests/data/sportradar/%s", TOP_SRCDIR, name);
	f = fopen(path, "rb");
	if (f == NULL) {
		fprintf(stderr, "bench_sportradar: cannot open %s\n", path);
		exit(1);
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n)
		exit(1);
	buf[n] = '\0';
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	fclose(f);
	return buf;
}

/* A copy of `tmpl` with every EVENT_ID replaced by an id made from n. */
static char *
with_id(const char *tmpl, unsigned n)
{
	char id[40], *s = strdup(tmpl), *p;

	snprintf(id, sizeof id, "%08x-0000-4000-8000-%012x", n, n);
	for (p = s; (p = strstr(p, EVENT_ID)) != NULL; p += 36)
		memcpy(p, id, 36);
	return s;
}

static void
build_stream(void)
{
	char *full = load("push_v7_threepointmade.json");
	char *small = load("push_enrich_1.json");
	unsigned i, ev = 0;

	/* the enrichment file has its own id: give it the template's */
	char *p = strstr(small, "5f0c2b1e-8f7a-4a35-9d0e-2b1c3d4e5f60");
	if (p != NULL)
		memcpy(p, EVENT_ID, 36);
	for (i = 0; i < NLINES; i++) {
		if (i % 10 == 9)
			lines[i] = strdup("{\"heartbeat\":{\"interval\":5000}}");
		else if (i % 2 == 0)
			lines[i] = with_id(small, ev);
		else
			lines[i] = with_id(full, ev++);
		lens[i] = strlen(lines[i]);
	}
	free(full);
	free(small);
}

static void
count_warning(void *ctx, const char *m)
{
	(void)ctx, (void)m;
	nwarnings++;
}

static void
no_line(void *ctx, const char *line, size_t len)
{
	(void)ctx, (void)line;
	nlines += len > 0;
}

/* The stream as one buffer, "\r\n" between lines, blank keep-alives. */
static char *
wire(size_t *len)
{
	size_t total = 0, o = 0, i;
	char *buf;

	for (i = 0; i < NLINES; i++)
		total += lens[i] + 4;
	buf = malloc(total + 1);
	for (i = 0; i < NLINES; i++) {
		memcpy(buf + o, lines[i], lens[i]);
		o += lens[i];
		memcpy(buf + o, i % 50 == 0 ? "\r\n\r\n" : "\r\n", i % 50 == 0 ? 4 : 2);
		o += i % 50 == 0 ? 4 : 2;
	}
	*len = o;
	return buf;
}

static void
feed_chunks(struct sportradar_splitter *sp, const char *buf, size_t len)
{
	size_t off, n;

	for (off = 0; off < len; off += n) {
		n = len - off < 4096 ? len - off : 4096;
		sportradar_splitter_feed(sp, buf + off, n);
	}
}

/* pbp.json with `n` events made from the full push event. */
static char *
build_pbp(int n, size_t *len)
{
	char *full = load("push_v7_threepointmade.json"), *ev, *end, *out;
	size_t cap = (size_t)n * 4096 + 4096, o = 0, elen;
	int i;

	ev = strstr(full, "\"event\":{");
	ev += 8;
	end = strstr(ev, "}},\"locale\"");
	elen = (size_t)(end - ev) + 1;
	out = malloc(cap);
	o += (size_t)snprintf(out + o, cap - o, "{\"id\":\"" GAME_ID "\",\"status\":\"inprogress\","
	    "\"home\":{\"name\":\"Knicks\",\"alias\":\"NYK\",\"id\":\"583ec70e-fb46-11e1-82cb-f4ce4684ea4c\"},"
	    "\"away\":{\"name\":\"Bulls\",\"alias\":\"CHI\",\"id\":\"583ec5fd-fb46-11e1-82cb-f4ce4684ea4c\"},"
	    "\"periods\":[");
	for (i = 0; i < 4; i++) {
		int k;

		o += (size_t)snprintf(out + o, cap - o, "%s{\"type\":\"quarter\",\"number\":%d,"
		    "\"sequence\":%d,\"events\":[", i ? "," : "", i + 1, i + 1);
		for (k = 0; k < n / 4; k++) {
			char *one, save = ev[elen];

			ev[elen] = '\0';
			one = with_id(ev, (unsigned)(i * 1000 + k));
			ev[elen] = save;
			o += (size_t)snprintf(out + o, cap - o, "%s%s", k ? "," : "", one);
			free(one);
		}
		o += (size_t)snprintf(out + o, cap - o, "]}");
	}
	o += (size_t)snprintf(out + o, cap - o, "],\"deleted_events\":[]}");
	free(full);
	*len = o;
	return out;
}

static size_t pieces_base, pieces_peak;

static size_t
heap_used(void)
{
	struct mallinfo2 mi = mallinfo2();

	return mi.uordblks + mi.hblkhd;
}

static void
pieces_event(void *ctx, const struct cs_event *ev)
{
	size_t now = heap_used();

	(void)ctx, (void)ev;
	if (now > pieces_peak)
		pieces_peak = now;
}

/* The most heap pbp.json takes beside the caller's copy while it is read
 * in 16 KB pieces, in bytes. */
static size_t
pbp_pieces_heap(const char *pbp, size_t len)
{
	struct cs_sink sink = { .event = pieces_event, .warning = count_warning };
	struct sportradar_ctx *ctx = malloc(sizeof *ctx);
	struct sportradar_pbp *r;
	size_t off, n;

	if (ctx == NULL)
		return 0;
	sportradar_ctx_init(ctx, &sink, NULL);
	pieces_base = pieces_peak = heap_used();
	r = sportradar_pbp_new(ctx, NULL, NULL);
	for (off = 0; r != NULL && off < len; off += n) {
		n = len - off < 16384 ? len - off : 16384;
		sportradar_pbp_feed(r, pbp + off, n);
		pieces_event(NULL, NULL);
	}
	sportradar_pbp_end(&r, true);
	free(ctx);
	return pieces_peak - pieces_base;
}

int
main(void)
{
	/* the parser does all its work whether a callback is set or not */
	struct cs_sink sink = { .warning = count_warning };
	struct sportradar_ctx ctx;
	struct sportradar_splitter *sp;
	struct json_tokener *tok;
	struct json_object *o;
	struct game *g;
	struct cs_sink gs;
	struct rusage ru;
	double t0, t_raw, t_parse, t_split, t_both, t_model, t_pbp;
	size_t i, bytes = 0, wlen, plen;
	char *buf, *pbp;
	int rounds = 5, r;

	build_stream();
	for (i = 0; i < NLINES; i++)
		bytes += lens[i];
	buf = wire(&wlen);
	printf("stream: %d lines, %.1f MB, %.0f bytes per line\n", NLINES,
	    (double)bytes / 1e6, (double)bytes / NLINES);

	tok = json_tokener_new();
	t0 = now_s();
	for (r = 0; r < rounds; r++)
		for (i = 0; i < NLINES; i++) {
			json_tokener_reset(tok);
			o = json_tokener_parse_ex(tok, lines[i], (int)lens[i]);
			json_object_put(o);
		}
	t_raw = (now_s() - t0) / rounds;
	json_tokener_free(tok);

	sportradar_ctx_init(&ctx, &sink, GAME_ID);
	t0 = now_s();
	for (r = 0; r < rounds; r++)
		for (i = 0; i < NLINES; i++)
			sportradar_parse_push(&ctx, lines[i], lens[i], NULL);
	t_parse = (now_s() - t0) / rounds;

	sp = sportradar_splitter_new(0, no_line, count_warning, NULL);
	t0 = now_s();
	for (r = 0; r < rounds; r++)
		feed_chunks(sp, buf, wlen);
	t_split = (now_s() - t0) / rounds;
	sportradar_splitter_free(&sp);
	if (nlines != (unsigned long)NLINES * rounds)
		printf("!! the splitter gave %lu lines, not %d\n", nlines, NLINES * rounds);

	sp = sportradar_splitter_new(0, sportradar_splitter_to_parser, count_warning,
	    &ctx);
	t0 = now_s();
	for (r = 0; r < rounds; r++)
		feed_chunks(sp, buf, wlen);
	t_both = (now_s() - t0) / rounds;
	sportradar_splitter_free(&sp);

	g = game_new();
	gs = game_sink(g);
	sportradar_ctx_init(&ctx, &gs, GAME_ID);
	sp = sportradar_splitter_new(0, sportradar_splitter_to_parser, count_warning,
	    &ctx);
	t0 = now_s();
	feed_chunks(sp, buf, wlen);
	game_team(g, CS_HOME);      /* derive once, as a replay does */
	t_model = now_s() - t0;
	sportradar_splitter_free(&sp);
	printf("model: %zu events stored after the stream\n", game_event_count(g));
	game_free(&g);

	pbp = build_pbp(600, &plen);
	sportradar_ctx_init(&ctx, &sink, GAME_ID);
	t0 = now_s();
	for (r = 0; r < rounds; r++)
		sportradar_parse_pbp(&ctx, pbp, plen);
	t_pbp = (now_s() - t0) / rounds;

	printf("raw json-c parse:            %9.0f msgs/s  %7.1f MB/s\n",
	    NLINES / t_raw, (double)bytes / t_raw / 1e6);
	printf("sportradar_parse_push:       %9.0f msgs/s  %7.1f MB/s  (%.0f%% of raw)\n",
	    NLINES / t_parse, (double)bytes / t_parse / 1e6, 100.0 * t_raw / t_parse);
	printf("splitter alone (4 KB chunks):%9.0f msgs/s  %7.1f MB/s\n",
	    NLINES / t_split, (double)wlen / t_split / 1e6);
	printf("splitter + parser:           %9.0f msgs/s  %7.1f MB/s  (%.0f%% of raw)\n",
	    NLINES / t_both, (double)wlen / t_both / 1e6, 100.0 * t_raw / t_both);
	printf("splitter + parser + model:   %9.0f msgs/s\n", NLINES / t_model);
	bench_json("bench_sportradar", "push_parse_of_raw", t_raw / t_both, "x raw", 1.0 / 3,
	    "higher");
	bench_json("bench_sportradar", "push_parse_model", NLINES / t_model, "msgs/s", 0, "higher");
	printf("pbp.json, 600 events (%.1f MB): %.1f ms per parse\n", (double)plen / 1e6,
	    t_pbp * 1e3);
	{
		struct sim_options opt = { .seed = 3 };
		struct sim_game *sg = sim_game_generate(&opt);
		char *doc = sg != NULL ? sim_game_sr_pbp(sg, SIM_END) : NULL;
		size_t heap;

		if (doc != NULL) {
			heap = pbp_pieces_heap(doc, strlen(doc));
			printf("pbp.json of a simulated full game read in 16 KB pieces: %.0f KB "
			    "of heap at most beside the caller's copy (the document: %.0f KB)\n",
			    (double)heap / 1024.0, (double)strlen(doc) / 1024.0);
			bench_json("bench_sportradar", "pbp_pieces_heap", (double)heap / 1024.0,
			    "KiB", 0, "lower");
		}
		free(doc);
		sim_game_free(&sg);
	}
	printf("warnings: %lu\n", nwarnings);
	getrusage(RUSAGE_SELF, &ru);
	printf("peak RSS of this bench (it holds the stream twice): %.1f MB\n",
	    (double)ru.ru_maxrss / 1024.0);
	for (i = 0; i < NLINES; i++)
		free(lines[i]);
	free(buf);
	free(pbp);
	return 0;
}
