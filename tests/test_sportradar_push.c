/*
 * The push stream splitter: chunks that end anywhere, keep-alive lines,
 * "\r\n", a line over the cap, concatenated (pretty-printed) objects, and
 * messages cut short.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "providers/sportradar.h"
#include "tap.h"

static struct {
	int nlines;
	char line[16][512];
	size_t len[16];
	size_t total;            /* bytes of every line delivered */
	int nwarnings;
	char warning[256];
} got;

static void
on_line(void *ctx, const char *line, size_t len)
{
	(void)ctx;
	if (got.nlines < 16) {
		cs_strlcpy(got.line[got.nlines], line, sizeof got.line[0]);
		got.len[got.nlines] = len;
	}
	got.total += len;
	got.nlines++;
}

static void
on_warning(void *ctx, const char *msg)
{
	(void)ctx;
	cs_strlcpy(got.warning, msg, sizeof got.warning);
	got.nwarnings++;
}

static struct sportradar_splitter *
fresh(size_t max)
{
	memset(&got, 0, sizeof got);
	return sportradar_splitter_new(max, on_line, on_warning, NULL);
}

static void
feed_str(struct sportradar_splitter *sp, const char *s)
{
	sportradar_splitter_feed(sp, s, strlen(s));
}

static void
test_three_chunks(void)
{
	struct sportradar_splitter *sp = fresh(0);

	feed_str(sp, "{\"heartbeat\":{\"inter");
	is_int(got.nlines, 0, "split in three: nothing after the first chunk");
	feed_str(sp, "val\":50");
	is_int(got.nlines, 0, "split in three: nothing after the second chunk");
	feed_str(sp, "00}}\n{\"a\":1}\n");
	is_int(got.nlines, 2, "split in three: the line, then the next one");
	is_str(got.line[0], "{\"heartbeat\":{\"interval\":5000}}", "split in three: intact");
	is_str(got.line[1], "{\"a\":1}", "split in three: the next line");
	is_int(got.nwarnings, 0, "split in three: no warnings");
	sportradar_splitter_free(&sp);
	ok(sp == NULL, "free NULLs the pointer");
}

static void
test_utf8_and_crlf(void)
{
	struct sportradar_splitter *sp = fresh(0);
	/* "Nikola Jokić" with ć = c4 87, split between the two bytes */
	const char a[] = "{\"d\":\"Nikola Joki\xc4";
	const char b[] = "\x87 scores\"}\r";
	const char c[] = "\n\r\n{\"e\":\"\\\"}{\\\\\"}\r\n";

	sportradar_splitter_feed(sp, a, sizeof a - 1);
	sportradar_splitter_feed(sp, b, sizeof b - 1);
	sportradar_splitter_feed(sp, c, sizeof c - 1);
	is_int(got.nlines, 2, "utf-8/crlf: two lines");
	is_str(got.line[0], "{\"d\":\"Nikola Joki\xc4\x87 scores\"}",
	    "utf-8/crlf: the character split across chunks is whole");
	is_str(got.line[1], "{\"e\":\"\\\"}{\\\\\"}",
	    "utf-8/crlf: braces and escaped quotes inside strings do not split");
	ok(strchr(got.line[1], '\r') == NULL, "utf-8/crlf: the \\r is trimmed");
	is_int(got.nwarnings, 0, "utf-8/crlf: no warnings");
	sportradar_splitter_free(&sp);

	/* "\r\n" split between chunks, line by line in NDJSON form */
	sp = fresh(0);
	feed_str(sp, "{\"x\":1}\r");
	feed_str(sp, "\n{\"y\":2}\r");
	feed_str(sp, "\n");
	is_int(got.nlines, 2, "crlf split: two lines");
	is_str(got.line[1], "{\"y\":2}", "crlf split: second line clean");
	sportradar_splitter_free(&sp);
}

static void
test_keepalive(void)
{
	struct sportradar_splitter *sp = fresh(0);

	feed_str(sp, "\n\n\r\n   \n{\"heartbeat\":{\"interval\":5000}}\n\n\n");
	is_int(got.nlines, 1, "keep-alive: blank lines skipped");
	is_int(got.nwarnings, 0, "keep-alive: without warnings");
	is_int((long)sportradar_splitter_buffered(sp), 0, "keep-alive: nothing held");
	sportradar_splitter_free(&sp);
}

