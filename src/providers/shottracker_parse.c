/*
 * ShotTracker parsers: REST documents and Live Data V2 frames -> cs_sink
 * (shottracker.h, doc/shottracker-wire.md).  Pure: no I/O, no clock.
 *
 * Tolerance: ids arrive as numbers or numeric strings, any key may be
 * missing or null, unknown keys and sources are ignored.  Bad input costs
 * one warning and the item it was in, never the document or the run.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "providers/json_scan.h"
#include "providers/parser.h"
#include "providers/shottracker_presence.h"
#include "providers/shottracker.h"
#include "providers/shottracker_possessions.h"

#define JSON_DEPTH       24
#define MAX_TIMESTAMP    (INT64_C(1) << 50)   /* epoch ms far past 2100 */
#define MAX_SEQ          (INT64_C(1) << 53)
#define COURT_MM_MAX     20000                /* the court is 28.7 x 15.2 m */
#define IDS_MAX          (1u << 15)           /* tracked item ids (~1 MB of slots) */

/* Order of the items that share a timestamp (cs_event.number). */
enum {
	RANK_PERIOD_START = 0,
	RANK_LINEUP = 1,           /* the five "from timestamp on" */
	RANK_PLAY = 2,             /* + the item's own rank below */
	RANK_PERIOD_END = 40,
	RANK_GAME_END = 41,
};

enum id_kind { ID_OTHER = 0, ID_PLAY, ID_LINEUP };

/* An item's id lives in the table's names, not in its slot: a game's
 * ~700 ids of ~30 bytes in 64-byte slots at half load were 0.16 MB a
 * game (issue 20). */
struct id_entry {
	int64_t seq;               /* highest seq applied; -1 none */
	uint32_t name;             /* its id: at names + name */
	unsigned char kind;
	bool used, alive, marked;
};

struct shottracker_ids {
	struct id_entry *e;
	size_t cap, n;
	char *names;               /* every id, each NUL-terminated */
	size_t names_len, names_cap;
};

/* --- small helpers --- */

