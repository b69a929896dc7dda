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

/* --- what a sink was sent, in order --- */

enum rec_kind { REC_EVENT, REC_DELETE, REC_GAME, REC_WARNING };

struct rec {
	enum rec_kind kind;
	struct cs_event ev;          /* REC_EVENT */
	struct cs_game_info info;    /* REC_GAME */
	char text[512];              /* REC_DELETE id, REC_WARNING message */
};

struct recorder {
	struct rec *v;
	size_t n, cap;
};

static struct rec *
rec_add(struct recorder *r, enum rec_kind kind)
{
	struct rec *x;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->v = realloc(r->v, r->cap * sizeof *r->v);
		if (r->v == NULL)
			abort();
	}
	x = &r->v[r->n++];
	memset(x, 0, sizeof *x);
	x->kind = kind;
	return x;
}

static void
on_event(void *ctx, const struct cs_event *ev)
{
	rec_add(ctx, REC_EVENT)->ev = *ev;
}

static void
on_delete(void *ctx, const char *id)
{
	snprintf(rec_add(ctx, REC_DELETE)->text, sizeof ((struct rec *)0)->text, "%s", id);
}

static void
on_game(void *ctx, const struct cs_game_info *info)
{
	rec_add(ctx, REC_GAME)->info = *info;
}

static void
on_warning(void *ctx, const char *msg)
{
	snprintf(rec_add(ctx, REC_WARNING)->text, sizeof ((struct rec *)0)->text, "%s", msg);
}

/* --- field by field --- */

static char why[512];

static bool
ref_differs(const char *what, const struct cs_player_ref *a, const struct cs_player_ref *b)
{
	if (strcmp(a->id, b->id) != 0 || strcmp(a->name, b->name) != 0 ||
	    strcmp(a->jersey, b->jersey) != 0) {
		snprintf(why, sizeof why, "%s: %s/%s/%s vs %s/%s/%s", what, a->id, a->name,
		    a->jersey, b->id, b->name, b->jersey);
		return true;
	}
	return false;
}

#define FIELD(name, fmt, cast) \
	if (a->name != b->name) { \
		snprintf(why, sizeof why, "event %s: " #name " " fmt " vs " fmt, a->id, \
		    (cast)a->name, (cast)b->name); \
		return true; \
	}
