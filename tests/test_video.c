/*
 * A play on video: the HLS position formula of src/video.c at the start,
 * middle and end of a segment, between segments and without any; the
 * vendor's own example (seeds page 003); the player's argv from the
 * template; and a real spawn of tests/fake_player.sh, which records its
 * arguments, for the exact offset and URL (no shell: a URL full of shell
 * characters arrives as it is).
 */
#include "config.h"

#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "model/export.h"
#include "model/game.h"
#include "providers/shottracker_possessions.h"
#include "video.h"
#include "tap.h"

#ifndef TOP_SRCDIR
#define TOP_SRCDIR "."
#endif

static const char *top;
static char out[512];

static void
segment(struct cs_possessions *ps, int64_t offset_ms, int64_t duration_ms, const char *url)
{
	struct cs_video_segment v;

	memset(&v, 0, sizeof v);
	v.hls_start_ms = 1000000;
	v.delay_ms = 2000;
	v.offset_ms = offset_ms;
	v.duration_ms = duration_ms;
	cs_strlcpy(v.url, url, sizeof v.url);
	cs_possessions_add_video(ps, &v);
}

/* "<seconds> <url>" of video_locate, or "-: <cause>". */
static const char *
locate(const struct cs_possessions *ps, int64_t play_ms)
{
	static char buf[1200];
	const struct cs_video_kept *seg;
	char *cause = NULL, sec[32];
	int64_t pos;

	if (video_locate(ps, play_ms, &seg, &pos, &cause) < 0) {
		snprintf(buf, sizeof buf, "-: %s", cause != NULL ? cause : "?");
		free(cause);
		return buf;
	}
	video_seconds(pos, sec, sizeof sec);
	snprintf(buf, sizeof buf, "%s %s", sec, seg->url);
	return buf;
}

/* The fake player's record, once it is complete (bounded wait: a
 * condition, not a time). */
static char *
recorded(void)
{
	static char buf[2048];
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	FILE *f = NULL;
	size_t n;
	int i;

	for (i = 0; i < 6000 && (f = fopen(out, "r")) == NULL; i++)
		nanosleep(&ts, NULL);
	if (f == NULL)
		return snprintf(buf, sizeof buf, "(nothing recorded)") > 0 ? buf : buf;
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	unlink(out);
	return buf;
}

static void
test_formula(void)
{
	struct cs_possessions *ps = cs_possessions_new();

	is_str(locate(ps, 1008000), "-: no video for this game (ShotTracker sent none)",
	    "no segments: a clear message");
	/* stream position = t + 2000 - 1000000; a.m3u8 covers 10-30 s, b 40-45 s */
	segment(ps, 10000, 20000, "https://v.example/a.m3u8");
	segment(ps, 40000, 5000, "https://v.example/b.m3u8");
	is_str(locate(ps, 1008000), "10.000 https://v.example/a.m3u8", "a segment's first instant");
	is_str(locate(ps, 1017250), "19.250 https://v.example/a.m3u8", "its middle");
	is_str(locate(ps, 1028000), "30.000 https://v.example/a.m3u8", "its last instant");
	is_str(locate(ps, 1028001), "-: no video segment covers this play (2 segments)",
	    "a ms past its end, before the next: no segment, a clear message");
	is_str(locate(ps, 1038000), "40.000 https://v.example/b.m3u8", "the next segment");
	is_str(locate(ps, 0), "-: this play has no time of day: no video position",
	    "a play without a time");
	cs_possessions_free(&ps);
}

/* Bytes of heap in use, as malloc counts them. */
static size_t
heap_used(void)
{
	struct mallinfo2 mi = mallinfo2();

	return mi.uordblks + mi.hblkhd;
}

/*
 * A game's ~250 segments come from one stream or a few: its url is kept
 * once (issue 20: a 1 KB url buffer a segment was ~0.26 MB a game), and
 * a segment is still found, replaced and cleared by url and offset.
 */
#define SEGMENTS 256