void
shottracker_warn(struct shottracker_ctx *c, const char *fmt, ...)
{
	char raw[512], line[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	cs_sanitize(line, raw, sizeof line);
	c->warnings++;
	if (c->sink.warning != NULL)
		c->sink.warning(c->sink.ctx, line);
}

static json_object *
get(json_object *o, const char *key)
{
	json_object *v;

	if (o == NULL || !json_object_is_type(o, json_type_object))
		return NULL;
	if (!json_object_object_get_ex(o, key, &v))
		return NULL;
	return v;   /* NULL for a JSON null */
}

static const char *
get_str(json_object *o, const char *key)
{
	json_object *v = get(o, key);

	if (v == NULL || !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

/* A numeric string's integer ("  42 "), as num_i64 reads one. */
static bool
num_text(const char *s, int64_t *x)
{
	char *end;
	long long ll;

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0')
		return false;
	errno = 0;
	ll = strtoll(s, &end, 10);
	if (errno != 0 || end == s)
		return false;
	while (isspace((unsigned char)*end))
		end++;
	if (*end != '\0')
		return false;
	*x = ll;
	return true;
}

/* An integer from a number or a numeric string, within [lo, hi]. */
static bool
num_i64(json_object *v, int64_t lo, int64_t hi, int64_t *out)
{
	double d;
	int64_t x;

	if (v == NULL)
		return false;
	switch (json_object_get_type(v)) {
	case json_type_int:
		x = json_object_get_int64(v);
		/* json-c clamps overflow to INT64_MAX/MIN: out of range below */
		break;
	case json_type_double:
		d = json_object_get_double(v);
		if (!__builtin_isfinite(d) || d < -9e15 || d > 9e15)
			return false;
		x = (int64_t)d;
		break;
	case json_type_string:
		if (!num_text(json_object_get_string(v), &x))
			return false;
		break;
	default:
		return false;
	}
	if (x < lo || x > hi)
		return false;
	*out = x;
	return true;
}

static bool
get_i64(json_object *o, const char *key, int64_t lo, int64_t hi, int64_t *out)
{
	return num_i64(get(o, key), lo, hi, out);
}

static bool
get_bool(json_object *o, const char *key)
{
	json_object *v = get(o, key);

	if (v == NULL)
		return false;
	if (json_object_is_type(v, json_type_boolean))
		return json_object_get_boolean(v);
	if (json_object_is_type(v, json_type_string))
		return strcasecmp(json_object_get_string(v), "true") == 0;
	return false;
}

/* An id sent as a string, as id_of reads one. */
static bool
id_text(const char *s, char *buf, size_t size)
{
	char tmp[CS_ID_MAX];

	if (strlen(s) >= size || strlen(s) >= sizeof tmp)
		return false;
	cs_sanitize(tmp, s, sizeof tmp);
	/* ids become parts of our own "a:b:c" ids and URLs: keep them plain */
	if (tmp[0] == '\0' || strpbrk(tmp, " /?#&%\"\\") != NULL)
		return false;
	cs_strlcpy(buf, tmp, size);
	return true;
}

/* An id from a number or a string: "7269".  false when absent or unusable. */
static bool
id_of(json_object *v, char *buf, size_t size)
{
	int64_t x;

	if (v == NULL)
		return false;
	if (json_object_is_type(v, json_type_string))
		return id_text(json_object_get_string(v), buf, size);
	if (!num_i64(v, INT64_MIN / 2, INT64_MAX / 2, &x))
		return false;
	snprintf(buf, size, "%" PRId64, x);
	return true;
}

static bool
get_id(json_object *o, const char *key, char *buf, size_t size)
{
	return id_of(get(o, key), buf, size);
}

static void
get_text(json_object *o, const char *key, char *buf, size_t size)
{
	const char *s = get_str(o, key);

	cs_sanitize(buf, s != NULL ? s : "", size);
}

static int
side_of(const struct shottracker_ctx *c, const char *team_id)
{
	if (team_id[0] == '\0')
		return CS_SIDE_NONE;
	if (c->team_id[CS_HOME][0] != '\0' && strcmp(team_id, c->team_id[CS_HOME]) == 0)
		return CS_HOME;
	if (c->team_id[CS_AWAY][0] != '\0' && strcmp(team_id, c->team_id[CS_AWAY]) == 0)
		return CS_AWAY;
	return CS_SIDE_NONE;
}

static json_object *
parse_json(struct shottracker_ctx *c, const char *data, size_t len, size_t max,
    const char *what)
{
	json_tokener *tok;
	json_object *obj;
	enum json_tokener_error err;
	size_t end;

	if (data == NULL) {
		shottracker_warn(c, "skipped %s: no data", what);
		return NULL;
	}
	if (len > max) {
		shottracker_warn(c, "skipped %s: %zu bytes, over the %zu byte limit", what, len, max);
		return NULL;
	}
	tok = json_tokener_new_ex(JSON_DEPTH);
	if (tok == NULL)
		return NULL;
	obj = json_tokener_parse_ex(tok, data, (int)len);
	err = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	json_tokener_free(tok);
	if (err == json_tokener_continue || (err == json_tokener_success && obj == NULL &&
	    len > 0)) {
		json_object_put(obj);
		shottracker_warn(c, "skipped %s: truncated JSON (%zu bytes)", what, len);
		return NULL;
	}
	if (err != json_tokener_success) {
		json_object_put(obj);
		shottracker_warn(c, "skipped %s: malformed JSON (%s)", what, json_tokener_error_desc(err));
		return NULL;
	}
	while (end < len && isspace((unsigned char)data[end]))
		end++;
	if (end < len) {
		json_object_put(obj);
		shottracker_warn(c, "skipped %s: garbage after the JSON", what);
		return NULL;
	}
	if (obj == NULL)
		shottracker_warn(c, "skipped %s: empty or null", what);
	return obj;
}

/* --- the id table: which version of each item we applied --- */

static uint32_t
hash_id(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
}

static const char *
id_name(const struct shottracker_ids *t, const struct id_entry *e)
{
	return t->names + e->name;
}

/* The slot of `id`: its own, or the free one where it would go. */
static struct id_entry *
ids_slot(struct shottracker_ids *t, const char *id)
{
	size_t i, mask = t->cap - 1;
	struct id_entry *e;

	for (i = hash_id(id) & mask;; i = (i + 1) & mask) {
		e = &t->e[i];
		if (!e->used || strcmp(id_name(t, e), id) == 0)
			return e;
	}
}

/* Twice the slots, the entries placed again (their names stay). */
static bool
ids_grow(struct shottracker_ids *t)
{
	struct id_entry *old = t->e, *e;
	size_t i, oldcap = t->cap;

	t->cap = oldcap != 0 ? oldcap * 2 : 1024;
	t->e = calloc(t->cap, sizeof *t->e);
	if (t->e == NULL) {
		t->e = old;
		t->cap = oldcap;
		return false;
	}
	for (i = 0; i < oldcap; i++)
		if (old[i].used) {
			e = ids_slot(t, id_name(t, &old[i]));
			*e = old[i];
		}
	free(old);
	return true;
}

/* `id` into the names; false out of memory. */
static bool
ids_name(struct shottracker_ids *t, const char *id, uint32_t *name)
{
	size_t len = strlen(id) + 1, want;
	char *p;

	if (t->names_len + len > t->names_cap) {
		want = t->names_cap != 0 ? t->names_cap * 2 : 16384;
		while (want < t->names_len + len)
			want *= 2;
		if ((p = realloc(t->names, want)) == NULL)
			return false;
		t->names = p;
		t->names_cap = want;
	}
	memcpy(t->names + t->names_len, id, len);
	*name = (uint32_t)t->names_len;
	t->names_len += len;
	return true;
}

static struct id_entry *
ids_find(struct shottracker_ids *t, const char *id, bool create)
{
	struct id_entry *e;
	uint32_t name;

	if (t == NULL)
		return NULL;
	if (create && (t->n + 1) * 2 > t->cap) {
		if (t->cap >= IDS_MAX * 2) {
			if (t->n >= IDS_MAX)
				create = false;   /* full: items are applied untracked */
		} else if (!ids_grow(t)) {
			create = false;
		}
	}
	if (t->cap == 0)
		return NULL;
	e = ids_slot(t, id);
	if (e->used)
		return e;
	if (!create || !ids_name(t, id, &name))
		return NULL;
	memset(e, 0, sizeof *e);
	e->used = true;
	e->seq = -1;
	e->name = name;
	t->n++;
	return e;
}

/*
 * Is this version of `id` newer than what we applied?  REST versions (no
 * seq) always are: a document is the state as of now.  A socket version
 * is stale when the item was applied at the same or a higher seq.
 */
static bool
fresh(struct shottracker_ctx *c, const char *id, enum id_kind kind, bool has_seq,
    int64_t seq, bool alive)
{
	struct id_entry *e = ids_find(c->ids, id, true);

	if (e == NULL)
		return true;
	if (has_seq) {
		if (e->seq >= seq)
			return false;
		e->seq = seq;
	}
	e->kind = (unsigned char)kind;
	e->alive = alive;
	e->marked = true;
	return true;
}

static void
ids_unmark(struct shottracker_ctx *c, enum id_kind kind)
{
	size_t i;

	for (i = 0; c->ids != NULL && i < c->ids->cap; i++)
		if (c->ids->e[i].used && c->ids->e[i].kind == kind)
			c->ids->e[i].marked = false;
}

/* After a whole-truth document: delete what we delivered that it lacks. */
static int
ids_sweep(struct shottracker_ctx *c, enum id_kind kind)
{
	struct id_entry *e;
	size_t i;
	int n = 0;

	for (i = 0; c->ids != NULL && i < c->ids->cap; i++) {
		e = &c->ids->e[i];
		if (!e->used || e->kind != kind || !e->alive || e->marked)
			continue;
		e->alive = false;
		if (c->sink.delete_event != NULL)
			c->sink.delete_event(c->sink.ctx, id_name(c->ids, e));
		n++;
	}
	return n;
}

static void
emit_event(struct shottracker_ctx *c, const struct cs_event *ev, enum id_kind kind,
    bool has_seq, int64_t seq, int *stale)
{
	if (!fresh(c, ev->id, kind, has_seq, seq, true)) {
		if (stale != NULL)
			(*stale)++;
		return;
	}
	if (ev->period.sequence > c->last_period.sequence)
		c->last_period = ev->period;
	if (c->sink.event != NULL)
		c->sink.event(c->sink.ctx, ev);
}

static void
emit_delete(struct shottracker_ctx *c, const char *id, enum id_kind kind,
    bool has_seq, int64_t seq, int *stale)
{
	if (!fresh(c, id, kind, has_seq, seq, false)) {
		if (stale != NULL)
			(*stale)++;
		return;
	}
	if (c->sink.delete_event != NULL)
		c->sink.delete_event(c->sink.ctx, id);
}

/* The header, replacing the sides asked for. */
static void
emit_game_sides(struct shottracker_ctx *c, bool home, bool away)
{
	struct cs_game_info info = c->info;

	info.has_team[CS_HOME] = home;
	info.has_team[CS_AWAY] = away;
	if (c->sink.game != NULL)
		c->sink.game(c->sink.ctx, &info);
}

static void
emit_game(struct shottracker_ctx *c, bool with_teams)
{
	emit_game_sides(c, with_teams && c->have_team[CS_HOME],
	    with_teams && c->have_team[CS_AWAY]);
}

/* --- periods and clocks --- */

int
shottracker_period_parse(const char *s, bool halves, struct cs_period *out)
{
	char *end;
	long n;
	int regulation = halves ? 2 : 4;

	if (s == NULL)
		return -1;
	memset(out, 0, sizeof *out);
	if (strncasecmp(s, "OT", 2) == 0) {
		if (s[2] == '\0')
			n = 1;
		else {
			if (!isdigit((unsigned char)s[2]))
				return -1;
			n = strtol(s + 2, &end, 10);
			if (*end != '\0')
				return -1;
		}
		if (n < 1 || n > CS_PERIODS_MAX - regulation)
			return -1;   /* past the model's hard limit */
		out->type = CS_PERIOD_OVERTIME;
		out->number = (int)n;
		out->sequence = regulation + (int)n;
		return 0;
	}
	if ((s[0] != 'Q' && s[0] != 'q' && s[0] != 'H' && s[0] != 'h') ||
	    !isdigit((unsigned char)s[1]))
		return -1;
	n = strtol(s + 1, &end, 10);
	if (*end != '\0')
		return -1;
	if (s[0] == 'Q' || s[0] == 'q') {
		if (n < 1 || n > 4)
			return -1;
		out->type = CS_PERIOD_QUARTER;
	} else {
		if (n < 1 || n > 2)
			return -1;
		out->type = CS_PERIOD_HALF;
	}
	out->number = (int)n;
	out->sequence = (int)n;
	return 0;
}

/* A period string ("Q1", "H2", "OT1"); learns halves from "H1". */
static bool
get_period_text(struct shottracker_ctx *c, const char *s, struct cs_period *p)
{
	if (s == NULL)
		return false;
	if ((s[0] == 'H' || s[0] == 'h') && !c->halves) {
		c->halves = true;
		c->info.format = CS_FORMAT_HALVES;
	}
	return shottracker_period_parse(s, c->halves, p) == 0;
}

/* A period string in `o` at `key`. */
static bool
get_period(struct shottracker_ctx *c, json_object *o, const char *key,
    struct cs_period *p)
{
	return get_period_text(c, get_str(o, key), p);
}

static int
period_length(const struct shottracker_ctx *c, const struct cs_period *p)
{
	if (p->type == CS_PERIOD_OVERTIME)
		return c->info.overtime_seconds > 0 ? c->info.overtime_seconds * 10 : 3000;
	if (c->info.period_seconds > 0)
		return c->info.period_seconds * 10;
	return p->type == CS_PERIOD_HALF ? 12000 : 7200;
}

/* --- play-by-play items --- */

struct classification {
	const char *name;
	enum cs_event_type type;
};

static const struct classification classifications[] = {
	{ "TWO_POINT_MAKE", CS_EV_TWO_MADE },
	{ "TWO_POINT_MISS", CS_EV_TWO_MISSED },
	{ "THREE_POINT_MAKE", CS_EV_THREE_MADE },
	{ "THREE_POINT_MISS", CS_EV_THREE_MISSED },
	{ "FREE_THROW_MAKE", CS_EV_FREE_THROW_MADE },
	{ "FREE_THROW_MISS", CS_EV_FREE_THROW_MISSED },
	{ "HEAVE_MISS", CS_EV_HEAVE },
	{ "HEAVE_MAKE", CS_EV_THREE_MADE },
	{ "OFFENSIVE_REBOUND", CS_EV_REBOUND },
	{ "DEFENSIVE_REBOUND", CS_EV_REBOUND },
	{ "TEAM_REBOUND", CS_EV_REBOUND },
	{ "LIVE_BALL_TURNOVER", CS_EV_TURNOVER },
	{ "DEAD_BALL_TURNOVER", CS_EV_TURNOVER },
	{ "TEAM_TURNOVER", CS_EV_TURNOVER },
	{ "PERSONAL_FOUL", CS_EV_PERSONAL_FOUL },
	{ "SHOOTING_FOUL", CS_EV_SHOOTING_FOUL },
	{ "OFFENSIVE_FOUL", CS_EV_OFFENSIVE_FOUL },
	{ "TECHNICAL_FOUL", CS_EV_TECHNICAL_FOUL },
	{ "FLAGRANT_FOUL", CS_EV_FLAGRANT_FOUL },
	{ "TIMEOUT", CS_EV_TIMEOUT },
	{ "OFFICIAL_TIMEOUT", CS_EV_OFFICIAL_TIMEOUT },
	{ "JUMP_BALL", CS_EV_JUMP_BALL },
	{ "VIOLATION", CS_EV_VIOLATION },
	/* assists, blocks, steals and fouls drawn ride along a play: their
	 * statistics count, the event shows as the provider names it */
	{ "ASSIST", CS_EV_OTHER },
	{ "BLOCK", CS_EV_OTHER },
	{ "STEAL", CS_EV_OTHER },
	{ "FOUL_DRAWN", CS_EV_OTHER },
};

static enum cs_event_type
classify(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof classifications / sizeof classifications[0]; i++)
		if (strcmp(name, classifications[i].name) == 0)
			return classifications[i].type;
	return CS_EV_OTHER;
}

/* Where an item sorts among the items of its play. */
static int
item_rank(const char *base)
{
	static const char *const order[] = {
		"FG", "AST", "BLK", "REB", "TEAM_REB", "TO", "TEAM_TO", "STL",
		"PF", "TF", "FD", "FT", "TIMEOUT",
	};
	size_t i;

	for (i = 0; i < sizeof order / sizeof order[0]; i++)
		if (strcmp(base, order[i]) == 0)
			return RANK_PLAY + (int)i;
	return RANK_PLAY + (int)(sizeof order / sizeof order[0]);
}

/*
 * An item's fields as get() finds them, read from its json-c tree or by
 * the scanner (below, "frames without a tree"): item_from_fields is the
 * one reading of them, so both ways make the same event.
 */

/* The statistics an item may carry, one bit each when it counts (a
 * positive number); PTS apart, for a made shot's points. */
enum {
	K_FGA, K_FG, K_FGA3, K_FG3, K_FTA, K_FT, K_REB, K_TEAM_REB, K_OFFENSIVE_REB,
	K_AST, K_STL, K_BLK, K_TO, K_TEAM_TO, K_PF, K_FD, K_TF, K_COUNT
};

static const char *const count_keys[K_COUNT] = {
	"FGA", "FG", "FGA3", "FG3", "FTA", "FT", "REB", "TEAM_REB", "OFFENSIVE_REB",
	"AST", "STL", "BLK", "TO", "TEAM_TO", "PF", "FD", "TF",
};

struct item_fields {
	bool has_key_actor, has_pid, has_team;
	char key_actor[CS_ID_MAX], pid[CS_ID_MAX], team[CS_ID_MAX];
	bool has_key_ts, has_ts;
	int64_t key_ts, ts;
	/* NULL: absent, null or not a string */
	const char *cls, *base_stats, *period, *game_clock, *description, *act;
	bool deleted, corrected;
	unsigned counts;             /* 1 << K_x */
	bool has_pts, has_x, has_y, has_remaining;
	int64_t pts, x, y, remaining;
};

/* An item's fields from its tree. */
static void
item_fields_tree(json_object *item, struct item_fields *f)
{
	json_object *key = get(item, "key"), *stats = get(item, "stats");
	int64_t v;
	int i;

	memset(f, 0, sizeof *f);
	f->has_key_actor = get_id(key, "actorId", f->key_actor, sizeof f->key_actor);
	f->has_pid = get_id(item, "pid", f->pid, sizeof f->pid);
	f->has_team = get_id(item, "teamId", f->team, sizeof f->team);
	f->has_key_ts = get_i64(key, "timestamp", 0, MAX_TIMESTAMP, &f->key_ts);
	f->has_ts = get_i64(item, "timestamp", 0, MAX_TIMESTAMP, &f->ts);
	f->cls = get_str(item, "classification");
	f->base_stats = get_str(item, "baseStats");
	f->period = get_str(item, "period");
	f->game_clock = get_str(item, "gameClock");
	f->description = get_str(item, "description");
	f->act = get_str(item, "act");
	f->deleted = get_bool(item, "deleted");
	f->corrected = get_bool(item, "corrected");
	for (i = 0; i < K_COUNT; i++)
		if (get_i64(stats, count_keys[i], INT64_MIN / 2, INT64_MAX / 2, &v) && v > 0)
			f->counts |= 1u << i;
	f->has_pts = get_i64(stats, "PTS", 2, 3, &f->pts);
	f->has_x = get_i64(item, "playerX", -COURT_MM_MAX, COURT_MM_MAX, &f->x);
	f->has_y = get_i64(item, "playerY", -COURT_MM_MAX, COURT_MM_MAX, &f->y);
	f->has_remaining = get_i64(item, "remaining", 0, 99, &f->remaining);
}

static struct cs_stat *
add_stat(struct cs_event *ev, enum cs_stat_type type, const char *pid)
{
	struct cs_stat *st = cs_event_add_stat(ev, type, ev->side);

	if (st != NULL)
		cs_strlcpy(st->player.id, pid, sizeof st->player.id);
	return st;
}

#define COUNTS(f, k) (((f)->counts & (1u << (k))) != 0)

/* The statistics an item carries (its increments), per the wire doc's table. */
static void
item_stats(struct cs_event *ev, const struct item_fields *f, const char *pid,
    const char *classification)
{
	struct cs_stat *st;
	bool team_item = pid[0] == '\0';

	if (COUNTS(f, K_FGA) || COUNTS(f, K_FG)) {
		st = add_stat(ev, CS_STAT_FIELD_GOAL, pid);
		if (st != NULL) {
			st->made = COUNTS(f, K_FG);
			st->three = COUNTS(f, K_FGA3) || COUNTS(f, K_FG3);
			if (st->made) {
				st->points = st->three ? 3 : 2;
				if (f->has_pts)
					st->points = (int)f->pts;
			}
		}
	}
	if (COUNTS(f, K_FTA) || COUNTS(f, K_FT)) {
		st = add_stat(ev, CS_STAT_FREE_THROW, pid);
		if (st != NULL) {
			st->made = COUNTS(f, K_FT);
			st->points = st->made ? 1 : 0;
		}
	}
	if (COUNTS(f, K_REB) || COUNTS(f, K_TEAM_REB)) {
		/* TEAM_REB on a player item is still the team's */
		st = add_stat(ev, CS_STAT_REBOUND, COUNTS(f, K_REB) && !team_item ? pid : "");
		if (st != NULL)
			st->offensive = COUNTS(f, K_OFFENSIVE_REB);
	}
	if (COUNTS(f, K_AST))
		add_stat(ev, CS_STAT_ASSIST, pid);
	if (COUNTS(f, K_STL))
		add_stat(ev, CS_STAT_STEAL, pid);
	if (COUNTS(f, K_BLK))
		add_stat(ev, CS_STAT_BLOCK, pid);
	if (COUNTS(f, K_TO) || COUNTS(f, K_TEAM_TO))
		add_stat(ev, CS_STAT_TURNOVER, COUNTS(f, K_TO) && !team_item ? pid : "");
	if (COUNTS(f, K_PF)) {
		add_stat(ev, CS_STAT_PERSONAL_FOUL, pid);
		if (strcmp(classification, "OFFENSIVE_FOUL") == 0)
			add_stat(ev, CS_STAT_OFFENSIVE_FOUL, pid);
		if (strcmp(classification, "FLAGRANT_FOUL") == 0)
			add_stat(ev, CS_STAT_FLAGRANT_FOUL, pid);
	}
	if (COUNTS(f, K_FD))
		add_stat(ev, CS_STAT_FOUL_DRAWN, pid);
	if (COUNTS(f, K_TF))
		add_stat(ev, CS_STAT_TECHNICAL_FOUL, pid);
}

/* ShotTracker mm (origin centre court, y along the length) -> our inches. */
static bool
court_location(const struct item_fields *f, int *x, int *y)
{
	double fx, fy;

	if (!f->has_x || !f->has_y)
		return false;
	fx = 564.0 + (double)f->y / 25.4;
	fy = 300.0 + (double)f->x / 25.4;
	*x = (int)(fx < 0 ? fx - 0.5 : fx + 0.5);
	*y = (int)(fy < 0 ? fy - 0.5 : fy + 0.5);
	return true;
}

/*
 * One details item's fields -> an event (or a delete: *deleted).  Returns
 * 0, or -1 with a warning.  `what` names the item's origin for the warning.
 */
static int
item_from_fields(struct shottracker_ctx *c, const struct item_fields *f,
    struct cs_event *ev, bool *deleted, const char *what)
{
	char actor[CS_ID_MAX], pid[CS_ID_MAX], base[24];
	const char *cls, *s;
	int64_t ts;

	if (f->has_key_actor)
		cs_strlcpy(actor, f->key_actor, sizeof actor);
	else if (f->has_pid)
		cs_strlcpy(actor, f->pid, sizeof actor);
	else if (f->has_team)
		cs_strlcpy(actor, f->team, sizeof actor);
	else {
		shottracker_warn(c, "skipped a %s item: no actor id", what);
		return -1;
	}
	if (!f->has_key_ts && !f->has_ts) {
		shottracker_warn(c, "skipped a %s item of %s: no usable timestamp", what, actor);
		return -1;
	}
	ts = f->has_key_ts ? f->key_ts : f->ts;
	cls = f->cls;
	s = f->base_stats;
	if (s == NULL)
		s = cls;
	if (s == NULL || s[0] == '\0' || strlen(s) >= sizeof base) {
		shottracker_warn(c, "skipped a %s item %s:%" PRId64 ": no baseStats", what, actor, ts);
		return -1;
	}
	cs_sanitize(base, s, sizeof base);
	if (base[0] == '\0' || strpbrk(base, " /?#&%\"\\") != NULL) {
		shottracker_warn(c, "skipped a %s item %s:%" PRId64 ": bad baseStats", what, actor, ts);
		return -1;
	}
	if (cls == NULL)
		cls = "";
	if (snprintf(ev->id, sizeof ev->id, "%s:%" PRId64 ":%s", actor, ts, base) >=
	    (int)sizeof ev->id) {
		shottracker_warn(c, "skipped a %s item of %s: id too long", what, actor);
		return -1;
	}

	/* A retraction: "deleted":true, or a DELETED_ classification. */
	if (f->deleted || strncmp(cls, "DELETED_", 8) == 0) {
		*deleted = true;
		return 0;
	}
	if (!get_period_text(c, f->period, &ev->period)) {
		shottracker_warn(c, "skipped %s item %s: no usable period", what, ev->id);
		return -1;
	}
	ev->sequence = ts;
	ev->number = item_rank(base);
	ev->wall_ms = ts;
	ev->clock = cs_clock_parse(f->game_clock);
	ev->side = side_of(c, f->has_team ? f->team : "");
	ev->type = classify(cls);
	cs_sanitize(ev->provider_type, cls, sizeof ev->provider_type);
	cs_sanitize(ev->description, f->description != NULL ? f->description : "",
	    sizeof ev->description);
	ev->corrected = f->corrected;

	/* A team item's statistics are the team's, whatever pid says. */
	s = f->act;
	if ((s != NULL && strcasecmp(s, "TEAM") == 0) || !f->has_pid)
		pid[0] = '\0';
	else
		cs_strlcpy(pid, f->pid, sizeof pid);
	if (strcmp(cls, "HEAVE_MISS") == 0)
		pid[0] = '\0';   /* a missed heave is a team attempt */
	item_stats(ev, f, pid, cls);
	ev->has_location = court_location(f, &ev->x, &ev->y);
	if (ev->type == CS_EV_TIMEOUT && f->has_remaining)
		ev->timeouts_remaining = (int)f->remaining;
	if (ts > c->last_timestamp)
		c->last_timestamp = ts;
	return 0;
}

/*
 * One details item -> an event (or a delete: *deleted).  Returns 0, or -1
 * with a warning.  `what` names the item's origin for the warning.
 */
static int
item_event(struct shottracker_ctx *c, json_object *item, struct cs_event *ev,
    bool *deleted, const char *what)
{
	struct item_fields f;

	*deleted = false;
	cs_event_init(ev, CS_PROVIDER_SHOTTRACKER);
	if (item == NULL || !json_object_is_type(item, json_type_object)) {
		shottracker_warn(c, "skipped a %s item: not an object", what);
		return -1;
	}
	item_fields_tree(item, &f);
	return item_from_fields(c, &f, ev, deleted, what);
}

/* --- published totals (stats resource and source) --- */

static const struct {
	const char *key;
	enum cs_column col;
} columns[] = {
	{ "FG", CS_COL_FGM }, { "FGA", CS_COL_FGA }, { "FG3", CS_COL_TPM },
	{ "FGA3", CS_COL_TPA }, { "FT", CS_COL_FTM }, { "FTA", CS_COL_FTA },
	{ "OFFENSIVE_REB", CS_COL_OREB }, { "DEFENSIVE_REB", CS_COL_DREB },
	{ "REB", CS_COL_REB }, { "AST", CS_COL_AST }, { "STL", CS_COL_STL },
	{ "BLK", CS_COL_BLK }, { "TO", CS_COL_TOV }, { "PF", CS_COL_PF },
	{ "PTS", CS_COL_PTS },
};

#define COLUMNS_N (sizeof columns / sizeof columns[0])

/* A stats line's fields as get() finds them (tree or scanner). */
struct line_fields {
	bool has_team;               /* teamId, else team_id */
	char team[CS_ID_MAX];
	char player[CS_ID_MAX];      /* playerId, else player_id; "" */
	int64_t version;             /* 0 when absent or unusable */
	bool has_stats;              /* an object */
	int value[COLUMNS_N];        /* CS_UNKNOWN when absent or unusable */
};

static void
line_fields_tree(json_object *o, struct line_fields *f)
{
	json_object *stats = get(o, "stats");
	int64_t v;
	size_t i;

	memset(f, 0, sizeof *f);
	f->has_team = get_id(o, "teamId", f->team, sizeof f->team) ||
	    get_id(o, "team_id", f->team, sizeof f->team);
	if (!get_id(o, "playerId", f->player, sizeof f->player) &&
	    !get_id(o, "player_id", f->player, sizeof f->player))
		f->player[0] = '\0';
	if (!get_i64(o, "version", 0, INT64_MAX / 2, &f->version))
		f->version = 0;
	f->has_stats = stats != NULL && json_object_is_type(stats, json_type_object);
	for (i = 0; i < COLUMNS_N; i++)
		f->value[i] = get_i64(stats, columns[i].key, 0, 100000, &v) ? (int)v : CS_UNKNOWN;
}

static int
published_fields(struct shottracker_ctx *c, const struct line_fields *f)
{
	struct cs_published_stats ps;
	size_t i;

	memset(&ps, 0, sizeof ps);
	if (!f->has_team) {
		shottracker_warn(c, "skipped a stats line: no team id");
		return -1;
	}
	ps.side = side_of(c, f->team);
	if (ps.side == CS_SIDE_NONE) {
		shottracker_warn(c, "skipped a stats line of team %s: not in this game", f->team);
		return -1;
	}
	cs_strlcpy(ps.player_id, f->player, sizeof ps.player_id);
	ps.version = f->version;
	if (!f->has_stats) {
		shottracker_warn(c, "skipped a stats line of team %s: no stats", f->team);
		return -1;
	}
	for (i = 0; i < CS_COL_COUNT; i++)
		ps.value[i] = CS_UNKNOWN;
	for (i = 0; i < COLUMNS_N; i++)
		if (f->value[i] != CS_UNKNOWN)
			ps.value[columns[i].col] = f->value[i];
	if (c->sink.published != NULL)
		c->sink.published(c->sink.ctx, &ps);
	return 0;
}

static int
published(struct shottracker_ctx *c, json_object *o)
{
	struct line_fields f;

	if (o == NULL || !json_object_is_type(o, json_type_object)) {
		shottracker_warn(c, "skipped a stats line: not an object");
		return -1;
	}
	line_fields_tree(o, &f);
	return published_fields(c, &f);
}

/* --- the game event --- */

static void
set_status(struct shottracker_ctx *c, const char *status)
{
	if (strcasecmp(status, "SCHEDULED") == 0)
		cs_strlcpy(c->info.status, "scheduled", sizeof c->info.status);
	else if (strcasecmp(status, "ACTIVE") == 0)
		cs_strlcpy(c->info.status, "inprogress", sizeof c->info.status);
	else if (strcasecmp(status, "COMPLETE") == 0) {
		cs_strlcpy(c->info.status, "closed", sizeof c->info.status);
		c->game_over = true;
	} else {
		char buf[sizeof c->info.status];
		size_t i;

		cs_sanitize(buf, status, sizeof buf);
		for (i = 0; buf[i] != '\0'; i++)
			buf[i] = (char)tolower((unsigned char)buf[i]);
		cs_strlcpy(c->info.status, buf, sizeof c->info.status);
	}
}

/* `clock`: the marker's own gameClock, or CS_NO_CLOCK for the default
 * (full period at the start, 0 at the end). */
static void
period_event(struct shottracker_ctx *c, const struct cs_period *p, bool end,
    int64_t ts, int clock, bool has_seq, int64_t seq, int *stale)
{
	struct cs_event ev;
	char label[8];

	cs_event_init(&ev, CS_PROVIDER_SHOTTRACKER);
	cs_period_label(p, label, sizeof label);
	snprintf(ev.id, sizeof ev.id, "period:%s:%s", label, end ? "end" : "start");
	ev.period = *p;
	ev.sequence = ts;
	ev.wall_ms = ts;
	ev.number = end ? RANK_PERIOD_END : RANK_PERIOD_START;
	ev.type = end ? CS_EV_PERIOD_END : CS_EV_PERIOD_START;
	ev.clock = clock != CS_NO_CLOCK ? clock : end ? 0 : period_length(c, p);
	cs_strlcpy(ev.provider_type, end ? "PERIOD_END" : "PERIOD_START",
	    sizeof ev.provider_type);
	snprintf(ev.description, sizeof ev.description, "%s of %s",
	    end ? "End" : "Start", label);
	emit_event(c, &ev, ID_OTHER, has_seq, seq, stale);
}

static void
game_end_event(struct shottracker_ctx *c, const struct cs_period *p, int64_t ts,
    bool has_seq, int64_t seq, int *stale)
{
	struct cs_event ev;

	if (p->sequence <= 0)
		return;   /* no period known yet: the model would refuse it */
	cs_event_init(&ev, CS_PROVIDER_SHOTTRACKER);
	cs_strlcpy(ev.id, "game:end", sizeof ev.id);
	ev.period = *p;
	ev.sequence = ts;
	ev.wall_ms = ts;
	ev.number = RANK_GAME_END;
	ev.type = CS_EV_GAME_END;
	ev.clock = 0;
	cs_strlcpy(ev.provider_type, "GAME_END", sizeof ev.provider_type);
	cs_strlcpy(ev.description, "End of game", sizeof ev.description);
	emit_event(c, &ev, ID_OTHER, has_seq, seq, stale);
}

/* A period of the game (not a drill or a warm-up session). */
static bool
game_round(json_object *r)
{
	const char *s;

	if (r == NULL || !json_object_is_type(r, json_type_object))
		return false;
	s = get_str(r, "type");
	return s == NULL || strcasecmp(s, "GAME_ROUND") == 0;
}

/*
 * The two teams: the vendor's `game_attributes` (the published example
 * has them nowhere else), else top-level ids (the schedule's shape, and the
 * simulator's).  A side without a roster yet takes the name given there.
 * -1 when no two distinct ids are found.
 */
static int
game_teams(struct shottracker_ctx *c, json_object *root, bool named[2])
{
	static const char *const id_key[2] = { "home_team_id", "away_team_id" };
	static const char *const name_key[2] = { "home_team_name", "away_team_name" };
	json_object *from = get(root, "game_attributes");
	char id[2][CS_ID_MAX], name[CS_NAME_MAX];
	int s, color;

	if (!get_id(from, id_key[0], id[0], sizeof id[0]) ||
	    !get_id(from, id_key[1], id[1], sizeof id[1]))
		from = root;
	if (!get_id(from, id_key[0], id[0], sizeof id[0]) ||
	    !get_id(from, id_key[1], id[1], sizeof id[1]) || strcmp(id[0], id[1]) == 0)
		return -1;
	for (s = 0; s < 2; s++) {
		/* new team ids make any roster we had the wrong one */
		if (strcmp(id[s], c->team_id[s]) != 0)
			c->have_team[s] = false;
		cs_strlcpy(c->team_id[s], id[s], sizeof c->team_id[s]);
		get_text(from, name_key[s], name, sizeof name);
		named[s] = !c->have_team[s] && name[0] != '\0';
		if (!named[s])
			continue;
		color = c->info.team[s].color;   /* JERSEY_COLORS may come first */
		memset(&c->info.team[s], 0, sizeof c->info.team[s]);
		cs_strlcpy(c->info.team[s].id, id[s], sizeof c->info.team[s].id);
		cs_strlcpy(c->info.team[s].name, name, sizeof c->info.team[s].name);
		c->info.team[s].color = color;
	}
	return 0;
}

/* No `status` (the vendor's shape): the game's own started_at/ended_at. */
static void
status_from_times(struct shottracker_ctx *c, json_object *root)
{
	int64_t t;

	if (get_i64(root, "ended_at", 0, MAX_TIMESTAMP, &t))
		set_status(c, "COMPLETE");
	else if (get_i64(root, "started_at", 0, MAX_TIMESTAMP, &t))
		set_status(c, "ACTIVE");
	else if (json_object_object_get_ex(root, "started_at", NULL))
		set_status(c, "SCHEDULED");
}

/* Format, raw game_type and gender (for the rule profile), status. */
static void
game_header(struct shottracker_ctx *c, json_object *root)
{
	const char *s = get_str(root, "game_type");
	const char *gender = get_str(get(root, "game_attributes"), "gender");

	if (s != NULL) {
		cs_sanitize(c->info.game_type, s, sizeof c->info.game_type);
		if (strcasecmp(s, "HALF") == 0)
			c->halves = true;
		else if (strcasecmp(s, "QUARTER") == 0)
			c->halves = false;
	}
	c->info.format = c->halves ? CS_FORMAT_HALVES : CS_FORMAT_QUARTERS;
	if (gender == NULL)
		gender = get_str(root, "gender");
	if (gender != NULL)
		cs_sanitize(c->info.gender, gender, sizeof c->info.gender);
	s = get_str(root, "status");
	if (s != NULL)
		set_status(c, s);
	else
		status_from_times(c, root);
}

/* Result i's period: its label, else its rank by started_at among the
 * game rounds (the vendor's example labels none).  false, said, when past
 * the model's hard limit of CS_PERIODS_MAX periods. */
static bool
round_period(struct shottracker_ctx *c, json_object *results, size_t i,
    int64_t started, struct cs_period *p)
{
	size_t j, n = json_object_array_length(results);
	int64_t other;
	int ordinal = 1, regulation;

	if (get_period(c, json_object_array_get_idx(results, i), "period", p))
		return true;
	/* after get_period, which may have learnt halves from a label */
	regulation = c->halves ? 2 : 4;
	for (j = 0; j < n; j++) {
		json_object *o = json_object_array_get_idx(results, j);

		if (j != i && game_round(o) &&
		    get_i64(o, "started_at", 0, MAX_TIMESTAMP, &other) &&
		    (other < started || (other == started && j < i)))
			ordinal++;
	}
	memset(p, 0, sizeof *p);
	p->sequence = ordinal;
	if (ordinal <= regulation) {
		p->type = c->halves ? CS_PERIOD_HALF : CS_PERIOD_QUARTER;
		p->number = ordinal;
		return true;
	}
	p->type = CS_PERIOD_OVERTIME;
	p->number = ordinal - regulation;
	if (p->sequence > CS_PERIODS_MAX) {
		shottracker_warn(c, "skipped period %d of the game event: more than %d periods",
		    p->sequence, CS_PERIODS_MAX);
		return false;
	}
	return true;
}

/* Period start/end events from the game rounds; the game end if over. */
static void
game_periods(struct shottracker_ctx *c, json_object *root)
{
	json_object *results = get(root, "results"), *r;
	struct cs_period p, last;
	int64_t started, ended, last_end = 0;
	size_t i, n;

	memset(&last, 0, sizeof last);
	n = results != NULL && json_object_is_type(results, json_type_array) ?
	    json_object_array_length(results) : 0;
	for (i = 0; i < n; i++) {
		r = json_object_array_get_idx(results, i);
		if (!game_round(r))
			continue;
		if (!get_i64(r, "started_at", 0, MAX_TIMESTAMP, &started)) {
			shottracker_warn(c, "skipped a period of the game event: no started_at");
			continue;
		}
		if (!round_period(c, results, i, started, &p))
			continue;
		period_event(c, &p, false, started, CS_NO_CLOCK, false, 0, NULL);
		if (get_i64(r, "ended_at", 0, MAX_TIMESTAMP, &ended)) {
			period_event(c, &p, true, ended, CS_NO_CLOCK, false, 0, NULL);
			if (ended > last_end)
				last_end = ended;
		}
		if (p.sequence > last.sequence)
			last = p;
	}
	if (c->game_over)
		game_end_event(c, &last, last_end, false, 0, NULL);
}

int
shottracker_parse_game(struct shottracker_ctx *c, const char *json, size_t len)
{
	json_object *root;
	char id[CS_ID_MAX];
	bool named[2];

	root = parse_json(c, json, len, SHOTTRACKER_DOCUMENT_MAX, "the game event");
	if (root == NULL)
		return -1;
	if (!json_object_is_type(root, json_type_object)) {
		shottracker_warn(c, "skipped the game event: not an object");
		json_object_put(root);
		return -1;
	}
	if (get_id(root, "id", id, sizeof id)) {
		if (c->game_id[0] != '\0' && strcmp(id, c->game_id) != 0) {
			shottracker_warn(c, "skipped the game event of %s: another game", id);
			json_object_put(root);
			return -1;
		}
		cs_strlcpy(c->game_id, id, sizeof c->game_id);
	}
	if (game_teams(c, root, named) < 0) {
		shottracker_warn(c, "skipped the game event: no home_team_id/away_team_id "
		    "(in game_attributes or at the top level)");
		json_object_put(root);
		return -1;
	}
	c->have_game = true;
	cs_strlcpy(c->info.id, c->game_id, sizeof c->info.id);
	game_header(c, root);
	emit_game_sides(c, named[CS_HOME], named[CS_AWAY]);
	game_periods(c, root);
	json_object_put(root);
	return 0;
}

/* --- rosters --- */

static int
parse_color(const char *s)
{
	long v;
	char *end;

	if (s == NULL)
		return CS_NO_COLOR;
	if (*s == '#')
		s++;
	if (strlen(s) != 6)
		return CS_NO_COLOR;
	v = strtol(s, &end, 16);
	if (*end != '\0' || v < 0 || !isxdigit((unsigned char)s[0]))
		return CS_NO_COLOR;
	return (int)v;
}

static void
roster_player(struct shottracker_ctx *c, json_object *pl, struct cs_player_info *pi)
{
	char first[CS_NAME_MAX], last[CS_NAME_MAX], name[2 * CS_NAME_MAX + 2];
	int64_t jersey;

	(void)c;
	get_text(pl, "display_name", pi->name, sizeof pi->name);
	if (pi->name[0] == '\0') {
		get_text(pl, "first_name", first, sizeof first);
		get_text(pl, "last_name", last, sizeof last);
		snprintf(name, sizeof name, "%s%s%s", first, first[0] && last[0] ? " " : "", last);
		cs_strlcpy(pi->name, name, sizeof pi->name);
	}
	get_text(pl, "jersey_number_str", pi->jersey, sizeof pi->jersey);
	if (pi->jersey[0] == '\0' && get_i64(pl, "jersey_number", 0, 999, &jersey))
		snprintf(pi->jersey, sizeof pi->jersey, "%d", (int)jersey);
	get_text(pl, "position", pi->position, sizeof pi->position);
	if (pi->position[0] == '\0')
		get_text(pl, "position_abbr", pi->position, sizeof pi->position);
	pi->starter = get_bool(pl, "is_starter");
}

int
shottracker_parse_roster(struct shottracker_ctx *c, const char *json, size_t len)
{
	json_object *root, *players, *pl, *active;
	struct cs_team_info *t;
	struct cs_team_info team;
	char id[CS_ID_MAX];
	size_t i, n;
	int side, pass;

	root = parse_json(c, json, len, SHOTTRACKER_DOCUMENT_MAX, "a roster");
	if (root == NULL)
		return -1;
	if (!json_object_is_type(root, json_type_object) ||
	    !get_id(root, "id", id, sizeof id)) {
		shottracker_warn(c, "skipped a roster: no team id");
		json_object_put(root);
		return -1;
	}
	side = side_of(c, id);
	if (side == CS_SIDE_NONE) {
		shottracker_warn(c, "skipped the roster of team %s: not in this game", id);
		json_object_put(root);
		return -1;
	}
	memset(&team, 0, sizeof team);
	cs_strlcpy(team.id, id, sizeof team.id);
	get_text(root, "name", team.name, sizeof team.name);
	get_text(root, "city", team.market, sizeof team.market);
	get_text(root, "abbr", team.alias, sizeof team.alias);
	team.color = parse_color(get_str(root, "color_rgb"));
	if (team.color == CS_NO_COLOR)
		team.color = c->info.team[side].color;   /* JERSEY_COLORS came first */
	/* the team's gender ("MEN", "WOMEN") picks the rule profile when the
	 * game event did not say */
	if (c->info.gender[0] == '\0')
		get_text(root, "gender", c->info.gender, sizeof c->info.gender);

	/* Active players first; inactive ones only while there is room. */
	players = get(root, "players");
	n = players != NULL && json_object_is_type(players, json_type_array) ?
	    json_object_array_length(players) : 0;
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < n && team.nplayers < CS_ROSTER_MAX; i++) {
			pl = json_object_array_get_idx(players, i);
			if (pl == NULL || !json_object_is_type(pl, json_type_object))
				continue;
			active = get(pl, "is_active");
			if ((pass == 0) != (active == NULL || get_bool(pl, "is_active")))
				continue;
			t = &team;
			memset(&t->players[t->nplayers], 0, sizeof t->players[0]);
			if (!get_id(pl, "id", t->players[t->nplayers].id,
			    sizeof t->players[0].id)) {
				if (pass == 0)
					shottracker_warn(c, "skipped a player of team %s: no id", id);
				continue;
			}
			roster_player(c, pl, &t->players[t->nplayers]);
			t->nplayers++;
		}
	}
	if (n > CS_ROSTER_MAX)
		shottracker_warn(c, "team %s: roster cut to %d players", id, CS_ROSTER_MAX);
	c->info.team[side] = team;
	c->have_team[side] = true;
	if (c->info.id[0] == '\0')
		cs_strlcpy(c->info.id, c->game_id, sizeof c->info.id);
	if (c->sink.game != NULL) {
		struct cs_game_info info = c->info;

		info.has_team[side] = true;
		info.has_team[!side] = false;
		c->sink.game(c->sink.ctx, &info);
	}
	json_object_put(root);
	return 0;
}

