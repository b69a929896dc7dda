/*
 * ShotTracker clock frames read without a json-c tree (issue 20 item 3):
 * each frame here goes through shottracker_parse_frame as is, and again
 * with a leading space, which no scan takes (the whole-tree parse reads
 * it).  Both must deliver the same clock, warnings, frame info and game
 * format: the usual ticks, and every variation that must fall back.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "providers/shottracker.h"
#include "tap.h"

struct seen {
	int nclock, nwarn;
	struct cs_clock clock;
};

static void
on_clock(void *ctx, const struct cs_clock *c)
{
	struct seen *s = ctx;

	s->nclock++;
	s->clock = *c;
}

static void
on_warning(void *ctx, const char *msg)
{
	(void)msg;
	((struct seen *)ctx)->nwarn++;
}

/* One run of `text` through a fresh parser, after `before` (a frame that
 * sets the game's format first, or NULL). */
struct run {
	int rc;
	struct seen seen;
	struct shottracker_frame_info info;
	bool halves;
};

static void
run(const char *before, const char *text, struct run *r)
{
	struct shottracker_ctx c;
	struct cs_sink sink;

	memset(r, 0, sizeof *r);
	memset(&sink, 0, sizeof sink);
	sink.ctx = &r->seen;
	sink.clock = on_clock;
	sink.warning = on_warning;
	shottracker_ctx_init(&c, &sink, "g1");
	if (before != NULL)
		shottracker_parse_frame(&c, before, strlen(before), NULL);
	memset(&r->seen, 0, sizeof r->seen);
	r->rc = shottracker_parse_frame(&c, text, strlen(text), &r->info);
	r->halves = c.halves;
	shottracker_ctx_free(&c);
}

static bool
same_clock(const struct cs_clock *a, const struct cs_clock *b)
{
	return a->period.type == b->period.type && a->period.number == b->period.number &&
	    a->period.sequence == b->period.sequence && a->clock == b->clock &&
	    a->shot_clock == b->shot_clock && a->running == b->running;
}

static void
check(const char *name, const char *before, const char *frame, int want_clocks)
{
	char spaced[512];
	struct run scan, tree;

	snprintf(spaced, sizeof spaced, " %s", frame);
	run(before, frame, &scan);
	run(before, spaced, &tree);
	ok(scan.rc == tree.rc && scan.seen.nclock == tree.seen.nclock &&
	    scan.seen.nwarn == tree.seen.nwarn && scan.halves == tree.halves &&
	    (scan.seen.nclock == 0 || same_clock(&scan.seen.clock, &tree.seen.clock)) &&
	    scan.info.frames == tree.info.frames && scan.info.source == tree.info.source &&
	    strcmp(scan.info.source_name, tree.info.source_name) == 0 &&
	    scan.info.has_seq == tree.info.has_seq && scan.info.seq == tree.info.seq,
	    "%s: as the whole-tree parse (rc %d/%d, clocks %d/%d, warnings %d/%d)", name,
	    scan.rc, tree.rc, scan.seen.nclock, tree.seen.nclock, scan.seen.nwarn,
	    tree.seen.nwarn);
	ok(scan.seen.nclock == want_clocks, "%s: %d clock(s) delivered", name, want_clocks);
}

#define TICK(period, clock, shot, running) \
	"{\"source\":\"clock\",\"timestamp\":1742326208936,\"data\":{\"period\":\"" period \
	"\",\"gameClock\":\"" clock "\",\"shotClock\":\"" shot "\",\"running\":" running "}}"

