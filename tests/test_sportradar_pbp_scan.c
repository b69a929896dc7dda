/*
 * pbp.json's events read both ways: by the push scanner's event walker
 * (sportradar_parse_pbp: json-c only where the scanner declines, as a
 * push line falls back) against json-c's tree alone
 * (sportradar_parse_pbp_read with `tree`).  Two contexts get the same
 * documents, with push lines between them; every callback either sends,
 * what each returns and the contexts' state must be the same, field by
 * field (sr_pair.h).  Documents: the fixtures of tests/data/sportradar,
 * simulated games at half time and at their end (overtimes, halves,
 * corrections, deletes), and documents of three events of those whose
 * middle one is damaged one member at a time (wrong types, odd numbers,
 * escapes, control characters, repeated and escaped keys), among them
 * players named only by a reference and events both listed and deleted.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "sim/simgame.h"
#include "sr_pair.h"
#include "tap.h"

#ifndef SR_TEST_DATA
#define SR_TEST_DATA "tests/data/sportradar"
#endif

#define OCCURRENCES_MAX 3        /* of one key in the damaged event */

/* One pbp.json to both: the scanner's reading, the tree's. */
static bool
pair_doc(struct pair *p, const char *doc, size_t len)
{
	size_t n0 = p->rec[0].n, n1 = p->rec[1].n, scanned = 0;
	int r0, r1;

	p->lines++;
	r0 = sportradar_parse_pbp_read(p->ctx[0], doc, len, false, &scanned);
	p->scanned += scanned;
	r1 = sportradar_parse_pbp_read(p->ctx[1], doc, len, true, NULL);
	if (r0 != r1) {
		snprintf(why, sizeof why, "pbp.json gave %d vs %d", r0, r1);
		differ(p, doc, len, why);
		return false;
	}
	return pair_calls_same(p, n0, n1, doc, len);
}

/* One push line to both, as the provider reads it and by the tree. */
static bool
pair_push(struct pair *p, const char *line)
{
	size_t n0 = p->rec[0].n, n1 = p->rec[1].n, len = strlen(line);

	if (sportradar_parse_push(p->ctx[0], line, len, NULL) !=
	    sportradar_parse_push_tree(p->ctx[1], line, len, NULL)) {
		differ(p, line, len, "push kinds differ");
		return false;
	}
	return pair_calls_same(p, n0, n1, line, len);
}

/* --- documents --- */

static const char *
js(struct json_object *o)
{
	return json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE);
}

static struct json_object *
member(struct json_object *o, const char *key)
{
	struct json_object *v = NULL;

	return json_object_object_get_ex(o, key, &v) ? v : NULL;
}

/* The event objects of a document's periods[] (what the scanner may read). */
static size_t
events_in(const char *doc)
{
	struct json_object *root = json_tokener_parse(doc), *periods, *events;
	size_t i, j, n = 0;

	periods = member(root, "periods");
	for (i = 0; periods != NULL && i < json_object_array_length(periods); i++) {
		events = member(json_object_array_get_idx(periods, i), "events");
		for (j = 0; events != NULL && j < json_object_array_length(events); j++)
			n += json_object_is_type(json_object_array_get_idx(events, j),
			    json_type_object);
	}
	json_object_put(root);
	return n;
}

/* A step of a game: a summary.json, a pbp.json or a push line. */
struct step {
	char kind;                   /* 's', 'd', 'p' */
	const char *text;
};

/*
 * The steps to both contexts: everything alike, some events delivered,
 * and the scanner reading `expect` event objects itself (0: at least one).
 */