/* --- lineups --- */

/* One lineup (REST entry or LINEUP marker) -> a substitution event. */
static int
lineup_event(struct shottracker_ctx *c, json_object *o, int64_t ts, bool has_seq,
    int64_t seq, int *stale)
{
	struct cs_event ev;
	json_object *ids;
	char team[CS_ID_MAX];
	size_t i, n;
	int side;

	cs_event_init(&ev, CS_PROVIDER_SHOTTRACKER);
	if (!get_id(o, "teamId", team, sizeof team)) {
		shottracker_warn(c, "skipped a lineup: no teamId");
		return -1;
	}
	side = side_of(c, team);
	if (side == CS_SIDE_NONE) {
		shottracker_warn(c, "skipped a lineup of team %s: not in this game", team);
		return -1;
	}
	if (ts < 0 && !get_i64(o, "timestamp", 0, MAX_TIMESTAMP, &ts)) {
		shottracker_warn(c, "skipped a lineup of team %s: no timestamp", team);
		return -1;
	}
	if (snprintf(ev.id, sizeof ev.id, "lineup:%s:%" PRId64, team, ts) >=
	    (int)sizeof ev.id) {
		shottracker_warn(c, "skipped a lineup of team %s: id too long", team);
		return -1;
	}
	if (!get_period(c, o, "period", &ev.period)) {
		if (c->last_period.sequence <= 0) {
			shottracker_warn(c, "skipped %s: no period", ev.id);
			return -1;
		}
		ev.period = c->last_period;
	}
	ids = get(o, "playerIds");
	n = ids != NULL && json_object_is_type(ids, json_type_array) ?
	    json_object_array_length(ids) : 0;
	if (n == 0 || n > CS_ON_COURT) {
		shottracker_warn(c, "skipped %s: %zu players on court", ev.id, n);
		return -1;
	}
	for (i = 0; i < n; i++)
		if (!id_of(json_object_array_get_idx(ids, i), ev.on_court[side][i].id,
		    sizeof ev.on_court[side][i].id)) {
			shottracker_warn(c, "skipped %s: a bad player id", ev.id);
			return -1;
		}
	ev.has_on_court[side] = true;
	ev.side = side;
	ev.sequence = ts;
	ev.wall_ms = ts;
	ev.number = RANK_LINEUP;
	ev.type = CS_EV_SUBSTITUTION;
	ev.clock = cs_clock_parse(get_str(o, "gameClock"));
	cs_strlcpy(ev.provider_type, "LINEUP", sizeof ev.provider_type);
	snprintf(ev.description, sizeof ev.description, "%s lineup",
	    c->info.team[side].alias[0] != '\0' ? c->info.team[side].alias :
	    side == CS_HOME ? "Home" : "Away");
	emit_event(c, &ev, ID_LINEUP, has_seq, seq, stale);
	return 0;
}