static void
test_long_line(void)
{
	struct sportradar_splitter *sp = fresh(0);
	size_t chunk = 64 * 1024, i, maxcap = 0;
	char *buf = malloc(chunk);

	/* a 2 MB line: a valid object with one huge string, fed in 64 KB chunks */
	memset(buf, 'a', chunk);
	feed_str(sp, "{\"big\":\"");
	for (i = 0; i < (2u << 20) / chunk; i++) {
		sportradar_splitter_feed(sp, buf, chunk);
		if (sportradar_splitter_capacity(sp) > maxcap)
			maxcap = sportradar_splitter_capacity(sp);
	}
	feed_str(sp, "\"}\n{\"after\":true}\n");
	is_int(got.nwarnings, 1, "2 MB line: one warning");
	ok(strstr(got.warning, "longer than") != NULL, "2 MB line: the warning says why");
	is_int(got.nlines, 1, "2 MB line: dropped, the next line parsed");
	is_str(got.line[0], "{\"after\":true}", "2 MB line: the next line intact");
	ok(maxcap <= SR_LINE_MAX + 1, "2 MB line: memory stays bounded (%zu bytes)", maxcap);
	sportradar_splitter_free(&sp);

	/* a 10 MB line of garbage without braces, then a good line */
	sp = fresh(0);
	maxcap = 0;
	memset(buf, 'z', chunk);
	for (i = 0; i < (10u << 20) / chunk; i++) {
		sportradar_splitter_feed(sp, buf, chunk);
		if (sportradar_splitter_capacity(sp) > maxcap)
			maxcap = sportradar_splitter_capacity(sp);
	}
	feed_str(sp, "\n{\"ok\":1}\n");
	is_int(got.nwarnings, 1, "10 MB line: one warning");
	is_int(got.nlines, 1, "10 MB line: the next line parsed");
	ok(maxcap <= SR_LINE_MAX + 1, "10 MB line: never buffered whole (%zu bytes)", maxcap);
	sportradar_splitter_free(&sp);

	/* a small cap: exactly at the cap passes, one byte over does not */
	sp = fresh(16);
	feed_str(sp, "{\"k\":\"12345678\"}\n");   /* 16 bytes: at the cap */
	feed_str(sp, "{\"k\":\"123456789\"}\n");  /* 17 bytes: over */
	feed_str(sp, "{}\n");
	is_int(got.nlines, 2, "small cap: the line at the cap and the one after");
	is_str(got.line[0], "{\"k\":\"12345678\"}", "small cap: 16 bytes pass");
	is_int(got.nwarnings, 1, "small cap: one warning for the long one");
	sportradar_splitter_free(&sp);
	free(buf);
}

static void
test_concatenated(void)
{
	struct sportradar_splitter *sp = fresh(0);
	const char *doc =
	    "{\n"
	    "  \"payload\": {\n"
	    "    \"event\": {\"id\": \"a\", \"description\": \"x } {\"}\n"
	    "  }\n"
	    "}{\n"
	    "  \"heartbeat\": {\n"
	    "    \"interval\": 5000\n"
	    "  }\n"
	    "}\n"
	    "{\"one\":1}{\"two\":2}{\"three\":[3,{\"x\":\"]}\"}]}";
	size_t i, n = strlen(doc);

	/* byte by byte: the worst chunking there is */
	for (i = 0; i < n; i++)
		sportradar_splitter_feed(sp, doc + i, 1);
	is_int(got.nlines, 5, "concatenated: five objects");
	ok(strncmp(got.line[0], "{\n  \"payload\"", 13) == 0 &&
	    got.line[0][got.len[0] - 1] == '}', "concatenated: pretty-printed object whole");
	ok(strstr(got.line[1], "\"heartbeat\"") != NULL && got.line[1][0] == '{',
	    "concatenated: the object after \"}{\"");
	is_str(got.line[2], "{\"one\":1}", "concatenated on one line: first");
	is_str(got.line[3], "{\"two\":2}", "concatenated on one line: second");
	is_str(got.line[4], "{\"three\":[3,{\"x\":\"]}\"}]}", "concatenated: nested, strings");
	is_int(got.nwarnings, 0, "concatenated: no warnings");
	sportradar_splitter_free(&sp);
}