#define TEXT(name) \
	if (strcmp(a->name, b->name) != 0) { \
		snprintf(why, sizeof why, "event %s: " #name " '%s' vs '%s'", a->id, a->name, b->name); \
		return true; \
	}

static bool
event_differs(const struct cs_event *a, const struct cs_event *b)
{
	char what[96];
	int i, s, k;

	TEXT(id);
	FIELD(provider, "%d", int);
	FIELD(sequence, "%lld", long long);
	FIELD(number, "%d", int);
	FIELD(period.type, "%d", int);
	FIELD(period.number, "%d", int);
	FIELD(period.sequence, "%d", int);
	FIELD(clock, "%d", int);
	FIELD(wall_ms, "%lld", long long);
	FIELD(type, "%d", int);
	FIELD(side, "%d", int);
	TEXT(provider_type);
	TEXT(description);
	FIELD(has_location, "%d", int);
	FIELD(x, "%d", int);
	FIELD(y, "%d", int);
	FIELD(timeouts_remaining, "%d", int);
	FIELD(corrected, "%d", int);
	FIELD(qualifiers, "%u", unsigned);
	FIELD(nstats, "%d", int);
	for (i = 0; i < a->nstats; i++) {
		FIELD(stats[i].type, "%d", int);
		FIELD(stats[i].side, "%d", int);
		FIELD(stats[i].made, "%d", int);
		FIELD(stats[i].three, "%d", int);
		FIELD(stats[i].offensive, "%d", int);
		FIELD(stats[i].points, "%d", int);
		snprintf(what, sizeof what, "event %.40s: stats[%d].player", a->id, i);
		if (ref_differs(what, &a->stats[i].player, &b->stats[i].player))
			return true;
	}
	for (s = 0; s < 2; s++) {
		FIELD(has_on_court[s], "%d", int);
		for (k = 0; k < CS_ON_COURT; k++) {
			snprintf(what, sizeof what, "event %.40s: on_court[%d][%d]", a->id, s, k);
			if (ref_differs(what, &a->on_court[s][k], &b->on_court[s][k]))
				return true;
		}
	}
	/* and whatever a field above forgot (both start from a memset) */
	if (memcmp(a, b, sizeof *a) != 0) {
		snprintf(why, sizeof why, "event %s: the structs differ", a->id);
		return true;
	}
	return false;
}

static bool
rec_differs(const struct rec *a, const struct rec *b)
{
	if (a->kind != b->kind) {
		snprintf(why, sizeof why, "callback %d vs %d", (int)a->kind, (int)b->kind);
		return true;
	}
	switch (a->kind) {
	case REC_EVENT:
		return event_differs(&a->ev, &b->ev);
	case REC_GAME:
		if (memcmp(&a->info, &b->info, sizeof a->info) != 0) {
			snprintf(why, sizeof why, "game headers differ");
			return true;
		}
		return false;
	default:
		if (strcmp(a->text, b->text) != 0) {
			snprintf(why, sizeof why, "'%.200s' vs '%.200s'", a->text, b->text);
			return true;
		}
		return false;
	}
}

/* --- the two readers side by side --- */

struct pair {
	struct recorder rec[2];
	struct sportradar_ctx *ctx[2];
	unsigned long lines, scanned, differ;
	char first[600];             /* the first difference */
};

static void
pair_init(struct pair *p, const char *game_id)
{
	struct cs_sink sink;
	int i;

	memset(p, 0, sizeof *p);
	for (i = 0; i < 2; i++) {
		memset(&sink, 0, sizeof sink);
		sink.ctx = &p->rec[i];
		sink.event = on_event;
		sink.delete_event = on_delete;
		sink.game = on_game;
		sink.warning = on_warning;
		p->ctx[i] = malloc(sizeof *p->ctx[i]);
		if (p->ctx[i] == NULL)
			abort();
		sportradar_ctx_init(p->ctx[i], &sink, game_id);
	}
}

static void
pair_free(struct pair *p)
{
	int i;

	for (i = 0; i < 2; i++) {
		free(p->ctx[i]);
		free(p->rec[i].v);
	}
}

/* `p` (initialized) takes `from`'s contexts, with nothing recorded yet. */
static void
pair_copy(struct pair *p, const struct pair *from)
{
	int i;

	for (i = 0; i < 2; i++) {
		*p->ctx[i] = *from->ctx[i];
		p->ctx[i]->sink.ctx = &p->rec[i];
		p->rec[i].n = 0;
	}
	p->lines = p->scanned = p->differ = 0;
	p->first[0] = '\0';
}

static void
differ(struct pair *p, const char *line, size_t len, const char *what)
{
	if (p->differ++ == 0)
		snprintf(p->first, sizeof p->first, "%s (line %.*s%s)", what,
		    (int)(len < 160 ? len : 160), line, len < 160 ? "" : "...");
}

/* The state the next line is read against. */
static bool
state_differs(const struct sportradar_ctx *a, const struct sportradar_ctx *b)
{
	int i;

	if (a->nknown != b->nknown || a->nseen != b->nseen || a->stale != b->stale ||
	    a->max_sequence != b->max_sequence || a->timeouts_version != b->timeouts_version ||
	    a->warnings != b->warnings || a->epoch_sequences != b->epoch_sequences ||
	    a->have_info != b->have_info || strcmp(a->game_id, b->game_id) != 0 ||
	    memcmp(a->seen, b->seen, sizeof a->seen) != 0 ||
	    memcmp(&a->info, &b->info, sizeof a->info) != 0) {
		snprintf(why, sizeof why, "context state differs");
		return true;
	}
	for (i = 0; i < a->nknown; i++)
		if (strcmp(a->known[i].reference, b->known[i].reference) != 0 ||
		    strcmp(a->known[i].id, b->known[i].id) != 0) {
			snprintf(why, sizeof why, "known player %d differs", i);
			return true;
		}
	return false;
}

/* One line to both; false when they disagree. */
static bool
pair_line(struct pair *p, const char *line, size_t len)
{
	struct sportradar_push_info info[2];
	enum sportradar_push_kind kind;
	size_t n0 = p->rec[0].n, n1 = p->rec[1].n, i;

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
	if (p->rec[0].n - n0 != p->rec[1].n - n1) {
		snprintf(why, sizeof why, "%zu callbacks vs %zu", p->rec[0].n - n0, p->rec[1].n - n1);
		differ(p, line, len, why);
		return false;
	}
	for (i = 0; i < p->rec[0].n - n0; i++)
		if (rec_differs(&p->rec[0].v[n0 + i], &p->rec[1].v[n1 + i])) {
			differ(p, line, len, why);
			return false;
		}
	if (state_differs(p->ctx[0], p->ctx[1])) {
		differ(p, line, len, why);
		return false;
	}
	return true;
}

static void
pair_summary(struct pair *p, const char *doc)
{
	int i;

	for (i = 0; i < 2; i++)
		sportradar_parse_summary(p->ctx[i], doc, strlen(doc));
}

/* --- files --- */

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && n < (1L << 24) &&
	    fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)n + 1)) != NULL) {
		*len = fread(buf, 1, (size_t)n, f);
		buf[*len] = '\0';
	}
	fclose(f);
	return buf;
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