int
shottracker_parse_lineups(struct shottracker_ctx *c, const char *json, size_t len)
{
	json_object *root, *arr;
	size_t i, n;
	int good = 0;

	root = parse_json(c, json, len, SHOTTRACKER_DOCUMENT_MAX, "the lineups");
	if (root == NULL)
		return -1;
	arr = json_object_is_type(root, json_type_array) ? root : get(root, "lineups");
	if (arr == NULL || !json_object_is_type(arr, json_type_array)) {
		shottracker_warn(c, "skipped the lineups: no lineups array");
		json_object_put(root);
		return -1;
	}
	ids_unmark(c, ID_LINEUP);
	n = json_object_array_length(arr);
	for (i = 0; i < n; i++)
		if (lineup_event(c, json_object_array_get_idx(arr, i), -1, false, 0, NULL) == 0)
			good++;
	ids_sweep(c, ID_LINEUP);
	json_object_put(root);
	return good;
}

/* --- catch-up --- */

/*
 * The catch-up body is the largest document (0.5 MB for a full game): it is
 * checked whole by json_scan, then parsed an element at a time, so the
 * heap holds one play's tree, not the game's (json-c takes ~10 bytes per
 * byte of text).
 */
static json_object *
parse_element(struct shottracker_ctx *c, const struct json_span *v, const char *what)
{
	/* every item is an object (and json-c would wait for more after a bare
	 * number that ends its input) */
	if (v->len == 0 || v->p[0] != '{') {
		shottracker_warn(c, "skipped %s: not an object", what);
		return NULL;
	}
	return parse_json(c, v->p, v->len, SHOTTRACKER_DOCUMENT_MAX, what);
}