int
main(void)
{
	const char *halves = TICK("H1", "20:00.0", "30.0", "true");

	/* the usual ticks */
	check("Q1 running", NULL, TICK("Q1", "11:59.0", "23.0", "true"), 1);
	check("Q4 stopped", NULL, TICK("Q4", "0:04.2", "4.2", "false"), 1);
	check("OT3", NULL, TICK("OT3", "4:59.9", "24.0", "true"), 1);
	check("H2, a game in halves", halves, TICK("H2", "19:59.0", "29.0", "true"), 1);
	check("H1 learns halves", NULL, halves, 1);
	check("no shot clock", NULL, "{\"source\":\"clock\",\"timestamp\":1,\"data\":"
	    "{\"period\":\"Q2\",\"gameClock\":\"5:00.0\",\"running\":true}}", 1);
	check("an empty shot clock", NULL, TICK("Q2", "5:00.0", "", "true"), 1);
	check("no running", NULL, "{\"source\":\"clock\",\"data\":{\"gameClock\":\"1:00.0\","
	    "\"period\":\"Q3\"}}", 1);
	check("members in another order", NULL, "{\"source\":\"clock\",\"data\":{\"running\":"
	    "false,\"shotClock\":\"9.0\",\"gameClock\":\"1:00.0\",\"period\":\"Q3\"},"
	    "\"timestamp\":5}", 1);
	check("spaces inside", NULL, "{\"source\":\"clock\" , \"data\" : { \"period\" : \"Q1\" ,"
	    " \"gameClock\" : \"7:00.0\" } }", 1);

	/* what the scan leaves to the tree */
	check("running as a string", NULL, TICK("Q1", "11:59.0", "23.0", "\"true\""), 1);
	check("running null", NULL, TICK("Q1", "11:59.0", "23.0", "null"), 1);
	check("a period number", NULL, "{\"source\":\"clock\",\"data\":{\"period\":1,"
	    "\"gameClock\":\"1:00.0\"}}", 0);
	check("no such period", NULL, TICK("Q0", "11:59.0", "23.0", "true"), 0);
	check("a bad game clock", NULL, TICK("Q1", "eleven", "23.0", "true"), 0);
	check("no game clock", NULL, "{\"source\":\"clock\",\"data\":{\"period\":\"Q1\"}}", 0);
	check("an escaped game clock", NULL, TICK("Q1", "11:5\\u0039.0", "23.0", "true"), 1);
	check("an escaped key", NULL, "{\"source\":\"clock\",\"data\":{\"period\":\"Q1\","
	    "\"game\\u0043lock\":\"1:00.0\"}}", 1);
	check("a key twice (the last wins in json-c)", NULL, "{\"source\":\"clock\",\"data\":"
	    "{\"period\":\"Q1\",\"gameClock\":\"1:00.0\",\"gameClock\":\"2:00.0\"}}", 1);
	check("data twice", NULL, "{\"source\":\"clock\",\"data\":{\"period\":\"Q1\","
	    "\"gameClock\":\"1:00.0\"},\"data\":{\"period\":\"Q2\",\"gameClock\":\"3:00.0\"}}", 1);
	check("a seq", NULL, "{\"source\":\"clock\",\"seq\":12,\"data\":{\"period\":\"Q1\","
	    "\"gameClock\":\"1:00.0\"}}", 1);
	check("a bad seq", NULL, "{\"source\":\"clock\",\"seq\":\"x\",\"data\":{\"period\":"
	    "\"Q1\",\"gameClock\":\"1:00.0\"}}", 0);
	check("data not an object", NULL, "{\"source\":\"clock\",\"data\":[1,2]}", 0);
	check("a long period", NULL, TICK("QQQQQQQQQQQQQQQQQQQQQQQQ1", "1:00.0", "1.0", "true"), 0);
	check("a control character", NULL, TICK("Q1", "1:00.0\001", "1.0", "true"), 0);
	check("garbage after", NULL, TICK("Q1", "1:00.0", "1.0", "true") "x", 0);
	check("cut short", NULL, "{\"source\":\"clock\",\"data\":{\"period\":\"Q1\",\"gameC", 0);
	check("source clocks", NULL, "{\"source\":\"clocks\",\"data\":{\"period\":\"Q1\","
	    "\"gameClock\":\"1:00.0\"}}", 0);
	check("an array of ticks", NULL, "[" TICK("Q1", "1:00.0", "1.0", "true") "," TICK("Q1",
	    "0:59.0", "1.0", "true") "]", 2);
	return tap_done();
}