static void
check_steps(const char *name, const char *game_id, const struct step *s, size_t n,
    size_t expect)
{
	struct pair p;
	size_t i, events = 0, docs = 0;

	pair_init(&p, game_id);
	for (i = 0; i < n; i++) {
		if (s[i].kind == 's') {
			sportradar_parse_summary(p.ctx[0], s[i].text, strlen(s[i].text));
			sportradar_parse_summary(p.ctx[1], s[i].text, strlen(s[i].text));
		} else if (s[i].kind == 'd') {
			pair_doc(&p, s[i].text, strlen(s[i].text));
			docs++;
		} else {
			pair_push(&p, s[i].text);
		}
	}
	for (i = 0; i < p.rec[0].n; i++)
		events += p.rec[0].v[i].kind == REC_EVENT;
	ok(p.differ == 0 && events > 0, "%s: %zu documents read alike both ways (%zu events "
	    "delivered)%s%s", name, docs, events, p.differ ? ": " : "", p.differ ? p.first : "");
	if (expect > 0)
		ok(p.scanned == expect, "%s: the scanner read %lu of %zu events itself", name,
		    p.scanned, expect);
	else
		ok(p.scanned > 0, "%s: the scanner read %lu events itself", name, p.scanned);
	pair_free(&p);
}

static void
check_fixture(const char *file, const char *summary)
{
	char path[1024], name[128];
	struct step s[3];
	size_t len, n;
	char *doc;

	snprintf(path, sizeof path, "%s/%s", SR_TEST_DATA, file);
	doc = slurp(path, &len);
	if (doc == NULL) {
		ok(0, "%s: read", path);
		return;
	}
	n = events_in(doc);
	s[0] = (struct step){ 'd', doc };
	snprintf(name, sizeof name, "%s", file);
	check_steps(name, NULL, s, 1, n);
	/* after the rosters, and read again (every event an older or equal
	 * version by then) */
	s[0] = (struct step){ 's', summary };
	s[1] = (struct step){ 'd', doc };
	s[2] = (struct step){ 'd', doc };
	snprintf(name, sizeof name, "%s after summary.json, twice", file);
	check_steps(name, NULL, s, 3, 2 * n);
	free(doc);
}

/* A game's summary, its pbp.json at half time, its push stream, its
 * final pbp.json. */
static void
check_sim(const char *name, const struct sim_options *opt)
{
	struct sim_game *g = sim_game_generate(opt);
	const struct sim_msg *msgs;
	struct step *s;
	char *summary, *half, *final;
	size_t n, i, k = 0;

	if (g == NULL) {
		ok(0, "%s: a simulated game", name);
		return;
	}
	n = sim_game_sr_stream(g, &msgs);
	summary = sim_game_sr_summary(g, 0);
	half = sim_game_sr_pbp(g, sim_game_end_ms(g) / 2);
	final = sim_game_sr_pbp(g, SIM_END);
	s = malloc((n + 3) * sizeof *s);
	if (s == NULL || summary == NULL || half == NULL || final == NULL)
		abort();
	s[k++] = (struct step){ 's', summary };
	s[k++] = (struct step){ 'd', half };
	for (i = 0; i < n; i++)
		s[k++] = (struct step){ 'p', msgs[i].json };
	s[k++] = (struct step){ 'd', final };
	check_steps(name, sim_game_id(g, CS_PROVIDER_SPORTRADAR), s, k,
	    events_in(half) + events_in(final));
	free(s);
	free(summary);
	free(half);
	free(final);
	sim_game_free(&g);
}

/* --- one event damaged --- */

/*
 * A document of three events of `src`'s period `pi` (the j-th in the
 * middle), its header, and deleted_events naming the middle one (listed
 * as well: it stays) and one not listed.  span[0], span[1]: the middle
 * event's bytes; span[2], span[3]: the period's type, number and sequence.
 * NULL when the period has no j-th event with one on each side.
 */