/* The catch-up's elements by the frame scanners when they can (below,
 * "catch-up elements without a tree"), else by their trees. */
static int details_element(struct shottracker_ctx *c, const struct json_span *el,
    struct cs_event *ev, bool *deleted);
static void stats_element(struct shottracker_ctx *c, const struct json_span *el);
static bool possession_element(struct shottracker_ctx *c, const struct json_span *el);

static int
details_array(struct shottracker_ctx *c, const struct json_span *arr)
{
	struct cs_event ev;
	struct json_iter it;
	struct json_span el;
	bool deleted;
	int good = 0;

	ids_unmark(c, ID_PLAY);
	json_iter_begin(&it, arr->p, arr->len);
	while (json_next_element(&it, &el)) {
		if (details_element(c, &el, &ev, &deleted) < 0)
			continue;
		if (deleted)
			emit_delete(c, ev.id, ID_PLAY, false, 0, NULL);
		else {
			emit_event(c, &ev, ID_PLAY, false, 0, NULL);
			good++;
		}
	}
	ids_sweep(c, ID_PLAY);
	return good;
}

static void
game_totals(struct shottracker_ctx *c, json_object *t)
{
	json_object *score;
	int64_t v;
	const char *s;

	if (t == NULL || !json_object_is_type(t, json_type_object))
		return;
	c->have_totals = true;
	score = get(t, "homeTeamScore");
	c->totals_points[CS_HOME] = get_i64(score, "value", 0, 1000, &v) ? (int)v : CS_UNKNOWN;
	score = get(t, "awayTeamScore");
	c->totals_points[CS_AWAY] = get_i64(score, "value", 0, 1000, &v) ? (int)v : CS_UNKNOWN;
	get_text(t, "period", c->totals_period, sizeof c->totals_period);
	get_text(t, "status", c->totals_status, sizeof c->totals_status);
	s = get_str(t, "status");
	if (s != NULL && strcasecmp(s, "COMPLETE") == 0 && !c->game_over) {
		/* The game ended after its game event said ACTIVE: no socket will
		 * bring the GAME_END now, so the catch-up closes it as one would. */
		struct cs_period p;

		if (!get_period(c, t, "period", &p) || p.sequence < c->last_period.sequence)
			p = c->last_period;
		game_end_event(c, &p, c->last_timestamp, false, 0, NULL);
		set_status(c, "COMPLETE");
		emit_game(c, false);
	}
}

/* --- ShotTracker's own possessions: to the model, apart from the plays --- */

static void
possession_to_sink(void *ctx, const char *team_id, struct cs_possession *rec)
{
	struct shottracker_ctx *c = ctx;

	rec->side = side_of(c, team_id);
	if (rec->side == CS_SIDE_NONE)
		shottracker_warn(c, "skipped a possession: team %s is neither side", team_id);
	else if (c->sink.possession != NULL)
		c->sink.possession(c->sink.ctx, rec);
}

/* A possessions value (catch-up key or frame data); the number kept. */
static int
st_possessions(struct shottracker_ctx *c, json_object *v)
{
	char why[160] = "";
	int skipped = 0, n;

	n = shottracker_possessions_walk(v, c->halves, possession_to_sink, c, &skipped,
	    why, sizeof why);
	if (skipped > 0)
		shottracker_warn(c, "possessions: %d refused (%s)", skipped, why);
	return n;
}

/*
 * The catch-up's possessions array one element's tree at a time, as
 * st_possessions would walk the whole array (the same cap, the refused
 * counted and warned once): as one json-c tree a game's 237 KB of
 * possessions held ~1.4 MB (issue 20).  Each element goes to the walker
 * in a one-element array, so it reads it exactly as an element; one that
 * is no object goes as null, refused alike.
 */
static void
st_possessions_array(struct shottracker_ctx *c, const struct json_span *arr)
{
	char why[160] = "", one[160];
	struct json_iter it;
	struct json_span el;
	json_object *wrap, *o;
	int skipped = 0, k, n;

	json_iter_begin(&it, arr->p, arr->len);
	for (n = 0; n < ST_POSSESSIONS_MAX * 2 && json_next_element(&it, &el); n++) {
		if (possession_element(c, &el))
			continue;
		o = el.len > 0 && el.p[0] == '{' ?
		    parse_json(c, el.p, el.len, SHOTTRACKER_DOCUMENT_MAX, "a possession") : NULL;
		if ((wrap = json_object_new_array()) == NULL ||
		    json_object_array_add(wrap, o) < 0) {
			json_object_put(wrap);
			json_object_put(o);
			continue;
		}
		k = 0;
		one[0] = '\0';
		shottracker_possessions_walk(wrap, c->halves, possession_to_sink, c, &k,
		    one, sizeof one);
		json_object_put(wrap);
		if (k > 0) {
			skipped += k;
			snprintf(why, sizeof why, "%s", one);
		}
	}
	if (skipped > 0)
		shottracker_warn(c, "possessions: %d refused (%s)", skipped, why);
}

/* The videos of one document to the model; -1 with a warning. */
static int
st_videos_doc(struct shottracker_ctx *c, const char *json, size_t len, int *skipped,
    char *why, size_t whysize)
{
	struct shottracker_videos *vs;
	struct cs_video_segment seg;
	char *cause = NULL;
	int i;

	vs = shottracker_videos_parse(json, len, c->halves, &cause);
	if (vs == NULL) {
		shottracker_warn(c, "%s", cause != NULL ? cause : "ShotTracker videos: unreadable");
		free(cause);
		return -1;
	}
	if (vs->skipped > 0) {
		*skipped += vs->skipped;
		snprintf(why, whysize, "%s", vs->warning);
	}
	for (i = 0; i < vs->nvideos && c->sink.video != NULL; i++)
		if (shottracker_video_segment(&vs->videos[i], &seg) == 0)
			c->sink.video(c->sink.ctx, &seg);
	shottracker_videos_free(&vs);
	return 0;
}

/*
 * The videos array one video at a time, each as its own {"videos":[...]}
 * document: as one tree, with every video's fixed-size record at once, a
 * game's 155 KB held ~1.3 MB (issue 20).  The same cap and the refused
 * warned once; a document that is not a clean object with a "videos"
 * array goes whole to the parser, for its one-line cause.
 */
static int
st_videos_each(struct shottracker_ctx *c, const char *json, size_t len)
{
	struct json_span key, v, videos = { 0 };
	struct json_iter it;
	char why[160] = "", *one;
	int skipped = 0, n = 0;

	if (json == NULL || len > SHOTTRACKER_DOCUMENT_MAX ||
	    json_scan_check(json, len, JSON_DEPTH) != JSON_SCAN_OK ||
	    !json_iter_begin(&it, json, len) || it.p[-1] != '{')
		return 1;
	while (json_next_member(&it, &key, &v))
		if (json_key_is(&key, "videos"))
			videos = v;
	if (videos.p == NULL || videos.len == 0 || videos.p[0] != '[')
		return 1;
	json_iter_begin(&it, videos.p, videos.len);
	while (json_next_element(&it, &v)) {
		if (n++ >= ST_VIDEOS_MAX) {
			skipped++;
			continue;
		}
		if ((one = malloc(v.len + 16)) == NULL)
			return -1;
		memcpy(one, "{\"videos\":[", 11);
		memcpy(one + 11, v.p, v.len);
		memcpy(one + 11 + v.len, "]}", 3);
		(void)st_videos_doc(c, one, v.len + 13, &skipped, why, sizeof why);
		free(one);
	}
	if (skipped > 0)
		shottracker_warn(c, "videos: %d refused (%s)", skipped, why);
	return 0;
}

/* The game's videos: each segment's HLS fields to the model. */
static int
st_videos(struct shottracker_ctx *c, const char *json, size_t len)
{
	struct shottracker_videos *vs;
	struct cs_video_segment seg;
	char *cause = NULL;
	int i;

	if ((i = st_videos_each(c, json, len)) <= 0)
		return i;
	vs = shottracker_videos_parse(json, len, c->halves, &cause);
	if (vs == NULL) {
		shottracker_warn(c, "%s", cause != NULL ? cause : "ShotTracker videos: unreadable");
		free(cause);
		return -1;
	}
	if (vs->skipped > 0)
		shottracker_warn(c, "videos: %d refused (%s)", vs->skipped, vs->warning);
	for (i = 0; i < vs->nvideos && c->sink.video != NULL; i++)
		if (shottracker_video_segment(&vs->videos[i], &seg) == 0)
			c->sink.video(c->sink.ctx, &seg);
	shottracker_videos_free(&vs);
	return 0;
}

static bool
span_is(const struct json_span *v, char first)
{
	return v->p != NULL && v->len > 0 && v->p[0] == first;
}

int
shottracker_parse_catchup(struct shottracker_ctx *c, const char *json, size_t len)
{
	struct json_span key, v, details = { 0 }, stats = { 0 }, totals = { 0 };
	struct json_span possessions = { 0 };
	struct json_iter it;
	enum json_scan e;
	json_object *o;
	int events = 0;
	bool any = false;

	if (json == NULL) {
		shottracker_warn(c, "skipped the catch-up: no data");
		return -1;
	}
	if (len > SHOTTRACKER_DOCUMENT_MAX) {
		shottracker_warn(c, "skipped the catch-up: %zu bytes, over the %u byte limit", len,
		    SHOTTRACKER_DOCUMENT_MAX);
		return -1;
	}
	if ((e = json_scan_check(json, len, JSON_DEPTH)) != JSON_SCAN_OK) {
		shottracker_warn(c, "skipped the catch-up: %s (%zu bytes)", json_scan_error(e), len);
		return -1;
	}
	if (!json_iter_begin(&it, json, len) || it.p[-1] != '{') {
		shottracker_warn(c, "skipped the catch-up: not an object");
		return -1;
	}
	/* a repeated key: the last one counts, as in a parsed object */
	while (json_next_member(&it, &key, &v)) {
		if (json_key_is(&key, "details"))
			details = v;
		else if (json_key_is(&key, "stats"))
			stats = v;
		else if (json_key_is(&key, "gameTotals"))
			totals = v;
		else if (json_key_is(&key, "possessions"))
			possessions = v;
		/* shots repeat what details say */
		else if (json_key_is(&key, "shots") && !span_is(&v, 'n'))
			any = true;
	}
	if (span_is(&details, '[')) {
		events = details_array(c, &details);
		any = true;
	}
	if (span_is(&stats, '[')) {
		json_iter_begin(&it, stats.p, stats.len);
		while (json_next_element(&it, &v))
			stats_element(c, &v);
		any = true;
	}
	if (span_is(&possessions, '[')) {
		st_possessions_array(c, &possessions);
		any = true;
	} else if (span_is(&possessions, '{')) {
		if ((o = parse_json(c, possessions.p, possessions.len, SHOTTRACKER_DOCUMENT_MAX,
		    "the possessions")) != NULL) {
			st_possessions(c, o);
			json_object_put(o);
		}
		any = true;
	}
	/* The totals belong with the plays they total: possessions alone are
	 * the catch-up's second GET, a moment later, and must not say the game
	 * is over (no live socket) before the plays that end it are in. */
	if (possessions.p != NULL && details.p == NULL && stats.p == NULL)
		totals.p = NULL;
	if (totals.p != NULL && !span_is(&totals, 'n')) {
		if ((o = parse_element(c, &totals, "the game totals")) != NULL) {
			game_totals(c, o);
			json_object_put(o);
		}
		any = true;
	}
	if (!any) {
		shottracker_warn(c, "skipped the catch-up: none of details, stats, shots, gameTotals");
		return -1;
	}
	return events;
}

/* --- subscribe --- */

int
shottracker_parse_subscribe(const char *json, size_t len, char *token, size_t size)
{
	json_tokener *tok;
	json_object *root, *v = NULL;
	const char *s = NULL;
	size_t i, n;
	int rc = -1;

	if (json == NULL || len > 65536 || size == 0)
		return -1;
	tok = json_tokener_new_ex(JSON_DEPTH);
	if (tok == NULL)
		return -1;
	root = json_tokener_parse_ex(tok, json, (int)len);
	json_tokener_free(tok);
	if (root == NULL)
		return -1;
	if (json_object_is_type(root, json_type_string))
		s = json_object_get_string(root);
	else if (json_object_is_type(root, json_type_object)) {
		if ((v = get(root, "token")) == NULL)
			v = get(root, "subscription_token");
		if (v != NULL && json_object_is_type(v, json_type_string))
			s = json_object_get_string(v);
	}
	if (s != NULL) {
		n = strlen(s);
		for (i = 0; i < n; i++)
			if ((unsigned char)s[i] <= ' ' || (unsigned char)s[i] >= 0x7f)
				break;
		if (n > 0 && i == n && n < size) {
			memcpy(token, s, n + 1);
			rc = 0;
		}
	}
	json_object_put(root);
	return rc;
}

