/*
 * pbp.json read in pieces as libcurl hands them over (sportradar_pbp_feed,
 * providers/sportradar_parse.c): the same model, export for export, as the
 * document read whole, at any piece size and for every layout (a header or
 * a period named after its events is held, as before); a document cut
 * short is refused with one warning, and nothing that only the whole
 * document says (deletes, the status the provider reads) is applied.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/export.h"
#include "model/game.h"
#include "providers/sportradar.h"
#include "sim/simgame.h"
#include "tap.h"

#ifndef SR_TEST_DATA
#define SR_TEST_DATA "tests/data/sportradar"
#endif
#define GAME_ID "26e0906a-a222-4013-a9c8-dea6a8fe1f4f"

/* A model behind a sink that also counts what came. */
struct run {
	struct game *g;
	struct cs_sink to;
	struct sportradar_ctx c;
	int events, deletes, warnings;
	char warning[512];
};

static void
on_event(void *ctx, const struct cs_event *ev)
{
	struct run *r = ctx;

	r->events++;
	r->to.event(r->to.ctx, ev);
}

static void
on_delete(void *ctx, const char *id)
{
	struct run *r = ctx;

	r->deletes++;
	r->to.delete_event(r->to.ctx, id);
}

static void
on_game(void *ctx, const struct cs_game_info *info)
{
	struct run *r = ctx;

	r->to.game(r->to.ctx, info);
}

static void
on_warning(void *ctx, const char *m)
{
	struct run *r = ctx;

	r->warnings++;
	snprintf(r->warning, sizeof r->warning, "%s", m);
}

static void
run_init(struct run *r, const char *game_id)
{
	struct cs_sink s;

	memset(r, 0, sizeof *r);
	r->g = game_new();
	r->to = game_sink(r->g);
	memset(&s, 0, sizeof s);
	s.ctx = r;
	s.event = on_event;
	s.delete_event = on_delete;
	s.game = on_game;
	s.warning = on_warning;
	sportradar_ctx_init(&r->c, &s, game_id);
}

/* The model's export, malloc'd. */
static char *
run_export(struct run *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (f == NULL)
		return NULL;
	export_json(r->g, f);
	fclose(f);
	return buf;
}

static void
run_free(struct run *r)
{
	game_free(&r->g);
}

/* `doc` in pieces of `piece` bytes; what sportradar_pbp_end returned. */
static int
feed_pieces(struct run *r, const char *doc, size_t len, size_t piece, bool whole)
{
	struct sportradar_pbp *p = sportradar_pbp_new(&r->c, NULL, NULL);
	size_t off, n;

	if (p == NULL)
		return -2;
	for (off = 0; off < len; off += n) {
		n = len - off < piece ? len - off : piece;
		sportradar_pbp_feed(p, doc + off, n);
	}
	return sportradar_pbp_end(&p, whole);
}