static void
test_shared_url(void)
{
	struct cs_possessions *ps = cs_possessions_new();
	size_t before, used;
	int i;

	segment(ps, 0, 1000, "https://v.example/warm.m3u8");   /* the arrays' first room */
	cs_possessions_clear(ps);
	before = heap_used();
	for (i = 0; i < SEGMENTS; i++)
		segment(ps, 10000 + i * 1000LL, 1000, "https://v.example/a.m3u8");
	used = heap_used() - before;
	ok(used / SEGMENTS < 96, "heap per segment %zu bytes (< 96)", used / SEGMENTS);
	is_int((int)cs_possessions_video_count(ps), SEGMENTS, "every segment kept");
	is_str(locate(ps, 1208500), "210.500 https://v.example/a.m3u8", "the 201st found");
	segment(ps, 200000, 500, "https://v.example/b.m3u8");
	is_int((int)cs_possessions_video_count(ps), SEGMENTS + 1, "another stream, same offset: its own");
	segment(ps, 200000, 300, "https://v.example/a.m3u8");
	is_int((int)cs_possessions_video_count(ps), SEGMENTS + 1, "same url and offset: replaced");
	is_str(locate(ps, 1198400), "200.400 https://v.example/b.m3u8",
	    "past the shortened one, the other stream's");
	cs_possessions_clear(ps);
	is_int((int)cs_possessions_video_count(ps), 0, "cleared");
	segment(ps, 10000, 1000, "https://v.example/c.m3u8");
	is_str(locate(ps, 1008000), "10.000 https://v.example/c.m3u8", "a new stream after a clear");
	cs_possessions_free(&ps);
}

static void
test_seed_example(void)
{
	char path[1024], buf[8192], *cause = NULL;
	struct shottracker_videos *vs;
	struct cs_video_segment seg;
	struct cs_possessions *ps = cs_possessions_new();
	FILE *f;
	size_t n = 0;

	snprintf(path, sizeof path, "%s/tests/data/seeds/st_game_videos.json", top);
	if ((f = fopen(path, "rb")) != NULL) {
		n = fread(buf, 1, sizeof buf, f);
		fclose(f);
	}
	vs = shottracker_videos_parse(buf, n, true, &cause);
	ok(vs != NULL && vs->nvideos == 1, "the vendor's example has one video");
	ok(vs != NULL && shottracker_video_segment(&vs->videos[0], &seg) == 0,
	    "it makes a segment");
	is_int((int)seg.offset_ms, 8000, "hlsStartOffset 8 is 8 s");
	cs_possessions_add_video(ps, &seg);
	/* start 0, delay 0, offset 8 s, duration 0: only the instant 8000 */
	is_str(locate(ps, 8000), "8.000 https://localhost:1234", "the example's one instant");
	ok(strncmp(locate(ps, 8001), "-: ", 3) == 0, "and nothing after it");
	shottracker_videos_free(&vs);
	free(cause);
	cs_possessions_free(&ps);
}

static void
test_argv(void)
{
	char **v = NULL, *cause = NULL;

	ok(video_argv(VIDEO_PLAYER_DEFAULT, "19.250", "https://v/a.m3u8", &v, &cause) == 0 &&
	    strcmp(v[0], "mpv") == 0 && strcmp(v[1], "--start=19.250") == 0 &&
	    strcmp(v[2], "https://v/a.m3u8") == 0 && v[3] == NULL,
	    "the default: mpv --start=19.250 URL");
	video_argv_free(&v);
	ok(video_argv("  vlc\t--start-time %s  %u %% ", "1.000", "u", &v, &cause) == 0 &&
	    strcmp(v[1], "--start-time") == 0 && strcmp(v[2], "1.000") == 0 &&
	    strcmp(v[4], "%") == 0 && v[5] == NULL, "blanks split words; %%%% is a %%");
	video_argv_free(&v);
	ok(video_argv("mpv %x", "1", "u", &v, &cause) < 0 && cause != NULL &&
	    strstr(cause, "unknown %x") != NULL, "an unknown %%-sequence is refused");
	free(cause);
	cause = NULL;
	ok(video_argv(" ", "1", "u", &v, &cause) < 0 && cause != NULL, "an empty template");
	free(cause);
}