/* --- Live Data V2 frames --- */

static enum shottracker_source
source_of(const char *s)
{
	static const struct {
		const char *name;
		enum shottracker_source src;
	} names[] = {
		{ "details", ST_SOURCE_DETAILS }, { "shots", ST_SOURCE_SHOTS },
		{ "marker", ST_SOURCE_MARKER }, { "possessions", ST_SOURCE_POSSESSIONS },
		{ "stats", ST_SOURCE_STATS }, { "clock", ST_SOURCE_CLOCK },
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(s, names[i].name) == 0)
			return names[i].src;
	return ST_SOURCE_UNKNOWN;
}

static int
frame_clock(struct shottracker_ctx *c, json_object *d)
{
	struct cs_clock ck;
	int shot;

	memset(&ck, 0, sizeof ck);
	if (!get_period(c, d, "period", &ck.period)) {
		shottracker_warn(c, "skipped a clock frame: no usable period");
		return -1;
	}
	ck.clock = cs_clock_parse(get_str(d, "gameClock"));
	if (ck.clock == CS_NO_CLOCK) {
		shottracker_warn(c, "skipped a clock frame: no usable gameClock");
		return -1;
	}
	shot = cs_clock_parse(get_str(d, "shotClock"));
	ck.shot_clock = shot;
	ck.running = get_bool(d, "running");
	if (c->sink.clock != NULL)
		c->sink.clock(c->sink.ctx, &ck);
	return 0;
}

static int
frame_marker(struct shottracker_ctx *c, json_object *d, int64_t ts, bool has_seq,
    int64_t seq, struct shottracker_frame_info *info)
{
	const char *m = get_str(d, "marker");
	struct cs_period p;
	struct cs_event ev;
	char team[CS_ID_MAX];
	int64_t t, remaining;
	int side;

	if (m == NULL) {
		shottracker_warn(c, "skipped a marker frame: no marker");
		return -1;
	}
	/* The data's own timestamp wins over the envelope's. */
	if (get_i64(d, "timestamp", 0, MAX_TIMESTAMP, &t))
		ts = t;
	if (strcmp(m, "GAME_START") == 0) {
		set_status(c, "ACTIVE");
		emit_game(c, false);
		return 0;
	}
	if (strcmp(m, "PERIOD_START") == 0 || strcmp(m, "PERIOD_END") == 0) {
		if (ts < 0 || !get_period(c, d, "period", &p)) {
			shottracker_warn(c, "skipped a %s marker: no period or timestamp", m);
			return -1;
		}
		period_event(c, &p, m[7] == 'E', ts, cs_clock_parse(get_str(d, "gameClock")),
		    has_seq, seq, &info->stale);
		return 0;
	}
	if (strcmp(m, "GAME_END") == 0) {
		if (!get_period(c, d, "period", &p))
			p = c->last_period;
		if (ts < 0)
			ts = c->last_timestamp;
		game_end_event(c, &p, ts, has_seq, seq, &info->stale);
		c->game_over = true;
		info->game_end = true;
		set_status(c, "COMPLETE");
		emit_game(c, false);
		return 0;
	}
	if (strcmp(m, "LINEUP") == 0) {
		if (ts < 0) {
			shottracker_warn(c, "skipped a LINEUP marker: no timestamp");
			return -1;
		}
		return lineup_event(c, d, ts, has_seq, seq, &info->stale);
	}
	if (strcmp(m, "TIMEOUT") == 0) {
		cs_event_init(&ev, CS_PROVIDER_SHOTTRACKER);
		if (!get_id(d, "teamId", team, sizeof team) ||
		    (side = side_of(c, team)) == CS_SIDE_NONE || ts < 0) {
			shottracker_warn(c, "skipped a TIMEOUT marker: no team of this game or no timestamp");
			return -1;
		}
		if (!get_period(c, d, "period", &ev.period)) {
			if (c->last_period.sequence <= 0) {
				shottracker_warn(c, "skipped a TIMEOUT marker: no period");
				return -1;
			}
			ev.period = c->last_period;
		}
		if (snprintf(ev.id, sizeof ev.id, "%s:%" PRId64 ":TIMEOUT", team, ts) >=
		    (int)sizeof ev.id) {
			shottracker_warn(c, "skipped a TIMEOUT marker of team %s: id too long", team);
			return -1;
		}
		ev.side = side;
		ev.sequence = ts;
		ev.wall_ms = ts;
		ev.number = item_rank("TIMEOUT");
		ev.type = CS_EV_TIMEOUT;
		ev.clock = cs_clock_parse(get_str(d, "gameClock"));
		if (get_i64(d, "remaining", 0, 99, &remaining))
			ev.timeouts_remaining = (int)remaining;
		cs_strlcpy(ev.provider_type, "TIMEOUT", sizeof ev.provider_type);
		get_text(d, "description", ev.description, sizeof ev.description);
		if (ev.description[0] == '\0')
			snprintf(ev.description, sizeof ev.description, "%s timeout",
			    c->info.team[side].alias[0] != '\0' ? c->info.team[side].alias :
			    side == CS_HOME ? "Home" : "Away");
		emit_event(c, &ev, ID_PLAY, has_seq, seq, &info->stale);
		return 0;
	}
	if (strcmp(m, "JERSEY_COLORS") == 0) {
		int home = parse_color(get_str(d, "homeColor"));
		int away = parse_color(get_str(d, "awayColor"));

		if (home == CS_NO_COLOR && away == CS_NO_COLOR) {
			shottracker_warn(c, "skipped a JERSEY_COLORS marker: no colours");
			return -1;
		}
		if (home != CS_NO_COLOR)
			c->info.team[CS_HOME].color = home;
		if (away != CS_NO_COLOR)
			c->info.team[CS_AWAY].color = away;
		if (c->have_team[CS_HOME] || c->have_team[CS_AWAY])
			emit_game(c, true);
		return 0;
	}
	/* Other markers (lineup status, ...) say nothing we show. */
	return 0;
}

static int
frame_one(struct shottracker_ctx *c, json_object *env, struct shottracker_frame_info *info)
{
	const char *src;
	json_object *d, *sq;
	struct cs_event ev;
	bool has_seq = false, deleted;
	int64_t seq = 0, ts = -1;

	if (env == NULL || !json_object_is_type(env, json_type_object)) {
		shottracker_warn(c, "skipped a frame: not an object");
		return -1;
	}
	src = get_str(env, "source");
	if (src == NULL)
		src = get_str(env, "type");
	if (src == NULL)
		src = get_str(env, "messageType");
	if (src == NULL) {
		shottracker_warn(c, "skipped a frame: no source");
		return -1;
	}
	cs_sanitize(info->source_name, src, sizeof info->source_name);
	info->source = source_of(src);
	sq = get(env, "seq");
	if (sq == NULL)
		sq = get(env, "sequence");
	if (sq != NULL) {
		if (!num_i64(sq, 0, MAX_SEQ, &seq)) {
			shottracker_warn(c, "skipped a %s frame: bad seq", info->source_name);
			info->source = ST_SOURCE_NONE;
			return -1;
		}
		has_seq = true;
	}
	if (!get_i64(env, "timestamp", 0, MAX_TIMESTAMP, &ts))
		ts = -1;
	if (info->source == ST_SOURCE_UNKNOWN)
		return 0;   /* a source we do not use; the provider logs it once */
	d = get(env, "data");
	if (d == NULL || !json_object_is_type(d, json_type_object)) {
		shottracker_warn(c, "skipped a %s frame: no data object", info->source_name);
		info->source = ST_SOURCE_NONE;
		return -1;
	}
	if (has_seq) {
		if (!info->has_seq || seq > info->seq)
			info->seq = seq;
		if (!info->has_seq || seq < info->min_seq)
			info->min_seq = seq;
		info->has_seq = true;
	}
	switch (info->source) {
	case ST_SOURCE_DETAILS:
		if (item_event(c, d, &ev, &deleted, "details frame") < 0)
			return -1;
		if (deleted)
			emit_delete(c, ev.id, ID_PLAY, has_seq, seq, &info->stale);
		else
			emit_event(c, &ev, ID_PLAY, has_seq, seq, &info->stale);
		return 0;
	case ST_SOURCE_MARKER:
		return frame_marker(c, d, ts, has_seq, seq, info);
	case ST_SOURCE_STATS:
		return published(c, d);
	case ST_SOURCE_CLOCK:
		return frame_clock(c, d);
	case ST_SOURCE_POSSESSIONS:
		return st_possessions(c, d) > 0 ? 0 : -1;
	case ST_SOURCE_SHOTS:
	default:
		return 0;
	}
}

/* --- clock frames without a tree --- */

/*
 * More than half of a game's frames are clock ticks, each a few dozen bytes
 * that json-c would build a tree of eight objects for.  A tick in the usual
 * form ({"source":"clock","timestamp":..,"data":{"period":"Q1","gameClock":
 * "11:59.0","shotClock":"23.0","running":true}}, each key once, no escapes)
 * is read here with the allocation-free scanner; anything else, or any
 * value frame_clock would refuse, is left to the tree (0), which warns.
 */
#define CLOCK_FRAME_PREFIX "{\"source\":\"clock\""
#define CLOCK_TEXT_MAX 16

/* A plain string value (no escapes) into buf: false otherwise. */
static bool
scan_plain_string(const struct json_span *v, char *buf, size_t size)
{
	if (v->len < 2 || v->p[0] != '"' || v->len - 2 >= size ||
	    memchr(v->p, '\\', v->len) != NULL)
		return false;
	memcpy(buf, v->p + 1, v->len - 2);
	buf[v->len - 2] = '\0';
	return true;
}

/* The clock frame's data object into its strings and `running`: a mask
 * of the strings present (1 period, 2 gameClock, 4 shotClock), or 0 unless
 * each member is in the usual form and period and gameClock are there. */
static unsigned
scan_clock_data(const struct json_span *data, char text[3][CLOCK_TEXT_MAX], bool *running)
{
	static const char *const names[3] = { "period", "gameClock", "shotClock" };
	struct json_iter it;
	struct json_span k, v;
	unsigned seen = 0;
	int i;

	if (!json_iter_begin(&it, data->p, data->len) || data->p[0] != '{')
		return 0;
	*running = false;
	while (json_next_member(&it, &k, &v)) {
		for (i = 0; i < 3 && !json_key_is(&k, names[i]); i++)
			;
		if (i == 3 && json_key_is(&k, "running") && !(seen & 8) &&
		    (v.len == 4 || v.len == 5) && memcmp(v.p, v.len == 4 ? "true" : "false", v.len) == 0) {
			*running = v.len == 4;
			seen |= 8;
			continue;
		}
		if (i == 3 || (seen & (1u << i)) || !scan_plain_string(&v, text[i], CLOCK_TEXT_MAX))
			return 0;
		seen |= 1u << i;
	}
	return (seen & 3) == 3 ? seen : 0;
}

/* A clock tick both scanners read (period, clock and shot clock texts) to
 * the sink, as frame_clock would send it: 1, or 0 when the tree must
 * decide (a period or clock it cannot place). */
static int
clock_tick_send(struct shottracker_ctx *c, const char *period, const char *clock,
    const char *shot_clock, bool running, struct shottracker_frame_info *info)
{
	struct cs_clock ck;

	memset(&ck, 0, sizeof ck);
	if (!get_period_text(c, period, &ck.period) ||
	    (ck.clock = cs_clock_parse(clock)) == CS_NO_CLOCK)
		return 0;
	ck.shot_clock = cs_clock_parse(shot_clock);
	ck.running = running;
	info->frames = 1;
	info->source = ST_SOURCE_CLOCK;
	cs_strlcpy(info->source_name, "clock", sizeof info->source_name);
	if (c->sink.clock != NULL)
		c->sink.clock(c->sink.ctx, &ck);
	return 1;
}

/* 1 when `json` was a clock tick in the usual form and went to the sink
 * (as frame_one and frame_clock would have sent it), 0 to parse it whole. */
static int
scan_clock_frame(struct shottracker_ctx *c, const char *json, size_t len,
    struct shottracker_frame_info *info)
{
	char text[3][CLOCK_TEXT_MAX];
	struct json_iter it;
	struct json_span k, v, data = { NULL, 0 };
	bool running, source = false, ts = false;
	unsigned seen;

	/* a NUL in a string: json-c refuses the frame, the scanner must too */
	if (len < sizeof CLOCK_FRAME_PREFIX || memcmp(json, CLOCK_FRAME_PREFIX,
	    sizeof CLOCK_FRAME_PREFIX - 1) != 0 || len > SHOTTRACKER_FRAME_MAX ||
	    memchr(json, '\0', len) != NULL ||
	    json_scan_check(json, len, JSON_DEPTH) != JSON_SCAN_OK ||
	    !json_iter_begin(&it, json, len))
		return 0;
	while (json_next_member(&it, &k, &v)) {
		if (json_key_is(&k, "source") && !source)
			source = true;   /* "clock": the prefix said so */
		else if (json_key_is(&k, "timestamp") && !ts)
			ts = true;       /* a clock frame does not use it */
		else if (json_key_is(&k, "data") && data.p == NULL)
			data = v;
		else
			return 0;        /* seq, type, a key twice: the tree decides */
	}
	if (data.p == NULL || (seen = scan_clock_data(&data, text, &running)) == 0)
		return 0;
	return clock_tick_send(c, text[0], text[1], (seen & 4) ? text[2] : NULL, running, info);
}

