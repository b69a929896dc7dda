/*
 * Push lines read both ways: the allocation-free scan path
 * (sportradar_parse_push_scan, falling back to the tree when it declines,
 * as sportradar_parse_push does) against json-c's tree alone
 * (sportradar_parse_push_tree).  Two contexts get the same lines; every
 * callback either sends, every push info and the contexts' state must be
 * the same, field by field.  Lines: the recorded examples in
 * tests/data/sportradar, the fuzz corpus' streams, simulated games (with
 * overtimes, halves, corrections and deletes), and each of those lines
 * damaged one member at a time (wrong types, huge numbers, escapes,
 * control characters, repeated and unknown keys, cuts).
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "providers/sportradar.h"
#include "sim/simgame.h"
#include "tap.h"

#ifndef SR_TEST_DATA
#define SR_TEST_DATA "tests/data/sportradar"
#endif
#ifndef SR_FUZZ_CORPUS
#define SR_FUZZ_CORPUS "tests/fuzz/corpus/sportradar_push"
#endif

#include "sr_pair.h"

/* One line to both; false when they disagree. */
static bool
pair_line(struct pair *p, const char *line, size_t len)
{
	struct sportradar_push_info info[2];
	enum sportradar_push_kind kind;
	size_t n0 = p->rec[0].n, n1 = p->rec[1].n;

	p->lines++;
	memset(info, 0x5a, sizeof info);
	if (sportradar_parse_push_scan(p->ctx[0], line, len, &info[0]) == 0) {
		p->scanned++;
		kind = info[0].kind;
	} else {
		kind = sportradar_parse_push_tree(p->ctx[0], line, len, &info[0]);
	}
	if (sportradar_parse_push_tree(p->ctx[1], line, len, &info[1]) != kind ||
	    info[1].kind != kind) {
		snprintf(why, sizeof why, "kind %d vs %d", (int)kind, (int)info[1].kind);
		differ(p, line, len, why);
		return false;
	}
	if (info[0].heartbeat_ms != info[1].heartbeat_ms ||
	    info[0].points[0] != info[1].points[0] || info[0].points[1] != info[1].points[1] ||
	    (kind == SR_PUSH_EVENT && (info[0].type != info[1].type ||
	    memcmp(&info[0].period, &info[1].period, sizeof info[0].period) != 0))) {
		differ(p, line, len, "push info differs");
		return false;
	}
	return pair_calls_same(p, n0, n1, line, len);
}

/* Lines a stream splits into (the splitter the live feed uses). */
struct lines {
	char **v;
	size_t n, cap;
};

static void
lines_add(void *ctx, const char *line, size_t len)
{
	struct lines *l = ctx;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = realloc(l->v, l->cap * sizeof *l->v);
		if (l->v == NULL)
			abort();
	}
	l->v[l->n] = malloc(len + 1);
	if (l->v[l->n] == NULL)
		abort();
	memcpy(l->v[l->n], line, len);
	l->v[l->n][len] = '\0';
	l->n++;
}

