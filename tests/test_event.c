/* Helpers on normalized events (model/event.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/event.h"
#include "tap.h"

static const char *
sanitized(const char *src, size_t size)
{
	static char buf[256];

	memset(buf, 'Z', sizeof buf);
	cs_sanitize(buf, src, size);
	return buf;
}

/* The hash decides "changed" and "seen before": every bit of the input,
 * at any length and alignment, must reach it, and its low bits (a table's
 * index) must spread. */
static void
test_hash64(void)
{
	unsigned char buf[1500];
	uint64_t h0;
	size_t i, bit, changed = 0, trials = 0, len;
	unsigned buckets[64] = { 0 }, most = 0;

	memset(buf, 0, sizeof buf);
	ok(cs_hash64(buf, sizeof buf) == cs_hash64(buf, sizeof buf), "hash64: the same bytes, the same hash");
	ok(cs_hash64(buf, 8) != cs_hash64(buf, 9), "hash64: the length counts (zeros)");
	for (len = 1; len <= 40; len += 3) {
		h0 = cs_hash64(buf, len);
		for (i = 0; i < len; i++)
			for (bit = 0; bit < 8; bit++) {
				buf[i] ^= (unsigned char)(1u << bit);
				changed += cs_hash64(buf, len) != h0;
				trials++;
				buf[i] ^= (unsigned char)(1u << bit);
			}
	}
	h0 = cs_hash64(buf, sizeof buf);
	buf[1499] = 1;
	changed += cs_hash64(buf, sizeof buf) != h0;
	trials++;
	buf[1499] = 0;
	is_int(changed, trials, "hash64: every single-bit change of the input changes the hash");
	for (i = 0; i < 6400; i++) {
		char id[32];

		snprintf(id, sizeof id, "sr:player:%zu", i);
		buckets[cs_hash64(id, strlen(id)) & 63]++;
	}
	for (i = 0; i < 64; i++)
		most = buckets[i] > most ? buckets[i] : most;
	ok(most < 160, "hash64: 6,400 similar ids spread over 64 buckets (fullest %u, mean 100)", most);
}

static void
test_sanitize(void)
{
	char small[4] = "xyz";

	is_str(sanitized("Luka Don\xc4\x8di\xc4\x87", 64), "Luka Don\xc4\x8di\xc4\x87",
	    "valid UTF-8 kept");
	is_str(sanitized("\xf0\x9f\x8f\x80 ball", 64), "\xf0\x9f\x8f\x80 ball", "4-byte UTF-8 kept");
	is_str(sanitized("abc\x1b[31mdef\x1b[0m", 64), "abc[31mdef[0m", "ESC dropped");
	is_str(sanitized("\x1b]0;owned\x07title", 64), "]0;ownedtitle", "OSC and BEL dropped");
	is_str(sanitized("x\xc2\x9b" "31my", 64), "x31my", "C1 CSI in UTF-8 dropped");
	is_str(sanitized("x\xc2\x85y\xc2\x9fz", 64), "xyz", "other C1 controls dropped");
	is_str(sanitized("x\x9b" "31m", 64), "x31m", "raw C1 byte dropped");
	is_str(sanitized("a\x7f" "b", 64), "ab", "DEL dropped");
	is_str(sanitized("a\x01\x02\x08" "b", 64), "ab", "C0 controls dropped");
	is_str(sanitized("a\xff\xfe" "b", 64), "ab", "invalid bytes dropped");
	is_str(sanitized("a\xc0\xaf" "b", 64), "ab", "overlong 2-byte dropped");
	is_str(sanitized("a\xe0\x80\xaf" "b", 64), "ab", "overlong 3-byte dropped");
	is_str(sanitized("a\xed\xa0\x80" "b", 64), "ab", "surrogate dropped");
	is_str(sanitized("a\xf4\x90\x80\x80" "b", 64), "ab", "beyond U+10FFFF dropped");
	is_str(sanitized("a\xc3", 64), "a", "truncated sequence at the end dropped");
	is_str(sanitized("a\xc3" "b", 64), "ab", "lead byte without continuation dropped");
	is_str(sanitized("a\tb\nc\rd", 64), "a b c d", "tabs and newlines become spaces");
	is_str(sanitized("abcd\xc3\xa9", 6), "abcd", "truncation never splits a character");
	is_str(sanitized("abcd\xc3\xa9", 7), "abcd\xc3\xa9", "exact fit");
	is_str(sanitized("ab\xe2\x82\xac", 5), "ab", "3-byte character not split");
	is_str(sanitized("abcdef", 4), "abc", "plain truncation");
	is_str(sanitized("ab\tcd", 3), "ab", "space from a tab respects the size");
	is_str(sanitized(NULL, 8), "", "NULL source gives an empty string");
	is_str(sanitized("abc", 1), "", "size 1 gives an empty string");
	cs_sanitize(small, "abc", 0);
	is_str(small, "xyz", "size 0 writes nothing");
}