/*
 * The usual clock tick exactly as the feed writes it, matched byte by byte
 * with no iterator: its keys in their order, each once, an integer
 * timestamp, three strings without escapes and a literal, so it is a
 * frame scan_clock_frame reads, and is read to the same fields.  Anything
 * else (0) goes on to scan_clock_frame.  A game's 3,000 ticks cost a tenth
 * of a replay through the iterators.
 */
#define CLOCK_EXACT_HEAD "{\"source\":\"clock\",\"timestamp\":"

/* Past `lit` at p, or NULL. */
static const char *
exact_lit(const char *p, const char *end, const char *lit, size_t n)
{
	return p != NULL && (size_t)(end - p) >= n && memcmp(p, lit, n) == 0 ? p + n : NULL;
}

#define EXACT(p, end, lit) exact_lit(p, end, lit, sizeof lit - 1)

/* A string at p (its quote) into buf: past it, or NULL for an escape, a
 * NUL or one too long. */
static const char *
exact_str(const char *p, const char *end, char *buf, size_t size)
{
	const char *q;

	if (p == NULL || p >= end || *p != '"' ||
	    (q = memchr(p + 1, '"', (size_t)(end - p - 1))) == NULL ||
	    (size_t)(q - p - 1) >= size || memchr(p + 1, '\\', (size_t)(q - p - 1)) != NULL ||
	    memchr(p + 1, '\0', (size_t)(q - p - 1)) != NULL)
		return NULL;
	memcpy(buf, p + 1, (size_t)(q - p - 1));
	buf[q - p - 1] = '\0';
	return q + 1;
}

/* A JSON integer at p (no sign): past it, or NULL. */
static const char *
exact_uint(const char *p, const char *end)
{
	if (p == NULL || p >= end || *p < '0' || *p > '9')
		return NULL;
	if (*p++ == '0')
		return p < end && *p >= '0' && *p <= '9' ? NULL : p;
	while (p < end && *p >= '0' && *p <= '9')
		p++;
	return p;
}

static int
exact_clock_frame(struct shottracker_ctx *c, const char *json, size_t len,
    struct shottracker_frame_info *info)
{
	const char *end = json + len, *p;
	char text[3][CLOCK_TEXT_MAX];
	bool running;

	p = exact_uint(EXACT(json, end, CLOCK_EXACT_HEAD), end);
	p = exact_str(EXACT(p, end, ",\"data\":{\"period\":"), end, text[0], CLOCK_TEXT_MAX);
	p = exact_str(EXACT(p, end, ",\"gameClock\":"), end, text[1], CLOCK_TEXT_MAX);
	p = exact_str(EXACT(p, end, ",\"shotClock\":"), end, text[2], CLOCK_TEXT_MAX);
	p = EXACT(p, end, ",\"running\":");
	if (p == NULL || len > SHOTTRACKER_FRAME_MAX)
		return 0;
	running = EXACT(p, end, "true") != NULL;
	p = EXACT(running ? EXACT(p, end, "true") : EXACT(p, end, "false"), end, "}}");
	while (p != NULL && p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	if (p != end)
		return 0;
	return clock_tick_send(c, text[0], text[1], text[2], running, info);
}

/* --- details, stats, shots and possessions frames without a tree --- */

/*
 * After the clock ticks, most frames are plays (details), box-score lines
 * (stats), shots and possessions, each a few hundred bytes that json-c
 * would build a tree of 20-90 objects for.  Here the scanner reads the same
 * fields into item_fields / line_fields, and the functions the tree path
 * uses make the event; a possession is read by shottracker_possession_scan
 * (shottracker_possessions.c) to the record the walker would make.  Only a
 * frame json-c reads the very same way takes this path: no backslash and
 * no NUL anywhere (so no key or string differs once decoded), each key we
 * read at most once (json-c keeps the last), and every number we read a
 * plain integer of at most 18 digits.  Anything else, and any envelope
 * frame_one would warn about, goes to the tree (0).
 */
#define FRAME_PREFIX "{\"source\":\""
#define SCAN_TEXT_MAX 64             /* ids, numbers, periods, clocks, words */

/* A string value's characters into buf: 1, 0 when it is no string (as
 * get_str: NULL), -1 when too long for buf (the tree decides). */
static int
scan_str(const struct json_span *v, char *buf, size_t size)
{
	if (v->p == NULL || v->p[0] != '"')
		return 0;
	if (v->len - 2 >= size)
		return -1;
	memcpy(buf, v->p + 1, v->len - 2);
	buf[v->len - 2] = '\0';
	return 1;
}

/* As num_i64: 1 with *out, 0 when num_i64 says false, -1 when unsure
 * (a fraction, an exponent, a huge number, a long string). */
static int
scan_num(const struct json_span *v, int64_t lo, int64_t hi, int64_t *out)
{
	char text[SCAN_TEXT_MAX];
	const char *p;
	int64_t x = 0;
	int rc;

	if (v->p == NULL)
		return 0;
	p = v->p;
	if (*p == '"') {
		if ((rc = scan_str(v, text, sizeof text)) != 1)
			return rc;
		if (!num_text(text, &x))
			return 0;
	} else if (*p == '-' || (*p >= '0' && *p <= '9')) {
		if (!json_span_int(v, &x))
			return -1;   /* a fraction, an exponent, a huge number: json-c's */
	} else {
		return 0;   /* true, false, an object, an array */
	}
	if (x < lo || x > hi)
		return 0;
	*out = x;
	return 1;
}

/* As id_of: 1 with the id in buf, 0 when id_of says false, -1 unsure. */
static int
scan_id(const struct json_span *v, char *buf, size_t size)
{
	char text[CS_ID_MAX];
	int64_t x;
	int rc;

	if (v->p == NULL)
		return 0;
	if (v->p[0] == '"') {
		if (v->len - 2 >= size || v->len - 2 >= sizeof text)
			return 0;   /* id_text refuses it as long */
		scan_str(v, text, sizeof text);
		return id_text(text, buf, size) ? 1 : 0;
	}
	if ((rc = scan_num(v, INT64_MIN / 2, INT64_MAX / 2, &x)) != 1)
		return rc;
	cs_i64_text(x, buf, size);
	return 1;
}

/* As get_bool. */
static bool
scan_bool(const struct json_span *v)
{
	if (v->p == NULL)
		return false;
	if (v->p[0] == '"')
		return v->len == 6 && strncasecmp(v->p + 1, "true", 4) == 0;
	return v->len == 4 && memcmp(v->p, "true", 4) == 0;
}

/* Where scan_item_fields keeps the strings item_fields points to. */
struct item_text {
	char cls[SCAN_TEXT_MAX], base_stats[SCAN_TEXT_MAX], period[SCAN_TEXT_MAX];
	char game_clock[SCAN_TEXT_MAX], act[SCAN_TEXT_MAX], description[CS_DESC_MAX * 4];
};

/* A string member into t's buffer and *out (NULL when no string): false
 * when too long (the tree decides). */
static bool
scan_text(const struct json_span *v, char *buf, size_t size, const char **out)
{
	int rc = scan_str(v, buf, size);

	*out = rc == 1 ? buf : NULL;
	return rc >= 0;
}

enum {
	I_KEY, I_PID, I_TEAM, I_TS, I_CLS, I_BASE, I_PERIOD, I_CLOCK, I_DESC, I_ACT,
	I_DELETED, I_CORRECTED, I_STATS, I_X, I_Y, I_REMAINING, I_COUNT
};

static const struct json_name item_names[I_COUNT] = {
	JSON_NAME("key"), JSON_NAME("pid"), JSON_NAME("teamId"), JSON_NAME("timestamp"),
	JSON_NAME("classification"), JSON_NAME("baseStats"), JSON_NAME("period"),
	JSON_NAME("gameClock"), JSON_NAME("description"), JSON_NAME("act"),
	JSON_NAME("deleted"), JSON_NAME("corrected"), JSON_NAME("stats"),
	JSON_NAME("playerX"), JSON_NAME("playerY"), JSON_NAME("remaining"),
};

static const struct json_name key_names[2] = {
	JSON_NAME("actorId"), JSON_NAME("timestamp"),
};

/* 1 when a number read as it should be into *has and *x, false unsure. */
static bool
scan_num_field(const struct json_span *v, int64_t lo, int64_t hi, bool *has, int64_t *x)
{
	int rc = scan_num(v, lo, hi, x);

	*has = rc == 1;
	return rc >= 0;
}

static bool
scan_id_field(const struct json_span *v, char *buf, size_t size, bool *has)
{
	int rc = scan_id(v, buf, size);

	*has = rc == 1;
	return rc >= 0;
}

/* The item's statistics (its "stats" object) into f: false unsure. */
static bool
scan_item_counts(const struct json_span *stats, struct item_fields *f)
{
	struct json_name names[K_COUNT + 1];
	struct json_span v[K_COUNT + 1];
	bool has;
	int64_t x;
	int i;

	for (i = 0; i < K_COUNT; i++) {
		names[i].s = count_keys[i];
		names[i].len = strlen(count_keys[i]);
	}
	names[K_COUNT].s = "PTS";
	names[K_COUNT].len = 3;
	if (!json_members_plain(stats, names, K_COUNT + 1, v))
		return false;
	for (i = 0; i < K_COUNT; i++) {
		if (!scan_num_field(&v[i], INT64_MIN / 2, INT64_MAX / 2, &has, &x))
			return false;
		if (has && x > 0)
			f->counts |= 1u << i;
	}
	return scan_num_field(&v[K_COUNT], 2, 3, &f->has_pts, &f->pts);
}

/* A details item's fields, as item_fields_tree reads them: false unsure. */
static bool
scan_item_fields(const struct json_span *item, struct item_fields *f, struct item_text *t)
{
	struct json_span v[I_COUNT], k[2];

	memset(f, 0, sizeof *f);
	if (!json_members_plain(item, item_names, I_COUNT, v) ||
	    !json_members_plain(&v[I_KEY], key_names, 2, k))
		return false;
	f->deleted = scan_bool(&v[I_DELETED]);
	f->corrected = scan_bool(&v[I_CORRECTED]);
	return scan_id_field(&k[0], f->key_actor, sizeof f->key_actor, &f->has_key_actor) &&
	    scan_id_field(&v[I_PID], f->pid, sizeof f->pid, &f->has_pid) &&
	    scan_id_field(&v[I_TEAM], f->team, sizeof f->team, &f->has_team) &&
	    scan_num_field(&k[1], 0, MAX_TIMESTAMP, &f->has_key_ts, &f->key_ts) &&
	    scan_num_field(&v[I_TS], 0, MAX_TIMESTAMP, &f->has_ts, &f->ts) &&
	    scan_text(&v[I_CLS], t->cls, sizeof t->cls, &f->cls) &&
	    scan_text(&v[I_BASE], t->base_stats, sizeof t->base_stats, &f->base_stats) &&
	    scan_text(&v[I_PERIOD], t->period, sizeof t->period, &f->period) &&
	    scan_text(&v[I_CLOCK], t->game_clock, sizeof t->game_clock, &f->game_clock) &&
	    scan_text(&v[I_DESC], t->description, sizeof t->description, &f->description) &&
	    scan_text(&v[I_ACT], t->act, sizeof t->act, &f->act) &&
	    scan_item_counts(&v[I_STATS], f) &&
	    scan_num_field(&v[I_X], -COURT_MM_MAX, COURT_MM_MAX, &f->has_x, &f->x) &&
	    scan_num_field(&v[I_Y], -COURT_MM_MAX, COURT_MM_MAX, &f->has_y, &f->y) &&
	    scan_num_field(&v[I_REMAINING], 0, 99, &f->has_remaining, &f->remaining);
}

enum { L_TEAM, L_TEAM2, L_PLAYER, L_PLAYER2, L_VERSION, L_STATS, L_COUNT };

static const struct json_name line_names[L_COUNT] = {
	JSON_NAME("teamId"), JSON_NAME("team_id"), JSON_NAME("playerId"),
	JSON_NAME("player_id"), JSON_NAME("version"), JSON_NAME("stats"),
};

/* A stats line's fields, as line_fields_tree reads them: false unsure. */
static bool
scan_line_fields(const struct json_span *o, struct line_fields *f)
{
	struct json_name names[COLUMNS_N];
	struct json_span v[L_COUNT], col[COLUMNS_N];
	bool has;
	int64_t x;
	size_t i;

	memset(f, 0, sizeof *f);
	if (!json_members_plain(o, line_names, L_COUNT, v) ||
	    !scan_id_field(&v[L_TEAM], f->team, sizeof f->team, &f->has_team) ||
	    (!f->has_team && !scan_id_field(&v[L_TEAM2], f->team, sizeof f->team, &f->has_team)) ||
	    !scan_id_field(&v[L_PLAYER], f->player, sizeof f->player, &has) ||
	    (!has && !scan_id_field(&v[L_PLAYER2], f->player, sizeof f->player, &has)) ||
	    !scan_num_field(&v[L_VERSION], 0, INT64_MAX / 2, &has, &f->version))
		return false;
	if (!has)
		f->version = 0;
	for (i = 0; i < COLUMNS_N; i++) {
		names[i].s = columns[i].key;
		names[i].len = strlen(columns[i].key);
	}
	f->has_stats = v[L_STATS].p != NULL && v[L_STATS].p[0] == '{';
	if (!json_members_plain(&v[L_STATS], names, COLUMNS_N, col))
		return false;
	for (i = 0; i < COLUMNS_N; i++) {
		if (!scan_num_field(&col[i], 0, 100000, &has, &x))
			return false;
		f->value[i] = has ? (int)x : CS_UNKNOWN;
	}
	return true;
}

enum { E_SOURCE, E_SEQ, E_SEQUENCE, E_DATA, E_COUNT };

static const struct json_name envelope_names[E_COUNT] = {
	JSON_NAME("source"), JSON_NAME("seq"), JSON_NAME("sequence"), JSON_NAME("data"),
};

/* The envelope of a frame the scanner reads: its source, its seq (as
 * frame_one takes it) and its data object.  false for anything frame_one
 * would read otherwise or warn about. */
static bool
scan_envelope(const char *json, size_t len, enum shottracker_source *src,
    bool *has_seq, int64_t *seq, struct json_span *data)
{
	static const struct {
		const char *name;
		enum shottracker_source src;
	} sources[] = {
		{ "details", ST_SOURCE_DETAILS }, { "stats", ST_SOURCE_STATS },
		{ "shots", ST_SOURCE_SHOTS }, { "possessions", ST_SOURCE_POSSESSIONS },
	};
	const char *name = json + sizeof FRAME_PREFIX - 1;
	struct json_span v[E_COUNT];
	size_t i, n;
	bool twice;

	if (len > SHOTTRACKER_FRAME_MAX || len < sizeof FRAME_PREFIX + 8 ||
	    memcmp(json, FRAME_PREFIX, sizeof FRAME_PREFIX - 1) != 0)
		return false;
	/* the source first, so that other frames cost no check */
	for (i = 0; i < sizeof sources / sizeof sources[0]; i++) {
		n = strlen(sources[i].name);
		if (memcmp(name, sources[i].name, n) == 0 && name[n] == '"')
			break;
	}
	if (i == sizeof sources / sizeof sources[0])
		return false;   /* clock (above), marker: the tree */
	*src = sources[i].src;
	/* checked and its members found in one pass */
	if (memchr(json, '\\', len) != NULL || memchr(json, '\0', len) != NULL ||
	    json_scan_check_members(json, len, JSON_DEPTH, envelope_names, E_COUNT, v,
	    &twice) != JSON_SCAN_OK || twice ||
	    v[E_SOURCE].p != json + sizeof FRAME_PREFIX - 2)
		return false;   /* escapes, not JSON, or a second "source" */
	/* a seq that is not a usable number is warned about by frame_one */
	if (v[E_SEQ].p == NULL && v[E_SEQUENCE].p != NULL)
		return false;
	*has_seq = v[E_SEQ].p != NULL;
	if (*has_seq && scan_num(&v[E_SEQ], 0, MAX_SEQ, seq) != 1)
		return false;
	*data = v[E_DATA];
	return data->p != NULL && data->p[0] == '{';
}

/* --- catch-up elements without a tree --- */

/*
 * The catch-up's details, stats and possessions arrays hold the same items
 * as the frames' data; the document was checked whole, so an element with
 * no backslash and no NUL is read by the same scanners, and any other, or
 * one they are unsure of, by its tree as before.
 */
static bool
plain_object(const struct json_span *el)
{
	return el->len > 0 && el->p[0] == '{' && memchr(el->p, '\\', el->len) == NULL &&
	    memchr(el->p, '\0', el->len) == NULL;
}

/* As parse_element and item_event: 0 with the event, or -1 (warned). */
static int
details_element(struct shottracker_ctx *c, const struct json_span *el, struct cs_event *ev,
    bool *deleted)
{
	struct item_fields f;
	struct item_text t;
	json_object *o;
	int rc;

	if (plain_object(el) && scan_item_fields(el, &f, &t)) {
		*deleted = false;
		cs_event_init(ev, CS_PROVIDER_SHOTTRACKER);
		return item_from_fields(c, &f, ev, deleted, "details");
	}
	if ((o = parse_element(c, el, "a details item")) == NULL)
		return -1;
	rc = item_event(c, o, ev, deleted, "details");
	json_object_put(o);
	return rc;
}

/* As parse_element and published. */
static void
stats_element(struct shottracker_ctx *c, const struct json_span *el)
{
	struct line_fields f;
	json_object *o;

	if (plain_object(el) && scan_line_fields(el, &f)) {
		published_fields(c, &f);
	} else if ((o = parse_element(c, el, "a stats item")) != NULL) {
		published(c, o);
		json_object_put(o);
	}
}

/* A possession the walker would keep, to the sink: false leaves it to
 * st_possessions_array's tree. */
static bool
possession_element(struct shottracker_ctx *c, const struct json_span *el)
{
	struct cs_possession rec;
	char team[CS_ID_MAX];

	if (!plain_object(el) ||
	    shottracker_possession_scan(el->p, el->len, c->halves, team, &rec) != 1)
		return false;
	possession_to_sink(c, team, &rec);
	return true;
}

/*
 * 1 when `json` was a details, stats, shots or possessions frame the
 * scanner could read as json-c would, with *rc what frame_one's caller
 * would have returned (its events sent and its warnings given as
 * frame_one would); 0 to parse it whole.
 */
static int
scan_frame(struct shottracker_ctx *c, const char *json, size_t len,
    struct shottracker_frame_info *info, int *rc)
{
	enum shottracker_source src;
	struct json_span data;
	struct item_fields item;
	struct item_text text;
	struct line_fields line;
	struct cs_possession pos;
	struct cs_event ev;
	char team[CS_ID_MAX];
	bool has_seq, deleted = false;
	int64_t seq = 0;