static char *
three_events(struct json_object *src, size_t pi, size_t j, size_t span[4])
{
	static const char *const header[] = { "id", "status", "home", "away" };
	static const char *const period_keys[] = { "type", "number", "sequence" };
	struct json_object *period, *events, *id;
	struct buf b = { NULL, 0, 0 };
	const char *t;
	size_t i;

	period = json_object_array_get_idx(member(src, "periods"), pi);
	events = member(period, "events");
	if (events == NULL || j == 0 || j + 1 >= json_object_array_length(events))
		return NULL;
	put(&b, "{", 1);
	for (i = 0; i < 4; i++) {
		t = js(member(src, header[i]));
		put(&b, i > 0 ? ",\"" : "\"", i > 0 ? 2 : 1);
		put(&b, header[i], strlen(header[i]));
		put(&b, "\":", 2);
		put(&b, t, strlen(t));
	}
	put(&b, ",\"periods\":[{", 13);
	span[2] = b.len;
	for (i = 0; i < 3; i++) {
		t = js(member(period, period_keys[i]));
		put(&b, i > 0 ? ",\"" : "\"", i > 0 ? 2 : 1);
		put(&b, period_keys[i], strlen(period_keys[i]));
		put(&b, "\":", 2);
		put(&b, t, strlen(t));
	}
	span[3] = b.len;
	put(&b, ",\"events\":[", 11);
	for (i = j - 1; i <= j + 1; i++) {
		if (i == j)
			span[0] = b.len;
		t = js(json_object_array_get_idx(events, i));
		put(&b, t, strlen(t));
		if (i == j)
			span[1] = b.len;
		put(&b, i <= j ? "," : "", i <= j ? 1 : 0);
	}
	put(&b, "]}],\"deleted_events\":[\"gone-1\",{\"id\":", 37);
	id = member(json_object_array_get_idx(events, j), "id");
	t = js(id);
	put(&b, t, strlen(t));
	put(&b, "}]}", 3);
	return b.p;
}

/*
 * The bytes [t0, t1) of `doc` (an event, a period) with each member named
 * in odd_keys (the first OCCURRENCES_MAX times each) changed each way,
 * odd_values every `stride`-th, each document read by both after
 * `summary`.  Returns the cases.
 */
static unsigned long
check_damage(const char *name, const char *summary, const char *game_id, const char *doc,
    size_t t0, size_t t1, size_t stride)
{
	struct buf b = { NULL, 0, 0 };
	struct pair p, start;
	const char *key_at, *value;
	char pat[64], first[900] = "";
	size_t k, v, nvalues, occ;
	unsigned long cases = 0, differ = 0, scanned = 0;
	int m;

	pair_init(&start, game_id);
	if (summary != NULL) {
		sportradar_parse_summary(start.ctx[0], summary, strlen(summary));
		sportradar_parse_summary(start.ctx[1], summary, strlen(summary));
	}
	pair_init(&p, game_id);
	for (k = 0; k < sizeof odd_keys / sizeof odd_keys[0]; k++) {
		snprintf(pat, sizeof pat, "\"%s\":", odd_keys[k]);
		occ = 0;
		for (key_at = strstr(doc + t0, pat);
		    key_at != NULL && key_at < doc + t1 && occ < OCCURRENCES_MAX;
		    key_at = strstr(key_at + 1, pat), occ++) {
			for (m = 0; m < MUT_N; m++) {
				nvalues = m == MUT_REPLACE ? sizeof odd_values / sizeof odd_values[0] :
				    m == MUT_ESCAPED_KEY ? 1 : sizeof dup_values / sizeof dup_values[0];
				/* from a place that moves with the key */
				for (v = m == MUT_REPLACE ? (k + occ) % stride : 0; v < nvalues;
				    v += m == MUT_REPLACE ? stride : 1) {
					value = m == MUT_REPLACE ? odd_values[v] :
					    m == MUT_ESCAPED_KEY ? "\"x\"" : dup_values[v];
					mutate(&b, doc, key_at, key_at + strlen(pat), (enum mutation)m,
					    value);
					pair_copy(&p, &start);
					pair_doc(&p, b.p, b.len);
					cases++;
					scanned += p.scanned;
					if (p.differ != 0 && differ++ == 0)
						snprintf(first, sizeof first, "%s=%.60s (%d): %s", odd_keys[k],
						    value, m, why);
				}
			}
		}
	}
	pair_free(&p);
	pair_free(&start);
	free(b.p);
	ok(differ == 0 && cases > 0, "%s: %lu damaged documents read alike both ways%s%s", name,
	    cases, differ ? ": " : "", first);
	/* three events a document; the damage declines some */
	ok(scanned > 2 * cases, "%s: the scanner read %lu of their %lu events itself", name,
	    scanned, 3 * cases);
	return cases;
}