static void
test_clock_parse(void)
{
	/* shottracker-api.md §4.5, every example form */
	is_int(cs_clock_parse("12:30.0"), 7500, "M:SS.f");
	is_int(cs_clock_parse("12:30.00"), 7500, "M:SS.ff");
	is_int(cs_clock_parse("07:23.8"), 4438, "MM:SS.f");
	is_int(cs_clock_parse("1:2.3"), 623, "unpadded M:S.f");
	is_int(cs_clock_parse("00:15:00"), 9000, "HH:MM:SS");
	is_int(cs_clock_parse("4.5"), 45, "S.f");
	is_int(cs_clock_parse("10.0"), 100, "SS.f");
	is_int(cs_clock_parse("02.00"), 20, "SS.ff");
	is_int(cs_clock_parse("05.7"), 57, "SS.f padded");
	is_int(cs_clock_parse("01:23"), 830, "MM:SS");
	/* Sportradar */
	is_int(cs_clock_parse("00:54.60"), 546, "clock_decimal");
	is_int(cs_clock_parse("00:54.69"), 546, "hundredths truncate");
	is_int(cs_clock_parse("12:00"), 7200, "12:00");
	is_int(cs_clock_parse("9:54"), 5940, "9:54");
	is_int(cs_clock_parse("00:00"), 0, "00:00");
	is_int(cs_clock_parse(" 5:00 "), 3000, "surrounding spaces");
	/* garbage */
	is_int(cs_clock_parse(NULL), CS_NO_CLOCK, "NULL");
	is_int(cs_clock_parse(""), CS_NO_CLOCK, "empty");
	is_int(cs_clock_parse("   "), CS_NO_CLOCK, "blank");
	is_int(cs_clock_parse("abc"), CS_NO_CLOCK, "letters");
	is_int(cs_clock_parse("12:"), CS_NO_CLOCK, "missing seconds");
	is_int(cs_clock_parse(":30"), CS_NO_CLOCK, "missing minutes");
	is_int(cs_clock_parse("1:2:3:4"), CS_NO_CLOCK, "too many parts");
	is_int(cs_clock_parse("-1:00"), CS_NO_CLOCK, "negative");
	is_int(cs_clock_parse("12:00 PM"), CS_NO_CLOCK, "trailing text");
	is_int(cs_clock_parse("12.5.3"), CS_NO_CLOCK, "two dots");
	is_int(cs_clock_parse(".5"), CS_NO_CLOCK, "no seconds before the dot");
	is_int(cs_clock_parse("1e3"), CS_NO_CLOCK, "exponent");
	is_int(cs_clock_parse("99999999:00"), CS_NO_CLOCK, "huge");
	is_int(cs_clock_parse("1234567890"), CS_NO_CLOCK, "too many digits");
}

static void
test_clock_format(void)
{
	char buf[16];

	is_str(cs_clock_format(7200, buf, sizeof buf), "12:00", "12:00");
	is_str(cs_clock_format(4410, buf, sizeof buf), "7:21", "7:21");
	is_str(cs_clock_format(4419, buf, sizeof buf), "7:21", "tenths hidden above a minute");
	is_str(cs_clock_format(600, buf, sizeof buf), "1:00", "one minute");
	is_str(cs_clock_format(599, buf, sizeof buf), "59.9", "under a minute: tenths");
	is_str(cs_clock_format(546, buf, sizeof buf), "54.6", "54.6");
	is_str(cs_clock_format(5, buf, sizeof buf), "0.5", "0.5");
	is_str(cs_clock_format(0, buf, sizeof buf), "0.0", "zero");
	is_str(cs_clock_format(CS_NO_CLOCK, buf, sizeof buf), "--:--", "unknown");
	is_str(cs_clock_format(7200, buf, 3), "12", "bounded by the buffer");
}

static void
test_period_label(void)
{
	char buf[8];
	struct cs_period p = { CS_PERIOD_QUARTER, 1, 1 };

	is_str(cs_period_label(&p, buf, sizeof buf), "Q1", "Q1");
	p.number = p.sequence = 4;
	is_str(cs_period_label(&p, buf, sizeof buf), "Q4", "Q4");
	p = (struct cs_period){ CS_PERIOD_HALF, 2, 2 };
	is_str(cs_period_label(&p, buf, sizeof buf), "H2", "H2");
	p = (struct cs_period){ CS_PERIOD_OVERTIME, 1, 5 };
	is_str(cs_period_label(&p, buf, sizeof buf), "OT1", "OT1 by number, not sequence");
	p = (struct cs_period){ CS_PERIOD_OVERTIME, 2, 6 };
	is_str(cs_period_label(&p, buf, sizeof buf), "OT2", "OT2");
}