	if (!scan_envelope(json, len, &src, &has_seq, &seq, &data) ||
	    (src == ST_SOURCE_DETAILS && !scan_item_fields(&data, &item, &text)) ||
	    (src == ST_SOURCE_STATS && !scan_line_fields(&data, &line)) ||
	    (src == ST_SOURCE_POSSESSIONS &&
	    shottracker_possession_scan(data.p, data.len, c->halves, team, &pos) != 1))
		return 0;
	/* what frame_one notes of a frame it reads */
	info->frames = 1;
	info->source = src;
	cs_strlcpy(info->source_name, src == ST_SOURCE_DETAILS ? "details" :
	    src == ST_SOURCE_STATS ? "stats" : src == ST_SOURCE_SHOTS ? "shots" : "possessions",
	    sizeof info->source_name);
	if (has_seq) {
		info->seq = seq;
		info->min_seq = seq;
		info->has_seq = true;
	}
	*rc = 0;
	if (src == ST_SOURCE_STATS) {
		*rc = published_fields(c, &line);
	} else if (src == ST_SOURCE_DETAILS) {
		cs_event_init(&ev, CS_PROVIDER_SHOTTRACKER);
		if (item_from_fields(c, &item, &ev, &deleted, "details frame") < 0)
			*rc = -1;
		else if (deleted)
			emit_delete(c, ev.id, ID_PLAY, has_seq, seq, &info->stale);
		else
			emit_event(c, &ev, ID_PLAY, has_seq, seq, &info->stale);
	} else if (src == ST_SOURCE_POSSESSIONS) {
		possession_to_sink(c, team, &pos);   /* kept: frame_one returns 0 */
	}
	return 1;
}

int
shottracker_parse_frame(struct shottracker_ctx *c, const char *json, size_t len,
    struct shottracker_frame_info *info)
{
	struct shottracker_frame_info local;
	json_object *root;
	size_t i, n, b = 0, e = len;
	int good = 0, rc;

	if (info == NULL)
		info = &local;
	memset(info, 0, sizeof *info);
	if (json != NULL && len <= 16) {
		while (b < e && isspace((unsigned char)json[b]))
			b++;
		while (e > b && isspace((unsigned char)json[e - 1]))
			e--;
		if (e - b == 4 && memcmp(json + b, "pong", 4) == 0) {
			info->source = ST_SOURCE_PONG;
			return 0;
		}
	}
	if (json != NULL && (exact_clock_frame(c, json, len, info) == 1 ||
	    scan_clock_frame(c, json, len, info) == 1))
		return 0;
	if (json != NULL && scan_frame(c, json, len, info, &rc) == 1)
		return rc;
	root = parse_json(c, json, len, SHOTTRACKER_FRAME_MAX, "a frame");
	if (root == NULL)
		return -1;
	if (json_object_is_type(root, json_type_array)) {
		n = json_object_array_length(root);
		for (i = 0; i < n; i++) {
			info->frames++;
			if (frame_one(c, json_object_array_get_idx(root, i), info) == 0)
				good++;
		}
	} else {
		info->frames = 1;
		if (frame_one(c, root, info) == 0)
			good++;
	}
	json_object_put(root);
	return good > 0 ? 0 : -1;
}

/* --- lifecycle and dispatch --- */

void
shottracker_ctx_init(struct shottracker_ctx *c, const struct cs_sink *sink,
    const char *game_id)
{
	memset(c, 0, sizeof *c);
	if (sink != NULL)
		c->sink = *sink;
	cs_game_info_init(&c->info, CS_PROVIDER_SHOTTRACKER);
	if (game_id != NULL) {
		cs_sanitize(c->game_id, game_id, sizeof c->game_id);
		cs_strlcpy(c->info.id, c->game_id, sizeof c->info.id);
	}
	c->ids = calloc(1, sizeof *c->ids);
}

void
shottracker_ctx_free(struct shottracker_ctx *c)
{
	if (c->ids != NULL) {
		free(c->ids->e);
		free(c->ids->names);
		free(c->ids);
		c->ids = NULL;
	}
}

static bool
ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);

	return n >= t && strcmp(s + n - t, tail) == 0;
}

/* Presence, lineups at a time, sensor assignments (shottracker_presence.h):
 * 0 or -1 when `path` is one of them, 1 when not. */
static int
sensors_resource(struct shottracker_ctx *c, const char *path, const char *data,
    size_t len)
{
	const char *q = strstr(path, "/lineups?timestamp=");

	if (q != NULL)
		return shottracker_parse_lineup_at(c, data, len,
		    strtoll(q + strlen("/lineups?timestamp="), NULL, 10)) < 0 ? -1 : 0;
	if (ends_with(path, "/stats/presence"))
		return shottracker_parse_presence(c, data, len) < 0 ? -1 : 0;
	if (ends_with(path, "/sensor/assignments/history"))
		return shottracker_parse_sensors(c, data, len) < 0 ? -1 : 0;
	return 1;
}

int
shottracker_parse_message(struct shottracker_ctx *c, const char *channel,
    const char *data, size_t len, struct shottracker_frame_info *info)
{
	const char *path;
	int rc;

	if (info != NULL)
		memset(info, 0, sizeof *info);
	if (channel == NULL) {
		shottracker_warn(c, "skipped a message without a channel");
		return -1;
	}
	if (strcmp(channel, "ws") == 0)
		return shottracker_parse_frame(c, data, len, info);
	if (strncmp(channel, "rest:", 5) != 0) {
		shottracker_warn(c, "skipped a message on channel %.60s: not ShotTracker's", channel);
		return -1;
	}
	path = channel + 5;
	if (ends_with(path, "/_subscribe"))
		return 0;   /* never recorded; nothing to show */
	if ((rc = sensors_resource(c, path, data, len)) != 1)
		return rc;
	if (ends_with(path, "/lineups"))
		return shottracker_parse_lineups(c, data, len) < 0 ? -1 : 0;
	if (strncmp(path, "/v1/data/stats/games/", 21) == 0 && ends_with(path, "/videos"))
		return st_videos(c, data, len);
	if (strncmp(path, "/v1/data/stats/games/", 21) == 0)
		return shottracker_parse_catchup(c, data, len) < 0 ? -1 : 0;
	if (strncmp(path, "/v1/data/teams/", 15) == 0)
		return shottracker_parse_roster(c, data, len);
	if (strncmp(path, "/v1/data/games/", 15) == 0 && strchr(path + 15, '/') == NULL)
		return shottracker_parse_game(c, data, len);
	shottracker_warn(c, "skipped a message from %.80s: unknown resource", path);
	return -1;
}

/* --- providers/parser.h --- */

static void *
parser_create(const struct cs_sink *sink)
{
	struct shottracker_ctx *c = malloc(sizeof *c);

	if (c == NULL)
		return NULL;
	shottracker_ctx_init(c, sink, NULL);
	return c;
}

static void
parser_destroy(void *state)
{
	struct shottracker_ctx *c = state;

	if (c == NULL)
		return;
	shottracker_ctx_free(c);
	free(c);
}

static int
parser_message(void *state, const char *channel, const char *data, size_t len)
{
	return shottracker_parse_message(state, channel, data, len, NULL);
}

const struct provider_parser shottracker_parser = {
	.name = "shottracker",
	.create = parser_create,
	.destroy = parser_destroy,
	.message = parser_message,
};
