/*
 * Two Sportradar contexts fed the same input, one read by the allocation-
 * free scanner (json-c where it declines), the other by json-c's tree
 * alone, and what each sink was sent compared field by field
 * (test_sportradar_scan: push lines; test_sportradar_pbp_scan: pbp.json);
 * and the damage done to a member's value, one at a time.  Static inline:
 * a test takes what it uses.
 */
#ifndef CS_TEST_SR_PAIR_H
#define CS_TEST_SR_PAIR_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "providers/sportradar.h"
#include "sim/simgame.h"

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

static inline struct rec *
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

static inline void
on_event(void *ctx, const struct cs_event *ev)
{
	rec_add(ctx, REC_EVENT)->ev = *ev;
}

static inline void
on_delete(void *ctx, const char *id)
{
	snprintf(rec_add(ctx, REC_DELETE)->text, sizeof ((struct rec *)0)->text, "%s", id);
}

static inline void
on_game(void *ctx, const struct cs_game_info *info)
{
	rec_add(ctx, REC_GAME)->info = *info;
}

static inline void
on_warning(void *ctx, const char *msg)
{
	snprintf(rec_add(ctx, REC_WARNING)->text, sizeof ((struct rec *)0)->text, "%s", msg);
}

/* --- field by field --- */

static char why[512];

static inline bool
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

static inline bool
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

static inline bool
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

static inline void
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

static inline void
pair_free(struct pair *p)
{
	int i;

	for (i = 0; i < 2; i++) {
		free(p->ctx[i]);
		free(p->rec[i].v);
	}
}

/* `p` (initialized) takes `from`'s contexts, with nothing recorded yet. */
static inline void
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

static inline void
differ(struct pair *p, const char *line, size_t len, const char *what)
{
	if (p->differ++ == 0)
		snprintf(p->first, sizeof p->first, "%s (line %.*s%s)", what,
		    (int)(len < 160 ? len : 160), line, len < 160 ? "" : "...");
}

/* The state the next line is read against. */
static inline bool
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

/* The callbacks since n0 (the first context) and n1 (the second) and the
 * state after them; false (said through differ) when they differ. */
static inline bool
pair_calls_same(struct pair *p, size_t n0, size_t n1, const char *text, size_t len)
{
	size_t i;

	if (p->rec[0].n - n0 != p->rec[1].n - n1) {
		snprintf(why, sizeof why, "%zu callbacks vs %zu", p->rec[0].n - n0, p->rec[1].n - n1);
		differ(p, text, len, why);
		return false;
	}
	for (i = 0; i < p->rec[0].n - n0; i++)
		if (rec_differs(&p->rec[0].v[n0 + i], &p->rec[1].v[n1 + i])) {
			differ(p, text, len, why);
			return false;
		}
	if (state_differs(p->ctx[0], p->ctx[1])) {
		differ(p, text, len, why);
		return false;
	}
	return true;
}

static inline void
pair_summary(struct pair *p, const char *doc)
{
	int i;

	for (i = 0; i < 2; i++)
		sportradar_parse_summary(p->ctx[i], doc, strlen(doc));
}

/* --- files --- */

static inline char *
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
static inline const char *
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

static inline void
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
static inline void
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

/* The simulated games both scan tests read through `check`: a regular
 * one, one to three overtimes, one in halves to overtime (sim/simgame.h). */
static inline void
pair_sims(void (*check)(const char *name, const struct sim_options *opt))
{
	struct sim_options opt;

	memset(&opt, 0, sizeof opt);
	opt.seed = 2026;
	check("a simulated game (seed 2026)", &opt);
	opt.seed = 21;
	opt.overtimes = 3;
	check("a game with three overtimes", &opt);
	memset(&opt, 0, sizeof opt);
	opt.seed = 22;
	opt.halves = true;
	opt.force_overtime = true;
	check("a game in halves, to overtime", &opt);
}

#endif