static void
test_strlcpy(void)
{
	char buf[8];

	cs_strlcpy(buf, "short", sizeof buf);
	is_str(buf, "short", "fits");
	cs_strlcpy(buf, "much too long", sizeof buf);
	is_str(buf, "much to", "truncated and terminated");
	cs_strlcpy(buf, NULL, sizeof buf);
	is_str(buf, "", "NULL source");
	memcpy(buf, "keep", 5);
	cs_strlcpy(buf, "xx", 0);
	is_str(buf, "keep", "size 0 writes nothing");
	cs_strlcpy(buf, "abc", 1);
	is_str(buf, "", "size 1");
}

static void
test_event_helpers(void)
{
	struct cs_event ev;
	struct cs_game_info info;
	struct cs_stat *st;
	int i;

	memset(&ev, 0x5a, sizeof ev);
	cs_event_init(&ev, CS_PROVIDER_SPORTRADAR);
	ok(ev.provider == CS_PROVIDER_SPORTRADAR && ev.clock == CS_NO_CLOCK &&
	    ev.side == CS_SIDE_NONE && ev.timeouts_remaining == CS_UNKNOWN &&
	    ev.nstats == 0 && ev.id[0] == '\0' && !ev.has_location, "cs_event_init defaults");
	st = cs_event_add_stat(&ev, CS_STAT_REBOUND, CS_AWAY);
	ok(st != NULL && st->type == CS_STAT_REBOUND && st->side == CS_AWAY &&
	    st->player.id[0] == '\0' && !st->offensive, "cs_event_add_stat");
	for (i = 1; i < CS_EVENT_STATS_MAX; i++)
		cs_event_add_stat(&ev, CS_STAT_ASSIST, CS_HOME);
	ok(cs_event_add_stat(&ev, CS_STAT_ASSIST, CS_HOME) == NULL, "stats capped");
	is_int(ev.nstats, CS_EVENT_STATS_MAX, "nstats at the cap");

	cs_game_info_init(&info, CS_PROVIDER_SHOTTRACKER);
	ok(info.provider == CS_PROVIDER_SHOTTRACKER && info.format == CS_FORMAT_QUARTERS &&
	    info.team[0].color == CS_NO_COLOR && info.team[1].color == CS_NO_COLOR &&
	    !info.has_team[0], "cs_game_info_init");

	is_str(cs_event_type_name(CS_EV_HEAVE), "heave", "event type name");
	is_str(cs_event_type_name(CS_EV_SUBSTITUTION), "lineupchange", "lineupchange");
	is_str(cs_event_type_name(CS_EV_TYPE_COUNT), "other", "out of range type");
	is_str(cs_event_type_name((enum cs_event_type)-3), "other", "negative type");
	is_str(cs_stat_type_name(CS_STAT_FIELD_GOAL), "fieldgoal", "stat type name");
	is_str(cs_stat_type_name(CS_STAT_TYPE_COUNT), "unknown", "out of range stat");
	is_str(cs_provider_name(CS_PROVIDER_SPORTRADAR), "sportradar", "provider name");
	is_str(cs_provider_name(CS_PROVIDER_SHOTTRACKER), "shottracker", "shottracker");
	is_str(cs_provider_name(CS_PROVIDER_NONE), "none", "no provider");
}

/* The one way a one-line failure reason is made (a cause reaches the
 * terminal, so it is stripped like any server string). */
static void
test_set_cause(void)
{
	char *cause = NULL;

	cs_set_cause(NULL, "ignored %d", 1);
	ok(1, "cs_set_cause: a NULL cause pointer is ignored");
	cs_set_cause(&cause, "cannot read %s: %d", "x.cap", 7);
	is_str(cause, "cannot read x.cap: 7", "cs_set_cause: formats");
	cs_set_cause(&cause, "second %s", "one");
	is_str(cause, "second one", "cs_set_cause: replaces (and frees) the old cause");
	cs_set_cause(&cause, "%s (after %d attempts)", cause, 3);
	is_str(cause, "second one (after 3 attempts)",
	    "cs_set_cause: the old cause can be an argument");
	cs_set_cause(&cause, "bad '%s'\tend\n", "\x1b[2Jx\x7f\xff\xc3\xa9");
	is_str(cause, "bad '[2Jx\xc3\xa9' end ",
	    "cs_set_cause: no control character or bad UTF-8 survives");
	free(cause);
}

static void
test_grow_and_hash(void)
{
	int *a = NULL;
	size_t cap = 0, i;
	bool kept = true;

	ok(cs_grow((void **)&a, &cap, 1, sizeof *a) == 0 && cap == 256, "grow: 256 first");
	for (i = 0; i < 256; i++)
		a[i] = (int)i;
	ok(cs_grow((void **)&a, &cap, 600, sizeof *a) == 0 && cap == 1024, "grow: doubles past need");
	for (i = 0; i < 256; i++)
		kept = kept && a[i] == (int)i;
	ok(kept, "grow: the items are kept");
	free(a);
	test_hash64();
}

int
main(void)
{
	test_sanitize();
	test_set_cause();
	test_clock_parse();
	test_clock_format();
	test_period_label();
	test_strlcpy();
	test_event_helpers();
	test_grow_and_hash();
	return tap_done();
}