static void
test_player(void)
{
	struct cs_possessions *ps = cs_possessions_new();
	const char *nasty = "https://v.example/c.m3u8?a=1&b=$(touch pwned);x='y' `id`";
	char tmpl[1200], note[1400], *cause = NULL;

	snprintf(out, sizeof out, "%s/test_video.%ld.out", P_tmpdir, (long)getpid());
	setenv("FAKE_PLAYER_OUT", out, 1);
	snprintf(tmpl, sizeof tmpl, "%s/tests/fake_player.sh --start=%%s %%u", top);
	segment(ps, 10000, 20000, "https://v.example/a.m3u8");
	segment(ps, 60000, 10000, nasty);

	ok(video_open(ps, 1008000, tmpl, note, sizeof note, &cause) == 0, "V at a segment's start");
	is_str(recorded(), "--start=10.000\nhttps://v.example/a.m3u8\n",
	    "the player gets start 10.000 and the URL");
	ok(video_open(ps, 1017250, tmpl, note, sizeof note, &cause) == 0, "V in its middle");
	is_str(recorded(), "--start=19.250\nhttps://v.example/a.m3u8\n", "19.250");
	is_str(note, "video at 19.250 s of https://v.example/a.m3u8", "the status note");
	ok(video_open(ps, 1028000, tmpl, note, sizeof note, &cause) == 0, "V at its end");
	is_str(recorded(), "--start=30.000\nhttps://v.example/a.m3u8\n", "30.000");
	ok(video_open(ps, 1063500, tmpl, note, sizeof note, &cause) == 0,
	    "V on a segment whose URL is full of shell characters");
	snprintf(note, sizeof note, "--start=65.500\n%s\n", nasty);
	is_str(recorded(), note, "it arrives as one argument, untouched: no shell");
	ok(access("pwned", F_OK) != 0, "and nothing ran it");
	ok(video_open(ps, 1040000, tmpl, note, sizeof note, &cause) < 0 && cause != NULL &&
	    strcmp(cause, "no video segment covers this play (2 segments)") == 0,
	    "no segment: a clear message, and no player");
	ok(access(out, F_OK) != 0, "nothing was started");
	free(cause);
	cause = NULL;
	ok(video_open(ps, 1008000, "/nonexistent/player %s %u", note, sizeof note, &cause) < 0 &&
	    cause != NULL && strstr(cause, "cannot start /nonexistent/player") != NULL,
	    "a missing player: a clear message");
	free(cause);
	video_reap();
	cs_possessions_free(&ps);
}

static void
play(struct game *g, const char *id, int seq, int clock, int64_t wall_ms, const char *desc)
{
	struct cs_event ev;

	cs_event_init(&ev, CS_PROVIDER_SHOTTRACKER);
	cs_strlcpy(ev.id, id, sizeof ev.id);
	ev.sequence = seq;
	ev.period.type = CS_PERIOD_QUARTER;
	ev.period.number = ev.period.sequence = 2;
	ev.clock = clock;
	ev.wall_ms = wall_ms;
	ev.type = CS_EV_OTHER;
	ev.side = CS_HOME;
	cs_strlcpy(ev.description, desc, sizeof ev.description);
	game_upsert(g, &ev);
}

/* m marks plays; --export-format markers writes them with clock and video. */
static void
test_markers(void)
{
	struct game *g = game_new();
	struct cs_video_segment v;
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	memset(&v, 0, sizeof v);
	v.hls_start_ms = 1000000;
	v.delay_ms = 2000;
	v.offset_ms = 10000;
	v.duration_ms = 20000;
	cs_strlcpy(v.url, "https://v.example/a.m3u8", sizeof v.url);
	is_int(game_add_video(g, &v), 1, "a video segment into the model");
	is_int(game_add_video(g, &v), 0, "the same again changes nothing");
	play(g, "p1", 1, 3000, 1017250, "Hart makes, \"and one\"");
	play(g, "p2", 2, 2900, 1018000, "not marked");
	play(g, "p3", 3, 2800, 1090000, "after the video");
	is_int(game_toggle_mark(g, "p3"), 1, "m marks a play");
	is_int(game_toggle_mark(g, "p2"), 1, "and another");
	is_int(game_toggle_mark(g, "p2"), 0, "m again unmarks it");
	is_int(game_toggle_mark(g, "p1"), 1, "a third");
	f = open_memstream(&text, &len);
	ok(f != NULL && export_markers(g, f) == 0, "export_markers writes");
	if (f != NULL)
		fclose(f);
	is_str(text != NULL ? text : "",
	    "period,clock,side,play_id,description,video_seconds,video_url\n"
	    "2,\"5:00.0\",\"home\",\"p1\",\"Hart makes, \"\"and one\"\"\",19.250,"
	    "\"https://v.example/a.m3u8\"\n"
	    "2,\"4:40.0\",\"home\",\"p3\",\"after the video\",,\n",
	    "marked plays in game order, with clock and video position (none: empty)");
	free(text);
	game_free(&g);
}

int
main(void)
{
	top = getenv("top_srcdir");
	if (top == NULL)
		top = TOP_SRCDIR;
	test_formula();
	test_shared_url();
	test_seed_example();
	test_argv();
	test_player();
	test_markers();
	return tap_done();
}