/* What a member's value is replaced with, one at a time. */
static const char *const odd_values[] = {
	"null", "true", "false", "0", "-0", "1", "-1", "2", "5", "-5", "1.0", "1.5", "-0.0",
	"1e2", "1E400", "-1e400", "2.5e-3", "9007199254740993.0", "9223372036854775807",
	"9223372036854775806", "-9223372036854775808", "99999999999999999999",
	"-99999999999999999999", "1742326924430", "100001", "1128", "-101",
	"\"\"", "\" \"", "\"12\"", "\" 12\"", "\"12 \"", "\"-3\"", "\"1e2\"", "\"true\"",
	"\"99999999999999999999\"", "\"0x10\"", "\"delete\"", "\"update\"", "\"quarter\"",
	"\"overtime\"", "\"OT\"", "\"half\"", "\"offensive\"", "\"fieldgoal\"",
	"\"freethrow\"", "\"rebound\"", "\"teamtimeout\"", "\"twopointmade\"",
	"\"heave\"", "\"jumpballviolation\"", "\"deadball\"", "\"2ndchance\"",
	"\"a\\\"b\"", "\"a\\\\b\"",
	"\"a long description, past a byte loop: \\\"quoted\\\" and \\\\ back\\\\\\\"slash\\\\\"",
	"\"0123456789012345678901\\\\\\\"\"", "\"01234567890123456789012\\\\\"", "\"a\\/b\"", "\"tab\\tand\\nnewline\\r\\b\\f\"",
	"\"caf\\u00e9\"", "\"nul\\u0000byte\"", "\"\\ud83c\\udfc0\"", "\"raw\ttab\"",
	"\"raw\x01\x1b[31mcontrol\"", "\"M\xc3\xbcller\"", "\"bad\xff\xfeutf8\"",
	"\"2025-03-18T19:42:04Z\"", "\"2025-03-18T19:42:04.5+01:00\"", "\"not a time\"",
	"\"00:54.60\"", "\"12:00\"", "\"99:99\"", "\"sd:match:x\"",
	"\"5c6c7804-9591-4a5c-81b1-54050f31ae8d\"", "\"4136bc50-48bc-44ca-a138-2eb639d87491\"",
	"\"0123456789012345678901234567890123456789012345678901234567890123456789\"",
	"{}", "[]", "[1,2]", "[\"deadball\",{\"qualifier\":\"team\"},3,null]",
	"{\"id\":\"x\"}", "{\"number\":2,\"sequence\":6,\"type\":\"overtime\"}",
	"{\"type\":\"quarter\",\"number\":99}", "{\"sequence\":5}", "{\"interval\":\"100\"}",
	"{\"coord_x\":1200,\"coord_y\":-50}", "{\"id\":\"\\u0041\"}",
	"[{\"type\":\"fieldgoal\",\"made\":1,\"points\":\"3\",\"team\":{\"id\":\"5c6c7804-9591-4a5c-81b1-54050f31ae8d\"},\"player\":{\"reference\":1628362}}]",
	"[{\"type\":\"rebound\",\"team\":{\"id\":\"4136bc50-48bc-44ca-a138-2eb639d87491\"},\"player\":\"nobody\"}]",
	"[{\"type\":\"assist\",\"team\":{\"id\":\"4136bc50-48bc-44ca-a138-2eb639d87491\"},\"player\":{}}]",
	"{\"home\":{\"players\":[{\"reference\":\"1641686\"},1,null,{\"full_name\":\"A\"},{\"sr_id\":\"sr:1\"}]},\"away\":[]}",
};