static void
lines_free(struct lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

static void
lines_split(struct lines *l, const char *text, size_t len)
{
	struct sportradar_splitter *sp = sportradar_splitter_new(0, lines_add, NULL, l);

	sportradar_splitter_feed(sp, text, len);
	sportradar_splitter_feed(sp, "\n", 1);
	sportradar_splitter_free(&sp);
}

/* Every file of `dir` whose name starts with `prefix`, split into lines. */
static void
lines_of_dir(struct lines *l, const char *dir, const char *prefix)
{
	struct dirent **names;
	char path[1024], *text;
	size_t len;
	int n, i;

	n = scandir(dir, &names, NULL, alphasort);
	for (i = 0; i < n; i++) {
		if (names[i]->d_name[0] != '.' &&
		    strncmp(names[i]->d_name, prefix, strlen(prefix)) == 0) {
			snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
			if ((text = slurp(path, &len)) != NULL) {
				lines_split(l, text, len);
				free(text);
			}
		}
		free(names[i]);
	}
	if (n >= 0)
		free(names);
}

/* --- the cases --- */

static void
check_stream(const char *name, const char *summary, const char *game_id,
    const char *const *lines, size_t n, bool all_scanned)
{
	struct pair p;
	size_t i, events;

	pair_init(&p, game_id);
	if (summary != NULL)
		pair_summary(&p, summary);
	for (i = 0; i < n; i++)
		pair_line(&p, lines[i], strlen(lines[i]));
	for (i = 0, events = 0; i < p.rec[0].n; i++)
		events += p.rec[0].v[i].kind == REC_EVENT;
	ok(p.differ == 0 && events > 0, "%s: %lu lines read alike both ways (%zu events)%s%s",
	    name, p.lines, events, p.differ ? ": " : "", p.differ ? p.first : "");
	if (all_scanned)
		ok(p.scanned == p.lines, "%s: the scanner read %lu of %lu lines itself", name,
		    p.scanned, p.lines);
	else
		ok(p.scanned > 0, "%s: the scanner read %lu of %lu lines itself", name, p.scanned,
		    p.lines);
	pair_free(&p);
}

static void
check_sim(const char *name, const struct sim_options *opt)
{
	struct sim_game *g = sim_game_generate(opt);
	const struct sim_msg *msgs;
	const char **lines;
	char *summary;
	size_t n, i;

	if (g == NULL) {
		ok(0, "%s: a simulated game", name);
		return;
	}
	n = sim_game_sr_stream(g, &msgs);
	lines = malloc(n * sizeof *lines);
	if (lines == NULL)
		abort();
	for (i = 0; i < n; i++)
		lines[i] = msgs[i].json;
	summary = sim_game_sr_summary(g, 0);
	check_stream(name, summary, sim_game_id(g, CS_PROVIDER_SPORTRADAR), lines, n, true);
	free(summary);
	free(lines);
	sim_game_free(&g);
}

/*
 * Each of `base`'s members named in odd_keys, changed each way, read after
 * the lines before it (`before`, for the state) and followed by `after`
 * (the state it left).  Returns the number of cases.
 */
static unsigned long
check_mutations(const char *name, const char *summary, const char *game_id,
    const char *const *before, size_t nbefore, const char *base, const char *after,
    size_t stride)
{
	struct buf b = { NULL, 0, 0 };
	struct pair p, start;
	const char *at, *key_at, *value;
	char pat[64];
	size_t i, k, v, nvalues;
	unsigned long cases = 0, differ = 0, scanned = 0;
	char first[700] = "";
	int m;

	/* the state before the damaged line, read once and copied */
	pair_init(&start, game_id);
	if (summary != NULL)
		pair_summary(&start, summary);
	for (i = 0; i < nbefore; i++)
		pair_line(&start, before[i], strlen(before[i]));
	pair_init(&p, game_id);
	for (k = 0; k < sizeof odd_keys / sizeof odd_keys[0]; k++) {
		snprintf(pat, sizeof pat, "\"%s\":", odd_keys[k]);
		for (key_at = strstr(base, pat); key_at != NULL; key_at = strstr(key_at + 1, pat)) {
			at = key_at + strlen(pat);
			for (m = 0; m < MUT_N; m++) {
				nvalues = m == MUT_REPLACE ? sizeof odd_values / sizeof odd_values[0] :
				    m == MUT_ESCAPED_KEY ? 1 : sizeof dup_values / sizeof dup_values[0];
				for (v = 0; v < nvalues; v += m == MUT_REPLACE ? stride : 1) {
					value = m == MUT_REPLACE ? odd_values[v] :
					    m == MUT_ESCAPED_KEY ? "\"x\"" : dup_values[v];
					mutate(&b, base, key_at, at, (enum mutation)m, value);
					pair_copy(&p, &start);
					pair_line(&p, b.p, b.len);
					if (after != NULL)
						pair_line(&p, after, strlen(after));
					cases++;
					scanned += p.scanned;
					if (p.differ != 0 && differ++ == 0)
						snprintf(first, sizeof first, "%s=%s (%d): %s", odd_keys[k],
						    value, m, p.first);
				}
			}
		}
	}
	pair_free(&p);
	pair_free(&start);
	free(b.p);
	ok(differ == 0 && cases > 0, "%s: %lu damaged versions read alike both ways%s%s", name,
	    cases, differ ? ": " : "", first);
	ok(scanned > cases / 2, "%s: the scanner read %lu of their %lu lines itself", name, scanned,
	    cases + (after != NULL ? cases : 0));
	return cases;
}

/* Whole-line oddities: cuts, garbage, other roots, whitespace, NULs. */
static void
check_odd_lines(const char *base)
{
	static const char *const odd[] = {
		"", " ", "\r\n", "{", "}", "{}", "[]", "[{}]", "null", "\"x\"", "12",
		"{\"heartbeat\":{\"interval\":5000}}", "{\"heartbeat\":null}", "{\"heartbeat\":5}",
		"{\"heartbeat\":{\"interval\":5000}} ", "  {\"heartbeat\":{\"interval\":1}}",
		"{\"heartbeat\":{\"interval\":5000}}x", "{\"heartbeat\":{\"interval\":5000},}",
		"{\"heartbeat\":{\"interval\":05000}}", "{\"heartbeat\":{\"interval\":NaN}}",
		"{\"heartbeat\":{\"interval\":-Infinity}}", "{'heartbeat':{}}",
		"{\"heartbeat\":{\"interval\":5000}}{\"heartbeat\":{}}",
		"{\"payload\":{\"game\":{\"id\":\"x\"}}}", "{\"payload\":{\"event\":{}}}",
		"{\"payload\":{\"event\":{\"id\":\"e1\",\"period\":{\"number\":1}}}}",
		"{\"payload\":{\"event\":{\"id\":\"e1\",\"period\":{\"sequence\":9999999}}}}",
		"{\"payload\":{\"event\":{\"id\":\"e1\"}},\"operation\":\"delete\"}",
		"{\"payload\":{\"event\":{\"id\":\"e1\"}},\"metadata\":{\"operation\":\"delete\"},\"operation\":\"update\"}",
		"{\"payload\":{\"event\":{\"id\":\"e1\",\"period\":{\"number\":1},\"statistics\":[{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}]}}}",
		"{\"payload\":{\"event\":{\"id\":\"e1\",\"period\":{\"number\":1},\"on_court\":{\"home\":{\"players\":[{},{},{},{},{},{},{},{},{},{}]}}}}}",
		"{\"payload\":{\"event\":{\"id\":\"e1\",\"period\":{\"number\":1},\"description\":\"\\u00e9\"}}}",
		"{\"payload\":{\"event\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}",
		"{\"payload\":{\"event\":{\"id\":\"e1\",\"period\":{\"number\":1}}}}\n",
		"{\"payload\":{\"event\":{\"id\":\"e1\",\"period\":{\"number\":1},\"unknown\":{\"id\":\"no\"},\"id\":\"e2\"}}}",
	};
	struct pair p;
	size_t i, cut, len = strlen(base);
	struct buf b = { NULL, 0, 0 };

	pair_init(&p, NULL);
	for (i = 0; i < sizeof odd / sizeof odd[0]; i++)
		pair_line(&p, odd[i], strlen(odd[i]));
	/* a NUL inside, and the line cut at every 7th byte */
	put(&b, base, len);
	b.p[len / 2] = '\0';
	pair_line(&p, b.p, len);
	for (cut = 0; cut < len; cut += 7)
		pair_line(&p, base, cut);
	ok(p.differ == 0, "odd lines: %lu read alike both ways%s%s", p.lines,
	    p.differ ? ": " : "", p.differ ? p.first : "");
	ok(p.scanned > 0 && p.scanned < p.lines, "odd lines: the scanner read %lu, json-c the other %lu",
	    p.scanned, p.lines - p.scanned);
	pair_free(&p);
	free(b.p);
}

/*
 * Seeds page 004 (NBA G League Push Events) prints no payload, only each
 * field with its example value; these lines are made of those values
 * (jersey_number an integer, as its table types it; metadata.players with
 * the empty "sd:player:" it shows; every qualifier it lists).
 */
#define P004_GAME "\"game\":{\"id\":\"1f730a9a-8221-48ff-a259-ac2103fb58b0\"," \
	"\"status\":\"inprogress\",\"coverage\":\"full\",\"reference\":\"1610612758\"," \
	"\"title\":\"Game 3\",\"scheduled\":\"2022-09-25T20:10:00+00:00\"," \
	"\"time_zones\":{\"venue\":\"US/Eastern\",\"home\":\"US/Eastern\",\"away\":\"US/Pacific\"}," \
	"\"home\":{\"name\":\"Blue Coats\",\"market\":\"Delaware\"," \
	"\"id\":\"67a79348-041a-45f6-bb12-722d38dc8dbf\",\"points\":21,\"bonus\":false," \
	"\"remaining_timeouts\":5},\"away\":{\"name\":\"Warriors\",\"market\":\"Santa Cruz\"," \
	"\"id\":\"fb26de83-c7a1-44be-902a-9bf60f74f610\",\"points\":19,\"bonus\":true," \
	"\"remaining_timeouts\":6}}"
#define P004_PLAYER(name, id, jersey) \
	"{\"full_name\":\"" name "\",\"jersey_number\":" jersey ",\"id\":\"" id "\"}"
#define P004_FIVE \
	"\"players\":[" P004_PLAYER("Brandon Paul", "09e2f4e8-4519-47a0-849b-10a257205e5a", "3") "," \
	P004_PLAYER("A Two", "7fb15c57-6024-4b0c-9493-8d52d3ef3c24", "12") "," \
	P004_PLAYER("A Three", "11111111-4519-47a0-849b-10a257205e5a", "0") "," \
	P004_PLAYER("A Four", "22222222-4519-47a0-849b-10a257205e5a", "21") "," \
	P004_PLAYER("A Five", "33333333-4519-47a0-849b-10a257205e5a", "44") "]"
#define P004_EVENT(id, type, extra) \
	"\"event\":{\"id\":\"" id "\",\"event_type\":\"" type "\",\"number\":41," \
	"\"sequence\":1678835426293,\"clock\":\"12:37\",\"clock_decimal\":\"00:21.70\"," \
	"\"created\":\"2022-09-25T23:00:45+00:00\",\"updated\":\"2022-09-25T23:00:45+00:00\"," \
	"\"wall_clock\":\"2023-03-14T23:10:26Z\"," \
	"\"description\":\"Kevon Looney makes two point jump shot (Klay Thompson assists)\"," \
	"\"home_points\":21,\"away_points\":19," \
	"\"attribution\":{\"name\":\"Blue Coats\",\"market\":\"Delaware\"," \
	"\"id\":\"67a79348-041a-45f6-bb12-722d38dc8dbf\",\"team_basket\":\"left\"}," \
	"\"possession\":{\"name\":\"Blue Coats\",\"market\":\"Delaware\"," \
	"\"id\":\"67a79348-041a-45f6-bb12-722d38dc8dbf\"}," \
	"\"location\":{\"coord_x\":300,\"coord_y\":250,\"action_area\":\"underbasket\"}," \
	"\"period\":{\"id\":\"fece1ac0-b703-4478-8a7c-3f27313dec97\",\"number\":2," \
	"\"sequence\":2,\"type\":\"quarter\"}," \
	"\"on_court\":{\"home\":{\"name\":\"Blue Coats\",\"market\":\"Delaware\"," \
	"\"id\":\"67a79348-041a-45f6-bb12-722d38dc8dbf\"," P004_FIVE "}," \
	"\"away\":{\"name\":\"Warriors\",\"id\":\"fb26de83-c7a1-44be-902a-9bf60f74f610\"," \
	P004_FIVE "}}" extra "}"
#define P004_META(op) \
	"\"metadata\":{\"league\":\"NBDL\",\"match\":\"sd:match:0c2d1f82-a3de-4754-987e-4c1158ba2969\"," \
	"\"status\":\"inprogress\",\"team\":\"sd:team:fb26de83-c7a1-44be-902a-9bf60f74f610\"," \
	"\"players\":\"sd:player:,sd:player:7fb15c57-6024-4b0c-9493-8d52d3ef3c24," \
	"sd:player:09e2f4e8-4519-47a0-849b-10a257205e5a\",\"event_type\":\"threepointmiss\"," \
	"\"event_category\":\"shot\",\"locale\":\"en\",\"operation\":\"" op "\",\"version\":\"v7\"}"
#define P004_TEAM "\"team\":{\"name\":\"Blue Coats\",\"market\":\"Delaware\"," \
	"\"id\":\"67a79348-041a-45f6-bb12-722d38dc8dbf\"}"
#define P004_STAT_PLAYER "\"player\":" \
	P004_PLAYER("Brandon Paul", "09e2f4e8-4519-47a0-849b-10a257205e5a", "3")

static const char *const page_004_lines[] = {
	"{\"payload\":{" P004_GAME "," P004_EVENT("b9feda23-c03f-4304-afa4-06d7dc830651",
	    "twopointmade", ",\"qualifiers\":[{\"qualifier\":\"2ndchance\"},"
	    "{\"qualifier\":\"fastbreak\"},{\"qualifier\":\"fromturnover\"},"
	    "{\"qualifier\":\"defensivegoaltending\"},{\"qualifier\":\"pointsinthepaint\"},"
	    "{\"qualifier\":\"team\"},{\"qualifier\":\"deadball\"},"
	    "{\"qualifier\":\"1freethrow.2freethrow\"},{\"qualifier\":\"mandatory\"}],"
	    "\"statistics\":[{\"type\":\"fieldgoal\",\"made\":true,\"points\":2,"
	    "\"shot_type\":\"jump shot\",\"shot_type_desc\":\"alley-oop\",\"shot_distance\":2.37,"
	    "\"three_point_shot\":false," P004_TEAM "," P004_STAT_PLAYER "},"
	    "{\"type\":\"assist\"," P004_TEAM ",\"player\":" P004_PLAYER("A Two",
	    "7fb15c57-6024-4b0c-9493-8d52d3ef3c24", "12") "}]") "},\"locale\":\"en\","
	    P004_META("update") "}",
	"{\"payload\":{" P004_GAME "," P004_EVENT("c9feda23-c03f-4304-afa4-06d7dc830651",
	    "freethrowmade", ",\"attempt\":\"1 of 2\",\"statistics\":[{\"type\":\"freethrow\","
	    "\"made\":true,\"free_throw_type\":\"regular\"," P004_TEAM "," P004_STAT_PLAYER "}]")
	    "}," P004_META("update") "}",
	"{\"payload\":{" P004_GAME "," P004_EVENT("d9feda23-c03f-4304-afa4-06d7dc830651",
	    "rebound", ",\"statistics\":[{\"type\":\"rebound\",\"rebound_type\":\"defensive\","
	    P004_TEAM "," P004_STAT_PLAYER "}]") "}," P004_META("update") "}",
	"{\"payload\":{" P004_GAME "," P004_EVENT("e9feda23-c03f-4304-afa4-06d7dc830651",
	    "turnover", ",\"turnover_type\":\"Traveling\",\"statistics\":[{\"type\":\"turnover\","
	    P004_TEAM "," P004_STAT_PLAYER "}]") "}," P004_META("update") "}",
	"{\"payload\":{" P004_GAME "," P004_EVENT("f9feda23-c03f-4304-afa4-06d7dc830651",
	    "teamtimeout", ",\"duration\":60") "}," P004_META("update") "}",
	"{\"payload\":{" P004_GAME ",\"event\":{\"id\":\"b9feda23-c03f-4304-afa4-06d7dc830651\","
	    "\"deleted\":\"2022-09-25T23:00:45+00:00\"}}," P004_META("delete") "}",
	"{\"heartbeat\":{\"interval\":5000}}",
};

int
main(void)
{
	struct sim_options opt;
	struct lines data = { NULL, 0, 0 }, fuzz = { NULL, 0, 0 };
	struct sim_game *g;
	const struct sim_msg *msgs;
	const char *before[4];
	char *summary, name[64];
	size_t n, i;
	unsigned long cases = 0;

	lines_of_dir(&data, SR_TEST_DATA, "push_");
	ok(data.n >= 10, "the recorded push examples: %zu lines", data.n);
	check_stream("recorded push examples", NULL, NULL, (const char *const *)data.v, data.n,
	    true);
	check_stream("page 004's example values", NULL, NULL, page_004_lines,
	    sizeof page_004_lines / sizeof page_004_lines[0], true);
	lines_of_dir(&fuzz, SR_FUZZ_CORPUS, "");
	check_stream("fuzz corpus streams", NULL, NULL, (const char *const *)fuzz.v, fuzz.n,
	    false);

	pair_sims(check_sim);

	/* every recorded example damaged, after a line and before another */
	for (i = 0; i < data.n; i++) {
		snprintf(name, sizeof name, "recorded example %zu", i + 1);
		before[0] = data.v[(i + 1) % data.n];
		cases += check_mutations(name, NULL, NULL, before, 1, data.v[i], NULL,
		    3 + i % 2);
	}
	before[0] = page_004_lines[4];
	cases += check_mutations("page 004's shot", NULL, NULL, before, 1, page_004_lines[0],
	    page_004_lines[1], 2);
	/* lines of a game, with its roster and state before them */
	memset(&opt, 0, sizeof opt);
	opt.seed = 7;
	g = sim_game_generate(&opt);
	n = g != NULL ? sim_game_sr_stream(g, &msgs) : 0;
	if (n > 300) {
		summary = sim_game_sr_summary(g, 0);
		for (i = 120; i < 300; i += 120) {
			before[0] = msgs[i - 2].json;
			before[1] = msgs[i - 1].json;
			cases += check_mutations("a game's line", summary,
			    sim_game_id(g, CS_PROVIDER_SPORTRADAR), before, 2, msgs[i].json,
			    msgs[i + 1].json, 1);
		}
		free(summary);
	} else {
		ok(0, "a simulated game for the damaged lines");
	}
	sim_game_free(&g);
	ok(cases > 40000, "%lu damaged lines in all", cases);
	check_odd_lines(data.v[0]);
	lines_free(&data);
	lines_free(&fuzz);
	return tap_done();
}