static char *
load(const char *name, size_t *len)
{
	char path[1024];
	FILE *f;
	char *buf;
	long n;

	snprintf(path, sizeof path, "%s/%s", SR_TEST_DATA, name);
	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* Whole, then in pieces of each size: the same count, warnings, export. */
static void
same_in_pieces(const char *what, const char *doc, size_t len, const char *game_id)
{
	static const size_t pieces[] = { 1, 2, 7, 64, 1000, 16384 };
	struct run whole, cut;
	char *want, *got;
	int n, m;
	size_t i;

	run_init(&whole, game_id);
	n = sportradar_parse_pbp(&whole.c, doc, len);
	want = run_export(&whole);
	ok(n > 0 && want != NULL, "%s: read whole, %d events", what, n);
	for (i = 0; i < sizeof pieces / sizeof pieces[0]; i++) {
		run_init(&cut, game_id);
		m = feed_pieces(&cut, doc, len, pieces[i], true);
		got = run_export(&cut);
		ok(m == n && cut.events == whole.events && cut.deletes == whole.deletes &&
		    cut.warnings == whole.warnings && strcmp(cut.c.status, whole.c.status) == 0 &&
		    got != NULL && want != NULL && strcmp(got, want) == 0,
		    "%s in %zu-byte pieces: the same model (%d/%d events, %d/%d deletes, "
		    "%d/%d warnings)", what, pieces[i], m, n, cut.deletes, whole.deletes,
		    cut.warnings, whole.warnings);
		free(got);
		run_free(&cut);
	}
	free(want);
	run_free(&whole);
}

/* Cut at `at` bytes: refused with one warning; no delete, the provider's
 * status untouched, never more events than the whole document gave. */
static void
refused_when_cut(const char *what, const char *doc, size_t len, size_t at, int whole_n)
{
	struct run r;
	int n;

	(void)len;
	run_init(&r, NULL);
	n = feed_pieces(&r, doc, at, 512, true);
	ok(n == -1 && r.warnings == 1 && strstr(r.warning, "truncated JSON") != NULL &&
	    r.deletes == 0 && r.c.status[0] == '\0' && r.events <= whole_n,
	    "%s cut at %zu bytes: refused (%d), %d events of %d, %d deletes, status '%s': %s",
	    what, at, n, r.events, whole_n, r.deletes, r.c.status, r.warning);
	run_free(&r);

	/* the transfer failed: refused quietly, its cause is the HTTP layer's */
	run_init(&r, NULL);
	n = feed_pieces(&r, doc, at, 512, false);
	ok(n == -1 && r.warnings == 0 && r.deletes == 0 && r.c.status[0] == '\0',
	    "%s cut at %zu bytes, the transfer failed: refused quietly", what, at);
	run_free(&r);
}

/* A status the admit callback sees, and whether it lets the reading go on. */
struct admit_probe {
	char status[32];
	int calls;
	bool answer;
};

static bool
admit(void *arg, const char *status)
{
	struct admit_probe *a = arg;

	a->calls++;
	snprintf(a->status, sizeof a->status, "%s", status);
	return a->answer;
}

static void
test_admit(const char *doc, size_t len)
{
	struct admit_probe a = { "", 0, false };
	struct sportradar_pbp *p;
	struct run r;
	int fed = 0, n;
	size_t off;

	run_init(&r, NULL);
	p = sportradar_pbp_new(&r.c, admit, &a);
	for (off = 0; off < len && fed == 0; off += 4096)
		fed = sportradar_pbp_feed(p, doc + off, len - off < 4096 ? len - off : 4096);
	n = sportradar_pbp_end(&p, true);
	ok(fed == -1 && off < len && n == -1 && a.calls == 1 && r.events == 0 &&
	    r.warnings == 0 && strcmp(a.status, "closed") == 0,
	    "admit says no at the header ('%s'): the reading stops after %zu of %zu bytes, "
	    "nothing applied", a.status, off, len);
	run_free(&r);

	a.answer = true;
	a.calls = 0;
	run_init(&r, NULL);
	p = sportradar_pbp_new(&r.c, admit, &a);
	sportradar_pbp_feed(p, doc, len);
	n = sportradar_pbp_end(&p, true);
	ok(a.calls == 1 && n > 300 && n == r.events, "admit says yes: %d events", n);
	run_free(&r);
}

/* The simulator's document with its header moved after the periods. */
static char *
header_last(const char *doc, size_t len, size_t *out_len)
{
	const char *periods = strstr(doc, ",\"periods\":[");
	size_t head, rest;
	char *out;

	if (periods == NULL || doc[len - 1] != '}')
		return NULL;
	head = (size_t)(periods - doc) - 1;        /* after '{', before ",periods" */
	rest = len - 2 - (size_t)(periods - doc);  /* "periods":[...] ... without '}' */
	out = malloc(len + 1);
	if (out == NULL)
		return NULL;
	/* {"periods":[...],"deleted_events":[...],<header>} */
	out[0] = '{';
	memcpy(out + 1, periods + 1, rest);
	out[1 + rest] = ',';
	memcpy(out + 2 + rest, doc + 1, head);
	out[2 + rest + head] = '}';
	*out_len = 3 + rest + head;
	out[*out_len] = '\0';
	return out;
}

/* Odd pieces: a period named after its events (held), elements that are
 * not objects, an event without id, a bad period, a play both listed and
 * deleted.  Six warnings, whole or in pieces. */
static const char odd_doc[] =
    "{\"id\":\"g1\",\"status\":\"inprogress\",\"home\":{\"id\":\"h\",\"name\":\"Knicks\"},"
    "\"away\":{\"id\":\"a\",\"name\":\"Bulls\"},\"periods\":["
    "{\"type\":\"quarter\",\"number\":1,\"sequence\":1,\"events\":["
    "{\"id\":\"e1\",\"event_type\":\"opentip\",\"number\":1,\"sequence\":10,\"clock\":\"12:00\"},"
    " 5 ,{\"id\":\"e2\",\"event_type\":\"twopointmade\",\"number\":2,\"sequence\":20,"
    "\"clock\":\"11:00\",\"attribution\":{\"id\":\"h\"},\"statistics\":[{\"type\":\"fieldgoal\","
    "\"made\":true,\"points\":2,\"team\":{\"id\":\"h\"}}]},[1],{\"event_type\":\"x\"}]},"
    "{\"events\":[{\"id\":\"e3\",\"event_type\":\"rebound\",\"number\":3,\"sequence\":30,"
    "\"clock\":\"10:00\"},7],\"type\":\"quarter\",\"number\":2,\"sequence\":2},"
    "{\"type\":\"quarter\",\"number\":0,\"sequence\":0,\"events\":[{\"id\":\"e4\","
    "\"event_type\":\"rebound\",\"number\":4,\"sequence\":40,\"clock\":\"09:00\"}]}],"
    "\"deleted_events\":[{\"id\":\"e9\"},{\"id\":\"e1\"}]}";

static void
test_odd(void)
{
	struct run r;
	int n;

	run_init(&r, NULL);
	n = sportradar_parse_pbp(&r.c, odd_doc, strlen(odd_doc));
	ok(n == 3 && r.warnings == 6 && r.deletes == 1 && strcmp(r.c.status, "inprogress") == 0,
	    "odd pieces read whole: %d events, %d warnings, %d deletes (%s)", n, r.warnings,
	    r.deletes, r.warning);
	run_free(&r);
	same_in_pieces("odd pieces", odd_doc, strlen(odd_doc), NULL);
}

int
main(void)
{
	static const char *const files[] = { "pbp_overtime.json", "pbp_halves.json",
		"pbp_old.json" };
	struct sim_options opt = { .seed = 3 };
	struct sim_game *sg = sim_game_generate(&opt);
	char *sim_doc = sg != NULL ? sim_game_sr_pbp(sg, SIM_END) : NULL, *doc, *moved;
	size_t len, mlen = 0, i;
	struct run r;
	int n;

	if (sim_doc == NULL) {
		printf("Bail out! no simulated game\n");
		return 1;
	}
	len = strlen(sim_doc);
	same_in_pieces("a whole game", sim_doc, len, NULL);
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		doc = load(files[i], &mlen);
		if (doc == NULL) {
			ok(0, "%s: cannot read it", files[i]);
			continue;
		}
		same_in_pieces(files[i], doc, mlen, GAME_ID);
		free(doc);
	}

	/* a header after the periods: held whole and read at its end, the
	 * same model as the usual layout */
	moved = header_last(sim_doc, len, &mlen);
	ok(moved != NULL, "the header moved after the periods (%zu bytes)", mlen);
	if (moved != NULL) {
		struct run a, b;
		char *ea, *eb;

		run_init(&a, NULL);
		run_init(&b, NULL);
		sportradar_parse_pbp(&a.c, sim_doc, len);
		n = feed_pieces(&b, moved, mlen, 333, true);
		ea = run_export(&a);
		eb = run_export(&b);
		ok(n == a.events && ea != NULL && eb != NULL && strcmp(ea, eb) == 0,
		    "a header after the periods: the same model (%d events)", n);
		free(ea);
		free(eb);
		run_free(&a);
		run_free(&b);
		same_in_pieces("a header after the periods", moved, mlen, NULL);
		free(moved);
	}

	/* cut short: in the header, in the first event, between periods,
	 * in deleted_events, one byte before the end */
	run_init(&r, NULL);
	n = sportradar_parse_pbp(&r.c, sim_doc, len);
	run_free(&r);
	refused_when_cut("a whole game", sim_doc, len, 200, n);
	refused_when_cut("a whole game", sim_doc, len,
	    (size_t)(strstr(sim_doc, "\"events\":[{") - sim_doc) + 40, n);
	refused_when_cut("a whole game", sim_doc, len, len / 2, n);
	refused_when_cut("a whole game", sim_doc, len,
	    (size_t)(strstr(sim_doc, "\"deleted_events\":[") - sim_doc) + 20, n);
	refused_when_cut("a whole game", sim_doc, len, len - 1, n);

	test_odd();
	test_admit(sim_doc, len);
	free(sim_doc);
	sim_game_free(&sg);
	return tap_done();
}