/* What a repeated key's other copy holds. */
static const char *const dup_values[] = {
	"null", "7", "\"other\"", "{}", "[]", "{\"id\":\"x\",\"number\":3}",
};

/* The keys whose values are replaced (each occurrence in the line). */
static const char *const odd_keys[] = {
	"heartbeat", "interval", "payload", "metadata", "operation", "match", "game", "event",
	"id", "home", "away", "points", "remaining_timeouts", "deleted", "period", "event_type",
	"number", "sequence", "created", "wall_clock", "updated", "clock_decimal", "clock",
	"description", "attribution", "location", "coord_x", "coord_y", "on_court", "players",
	"qualifiers", "qualifier", "statistics", "type", "team", "player", "made",
	"three_point_shot", "rebound_type", "reference", "sr_id", "full_name", "jersey_number",
};

/* The end of the value at p (the line is valid JSON where it is used). */
static const char *
value_end(const char *p)
{
	int depth = 0;
	bool str = false, esc = false;

	for (; *p != '\0'; p++) {
		if (str) {
			if (esc)
				esc = false;
			else if (*p == '\\')
				esc = true;
			else if (*p == '"') {
				str = false;
				if (depth == 0)
					return p + 1;
			}
			continue;
		}
		if (*p == '"')
			str = true;
		else if (*p == '{' || *p == '[')
			depth++;
		else if (*p == '}' || *p == ']') {
			if (depth == 0)
				return p;
			if (--depth == 0)
				return p + 1;
		} else if (depth == 0 && *p == ',')
			return p;
	}
	return p;
}

struct buf {
	char *p;
	size_t len, cap;
};

static void
put(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->p = realloc(b->p, b->cap);
		if (b->p == NULL)
			abort();
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

enum mutation { MUT_REPLACE, MUT_DUP_BEFORE, MUT_DUP_AFTER, MUT_ESCAPED_KEY, MUT_N };

/* `line` with the value at `at` (its key ends just before) changed. */
static void
mutate(struct buf *b, const char *line, const char *key_at, const char *at,
    enum mutation m, const char *value)
{
	const char *end = value_end(at);
	size_t keylen = (size_t)(at - key_at);   /* "key": */

	b->len = 0;
	switch (m) {
	case MUT_REPLACE:
		put(b, line, (size_t)(at - line));
		put(b, value, strlen(value));
		put(b, end, strlen(end));
		break;
	case MUT_DUP_BEFORE:         /* an earlier copy: the original wins */
		put(b, line, (size_t)(key_at - line));
		put(b, key_at, keylen);
		put(b, value, strlen(value));
		put(b, ",", 1);
		put(b, key_at, strlen(key_at));
		break;
	case MUT_DUP_AFTER:          /* a later copy: it wins */
		put(b, line, (size_t)(end - line));
		put(b, ",", 1);
		put(b, key_at, keylen);
		put(b, value, strlen(value));
		put(b, end, strlen(end));
		break;
	default:                     /* the same key spelled with an escape */
		put(b, line, (size_t)(key_at - line));
		put(b, "\"\\u00", 5);
		put(b, (const char[]){ "0123456789abcdef"[(unsigned char)key_at[1] >> 4],
		    "0123456789abcdef"[key_at[1] & 15] }, 2);
		put(b, key_at + 2, keylen - 2);
		put(b, value, strlen(value));
		put(b, end, strlen(end));
		break;
	}
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

	memset(&opt, 0, sizeof opt);
	opt.seed = 2026;
	check_sim("a simulated game (seed 2026)", &opt);
	opt.seed = 21;
	opt.overtimes = 3;
	check_sim("a game with three overtimes", &opt);
	memset(&opt, 0, sizeof opt);
	opt.seed = 22;
	opt.halves = true;
	opt.force_overtime = true;
	check_sim("a game in halves, to overtime", &opt);

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