static void
test_cut_short(void)
{
	struct sportradar_splitter *sp = fresh(0);

	/* a truncated NDJSON line followed by a good one: both come out, apart */
	feed_str(sp, "{\"payload\":{\"game\":{\"id\":\"x\",\n{\"heartbeat\":{}}\n");
	is_int(got.nlines, 2, "cut short (open object): two messages");
	is_str(got.line[0], "{\"payload\":{\"game\":{\"id\":\"x\",",
	    "cut short: the broken part alone (the parser warns)");
	is_str(got.line[1], "{\"heartbeat\":{}}", "cut short: the next line intact");

	/* truncated inside a string */
	feed_str(sp, "{\"payload\":{\"description\":\"Giannis dun\n{\"ok\":2}\n");
	is_int(got.nlines, 4, "cut short (in a string): two more");
	is_str(got.line[3], "{\"ok\":2}", "cut short (in a string): next line intact");

	/* a stray closing brace and garbage */
	feed_str(sp, "}}garbage\n{\"ok\":3}\n");
	is_int(got.nlines, 6, "stray braces: garbage line, then the good one");
	is_str(got.line[5], "{\"ok\":3}", "stray braces: good line intact");

	/* the stream ends inside a message */
	feed_str(sp, "{\"payload\":{\"eve");
	ok(sportradar_splitter_buffered(sp) > 0, "reset: a partial message is held");
	sportradar_splitter_reset(sp);
	is_int(got.nwarnings, 1, "reset: one warning for the partial message");
	is_int((long)sportradar_splitter_buffered(sp), 0, "reset: nothing held after");
	feed_str(sp, "{\"fresh\":1}\n");
	is_str(got.line[6], "{\"fresh\":1}", "reset: the next connection starts clean");
	sportradar_splitter_free(&sp);
}

/* The splitter and the push parser together: a whole stream with noise. */
static int nevents, ndeletes, nwarn;

static void
count_event(void *ctx, const struct cs_event *ev)
{
	(void)ctx, (void)ev;
	nevents++;
}

static void
count_delete(void *ctx, const char *id)
{
	(void)ctx, (void)id;
	ndeletes++;
}

static void
count_warning(void *ctx, const char *msg)
{
	(void)ctx, (void)msg;
	nwarn++;
}

static void
test_with_parser(void)
{
	struct cs_sink sink = {
		.event = count_event, .delete_event = count_delete,
		.warning = count_warning,
	};
	struct sportradar_ctx c;
	struct sportradar_splitter *sp;
	const char *stream =
	    "{\"heartbeat\":{\"interval\":5000}}\r\n\r\n"
	    "{\"payload\":{\"game\":{\"id\":\"g\"},\"event\":{\"id\":\"e1\",\"event_type\":\"stoppage\","
	    "\"period\":{\"number\":1,\"sequence\":1,\"type\":\"quarter\"}}},\"metadata\":{\"event_category\":\"\","
	    "\"operation\":\"update\"}}\n"
	    "{\"payload\":{\"game\":{\"id\":\"g\"},\"event\":{\"id\":\"e1\"}},\"metadata\":{\"operation\":\"delete\"}}\n"
	    "{\"payload\":{\"game\":{\"id\":\"g\"},\"event\":{\"id\":\"e2\",\"period\":{\"num\n"
	    "{\"payload\":{\"game\":{\"id\":\"g\"},\"event\":{\"id\":\"e3\",\"event_type\":\"endperiod\","
	    "\"period\":{\"number\":1,\"sequence\":1,\"type\":\"quarter\"}}},\"metadata\":{\"operation\":\"update\"}}\n";
	size_t i, n = strlen(stream);

	sportradar_ctx_init(&c, &sink, "g");
	sp = sportradar_splitter_new(0, sportradar_splitter_to_parser, count_warning, &c);
	for (i = 0; i < n; i += 7)
		sportradar_splitter_feed(sp, stream + i, n - i < 7 ? n - i : 7);
	is_int(nevents, 2, "stream: two upserts");
	is_int(ndeletes, 1, "stream: one delete");
	is_int(nwarn, 1, "stream: one warning for the truncated message");
	sportradar_splitter_free(&sp);
}

/*
 * Seeds page 004 (NBA G League Push Events) prints no payload: its
 * "Response Sample" is empty.  What it does print are example values of
 * the fields the push path reads; each must read as documented.
 */
static void
test_seed_page_004_values(void)
{
	ok(sportradar_parse_time("2023-03-14T23:10:26Z") == INT64_C(1678835426000),
	    "page 004 wall_clock example, Z");
	ok(sportradar_parse_time("2022-09-25T23:00:45+00:00") == INT64_C(1664146845000),
	    "page 004 created/updated example, +00:00");
	ok(INT64_C(1678835426293) / 1000 == sportradar_parse_time("2023-03-14T23:10:26Z") / 1000,
	    "page 004: its sequence example is the epoch ms of its wall_clock example");
	is_int(cs_clock_parse("00:21.70"), 217, "page 004 clock_decimal example under 1:00");
	is_int(cs_clock_parse("12:37"), 7570, "page 004 clock example");
}

int
main(void)
{
	test_three_chunks();
	test_utf8_and_crlf();
	test_keepalive();
	test_long_line();
	test_concatenated();
	test_cut_short();
	test_with_parser();
	test_seed_page_004_values();
	return tap_done();
}