/* The j-th event of period pi of `src` damaged, and with `period` its
 * period's fields (a period skipped, or placed otherwise). */
static unsigned long
damage_event(const char *name, const char *summary, const char *game_id,
    struct json_object *src, size_t pi, size_t j, bool period)
{
	size_t span[4] = { 0, 0, 0, 0 };
	char *doc = three_events(src, pi, j, span), what[128];
	unsigned long cases;

	if (doc == NULL) {
		ok(0, "%s: period %zu has an event %zu between two", name, pi + 1, j + 1);
		return 0;
	}
	cases = check_damage(name, summary, game_id, doc, span[0], span[1], 5);
	snprintf(what, sizeof what, "%s, its period damaged", name);
	if (period)
		cases += check_damage(what, summary, game_id, doc, span[2], span[3], 1);
	free(doc);
	return cases;
}

/* The first event of period pi of `src` whose event_type is `type`. */
static size_t
event_of_type(struct json_object *src, size_t pi, const char *type)
{
	struct json_object *events = member(json_object_array_get_idx(member(src, "periods"),
	    pi), "events");
	const char *t;
	size_t j, n = events != NULL ? json_object_array_length(events) : 0;

	for (j = 1; j + 1 < n; j++) {
		t = json_object_get_string(member(json_object_array_get_idx(events, j),
		    "event_type"));
		if (t != NULL && strcmp(t, type) == 0)
			return j;
	}
	return 0;
}

int
main(void)
{
	static const char *const types[] = { "twopointmade", "freethrowmiss", "rebound",
		"teamtimeout", "lineupchange" };
	struct sim_options opt;
	struct json_object *src;
	struct sim_game *g;
	char path[1024], *summary, *sim_summary, *doc, name[96];
	unsigned long cases = 0;
	size_t len, i, j;

	snprintf(path, sizeof path, "%s/summary.json", SR_TEST_DATA);
	summary = slurp(path, &len);
	if (summary == NULL) {
		ok(0, "read %s", path);
		return tap_done();
	}
	check_fixture("pbp_overtime.json", summary);
	check_fixture("pbp_halves.json", summary);
	check_fixture("pbp_old.json", summary);

	pair_sims(check_sim);

	/* the fixture's players have no ids, only references (an event held
	 * to the document's end); its shots have statistics and locations */
	snprintf(path, sizeof path, "%s/pbp_overtime.json", SR_TEST_DATA);
	doc = slurp(path, &len);
	src = doc != NULL ? json_tokener_parse(doc) : NULL;
	cases += damage_event("pbp_overtime.json's three", summary, NULL, src, 0, 1, true);
	json_object_put(src);
	free(doc);

	/* a game's events with ids, after its roster: each kind of play */
	memset(&opt, 0, sizeof opt);
	opt.seed = 7;
	g = sim_game_generate(&opt);
	doc = g != NULL ? sim_game_sr_pbp(g, SIM_END) : NULL;
	src = doc != NULL ? json_tokener_parse(doc) : NULL;
	sim_summary = g != NULL ? sim_game_sr_summary(g, 0) : NULL;
	for (i = 0; i < sizeof types / sizeof types[0]; i++) {
		j = src != NULL ? event_of_type(src, 1, types[i]) : 0;
		if (j == 0)
			continue;   /* no such play in the second quarter */
		snprintf(name, sizeof name, "a game's %s", types[i]);
		cases += damage_event(name, sim_summary, sim_game_id(g, CS_PROVIDER_SPORTRADAR),
		    src, 1, j, i == 0);
	}
	ok(cases > 4000, "%lu damaged documents in all", cases);
	json_object_put(src);
	free(doc);
	free(sim_summary);
	sim_game_free(&g);
	free(summary);
	return tap_done();
}
