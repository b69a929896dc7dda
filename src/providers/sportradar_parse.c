/*
 * Sportradar parsers: pbp.json, summary.json and push lines -> cs_sink.
 * No I/O.  Every piece of bad input becomes one warning naming what was
 * skipped; nothing here trusts a type, a range or a length from the wire.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "providers/json_scan.h"
#include "providers/parser.h"
#include "providers/sportradar.h"

#define SR_COURT_X 1128
#define SR_COURT_Y 600
#define SR_PERIOD_SEQ_MAX 1000000   /* read as a number; CS_PERIODS_MAX refuses */
#define TEXT_OF(x)        #x
#define TEXT_OF_VALUE(x)  TEXT_OF(x)
#define PERIODS_MAX_TEXT  TEXT_OF_VALUE(CS_PERIODS_MAX)

/* The team ids a message's statistics and attribution are matched against. */
struct sr_teams {
	char id[2][CS_ID_MAX];
};

void
sportradar_ctx_init(struct sportradar_ctx *c, const struct cs_sink *sink,
    const char *game_id)
{
	memset(c, 0, sizeof *c);
	if (sink != NULL)
		c->sink = *sink;
	if (game_id != NULL)
		cs_strlcpy(c->game_id, game_id, sizeof c->game_id);
	cs_game_info_init(&c->info, CS_PROVIDER_SPORTRADAR);
}

__attribute__((format(printf, 2, 3)))
static void
warn(struct sportradar_ctx *c, const char *fmt, ...)
{
	char raw[512], clean[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	cs_sanitize(clean, raw, sizeof clean);
	c->warnings++;
	if (c->sink.warning != NULL)
		c->sink.warning(c->sink.ctx, clean);
}

/* --- json-c accessors that never trust a type --- */

static struct json_object *
jget(struct json_object *o, const char *key)
{
	struct json_object *v = NULL;

	if (o == NULL || !json_object_is_type(o, json_type_object))
		return NULL;
	if (!json_object_object_get_ex(o, key, &v))
		return NULL;
	return v;
}

static struct json_object *
jobject(struct json_object *o, const char *key)
{
	struct json_object *v = jget(o, key);

	return v != NULL && json_object_is_type(v, json_type_object) ? v : NULL;
}

static struct json_object *
jarray(struct json_object *o, const char *key)
{
	struct json_object *v = jget(o, key);

	return v != NULL && json_object_is_type(v, json_type_array) ? v : NULL;
}

static const char *
jstr(struct json_object *o, const char *key)
{
	struct json_object *v = jget(o, key);

	return v != NULL && json_object_is_type(v, json_type_string) ?
	    json_object_get_string(v) : NULL;
}

/*
 * A member's value as json-c types it; null is absent, as jget gives it.
 * Read from a tree (pv_tree) or by the push scanner (pv_scalar), and read
 * by the same accessors either way (pv_str, pv_int64, pv_true, pv_text).
 */
enum pv_type { PV_NONE, PV_STRING, PV_INT, PV_DOUBLE, PV_BOOL, PV_OBJECT, PV_ARRAY };

struct pv {
	enum pv_type t;
	const char *s;               /* PV_STRING: decoded, NUL-terminated */
	int64_t i;                   /* PV_INT, as json_object_get_int64 gives it; PV_BOOL */
	double d;                    /* PV_DOUBLE */
	struct json_span v;          /* the scanner's: the value's text */
};

/* A member's name. */
struct pname {
	const char *s;
	size_t n;
};
#define PN(x) { x, sizeof x - 1 }

static void
pv_tree(struct json_object *v, struct pv *out)
{
	out->s = NULL;
	out->i = 0;
	out->v.p = NULL;
	out->v.len = 0;
	switch (v != NULL ? json_object_get_type(v) : json_type_null) {
	case json_type_string:
		out->t = PV_STRING;
		out->s = json_object_get_string(v);
		break;
	case json_type_int:
		out->t = PV_INT;
		out->i = json_object_get_int64(v);
		break;
	case json_type_double:
		out->t = PV_DOUBLE;
		out->d = json_object_get_double(v);
		break;
	case json_type_boolean:
		out->t = PV_BOOL;
		out->i = json_object_get_boolean(v);
		break;
	case json_type_object:
		out->t = PV_OBJECT;
		break;
	case json_type_array:
		out->t = PV_ARRAY;
		break;
	default:
		out->t = PV_NONE;
		break;
	}
}

/* The members of `o` named in names[] into out[] (o no object: none). */
static void
fields_tree(struct json_object *o, const struct pname *names, size_t n, struct pv *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		pv_tree(jget(o, names[i].s), &out[i]);
}

static const char *
pv_str(const struct pv *v)
{
	return v->t == PV_STRING ? v->s : NULL;
}

/* An integer: JSON int, an integral double, or a string of digits.  false
 * when absent, of another type, or out of [min, max]. */
static bool
pv_int64(const struct pv *v, int64_t min, int64_t max, int64_t *out)
{
	int64_t n;
	double d;
	char *end;
	long long ll;

	switch (v->t) {
	case PV_INT:
		n = v->i;
		/* json-c saturates on overflow: a saturated value is a huge number */
		if (n == INT64_MAX || n == INT64_MIN)
			return false;
		break;
	case PV_DOUBLE:
		d = v->d;
		if (!isfinite(d) || d != floor(d) || fabs(d) > 9007199254740992.0)
			return false;
		n = (int64_t)d;
		break;
	case PV_STRING:
		if (*v->s == '\0' || strlen(v->s) > 19)
			return false;
		errno = 0;
		ll = strtoll(v->s, &end, 10);
		if (errno != 0 || *end != '\0')
			return false;
		n = ll;
		break;
	default:
		return false;
	}
	if (n < min || n > max)
		return false;
	*out = n;
	return true;
}

static bool
pv_int(const struct pv *v, int min, int max, int *out)
{
	int64_t n;

	if (!pv_int64(v, min, max, &n))
		return false;
	*out = (int)n;
	return true;
}

/* true only for JSON true (or a non-zero int, or "true"): absent means false. */
static bool
pv_true(const struct pv *v)
{
	switch (v->t) {
	case PV_BOOL:
	case PV_INT:
		return v->i != 0;
	case PV_STRING:
		return strcmp(v->s, "true") == 0;
	default:
		return false;
	}
}

/* A string or integer as text ("reference" is a string, sometimes a number). */
static const char *
pv_text(const struct pv *v, char *buf, size_t size)
{
	int64_t n;

	if (v->t == PV_STRING)
		return v->s;
	if (v->t == PV_INT && pv_int64(v, 0, INT64_MAX - 1, &n)) {
		snprintf(buf, size, "%lld", (long long)n);
		return buf;
	}
	return NULL;
}

/* pv_true of a tree's member */
static bool
jtrue(struct json_object *o, const char *key)
{
	struct pv v;

	pv_tree(jget(o, key), &v);
	return pv_true(&v);
}

/* Parses one JSON document of exactly `len` bytes; NULL with *why set. */
static struct json_object *
parse_json(const char *json, size_t len, const char **why)
{
	struct json_tokener *tok;
	struct json_object *root;
	enum json_tokener_error err;

	*why = NULL;
	if (json == NULL || len == 0) {
		*why = "empty";
		return NULL;
	}
	if (len > (size_t)INT_MAX - 1) {
		*why = "too large";
		return NULL;
	}
	tok = json_tokener_new();
	if (tok == NULL) {
		*why = "out of memory";
		return NULL;
	}
	root = json_tokener_parse_ex(tok, json, (int)len);
	err = json_tokener_get_error(tok);
	if (root == NULL) {
		*why = err == json_tokener_continue ? "truncated JSON" :
		    "malformed JSON";
	} else if (!json_object_is_type(root, json_type_object)) {
		json_object_put(root);
		root = NULL;
		*why = "not a JSON object";
	}
	json_tokener_free(tok);
	return root;
}

/* --- pieces shared by REST and push --- */

static const struct {
	const char *name;
	enum cs_event_type type;
} event_types[] = {
	{ "twopointmade", CS_EV_TWO_MADE },
	{ "twopointmiss", CS_EV_TWO_MISSED },
	{ "threepointmade", CS_EV_THREE_MADE },
	{ "threepointmiss", CS_EV_THREE_MISSED },
	{ "freethrowmade", CS_EV_FREE_THROW_MADE },
	{ "freethrowmiss", CS_EV_FREE_THROW_MISSED },
	{ "heave", CS_EV_HEAVE },
	{ "rebound", CS_EV_REBOUND },
	{ "deadball", CS_EV_REBOUND },
	{ "turnover", CS_EV_TURNOVER },
	{ "personalfoul", CS_EV_PERSONAL_FOUL },
	{ "clearpathfoul", CS_EV_PERSONAL_FOUL },
	{ "shootingfoul", CS_EV_SHOOTING_FOUL },
	{ "offensivefoul", CS_EV_OFFENSIVE_FOUL },
	{ "technicalfoul", CS_EV_TECHNICAL_FOUL },
	{ "minortechnicalfoul", CS_EV_TECHNICAL_FOUL },
	{ "defensivethreeseconds", CS_EV_TECHNICAL_FOUL },
	{ "flagrantone", CS_EV_FLAGRANT_FOUL },
	{ "flagranttwo", CS_EV_FLAGRANT_FOUL },
	{ "teamtimeout", CS_EV_TIMEOUT },
	{ "tvtimeout", CS_EV_OFFICIAL_TIMEOUT },
	{ "officialtimeout", CS_EV_OFFICIAL_TIMEOUT },
	{ "lineupchange", CS_EV_SUBSTITUTION },
	{ "jumpball", CS_EV_JUMP_BALL },
	{ "opentip", CS_EV_JUMP_BALL },
	{ "openinbound", CS_EV_PERIOD_START },
	{ "endperiod", CS_EV_PERIOD_END },
	{ "stoppage", CS_EV_STOPPAGE },
	{ "defaultviolation", CS_EV_VIOLATION },
	{ "defensivegoaltending", CS_EV_VIOLATION },
	{ "kickball", CS_EV_VIOLATION },
	{ "lane", CS_EV_VIOLATION },
	{ "doublelane", CS_EV_VIOLATION },
	{ "delay", CS_EV_VIOLATION },
};

static enum cs_event_type
event_type_of(const char *s)
{
	size_t i, n;

	if (s == NULL)
		return CS_EV_OTHER;
	for (i = 0; i < sizeof event_types / sizeof event_types[0]; i++)
		if (strcmp(s, event_types[i].name) == 0)
			return event_types[i].type;
	n = strlen(s);
	if (n > 9 && strcmp(s + n - 9, "violation") == 0)
		return CS_EV_VIOLATION;   /* jumpballviolation, ... */
	return CS_EV_OTHER;
}

static const struct {
	const char *name;
	enum cs_stat_type type;
} stat_types[] = {
	{ "fieldgoal", CS_STAT_FIELD_GOAL },
	{ "freethrow", CS_STAT_FREE_THROW },
	{ "rebound", CS_STAT_REBOUND },
	{ "assist", CS_STAT_ASSIST },
	{ "steal", CS_STAT_STEAL },
	{ "block", CS_STAT_BLOCK },
	{ "attemptblocked", CS_STAT_ATTEMPT_BLOCKED },
	{ "turnover", CS_STAT_TURNOVER },
	{ "personalfoul", CS_STAT_PERSONAL_FOUL },
	{ "fouldrawn", CS_STAT_FOUL_DRAWN },
	{ "offensivefoul", CS_STAT_OFFENSIVE_FOUL },
	{ "technicalfoul", CS_STAT_TECHNICAL_FOUL },
	{ "flagrantfoul", CS_STAT_FLAGRANT_FOUL },
};

/* -1 for statistics we do not count (ejection, technicalfoulnonunsportsmanlike...). */
static int
stat_type_of(const char *s)
{
	size_t i;

	if (s == NULL)
		return -1;
	for (i = 0; i < sizeof stat_types / sizeof stat_types[0]; i++)
		if (strcmp(s, stat_types[i].name) == 0)
			return (int)stat_types[i].type;
	return -1;
}

bool
sportradar_status_final(const char *status)
{
	static const char *const final[] = {
		"closed", "complete", "cancelled", "unnecessary", "postponed",
	};
	size_t i;

	if (status == NULL)
		return false;
	for (i = 0; i < sizeof final / sizeof final[0]; i++)
		if (strcmp(status, final[i]) == 0)
			return true;
	return false;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant). */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* n digits at s -> value; -1 when not all digits. */
static int
digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int64_t
sportradar_parse_time(const char *s)
{
	int y, mo, d, h, mi, sec, ms = 0, scale = 100, oh, om, sign;
	int64_t t;

	if (s == NULL || strnlen(s, 20) < 19 || s[4] != '-' || s[7] != '-' ||
	    (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
		return 0;
	y = digits(s, 4);
	mo = digits(s + 5, 2);
	d = digits(s + 8, 2);
	h = digits(s + 11, 2);
	mi = digits(s + 14, 2);
	sec = digits(s + 17, 2);
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 ||
	    mi < 0 || mi > 59 || sec < 0 || sec > 60)
		return 0;
	s += 19;
	if (*s == '.') {
		for (s++; *s >= '0' && *s <= '9'; s++) {
			ms += (*s - '0') * scale;
			scale /= 10;
		}
	}
	t = ((days_from_civil(y, mo, d) * 24 + h) * 60 + mi) * 60 + sec;
	if (*s == '+' || *s == '-') {
		sign = *s == '-' ? -1 : 1;
		oh = digits(s + 1, 2);
		if (oh < 0)
			return 0;
		/* digits() stops at the NUL, so s[3] is inside the string here */
		om = s[3] == ':' ? digits(s + 4, 2) : digits(s + 3, 2);
		if (om < 0 || oh > 23 || om > 59)
			return 0;
		t -= sign * (oh * 3600 + om * 60);
	} else if (*s != 'Z' && *s != '\0')
		return 0;
	return t * 1000 + ms;
}

/* --- versions: the newest `updated` per event id --- */

static uint64_t
id_key(const char *id)
{
	uint64_t h = 0xcbf29ce484222325ull;

	for (; *id != '\0'; id++)
		h = (h ^ (unsigned char)*id) * 0x100000001b3ull;
	return h != 0 ? h : 1;
}

/* The slot of `id`, or the free slot it would take; NULL when full. */
static size_t
seen_slot(const struct sportradar_ctx *c, uint64_t key, bool *found)
{
	size_t i = (size_t)(key % SR_SEEN_EVENTS), n;

	for (n = 0; n < SR_SEEN_EVENTS; n++, i = (i + 1) % SR_SEEN_EVENTS) {
		if (c->seen[i].key == key) {
			*found = true;
			return i;
		}
		if (c->seen[i].key == 0) {
			*found = false;
			return i;
		}
	}
	*found = false;
	return SR_SEEN_EVENTS;
}

/*
 * true when a version updated at `updated_ms` (0: unknown) is older than
 * what was delivered for `id`, or a delete came after it; otherwise it
 * becomes the newest.  Equal times: the later arrival wins.
 */
static bool
stale_version(struct sportradar_ctx *c, const char *id, int64_t updated_ms)
{
	uint64_t key = id_key(id);
	bool found;
	size_t i = seen_slot(c, key, &found);

	if (found) {
		if (updated_ms != 0 && (updated_ms < c->seen[i].updated_ms ||
		    (c->seen[i].deleted && updated_ms <= c->seen[i].updated_ms))) {
			c->stale++;
			return true;
		}
		c->seen[i].deleted = false;
		if (updated_ms > c->seen[i].updated_ms)
			c->seen[i].updated_ms = updated_ms;
		return false;
	}
	/* keep a margin of free slots, so that probing stays short */
	if (i < SR_SEEN_EVENTS && c->nseen < SR_SEEN_EVENTS - SR_SEEN_EVENTS / 8) {
		c->seen[i].key = key;
		c->seen[i].updated_ms = updated_ms;
		c->seen[i].sequence = -1;
		c->seen[i].deleted = false;
		c->nseen++;
	}
	return false;
}

/* A delete at `deleted_ms` (0: unknown): versions up to then stay out. */
static void
note_delete(struct sportradar_ctx *c, const char *id, int64_t deleted_ms)
{
	uint64_t key = id_key(id);
	bool found;
	size_t i = seen_slot(c, key, &found);

	if (!found) {
		if (i >= SR_SEEN_EVENTS || c->nseen >= SR_SEEN_EVENTS - SR_SEEN_EVENTS / 8)
			return;
		c->seen[i].key = key;
		c->seen[i].updated_ms = 0;
		c->seen[i].sequence = -1;
		c->nseen++;
	}
	if (deleted_ms > c->seen[i].updated_ms)
		c->seen[i].updated_ms = deleted_ms;
	c->seen[i].deleted = true;
}

/* Remembers that `reference` is the player `id` (first come, kept). */
static void
learn_player(struct sportradar_ctx *c, const char *reference, const char *id)
{
	int i;

	if (reference == NULL || *reference == '\0' || id[0] == '\0' ||
	    strlen(reference) >= sizeof c->known[0].reference)
		return;
	for (i = 0; i < c->nknown; i++)
		if (strcmp(c->known[i].reference, reference) == 0)
			return;
	if (c->nknown >= SR_KNOWN_PLAYERS)
		return;
	cs_strlcpy(c->known[c->nknown].reference, reference, sizeof c->known[0].reference);
	cs_strlcpy(c->known[c->nknown].id, id, sizeof c->known[0].id);
	c->nknown++;
}

static const char *
known_player(const struct sportradar_ctx *c, const char *reference)
{
	int i;

	for (i = 0; reference != NULL && i < c->nknown; i++)
		if (strcmp(c->known[i].reference, reference) == 0)
			return c->known[i].id;
	return NULL;
}

/*
 * --- one event's members as plain values ---
 *
 * Both readings of an event fill the same plain fields: the tree path
 * (whatever the scanner declines) takes them from a json-c tree
 * (event_fields_tree), the scanner straight from the text with one walker
 * (push_walk_event, below) for a push line's event (ps_read) and for an
 * event object of pbp.json (pbp_event_scan).  One function makes the
 * model's event of them (event_from_fields), so that each rule (the player
 * named, the team side, the period, the clock, the statistics, the
 * qualifiers...) exists once, whichever way the event was read.
 */
enum { T_ID, T_POINTS, T_TIMEOUTS, T_N };
enum { E_ID, E_DELETED, E_PERIOD, E_TYPE, E_NUMBER, E_SEQUENCE, E_CREATED, E_WALL,
	E_UPDATED, E_CLOCK_DECIMAL, E_CLOCK, E_DESCRIPTION, E_ATTRIBUTION, E_LOCATION,
	E_ON_COURT, E_QUALIFIERS, E_STATISTICS, E_N };
enum { PD_TYPE, PD_NUMBER, PD_SEQUENCE, PD_N };
enum { PL_ID, PL_REFERENCE, PL_SR_ID, PL_NAME, PL_JERSEY, PL_N };
enum { ST_TYPE, ST_TEAM, ST_PLAYER, ST_MADE, ST_THREE, ST_POINTS, ST_REBOUND, ST_N };

static const struct pname team_names[T_N] = { PN("id"), PN("points"),
	PN("remaining_timeouts") };
static const struct pname event_names[E_N] = { PN("id"), PN("deleted"), PN("period"),
	PN("event_type"), PN("number"), PN("sequence"), PN("created"), PN("wall_clock"),
	PN("updated"), PN("clock_decimal"), PN("clock"), PN("description"),
	PN("attribution"), PN("location"), PN("on_court"), PN("qualifiers"),
	PN("statistics") };
static const struct pname period_names[PD_N] = { PN("type"), PN("number"), PN("sequence") };
static const struct pname player_names[PL_N] = { PN("id"), PN("reference"), PN("sr_id"),
	PN("full_name"), PN("jersey_number") };
static const struct pname stat_names[ST_N] = { PN("type"), PN("team"), PN("player"),
	PN("made"), PN("three_point_shot"), PN("points"), PN("rebound_type") };
static const struct pname id_name[1] = { PN("id") };
static const struct pname coord_names[2] = { PN("coord_x"), PN("coord_y") };
static const struct pname side_names[2] = { PN("home"), PN("away") };

#define SR_STATS_MAX    16       /* the scanner's statistics entries (8 are kept) */
#define SR_PLAYERS_MAX  8        /* the scanner's players of one on-court side (5) */

struct sr_player_fields {
	bool obj;                    /* an object: player_ref reads it */
	struct pv f[PL_N];
};

struct sr_stat_fields {
	struct pv f[ST_N];
	struct pv team_id;           /* team.id, when team is an object */
	struct sr_player_fields player;
};

struct sr_event_fields {
	struct pv f[E_N], period[PD_N], attribution_id, coord[2];
	unsigned qualifiers;
	int nstats;                  /* statistics entries */
	int nplayers[2];             /* on_court's players of a side; -1: no list */
	/* the tree path's lists, each entry read as it is used (stat_at,
	 * player_at); NULL: the scanner's copies below */
	struct json_object *stat_list, *player_list[2];
	struct sr_stat_fields stat[SR_STATS_MAX];
	struct sr_player_fields oc[2][SR_PLAYERS_MAX];
	bool scanned;                /* by the scanner: on_court may be kept (keep_fives) */
	bool oc_kept;                /* on_court is the one the context kept */
};

/* cs_sanitize; printable ASCII that fits (nearly every string of a line)
 * is copied as it is, which is what cs_sanitize makes of it. */
static void
sr_clean(char *dst, const char *src, size_t size)
{
	size_t i;

	if (size == 0)
		return;
	for (i = 0; i + 1 < size && (unsigned char)src[i] >= 0x20 &&
	    (unsigned char)src[i] < 0x7f; i++)
		;
	if (src[i] == '\0')
		memcpy(dst, src, i + 1);
	else
		cs_sanitize(dst, src, size);
}

/* A qualifier's bit (enum cs_qualifier); 0 for the ones passed over
 * ("inpenalty", "3freethrow"). */
static unsigned
qualifier_bit(const char *name)
{
	static const struct {
		const char *name;
		unsigned bit;
	} known[] = {
		{ "deadball", CS_Q_DEADBALL }, { "team", CS_Q_TEAM },
		{ "pointsinthepaint", CS_Q_PAINT }, { "fastbreak", CS_Q_FAST_BREAK },
		{ "2ndchance", CS_Q_SECOND_CHANCE }, { "fromturnover", CS_Q_FROM_TURNOVER },
		{ "defensivegoaltending", CS_Q_GOALTENDING },
		{ "1freethrow", CS_Q_ONE_FREE_THROW }, { "2freethrow", CS_Q_TWO_FREE_THROWS },
		{ "mandatory", CS_Q_MANDATORY },
	};
	size_t k;

	for (k = 0; k < sizeof known / sizeof known[0]; k++)
		if (strcmp(name, known[k].name) == 0)
			return known[k].bit;
	return 0;
}

/* --- the fields from a json-c tree --- */

static void
player_fields_tree(struct json_object *p, struct sr_player_fields *pl)
{
	pl->obj = p != NULL && json_object_is_type(p, json_type_object);
	fields_tree(p, player_names, PL_N, pl->f);
}

static void
stat_fields_tree(struct json_object *st, struct sr_stat_fields *out)
{
	fields_tree(st, stat_names, ST_N, out->f);
	pv_tree(jget(jobject(st, "team"), "id"), &out->team_id);
	player_fields_tree(jget(st, "player"), &out->player);
}

/* qualifiers: [{"qualifier":"deadball"}, ...] or ["deadball", ...] */
static unsigned
qualifiers_tree(struct json_object *list)
{
	struct json_object *q;
	unsigned bits = 0;
	const char *name;
	size_t i, n = list != NULL ? json_object_array_length(list) : 0;

	for (i = 0; i < n; i++) {
		q = json_object_array_get_idx(list, i);
		name = q != NULL && json_object_is_type(q, json_type_string) ?
		    json_object_get_string(q) : jstr(q, "qualifier");
		if (name != NULL)
			bits |= qualifier_bit(name);
	}
	return bits;
}

/* An event object's fields (e NULL: an event with no members). */
static void
event_fields_tree(struct json_object *e, struct sr_event_fields *f)
{
	struct json_object *oc = jobject(e, "on_court");
	int s;

	fields_tree(e, event_names, E_N, f->f);
	fields_tree(jobject(e, "period"), period_names, PD_N, f->period);
	pv_tree(jget(jobject(e, "attribution"), "id"), &f->attribution_id);
	fields_tree(jobject(e, "location"), coord_names, 2, f->coord);
	f->qualifiers = qualifiers_tree(jarray(e, "qualifiers"));
	f->stat_list = jarray(e, "statistics");
	f->nstats = f->stat_list != NULL ? (int)json_object_array_length(f->stat_list) : 0;
	for (s = 0; s < 2; s++) {
		f->player_list[s] = jarray(jobject(oc, side_names[s].s), "players");
		f->nplayers[s] = f->player_list[s] != NULL ?
		    (int)json_object_array_length(f->player_list[s]) : -1;
	}
	f->scanned = false;
	f->oc_kept = false;
}

/* Home and away under `o` (a header, a push message's game). */
static void
teams_tree(struct json_object *o, struct pv team[2][T_N])
{
	int s;

	for (s = 0; s < 2; s++)
		fields_tree(jobject(o, side_names[s].s), team_names, T_N, team[s]);
}

/* Statistics entry i: the scanner's, or the tree's read into *tmp. */
static const struct sr_stat_fields *
stat_at(const struct sr_event_fields *f, int i, struct sr_stat_fields *tmp)
{
	if (f->stat_list == NULL)
		return &f->stat[i];
	stat_fields_tree(json_object_array_get_idx(f->stat_list, (size_t)i), tmp);
	return tmp;
}

/* On-court player i of side s: the scanner's, or the tree's into *tmp. */
static const struct sr_player_fields *
player_at(const struct sr_event_fields *f, int s, int i, struct sr_player_fields *tmp)
{
	if (f->player_list[s] == NULL)
		return &f->oc[s][i];
	player_fields_tree(json_object_array_get_idx(f->player_list[s], (size_t)i), tmp);
	return tmp;
}

/* --- the fields -> the model --- */

/*
 * A player's fields -> a reference.  Sportradar ids are plain uuids; a
 * player without one gets the id his league reference had elsewhere (the
 * roster), else a stable one made from it ("ref:1628976"), else his sr_id,
 * else his name.  false when the fields name nobody (or are no object).
 */
static bool
player_ref(struct sportradar_ctx *c, const struct sr_player_fields *p,
    struct cs_player_ref *ref)
{
	const char *id, *reference, *sr_id, *name, *jersey, *known;
	char raw[CS_ID_MAX + 8], num[24], jnum[24];

	memset(ref, 0, sizeof *ref);
	if (!p->obj)
		return false;
	id = pv_str(&p->f[PL_ID]);
	reference = pv_text(&p->f[PL_REFERENCE], num, sizeof num);
	sr_id = pv_str(&p->f[PL_SR_ID]);
	name = pv_str(&p->f[PL_NAME]);
	jersey = pv_text(&p->f[PL_JERSEY], jnum, sizeof jnum);
	if (name != NULL)
		sr_clean(ref->name, name, sizeof ref->name);
	if (jersey != NULL)
		sr_clean(ref->jersey, jersey, sizeof ref->jersey);
	if (id != NULL && *id != '\0') {
		sr_clean(ref->id, id, sizeof ref->id);
		learn_player(c, reference, ref->id);
	}
	if (ref->id[0] == '\0' && reference != NULL && *reference != '\0') {
		known = known_player(c, reference);
		if (known != NULL)
			cs_strlcpy(ref->id, known, sizeof ref->id);
		else {
			snprintf(raw, sizeof raw, "ref:%s", reference);
			sr_clean(ref->id, raw, sizeof ref->id);
		}
	}
	if (ref->id[0] == '\0' && sr_id != NULL && *sr_id != '\0')
		sr_clean(ref->id, sr_id, sizeof ref->id);
	if (ref->id[0] == '\0' && ref->name[0] != '\0')
		cs_strlcpy(ref->id, ref->name, sizeof ref->id);
	return ref->id[0] != '\0';
}

/* Learns reference -> id from one player's fields. */
static void
learn_from(struct sportradar_ctx *c, const struct sr_player_fields *p)
{
	const char *id = pv_str(&p->f[PL_ID]), *reference;
	char num[24], clean[CS_ID_MAX];

	if (id == NULL || *id == '\0')
		return;
	reference = pv_text(&p->f[PL_REFERENCE], num, sizeof num);
	sr_clean(clean, id, sizeof clean);
	learn_player(c, reference, clean);
}

/* Learns from every player an event names, before any of them is used
 * (an on_court kept from the event before taught its players then). */
static void
learn_fields(struct sportradar_ctx *c, const struct sr_event_fields *f)
{
	struct sr_stat_fields st;
	struct sr_player_fields pl;
	int i, s;

	for (i = 0; i < f->nstats; i++)
		learn_from(c, &stat_at(f, i, &st)->player);
	if (f->oc_kept || f->f[E_ON_COURT].t != PV_OBJECT)
		return;
	for (s = 0; s < 2; s++)
		for (i = 0; i < f->nplayers[s]; i++)
			learn_from(c, player_at(f, s, i, &pl));
}

/* The side of a team, matched on its id; CS_SIDE_NONE when unknown. */
static int
side_of(const struct sr_teams *t, const struct pv *team_id)
{
	const char *id = pv_str(team_id);
	char clean[CS_ID_MAX];
	int s;

	if (id == NULL || *id == '\0')
		return CS_SIDE_NONE;
	sr_clean(clean, id, sizeof clean);
	for (s = 0; s < 2; s++)
		if (t->id[s][0] != '\0' && strcmp(t->id[s], clean) == 0)
			return s;
	return CS_SIDE_NONE;
}

/* Team ids from a header's home/away, falling back to the context. */
static void
teams_from(const struct sportradar_ctx *c, const struct pv team[2][T_N], struct sr_teams *t)
{
	const char *id;
	int s;

	memset(t, 0, sizeof *t);
	for (s = 0; s < 2; s++) {
		id = pv_str(&team[s][T_ID]);
		if (id != NULL && *id != '\0')
			sr_clean(t->id[s], id, sizeof t->id[s]);
		else if (c->have_info && c->info.has_team[s])
			cs_strlcpy(t->id[s], c->info.team[s].id, sizeof t->id[s]);
	}
}

/*
 * The period a type, number and sequence name (either path's reading of a
 * period object: period_of's tree, the push scanner's fields); `fallback`
 * places one that gives no type, number or sequence (a REST position, or
 * 0: refused).
 */
static bool
period_place(const struct sportradar_ctx *c, const char *type, bool have_number, int number,
    bool have_sequence, int sequence, int fallback, struct cs_period *out, bool *past)
{
	int regulation = c->halves ? 2 : 4;

	if (type != NULL && strcasecmp(type, "half") == 0)
		out->type = CS_PERIOD_HALF;
	else if (type != NULL && (strcasecmp(type, "overtime") == 0 ||
	    strcasecmp(type, "ot") == 0))
		out->type = CS_PERIOD_OVERTIME;
	else if (type != NULL && strcasecmp(type, "quarter") == 0)
		out->type = CS_PERIOD_QUARTER;
	else {
		/* no (or an unknown) type: place it by its position */
		int seq = have_sequence ? sequence : have_number ? number : fallback;

		if (seq <= 0)
			return false;
		if (seq > regulation) {
			out->type = CS_PERIOD_OVERTIME;
			if (!have_number)
				number = seq - regulation;
		} else {
			out->type = c->halves ? CS_PERIOD_HALF : CS_PERIOD_QUARTER;
			if (!have_number)
				number = seq;
		}
		have_number = true;
		sequence = seq;
		have_sequence = true;
	}
	if (!have_number) {
		if (!have_sequence)
			return false;
		number = out->type == CS_PERIOD_OVERTIME ? sequence - regulation : sequence;
		if (number < 1)
			return false;
	}
	if (!have_sequence)
		sequence = out->type == CS_PERIOD_OVERTIME ? regulation + number : number;
	out->number = number;
	out->sequence = sequence;
	*past = sequence > CS_PERIODS_MAX;
	return !*past;
}

/* A period's type, number and sequence -> struct cs_period (period_place);
 * `fallback` places one that gives none of them (0: refused). */
static bool
period_from(const struct sportradar_ctx *c, const struct pv p[PD_N], int fallback,
    struct cs_period *out, bool *past)
{
	const char *type = pv_str(&p[PD_TYPE]);
	int number = 0, sequence = 0;
	bool have_number, have_sequence;

	have_number = pv_int(&p[PD_NUMBER], 1, SR_PERIOD_SEQ_MAX, &number);
	have_sequence = pv_int(&p[PD_SEQUENCE], 1, SR_PERIOD_SEQ_MAX, &sequence);
	return period_place(c, type, have_number, number, have_sequence, sequence,
	    fallback, out, past);
}

/*
 * A REST period object -> struct cs_period.  Overtime numbers restart at
 * 1; the sequence runs on (5, 6... after four quarters).  A missing
 * sequence is derived; `index` is the position in periods[] (0-based) for
 * documents that give neither.  False when bad; *past set when it is past
 * the model's hard limit of CS_PERIODS_MAX periods.
 */
static bool
period_of(const struct sportradar_ctx *c, struct json_object *p, int index,
    struct cs_period *out, bool *past)
{
	struct pv f[PD_N];

	fields_tree(p, period_names, PD_N, f);
	return period_from(c, f, index + 1, out, past);
}

/* The five on court for side s; false unless five players are named. */
static bool
five_of(struct sportradar_ctx *c, const struct sr_event_fields *f, int s,
    struct cs_player_ref refs[CS_ON_COURT])
{
	struct sr_player_fields tmp;
	int i;

	if (f->nplayers[s] != CS_ON_COURT)
		return false;
	for (i = 0; i < CS_ON_COURT; i++)
		if (!player_ref(c, player_at(f, s, i, &tmp), &refs[i]))
			return false;
	return true;
}

/* The scanner's fives are kept for the next event (sportradar_ctx.oc_*)
 * when each player had his own id: then they depend on the bytes alone,
 * and whatever was learned since cannot change them, so an identical
 * on_court needs no reading (walk_on_court). */
static void
keep_fives(struct sportradar_ctx *c, const struct sr_event_fields *f,
    const struct cs_event *ev)
{
	const struct pv *oc = &f->f[E_ON_COURT];
	const char *id;
	char clean[CS_ID_MAX];
	int s, i;

	c->oc_len = 0;
	for (s = 0; s < 2; s++)
		for (i = 0; i < f->nplayers[s]; i++) {
			id = f->oc[s][i].obj ? pv_str(&f->oc[s][i].f[PL_ID]) : NULL;
			if (id == NULL || strlen(id) >= CS_ID_MAX)
				return;
			sr_clean(clean, id, sizeof clean);
			if (clean[0] == '\0')
				return;
		}
	if (oc->v.len > sizeof c->oc_text)
		return;
	memcpy(c->oc_text, oc->v.p, oc->v.len);
	c->oc_len = oc->v.len;
	memcpy(c->oc_has, ev->has_on_court, sizeof c->oc_has);
	memcpy(c->oc_five, ev->on_court, sizeof c->oc_five);
}

/* Both fives on court, when the event has an on_court. */
static void
fives_of(struct sportradar_ctx *c, const struct sr_event_fields *f, struct cs_event *ev)
{
	int s;

	if (f->oc_kept) {
		memcpy(ev->has_on_court, c->oc_has, sizeof ev->has_on_court);
		memcpy(ev->on_court, c->oc_five, sizeof ev->on_court);
		return;
	}
	if (f->f[E_ON_COURT].t != PV_OBJECT)
		return;
	for (s = 0; s < 2; s++)
		ev->has_on_court[s] = five_of(c, f, s, ev->on_court[s]);
	if (f->scanned)
		keep_fives(c, f, ev);
}

/* One statistics entry into ev->stats; false: no room for more (warned). */
static bool
stat_of(struct sportradar_ctx *c, const struct sr_stat_fields *st, const struct sr_teams *t,
    struct cs_event *ev)
{
	struct cs_stat *out;
	int type, side, points;
	const char *rtype;

	type = stat_type_of(pv_str(&st->f[ST_TYPE]));
	if (type < 0)
		return true;
	side = side_of(t, &st->team_id);
	if (side == CS_SIDE_NONE) {
		warn(c, "sportradar: event %s: skipped a %s statistic of an unknown team",
		    ev->id, cs_stat_type_name((enum cs_stat_type)type));
		return true;
	}
	out = cs_event_add_stat(ev, (enum cs_stat_type)type, side);
	if (out == NULL) {
		warn(c, "sportradar: event %s: more than %d statistics, the rest skipped",
		    ev->id, CS_EVENT_STATS_MAX);
		return false;
	}
	if (st->f[ST_PLAYER].t != PV_NONE && !player_ref(c, &st->player, &out->player) &&
	    st->player.obj) {
		/* a player object that names nobody: count it for the team */
		warn(c, "sportradar: event %s: a %s statistic names no player; counted for the team",
		    ev->id, cs_stat_type_name((enum cs_stat_type)type));
	}
	switch (type) {
	case CS_STAT_FIELD_GOAL:
		out->made = pv_true(&st->f[ST_MADE]);
		out->three = pv_true(&st->f[ST_THREE]);
		points = 0;
		if (out->made && !pv_int(&st->f[ST_POINTS], 0, 3, &points))
			points = 0;
		out->points = out->made ? points : 0;
		break;
	case CS_STAT_FREE_THROW:
		out->made = pv_true(&st->f[ST_MADE]);
		out->points = out->made ? 1 : 0;
		break;
	case CS_STAT_REBOUND:
		rtype = pv_str(&st->f[ST_REBOUND]);
		out->offensive = rtype != NULL && strcmp(rtype, "offensive") == 0;
		break;
	default:
		break;
	}
	return true;
}

/* statistics[] -> ev->stats */
static void
stats_of(struct sportradar_ctx *c, const struct sr_event_fields *f, const struct sr_teams *t,
    struct cs_event *ev)
{
	struct sr_stat_fields tmp;
	int i;

	if (f->f[E_STATISTICS].t == PV_NONE)
		return;
	if (f->f[E_STATISTICS].t != PV_ARRAY) {
		warn(c, "sportradar: event %s: statistics is not a list; none counted", ev->id);
		return;
	}
	for (i = 0; i < f->nstats; i++)
		if (!stat_of(c, stat_at(f, i, &tmp), t, ev))
			return;
}

/* A sequence of the scale of epoch milliseconds (Sportradar's today). */
#define SR_EPOCH_SEQUENCE 100000000000LL

static void
remember_sequence(struct sportradar_ctx *c, const char *id, int64_t seq)
{
	bool found;
	size_t i = seen_slot(c, id_key(id), &found);

	if (seq >= SR_EPOCH_SEQUENCE)
		c->epoch_sequences = true;
	if (i >= SR_SEEN_EVENTS)
		return;
	if (!found) {
		if (c->nseen >= SR_SEEN_EVENTS - SR_SEEN_EVENTS / 8)
			return;
		c->seen[i].key = id_key(id);
		c->seen[i].updated_ms = 0;
		c->seen[i].deleted = false;
		c->nseen++;
	}
	c->seen[i].sequence = seq;
}

/*
 * An event whose sequence is missing or unusable (negative, a word,
 * 1.5e300) keeps the place its earlier version had.  A new one, where
 * sequences are epoch milliseconds, takes the time it was created, which
 * is on that scale and in play order; older documents without sequences
 * order by number, as all their events do.  Never the number among epoch
 * sequences: that would sort the play to the start of its period.
 */
static int64_t
fallback_sequence(struct sportradar_ctx *c, const struct pv e[E_N], const char *id,
    int number)
{
	bool found;
	size_t i = seen_slot(c, id_key(id), &found);
	bool present = e[E_SEQUENCE].t != PV_NONE;
	int64_t t;

	if (found && c->seen[i].sequence >= 0) {
		if (present)
			warn(c, "sportradar: event %s: sequence unusable; kept its earlier place", id);
		return c->seen[i].sequence;
	}
	if (c->epoch_sequences) {
		t = sportradar_parse_time(pv_str(&e[E_CREATED]));
		if (t <= 0)
			t = sportradar_parse_time(pv_str(&e[E_WALL]));
		if (t <= 0)
			t = sportradar_parse_time(pv_str(&e[E_UPDATED]));
		if (t > 0) {
			warn(c, "sportradar: event %s: sequence %s; ordered by its creation time",
			    id, present ? "unusable" : "missing");
			return t;
		}
	}
	if (present)
		warn(c, "sportradar: event %s: sequence unusable; ordered by number", id);
	return number;
}

/* The event's id into ev->id: 0, or -1 with *why. */
static int
event_id(const struct pv *v, struct cs_event *ev, const char **why)
{
	const char *id = pv_str(v);

	if (id == NULL || *id == '\0') {
		*why = "no id";
		return -1;
	}
	if (strlen(id) >= CS_ID_MAX) {
		*why = "id too long";
		return -1;
	}
	sr_clean(ev->id, id, sizeof ev->id);
	if (ev->id[0] == '\0') {
		*why = "bad id";
		return -1;
	}
	return 0;
}

/* number and sequence: the event's order in its period */
static void
event_order(struct sportradar_ctx *c, const struct pv e[E_N], int position,
    struct cs_event *ev)
{
	int64_t seq;
	int number;

	if (!pv_int(&e[E_NUMBER], 0, INT_MAX, &number)) {
		if (e[E_NUMBER].t != PV_NONE)
			warn(c, "sportradar: event %s: number unusable; ordered by position", ev->id);
		number = position + 1;
	}
	ev->number = number;
	if (pv_int64(&e[E_SEQUENCE], 0, INT64_MAX - 1, &seq))
		remember_sequence(c, ev->id, seq);
	else
		seq = fallback_sequence(c, e, ev->id, number);
	ev->sequence = seq;
}

/*
 * One event's fields -> *ev.  `period` is the enclosing REST period, or
 * NULL to read event.period (push).  `position` is the event's place in
 * its list, for documents without sequence and number.  0, or -1 with
 * *why.
 */
static int
event_from_fields(struct sportradar_ctx *c, const struct sr_event_fields *f,
    const struct sr_teams *t, const struct cs_period *period, int position,
    struct cs_event *ev, const char **why)
{
	const struct pv *e = f->f;
	const char *type, *clock, *desc;
	int x, y;
	bool past = false;

	cs_event_init(ev, CS_PROVIDER_SPORTRADAR);
	if (event_id(&e[E_ID], ev, why) < 0)
		return -1;
	if (period != NULL)
		ev->period = *period;
	else if (e[E_PERIOD].t != PV_OBJECT || !period_from(c, f->period, 0, &ev->period, &past)) {
		*why = past ? "period past the limit of " PERIODS_MAX_TEXT " periods" :
		    "period missing or bad";
		return -1;
	}
	type = pv_str(&e[E_TYPE]);
	ev->type = event_type_of(type);
	if (type != NULL)
		sr_clean(ev->provider_type, type, sizeof ev->provider_type);
	event_order(c, e, position, ev);
	clock = pv_str(&e[E_CLOCK_DECIMAL]);
	if (clock == NULL || cs_clock_parse(clock) == CS_NO_CLOCK)
		clock = pv_str(&e[E_CLOCK]);
	ev->clock = cs_clock_parse(clock);
	ev->wall_ms = sportradar_parse_time(pv_str(&e[E_WALL]));
	desc = pv_str(&e[E_DESCRIPTION]);
	if (desc != NULL)
		sr_clean(ev->description, desc, sizeof ev->description);
	ev->side = side_of(t, &f->attribution_id);
	/* a little slack past the lines, then clamp into the court frame */
	if (e[E_LOCATION].t == PV_OBJECT &&
	    pv_int(&f->coord[0], -100, SR_COURT_X + 100, &x) &&
	    pv_int(&f->coord[1], -100, SR_COURT_Y + 100, &y)) {
		ev->has_location = true;
		ev->x = x < 0 ? 0 : x > SR_COURT_X ? SR_COURT_X : x;
		ev->y = y < 0 ? 0 : y > SR_COURT_Y ? SR_COURT_Y : y;
	}
	fives_of(c, f, ev);
	ev->qualifiers = f->qualifiers;
	stats_of(c, f, t, ev);
	return 0;
}

/* --- game headers --- */

static void
team_header(struct json_object *o, struct cs_team_info *team)
{
	const char *id = jstr(o, "id"), *name = jstr(o, "name"),
	    *market = jstr(o, "market"), *alias = jstr(o, "alias");

	if (id != NULL)
		cs_sanitize(team->id, id, sizeof team->id);
	if (name != NULL)
		cs_sanitize(team->name, name, sizeof team->name);
	if (market != NULL)
		cs_sanitize(team->market, market, sizeof team->market);
	if (alias != NULL)
		cs_sanitize(team->alias, alias, sizeof team->alias);
}

/* Sends `in` merged with what earlier documents taught: a header without a
 * roster keeps the roster, an empty field keeps the old value. */
static void
emit_info(struct sportradar_ctx *c, struct cs_game_info *in)
{
	struct cs_team_info *nt, *ot;
	int s;

	in->format = c->halves ? CS_FORMAT_HALVES : CS_FORMAT_QUARTERS;
	if (c->have_info) {
		if (in->status[0] == '\0')
			cs_strlcpy(in->status, c->info.status, sizeof in->status);
		if (in->id[0] == '\0')
			cs_strlcpy(in->id, c->info.id, sizeof in->id);
		for (s = 0; s < 2; s++) {
			nt = &in->team[s];
			ot = &c->info.team[s];
			if (!c->info.has_team[s])
				continue;
			if (!in->has_team[s]) {
				*nt = *ot;
				in->has_team[s] = true;
				continue;
			}
			if (nt->id[0] != '\0' && strcmp(nt->id, ot->id) != 0)
				continue;   /* another team: nothing to keep */
			if (nt->id[0] == '\0')
				cs_strlcpy(nt->id, ot->id, sizeof nt->id);
			if (nt->name[0] == '\0')
				cs_strlcpy(nt->name, ot->name, sizeof nt->name);
			if (nt->market[0] == '\0')
				cs_strlcpy(nt->market, ot->market, sizeof nt->market);
			if (nt->alias[0] == '\0')
				cs_strlcpy(nt->alias, ot->alias, sizeof nt->alias);
			if (nt->nplayers == 0) {
				nt->nplayers = ot->nplayers;
				memcpy(nt->players, ot->players, sizeof nt->players);
			}
		}
	}
	for (s = 0; s < 2; s++) {
		if (in->has_timeouts_remaining[s] || !c->info.has_timeouts_remaining[s])
			continue;
		in->has_timeouts_remaining[s] = true;
		in->timeouts_remaining[s] = c->info.timeouts_remaining[s];
	}
	c->info = *in;
	c->have_info = true;
	if (c->game_id[0] == '\0' && in->id[0] != '\0')
		cs_strlcpy(c->game_id, in->id, sizeof c->game_id);
	if (c->sink.game != NULL)
		c->sink.game(c->sink.ctx, &c->info);
}

/*
 * The teams' remaining_timeouts from a header (pbp.json, a push message)
 * at `moment` (an event sequence): taken when no older than the figure in
 * force, and sent to the model as a header when it changed.
 */
static void
offer_timeouts(struct sportradar_ctx *c, const struct pv team[2][T_N], int64_t moment)
{
	struct cs_game_info info;
	bool any = false;
	int s, n;

	cs_game_info_init(&info, CS_PROVIDER_SPORTRADAR);
	for (s = 0; s < 2; s++) {
		if (!pv_int(&team[s][T_TIMEOUTS], 0, 99, &n))
			continue;
		info.has_timeouts_remaining[s] = true;
		info.timeouts_remaining[s] = n;
		any = true;
	}
	if (!any || moment < c->timeouts_version)
		return;
	c->timeouts_version = moment;
	for (s = 0; s < 2; s++)
		if (info.has_timeouts_remaining[s] &&
		    (!c->info.has_timeouts_remaining[s] ||
		    c->info.timeouts_remaining[s] != info.timeouts_remaining[s]))
			break;
	if (s < 2)
		emit_info(c, &info);
}

/* The header fields both REST documents share.  -1 (warned) for another game. */
static int
header_of(struct sportradar_ctx *c, struct json_object *root, const char *doc,
    struct cs_game_info *info)
{
	const char *id = jstr(root, "id"), *status = jstr(root, "status");
	char clean[CS_ID_MAX];

	cs_game_info_init(info, CS_PROVIDER_SPORTRADAR);
	if (id != NULL) {
		cs_sanitize(clean, id, sizeof clean);
		if (c->game_id[0] != '\0' && strcmp(clean, c->game_id) != 0) {
			warn(c, "sportradar: %s is for game %s, not %s; skipped", doc,
			    clean, c->game_id);
			return -1;
		}
		cs_strlcpy(info->id, clean, sizeof info->id);
	}
	if (status != NULL) {
		cs_sanitize(info->status, status, sizeof info->status);
		cs_strlcpy(c->status, info->status, sizeof c->status);
	}
	if (jobject(root, "home") != NULL) {
		info->has_team[CS_HOME] = true;
		team_header(jobject(root, "home"), &info->team[CS_HOME]);
	}
	if (jobject(root, "away") != NULL) {
		info->has_team[CS_AWAY] = true;
		team_header(jobject(root, "away"), &info->team[CS_AWAY]);
	}
	return 0;
}

/* --- pbp.json --- */

/* The list of periods: "periods" (v7, v8); older documents used other names. */
static struct json_object *
periods_of(struct json_object *root)
{
	static const char *const names[] = { "periods", "quarters", "halves", "halfs" };
	struct json_object *a;
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		a = jarray(root, names[i]);
		if (a != NULL)
			return a;
	}
	return NULL;
}

/*
 * pbp.json is read as it arrives (sportradar_pbp_feed), an event at a
 * time: a full game is ~1 MB of text, and json-c needs about ten times
 * that for a whole tree.  A scanner that knows strings and depth finds
 * each object of periods[].events[]; the rest of the document (header,
 * periods, deleted_events) becomes a small skeleton in which every event
 * is the string "#N", N its place among the objects found (so duplicate
 * keys or odd layouts cannot misplace one).  A string, not {"#":N}: json-c
 * gives each object a 16-slot hash table, ~0.8 KB (issue 20).
 *
 * When a period's events begin and the skeleton so far, closed with the
 * brackets still open, names the header (id, status, home, away) and the
 * period (type, number, sequence), as real documents do, each event is
 * delivered as soon as it is whole and its text dropped: neither the body
 * nor a tree of it is held (an event object is read as a push line's
 * event is: pbp_event_scan, json-c only where it declines).  A period not
 * named in full before its events (older documents have no sequence) is
 * held until it closes; a document whose header or first period type
 * comes late is held whole and read at its end, as before.
 *
 * What only the whole document says waits for its end: deleted_events,
 * the timeouts, the events naming a player by a reference a later event
 * may teach, and the status (a final one ends the game).  A document cut
 * short is refused: the events it delivered stay (each whole, each an
 * upsert that the next document repeats), nothing else of it applies.
 */
#define PBP_DEPTH_MAX    8
#define PBP_KEY_MAX      16
#define PBP_EVENTS_MAX   20000
#define PBP_MARK_MAX     8        /* "#19999" with its quotes */

static const char *const pbp_periods[] = { "periods", "quarters", "halves", "halfs" };
static const char *const pbp_events[] = { "events" };

/* A growing text. */
struct pbp_text {
	char *p;
	size_t len, cap;
};

static int
text_put(struct pbp_text *t, const char *p, size_t n)
{
	void *buf = t->p;

	if (n == 0)
		return 0;
	if (cs_grow(&buf, &t->cap, t->len + n + 1, 1) < 0)
		return -1;
	t->p = buf;
	memcpy(t->p + t->len, p, n);
	t->len += n;
	t->p[t->len] = '\0';
	return 0;
}

/* Event texts waiting for their period (or the document's end): held
 * spans of `text`, the first one the event object numbered `base`. */
struct pbp_held {
	struct pbp_text text;
	struct pbp_span {
		size_t start, end;
	} *spans;
	size_t n, cap, base;
};

static int
held_put(struct pbp_held *h, const char *p, size_t n)
{
	void *s = h->spans;

	if (cs_grow(&s, &h->cap, h->n + 1, sizeof *h->spans) < 0)
		return -1;
	h->spans = s;
	h->spans[h->n].start = h->text.len;
	if (text_put(&h->text, p, n) < 0)
		return -1;
	h->spans[h->n].end = h->text.len;
	h->n++;
	return 0;
}

static void
held_clear(struct pbp_held *h, size_t base)
{
	h->text.len = 0;
	h->n = 0;
	h->base = base;
}

static bool
key_is(const char *key, const char *const *names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(key, names[i]) == 0)
			return true;
	return false;
}

/* The held span a skeleton's placeholder names, in *k; false for anything
 * else, which is not an event object. */
static bool
pbp_mark(struct json_object *o, const struct pbp_held *h, size_t *k)
{
	const char *s;
	char *end;
	unsigned long n;

	if (!json_object_is_type(o, json_type_string))
		return false;
	s = json_object_get_string(o);
	if (s[0] != '#' || s[1] < '0' || s[1] > '9')
		return false;
	n = strtoul(s + 1, &end, 10);
	if (*end != '\0' || n < h->base || n - h->base >= h->n)
		return false;
	*k = n - h->base;
	return true;
}

/* An event waiting for the end of the document: it names a player by a
 * reference whose id a later event may still teach. */
struct pbp_pending {
	struct cs_event ev;
	int64_t updated_ms;
};

static bool
names_unknown_player(const struct cs_event *ev)
{
	int i, s, k;

	for (i = 0; i < ev->nstats; i++)
		if (strncmp(ev->stats[i].player.id, "ref:", 4) == 0)
			return true;
	for (s = 0; s < 2; s++)
		for (k = 0; ev->has_on_court[s] && k < CS_ON_COURT; k++)
			if (strncmp(ev->on_court[s][k].id, "ref:", 4) == 0)
				return true;
	return false;
}

static void
resolve_ref(const struct sportradar_ctx *c, struct cs_player_ref *ref)
{
	const char *id;

	if (strncmp(ref->id, "ref:", 4) != 0)
		return;
	id = known_player(c, ref->id + 4);
	if (id != NULL)
		cs_strlcpy(ref->id, id, sizeof ref->id);
}

static void
deliver(struct sportradar_ctx *c, const struct cs_event *ev, int64_t updated_ms,
    int *count)
{
	if (stale_version(c, ev->id, updated_ms))
		return;   /* a newer version came already */
	if (c->sink.event != NULL)
		c->sink.event(c->sink.ctx, ev);
	(*count)++;
}

/*
 * The ids one pbp.json lists in its periods: an id it also lists in its
 * deleted_events stays (real documents list a few plays in both).
 */
struct listed {
	uint64_t *keys;
	size_t n, cap;
	bool sorted;
};

static void
listed_add(struct listed *l, const char *id)
{
	void *p = l->keys;

	if (id == NULL || *id == '\0')
		return;
	if (cs_grow(&p, &l->cap, l->n + 1, sizeof *l->keys) < 0)
		return;   /* out of memory: the delete then applies, as before */
	l->keys = p;
	l->keys[l->n++] = id_key(id);
	l->sorted = false;
}

static int
key_compare(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static bool
listed_has(struct listed *l, const char *id)
{
	uint64_t key = id_key(id);

	if (l->n == 0)
		return false;
	if (!l->sorted) {
		qsort(l->keys, l->n, sizeof *l->keys, key_compare);
		l->sorted = true;
	}
	return bsearch(&key, l->keys, l->n, sizeof *l->keys, key_compare) != NULL;
}

/* What reading one document's events keeps from one event to the next. */
struct pbp_walk {
	struct sportradar_ctx *c;
	struct sr_teams teams;
	struct cs_period period;     /* the enclosing one; sequence 0 = bad */
	struct pbp_pending *pending;
	size_t npending, pcap;
	struct listed listed;
	int64_t doc_moment;          /* the document's newest event */
	int count;
	bool tree_only;              /* every event by json-c (tests hold the scanner to it) */
	size_t *scanned;             /* NULL, or counts the events the scanner read */
};

static void
walk_free(struct pbp_walk *w)
{
	free(w->listed.keys);
	free(w->pending);
	w->listed.keys = NULL;
	w->pending = NULL;
	w->npending = w->pcap = 0;
}

/* A period object: w->period, or sequence 0 (warned) when it is bad. */
static void
walk_period(struct pbp_walk *w, struct json_object *p, size_t i)
{
	bool past = false;

	if (period_of(w->c, p, (int)i, &w->period, &past))
		return;
	if (past)
		warn(w->c, "sportradar: pbp.json: period %zu skipped: more than %d "
		    "periods", i + 1, CS_PERIODS_MAX);
	else
		warn(w->c, "sportradar: pbp.json: period %zu skipped: bad number or "
		    "type", i + 1);
	w->period.sequence = 0;   /* its events are passed over */
}

/* The pending list is full, or cannot grow: false. */
static bool
walk_hold(struct pbp_walk *w, const struct cs_event *ev, int64_t updated)
{
	struct pbp_pending *np;

	if (w->npending == w->pcap && w->pcap < SR_SEEN_EVENTS) {
		np = realloc(w->pending, (w->pcap == 0 ? 16 : w->pcap * 2) * sizeof *np);
		if (np == NULL)
			return false;
		w->pending = np;
		w->pcap = w->pcap == 0 ? 16 : w->pcap * 2;
	}
	if (w->npending >= w->pcap)
		return false;
	w->pending[w->npending].ev = *ev;
	w->pending[w->npending].updated_ms = updated;
	w->npending++;
	return true;
}

/* One event's fields, the j-th of its period's list, read either way. */
static void
walk_fields(struct pbp_walk *w, const struct sr_event_fields *f, size_t j)
{
	struct sportradar_ctx *c = w->c;
	struct cs_event ev;
	const char *why, *id;
	int64_t updated;

	learn_fields(c, f);
	id = pv_str(&f->f[E_ID]);
	listed_add(&w->listed, id);
	if (event_from_fields(c, f, &w->teams, &w->period, (int)j, &ev, &why) < 0) {
		warn(c, "sportradar: pbp.json: skipped event %s: %s",
		    id != NULL && *id != '\0' ? id : "(no id)", why);
		return;
	}
	updated = sportradar_parse_time(pv_str(&f->f[E_UPDATED]));
	if (ev.sequence > w->doc_moment)
		w->doc_moment = ev.sequence;
	/* a later event may teach the id: deliver at the end */
	if (names_unknown_player(&ev) && walk_hold(w, &ev, updated))
		return;
	deliver(c, &ev, updated, &w->count);
}

static bool pbp_event_scan(struct pbp_walk *w, const char *text, size_t len, size_t j);

/*
 * One event object's text, the j-th of its period's list: read by the
 * push scanner's event walker (pbp_event_scan), or by json-c where that
 * declines, exactly as a push line falls back.
 */
static void
walk_event(struct pbp_walk *w, const char *text, size_t len, size_t j)
{
	struct json_object *e;
	struct sr_event_fields f;
	const char *why;

	if (!w->tree_only && pbp_event_scan(w, text, len, j))
		return;
	e = parse_json(text, len, &why);
	if (e == NULL) {
		warn(w->c, "sportradar: pbp.json: an event skipped: %s", why);
		return;
	}
	if (w->period.sequence != 0) {
		event_fields_tree(e, &f);
		walk_fields(w, &f, j);
	}
	json_object_put(e);
}

/* A period whose events were held: every placeholder of its list. */
static void
walk_held_period(struct pbp_walk *w, struct json_object *p, size_t i,
    const struct pbp_held *h)
{
	struct json_object *events = jarray(p, "events");
	size_t j, k, ne = events != NULL ? json_object_array_length(events) : 0;

	walk_period(w, p, i);
	for (j = 0; j < ne; j++) {
		/* every object here is a placeholder naming its span */
		if (!pbp_mark(json_object_array_get_idx(events, j), h, &k)) {
			warn(w->c, "sportradar: pbp.json: event %zu of period %zu is not "
			    "an object; skipped", j + 1, i + 1);
			continue;
		}
		walk_event(w, h->text.p + h->spans[k].start,
		    h->spans[k].end - h->spans[k].start, j);
	}
}

/* The end of a whole document: the pending events, deleted_events, the
 * timeouts.  The number of events delivered. */
static int
walk_finish(struct pbp_walk *w, struct json_object *root)
{
	struct sportradar_ctx *c = w->c;
	struct json_object *deleted, *d;
	struct pv team[2][T_N];
	const char *id;
	size_t i, j, ne;
	int q, s;

	for (i = 0; i < w->npending; i++) {
		struct cs_event *pe = &w->pending[i].ev;

		for (q = 0; q < pe->nstats; q++)
			resolve_ref(c, &pe->stats[q].player);
		for (s = 0; s < 2; s++)
			for (q = 0; pe->has_on_court[s] && q < CS_ON_COURT; q++)
				resolve_ref(c, &pe->on_court[s][q]);
		deliver(c, pe, w->pending[i].updated_ms, &w->count);
	}
	deleted = jarray(root, "deleted_events");
	ne = deleted != NULL ? json_object_array_length(deleted) : 0;
	for (j = 0; j < ne; j++) {
		char clean[CS_ID_MAX];

		d = json_object_array_get_idx(deleted, j);
		id = d != NULL && json_object_is_type(d, json_type_string) ?
		    json_object_get_string(d) : jstr(d, "id");
		if (id == NULL || *id == '\0' || strlen(id) >= CS_ID_MAX) {
			warn(c, "sportradar: pbp.json: deleted_events entry %zu has no usable id", j + 1);
			continue;
		}
		if (listed_has(&w->listed, id)) {
			warn(c, "sportradar: pbp.json: event %.64s is both listed and deleted; "
			    "the listed play is kept", id);
			continue;
		}
		cs_sanitize(clean, id, sizeof clean);
		note_delete(c, clean, 0);
		if (c->sink.delete_event != NULL)
			c->sink.delete_event(c->sink.ctx, clean);
	}
	teams_tree(root, team);
	offer_timeouts(c, team, w->doc_moment);
	if (w->doc_moment > c->max_sequence)
		c->max_sequence = w->doc_moment;
	return w->count;
}

/* Whether a list of periods says the game is played in halves. */
static void
note_halves(struct sportradar_ctx *c, struct json_object *periods)
{
	size_t i, np = periods != NULL ? json_object_array_length(periods) : 0;
	const char *type;

	for (i = 0; i < np; i++) {
		type = jstr(json_object_array_get_idx(periods, i), "type");
		if (type != NULL && strcasecmp(type, "half") == 0)
			c->halves = true;
	}
}

enum pbp_mode {
	PBP_UNDECIDED,               /* no period's events yet */
	PBP_LIVE,                    /* events read as they close */
	PBP_WHOLE,                   /* a late header: everything held to the end */
};

enum pbp_fate { PBP_HOLD, PBP_READ, PBP_DROP };

struct sportradar_pbp {
	struct sportradar_ctx *c;
	bool (*admit)(void *arg, const char *status);
	void *admit_arg;
	/* the scanner, carried from one piece to the next */
	int depth;
	bool in_str, esc, have_str, have_key, in_event;
	char key[PBP_KEY_MAX];
	size_t keylen;
	char opened[PBP_DEPTH_MAX + 1][PBP_KEY_MAX];   /* key of the container at each depth */
	char bracket[PBP_DEPTH_MAX + 1];               /* and '{' or '[' */
	size_t nmarks, bytes;
	struct pbp_text skel, ev;
	enum pbp_fate fate;          /* of the event object being read */
	size_t ev_pos;               /* its place in its list */
	/* the document */
	enum pbp_mode mode;
	bool read_events;            /* LIVE: in a period's events, read as they close */
	bool hold_events;            /* LIVE: in a period's events, held (a late period) */
	bool held_period;            /* LIVE: that period is not closed yet */
	size_t period_index, elem;
	bool elem_seen, elem_obj;
	bool other_game, declined;   /* the header: another game; admit said no */
	char status[sizeof ((struct sportradar_ctx *)0)->status];  /* LIVE: ctx->status at the end */
	struct pbp_held held;
	struct pbp_walk w;
	const char *why;             /* the document cannot be read: out of memory... */
};

struct sportradar_pbp *
sportradar_pbp_new(struct sportradar_ctx *c, bool (*admit)(void *arg, const char *status),
    void *arg)
{
	struct sportradar_pbp *r = calloc(1, sizeof *r);

	if (r == NULL)
		return NULL;
	r->c = c;
	r->admit = admit;
	r->admit_arg = arg;
	r->w.c = c;
	return r;
}

/* The skeleton so far, closed with the brackets still open, as a tree. */
static struct json_object *
pbp_prefix(struct sportradar_pbp *r)
{
	struct json_object *root;
	char close[PBP_DEPTH_MAX];
	const char *why;
	int d, n = 0;

	if (r->depth < 1 || r->depth > PBP_DEPTH_MAX)
		return NULL;
	for (d = r->depth; d >= 1; d--)
		close[n++] = r->bracket[d] == '{' ? '}' : ']';
	if (text_put(&r->skel, close, (size_t)n) < 0) {
		r->why = "out of memory";
		return NULL;
	}
	root = parse_json(r->skel.p, r->skel.len, &why);
	r->skel.len -= (size_t)n;
	r->skel.p[r->skel.len] = '\0';
	return root;
}

/* The list periods[] of a prefix, and its last period (the one open). */
static struct json_object *
prefix_period(struct sportradar_pbp *r, struct json_object *root, size_t *index)
{
	struct json_object *periods = periods_of(root);
	size_t n;

	if (periods == NULL || periods != jarray(root, r->opened[2]))
		return NULL;    /* another list than the one read at the end */
	n = json_object_array_length(periods);
	if (n == 0)
		return NULL;
	*index = n - 1;
	return json_object_array_get_idx(periods, n - 1);
}

static bool
period_named(struct json_object *p)
{
	return jget(p, "type") != NULL && jget(p, "number") != NULL &&
	    jget(p, "sequence") != NULL;
}

/* The header from a prefix: admitted, this game's, teams and info sent
 * (ctx->status kept back until the document is whole).  false: nothing
 * more of this document is read. */
static bool
pbp_header(struct sportradar_pbp *r, struct json_object *root)
{
	struct sportradar_ctx *c = r->c;
	struct cs_game_info info;
	struct pv team[2][T_N];
	char status[sizeof c->status], was[sizeof c->status];

	cs_sanitize(status, jstr(root, "status") != NULL ? jstr(root, "status") : "",
	    sizeof status);
	if (r->admit != NULL && !r->admit(r->admit_arg, status)) {
		r->declined = true;
		return false;
	}
	cs_strlcpy(was, c->status, sizeof was);
	if (header_of(c, root, "pbp.json", &info) < 0) {
		r->other_game = true;
		return false;
	}
	/* the provider's own reading of the status (is the game over?) waits
	 * for the whole document */
	cs_strlcpy(r->status, c->status, sizeof r->status);
	cs_strlcpy(c->status, was, sizeof c->status);
	note_halves(c, periods_of(root));
	teams_tree(root, team);
	teams_from(c, team, &r->w.teams);
	emit_info(c, &info);
	return true;
}

/* A period's events begin: decide how they are read. */
static void
events_begin(struct sportradar_pbp *r)
{
	struct json_object *root, *p;
	size_t index = 0;
	const char *type;

	if (r->mode == PBP_WHOLE || r->other_game || r->declined || r->why != NULL)
		return;
	root = pbp_prefix(r);
	p = root != NULL ? prefix_period(r, root, &index) : NULL;
	if (r->mode == PBP_UNDECIDED) {
		/* the first period's type says halves or quarters, which the
		 * header sent now carries */
		if (p == NULL || jget(p, "type") == NULL || jget(root, "id") == NULL ||
		    jget(root, "status") == NULL || jobject(root, "home") == NULL ||
		    jobject(root, "away") == NULL) {
			r->mode = PBP_WHOLE;
			json_object_put(root);
			return;
		}
		r->mode = PBP_LIVE;
		held_clear(&r->held, r->nmarks);
		if (!pbp_header(r, root)) {
			json_object_put(root);
			return;
		}
	}
	r->period_index = index;
	r->elem = 0;
	r->elem_seen = r->elem_obj = false;
	if (p != NULL && period_named(p)) {
		type = jstr(p, "type");
		if (type != NULL && strcasecmp(type, "half") == 0)
			r->c->halves = true;
		walk_period(&r->w, p, index);
		r->read_events = true;
	} else if (root != NULL && jarray(root, r->opened[2]) == periods_of(root)) {
		/* named after its events, or unreadable so far: held to its end */
		held_clear(&r->held, r->nmarks);
		r->hold_events = r->held_period = true;
	}
	json_object_put(root);
}

/* A held period closes: read it whole. */
static void
period_end(struct sportradar_pbp *r)
{
	struct json_object *root, *p;
	size_t index = 0;

	r->held_period = false;
	root = pbp_prefix(r);
	p = root != NULL ? prefix_period(r, root, &index) : NULL;
	if (p != NULL && !r->other_game && !r->declined && r->why == NULL) {
		note_halves(r->c, periods_of(root));
		walk_held_period(&r->w, p, index, &r->held);
	}
	json_object_put(root);
	held_clear(&r->held, r->nmarks);
}

/* One element of a list being read ends: warn for anything but an object. */
static void
elem_end(struct sportradar_pbp *r)
{
	if (r->read_events && r->elem_seen && !r->elem_obj && !r->other_game &&
	    !r->declined && r->why == NULL)
		warn(r->c, "sportradar: pbp.json: event %zu of period %zu is not "
		    "an object; skipped", r->elem + 1, r->period_index + 1);
	r->elem_seen = r->elem_obj = false;
}

static void
event_begin(struct sportradar_pbp *r)
{
	r->ev.len = 0;
	r->ev_pos = r->elem;
	if (r->other_game || r->declined || r->why != NULL)
		r->fate = PBP_DROP;
	else if (r->mode != PBP_LIVE || r->hold_events)
		r->fate = PBP_HOLD;
	else
		r->fate = r->read_events ? PBP_READ : PBP_DROP;
}

static void
event_end(struct sportradar_pbp *r)
{
	char mark[PBP_MARK_MAX + 1];
	int n;

	if (r->nmarks >= PBP_EVENTS_MAX && r->why == NULL) {
		r->why = "more events than any game has";
		r->fate = PBP_DROP;
	}
	n = snprintf(mark, sizeof mark, "\"#%zu\"", r->nmarks++);
	if (text_put(&r->skel, mark, (size_t)n) < 0)
		r->why = "out of memory";
	if (r->fate == PBP_READ && r->why == NULL)
		walk_event(&r->w, r->ev.p, r->ev.len, r->ev_pos);
	else if (r->fate == PBP_HOLD && r->why == NULL &&
	    held_put(&r->held, r->ev.p, r->ev.len) < 0)
		r->why = "out of memory";
	r->ev.len = 0;
}

/* The bytes data[from, to) to where they belong: the event being read or
 * the skeleton. */
static void
pbp_keep(struct sportradar_pbp *r, const char *data, size_t from, size_t to)
{
	struct pbp_text *t = r->in_event ? &r->ev : &r->skel;

	if (r->in_event && r->fate == PBP_DROP)
		return;
	if (to > from && text_put(t, data + from, to - from) < 0)
		r->why = "out of memory";
}

/* Whether the container just opened at depth 4 is a period's events. */
static bool
at_events(const struct sportradar_pbp *r)
{
	return r->depth == 4 && r->bracket[4] == '[' && r->bracket[3] == '{' &&
	    r->bracket[2] == '[' && r->bracket[1] == '{' &&
	    key_is(r->opened[4], pbp_events, 1) && key_is(r->opened[2], pbp_periods, 4);
}

/* Inside a string from data[i]: most of the text.  Its first bytes are
 * kept as the key; returns the index of its last byte read. */
static size_t
string_run(struct sportradar_pbp *r, const char *data, size_t i, size_t len)
{
	size_t j = i, n;

	if (r->esc) {
		r->esc = false;
		j++;
	}
	while (j < len && data[j] != '"' && data[j] != '\\')
		j++;
	n = j - i < PBP_KEY_MAX - 1 - r->keylen ? j - i : PBP_KEY_MAX - 1 - r->keylen;
	memcpy(r->key + r->keylen, data + i, n);
	r->keylen += n;
	if (j == len)
		return len - 1;
	if (data[j] == '\\') {
		r->esc = true;
		if (r->keylen < PBP_KEY_MAX - 1)
			r->key[r->keylen++] = '\\';
		return j;
	}
	r->in_str = false;
	r->have_str = true;
	r->key[r->keylen] = '\0';
	return j;
}

int
sportradar_pbp_feed(struct sportradar_pbp *r, const char *data, size_t len)
{
	size_t i, run = 0;
	char ch;

	r->bytes += len;
	if (r->bytes > (size_t)INT_MAX - 1 && r->why == NULL)
		r->why = "too large";
	for (i = 0; i < len; i++) {
		if (r->in_str) {
			i = string_run(r, data, i, len);
			continue;
		}
		ch = data[i];
		if (r->read_events && r->depth == 4 && !r->elem_seen && ch != ',' &&
		    ch != ']' && ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n') {
			r->elem_seen = true;
			r->elem_obj = ch == '{';
		}
		switch (ch) {
		case '"':
			r->in_str = true;
			r->keylen = 0;
			break;
		case ':':
			r->have_key = r->have_str;
			r->have_str = false;
			break;
		case '{':
		case '[':
			if (ch == '{' && r->depth == 4 && !r->in_event &&
			    key_is(r->opened[4], pbp_events, 1) &&
			    key_is(r->opened[2], pbp_periods, 4)) {
				pbp_keep(r, data, run, i);
				run = i;
				event_begin(r);
				r->in_event = true;
			}
			r->depth++;
			if (r->depth > 0 && r->depth <= PBP_DEPTH_MAX) {
				cs_strlcpy(r->opened[r->depth], r->have_key ? r->key : "",
				    PBP_KEY_MAX);
				r->bracket[r->depth] = ch;
			}
			r->have_key = r->have_str = false;
			if (ch == '[' && at_events(r)) {
				pbp_keep(r, data, run, i + 1);
				run = i + 1;
				events_begin(r);
			}
			break;
		case '}':
		case ']':
			if (r->depth == 4 && !r->in_event && (r->read_events || r->hold_events)) {
				elem_end(r);
				r->read_events = r->hold_events = false;
			}
			r->depth--;
			if (r->in_event && r->depth == 4) {
				pbp_keep(r, data, run, i + 1);
				run = i + 1;
				r->in_event = false;
				event_end(r);
			} else if (r->held_period && r->depth == 2) {
				pbp_keep(r, data, run, i + 1);
				run = i + 1;
				period_end(r);
			}
			r->have_key = r->have_str = false;
			break;
		case ',':
			if (r->read_events && r->depth == 4) {
				elem_end(r);
				r->elem++;
			}
			r->have_key = r->have_str = false;
			break;
		default:
			break;
		}
	}
	pbp_keep(r, data, run, len);
	return r->declined ? -1 : 0;
}

/* A document held whole (its header came late): read at its end. */
static int
pbp_whole(struct sportradar_pbp *r, struct json_object *root)
{
	struct sportradar_ctx *c = r->c;
	struct json_object *periods;
	struct cs_game_info info;
	struct pv team[2][T_N];
	char status[sizeof c->status];
	size_t i, np;

	cs_sanitize(status, jstr(root, "status") != NULL ? jstr(root, "status") : "",
	    sizeof status);
	if (r->admit != NULL && !r->admit(r->admit_arg, status))
		return -1;
	periods = periods_of(root);
	if (periods == NULL) {
		warn(c, "sportradar: pbp.json skipped: no periods list");
		return -1;
	}
	if (header_of(c, root, "pbp.json", &info) < 0)
		return -1;
	np = json_object_array_length(periods);
	note_halves(c, periods);
	if (np == 0 && jget(root, "half") != NULL && jget(root, "quarter") == NULL)
		c->halves = true;
	teams_tree(root, team);
	teams_from(c, team, &r->w.teams);
	emit_info(c, &info);
	for (i = 0; i < np; i++)
		walk_held_period(&r->w, json_object_array_get_idx(periods, i), i, &r->held);
	return walk_finish(&r->w, root);
}

/* A document read as it came, whole: what waited for its end. */
static int
pbp_live_end(struct sportradar_pbp *r, struct json_object *root)
{
	cs_strlcpy(r->c->status, r->status, sizeof r->c->status);
	return walk_finish(&r->w, root);
}

int
sportradar_pbp_end(struct sportradar_pbp **rp, bool whole)
{
	struct sportradar_pbp *r = rp != NULL ? *rp : NULL;
	struct json_object *root = NULL;
	const char *why;
	int rc = -1;

	if (r == NULL)
		return -1;
	if (!whole || r->declined || r->other_game)
		;   /* the transfer failed (its cause says why), or warned */
	else if (r->why != NULL)
		warn(r->c, "sportradar: pbp.json skipped: %s", r->why);
	else if (r->bytes == 0)
		warn(r->c, "sportradar: pbp.json skipped: empty");
	else if ((root = parse_json(r->skel.p, r->skel.len, &why)) == NULL) {
		if (r->mode == PBP_LIVE && r->w.count > 0)
			warn(r->c, "sportradar: pbp.json skipped: %s (the %d events before "
			    "it stay; nothing else of it applies)", why, r->w.count);
		else
			warn(r->c, "sportradar: pbp.json skipped: %s", why);
	} else if (r->mode == PBP_LIVE)
		rc = pbp_live_end(r, root);
	else
		rc = pbp_whole(r, root);
	json_object_put(root);
	walk_free(&r->w);
	free(r->skel.p);
	free(r->ev.p);
	free(r->held.text.p);
	free(r->held.spans);
	free(r);
	*rp = NULL;
	return rc;
}

int
sportradar_parse_pbp_read(struct sportradar_ctx *c, const char *json, size_t len, bool tree,
    size_t *scanned)
{
	struct sportradar_pbp *r;

	if (scanned != NULL)
		*scanned = 0;
	if (json == NULL || len == 0 || len > (size_t)INT_MAX - 1) {
		warn(c, "sportradar: pbp.json skipped: %s", json == NULL || len == 0 ?
		    "empty" : "too large");
		return -1;
	}
	r = sportradar_pbp_new(c, NULL, NULL);
	if (r == NULL) {
		warn(c, "sportradar: pbp.json skipped: out of memory");
		return -1;
	}
	r->w.tree_only = tree;
	r->w.scanned = scanned;
	sportradar_pbp_feed(r, json, len);
	return sportradar_pbp_end(&r, true);
}

int
sportradar_parse_pbp(struct sportradar_ctx *c, const char *json, size_t len)
{
	return sportradar_parse_pbp_read(c, json, len, false, NULL);
}

/* --- summary.json --- */

static void
roster_of(struct sportradar_ctx *c, struct json_object *team, struct cs_team_info *info)
{
	struct json_object *players = jarray(team, "players"), *p;
	struct cs_player_info *pi;
	struct sr_player_fields pl;
	struct cs_player_ref ref;
	const char *pos;
	size_t i, n;

	n = players != NULL ? json_object_array_length(players) : 0;
	for (i = 0; i < n; i++) {
		p = json_object_array_get_idx(players, i);
		player_fields_tree(p, &pl);
		if (!player_ref(c, &pl, &ref)) {
			warn(c, "sportradar: summary.json: %s player %zu has no id or name; skipped",
			    info->alias[0] != '\0' ? info->alias : info->name, i + 1);
			continue;
		}
		if (info->nplayers >= CS_ROSTER_MAX) {
			warn(c, "sportradar: summary.json: %s has more than %d players; the rest skipped",
			    info->alias[0] != '\0' ? info->alias : info->name, CS_ROSTER_MAX);
			break;
		}
		pi = &info->players[info->nplayers++];
		memset(pi, 0, sizeof *pi);
		cs_strlcpy(pi->id, ref.id, sizeof pi->id);
		cs_strlcpy(pi->name, ref.name, sizeof pi->name);
		cs_strlcpy(pi->jersey, ref.jersey, sizeof pi->jersey);
		pos = jstr(p, "primary_position");
		if (pos == NULL || *pos == '\0')
			pos = jstr(p, "position");
		if (pos != NULL)
			cs_sanitize(pi->position, pos, sizeof pi->position);
		pi->starter = jtrue(p, "starter");
	}
}

int
sportradar_parse_summary(struct sportradar_ctx *c, const char *json, size_t len)
{
	struct json_object *root, *scoring;
	struct cs_game_info info;
	const char *why, *type;
	size_t i, n;
	int s;

	root = parse_json(json, len, &why);
	if (root == NULL) {
		warn(c, "sportradar: summary.json skipped: %s", why);
		return -1;
	}
	if (jobject(root, "home") == NULL || jobject(root, "away") == NULL) {
		warn(c, "sportradar: summary.json skipped: no home and away teams");
		json_object_put(root);
		return -1;
	}
	if (header_of(c, root, "summary.json", &info) < 0) {
		json_object_put(root);
		return -1;
	}
	for (s = 0; s < 2; s++) {
		struct json_object *team = jobject(root, s == CS_HOME ? "home" : "away");

		roster_of(c, team, &info.team[s]);
		scoring = jarray(team, "scoring");
		n = scoring != NULL ? json_object_array_length(scoring) : 0;
		for (i = 0; i < n; i++) {
			type = jstr(json_object_array_get_idx(scoring, i), "type");
			if (type != NULL && strcasecmp(type, "half") == 0)
				c->halves = true;
		}
	}
	if (jget(root, "half") != NULL && jget(root, "quarter") == NULL)
		c->halves = true;
	emit_info(c, &info);
	json_object_put(root);
	return 0;
}

/* --- push lines --- */

/*
 * A push line is read one of two ways, with the same result.  The tree
 * path (push_tree) builds it with json-c and takes the members we use
 * into a struct push_fields; the scan path (ps_read, below) takes them
 * straight from the text, and declines whatever it cannot read exactly as
 * json-c would (the line then takes the tree path).  Either way one
 * function (push_apply) does what the message says.
 * tests/test_sportradar_scan.c holds each path to the other.
 */
enum { R_HEARTBEAT, R_PAYLOAD, R_METADATA, R_OPERATION, R_N };
enum { P_GAME, P_EVENT, P_N };
enum { M_MATCH, M_OPERATION, M_N };
enum { G_ID, G_HOME, G_AWAY, G_N };

static const struct pname root_names[R_N] = { PN("heartbeat"), PN("payload"),
	PN("metadata"), PN("operation") };
static const struct pname payload_names[P_N] = { PN("game"), PN("event") };
static const struct pname meta_names[M_N] = { PN("match"), PN("operation") };
static const struct pname game_names[G_N] = { PN("id"), PN("home"), PN("away") };
static const struct pname interval_name[1] = { PN("interval") };

/* What a push message says that we use, as plain values. */
struct push_fields {
	struct pv root[R_N], payload[P_N], meta[M_N], game[G_N], team[2][T_N];
	struct pv interval;          /* heartbeat.interval */
	struct sr_event_fields event;
};

static void
push_info_init(struct sportradar_push_info *info)
{
	memset(info, 0, sizeof *info);
	info->points[0] = info->points[1] = CS_UNKNOWN;
	info->heartbeat_ms = CS_UNKNOWN;
}

/* An upsert: the event, the teams' points, their timeouts left. */
static enum sportradar_push_kind
push_upsert(struct sportradar_ctx *c, const struct push_fields *m,
    struct sportradar_push_info *info)
{
	struct sr_teams teams;
	struct cs_event ev;
	const char *why, *id;
	int s, n;

	teams_from(c, m->team, &teams);
	learn_fields(c, &m->event);
	if (event_from_fields(c, &m->event, &teams, NULL, 0, &ev, &why) < 0) {
		id = pv_str(&m->event.f[E_ID]);
		warn(c, "sportradar: push event %s skipped: %s",
		    id != NULL && *id != '\0' ? id : "(no id)", why);
		return SR_PUSH_SKIPPED;
	}
	for (s = 0; s < 2; s++)
		if (pv_int(&m->team[s][T_POINTS], 0, 100000, &n))
			info->points[s] = n;
	/* The only send-time team field we use: a timeout's remaining count
	 * is exact when sent with that timeout (scores never come from here). */
	if (ev.type == CS_EV_TIMEOUT && ev.side != CS_SIDE_NONE &&
	    pv_int(&m->team[ev.side][T_TIMEOUTS], 0, 99, &n))
		ev.timeouts_remaining = n;
	info->type = ev.type;
	info->period = ev.period;
	if (stale_version(c, ev.id, sportradar_parse_time(pv_str(&m->event.f[E_UPDATED]))))
		return SR_PUSH_STALE;
	if (c->sink.event != NULL)
		c->sink.event(c->sink.ctx, &ev);
	if (ev.sequence > c->max_sequence)
		c->max_sequence = ev.sequence;
	/* sent now: the stream's newest moment */
	offer_timeouts(c, m->team, c->max_sequence);
	return SR_PUSH_EVENT;
}

/* A delete of the message's event. */
static enum sportradar_push_kind
push_delete(struct sportradar_ctx *c, const struct push_fields *m)
{
	const char *id = pv_str(&m->event.f[E_ID]);
	char clean[CS_ID_MAX];

	if (id == NULL || *id == '\0' || strlen(id) >= CS_ID_MAX) {
		warn(c, "sportradar: push delete without a usable event id skipped");
		return SR_PUSH_SKIPPED;
	}
	sr_clean(clean, id, sizeof clean);
	note_delete(c, clean, sportradar_parse_time(pv_str(&m->event.f[E_DELETED])));
	if (c->sink.delete_event != NULL)
		c->sink.delete_event(c->sink.ctx, clean);
	return SR_PUSH_DELETE;
}

/* What a push message says, from either path's fields. */
static enum sportradar_push_kind
push_apply(struct sportradar_ctx *c, const struct push_fields *m,
    struct sportradar_push_info *info)
{
	const char *gid, *op;
	char clean[CS_ID_MAX];
	int64_t interval;

	if (m->root[R_HEARTBEAT].t != PV_NONE) {
		if (pv_int64(&m->interval, 0, 86400000, &interval))
			info->heartbeat_ms = (long)interval;
		return SR_PUSH_HEARTBEAT;
	}
	if (m->root[R_PAYLOAD].t != PV_OBJECT) {
		warn(c, "sportradar: push message without payload or heartbeat skipped");
		return SR_PUSH_SKIPPED;
	}
	gid = pv_str(&m->game[G_ID]);
	if (gid == NULL) {
		/* a message without payload.game: metadata.match names the game */
		gid = pv_str(&m->meta[M_MATCH]);
		if (gid != NULL && strncmp(gid, "sd:match:", 9) == 0)
			gid += 9;
	}
	if (gid != NULL && c->game_id[0] != '\0') {
		sr_clean(clean, gid, sizeof clean);
		if (strcmp(clean, c->game_id) != 0)
			return SR_PUSH_OTHER_GAME;
	}
	if (m->payload[P_EVENT].t != PV_OBJECT) {
		/* Push Statistics and anything unknown: the box score comes
		 * from the events, so there is nothing to take from it. */
		warn(c, "sportradar: push message without an event skipped");
		return SR_PUSH_SKIPPED;
	}
	op = pv_str(&m->meta[M_OPERATION]);
	if (op == NULL)
		op = pv_str(&m->root[R_OPERATION]);
	/* update, create or no operation at all: an upsert */
	if (op == NULL || strcmp(op, "delete") != 0)
		return push_upsert(c, m, info);
	return push_delete(c, m);
}

/* The tree path: the message's fields from its json-c tree. */
static enum sportradar_push_kind
push_tree(struct sportradar_ctx *c, const char *line, size_t len,
    struct sportradar_push_info *info)
{
	struct json_object *root, *payload, *game;
	struct push_fields m;
	enum sportradar_push_kind kind;
	const char *why;

	root = parse_json(line, len, &why);
	if (root == NULL) {
		warn(c, "sportradar: push line skipped (%zu bytes): %s", len, why);
		return SR_PUSH_SKIPPED;
	}
	payload = jobject(root, "payload");
	game = jobject(payload, "game");
	fields_tree(root, root_names, R_N, m.root);
	fields_tree(payload, payload_names, P_N, m.payload);
	fields_tree(jobject(root, "metadata"), meta_names, M_N, m.meta);
	fields_tree(game, game_names, G_N, m.game);
	teams_tree(game, m.team);
	fields_tree(jobject(root, "heartbeat"), interval_name, 1, &m.interval);
	event_fields_tree(jobject(payload, "event"), &m.event);
	kind = push_apply(c, &m, info);
	json_object_put(root);
	return kind;
}

/*
 * The scan path.  Building a json-c tree of a ~3.7 KB line cost more than
 * all the rest of a replay.  Here the line is checked whole with the
 * allocation-free scanner (json_scan.h); then one walk of the line takes
 * the members we use into a struct push_fields, typed as json-c types
 * them, with no side effect yet (ps_read); then push_apply runs on those.
 * ps_read declines (the line takes the tree path) on anything it cannot
 * read exactly as json-c: a key with an escape (it may spell one we read),
 * a key we read given twice, a \u escape in a string we read, more
 * strings, statistics or players than it has room for.  An on_court byte
 * for byte the one kept from the event before is compared, not read (see
 * keep_fives).
 */
#define PUSH_SCAN_DEPTH 24       /* push lines nest ~6 deep; json-c allows 32 */
#define PS_TEXT_MAX     8192     /* the decoded strings of one line */

static const struct pname qualifier_name[1] = { PN("qualifier") };
static const struct pname players_name[1] = { PN("players") };

struct push_scan {
	const struct sportradar_ctx *c;
	char text[PS_TEXT_MAX];
	size_t text_len;
	int side;                    /* the on-court side being read */
	struct push_fields m;
};

/* Reads the object or array at p (checked JSON) into the scan: the end of
 * it, or NULL to decline. */
typedef const char *(*ps_walk)(struct push_scan *ps, const char *p, const char *end);

static const char *
ps_space(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	return p;
}

/* A number as json-c reads it: an integer unless it has a point or an
 * exponent; integers saturate. */
static bool
pv_number(const char *p, size_t len, struct pv *out)
{
	char text[48], *end;
	unsigned long long u;

	if (len == 0 || len >= sizeof text)
		return false;
	memcpy(text, p, len);
	text[len] = '\0';
	if (strpbrk(text, ".eE") != NULL) {
		out->t = PV_DOUBLE;
		out->d = strtod(text, &end);
	} else if (text[0] == '-') {
		out->t = PV_INT;
		out->i = strtoll(text, &end, 10);
	} else {
		out->t = PV_INT;
		u = strtoull(text, &end, 10);
		out->i = u > (unsigned long long)INT64_MAX ? INT64_MAX : (int64_t)u;
	}
	return end == text + len;
}

/* The value at p, not an object or array, into *out: its end, or NULL to
 * decline. */
static const char *
pv_scalar(struct push_scan *ps, const char *p, const char *end, struct pv *out)
{
	const char *q = json_skip_value(p, end);
	long n;

	out->v.p = p;
	out->v.len = (size_t)(q - p);
	out->s = NULL;
	out->i = 0;
	switch (*p) {
	case '"':
		n = json_span_string(&out->v, ps->text + ps->text_len,
		    sizeof ps->text - ps->text_len);
		if (n < 0)
			return NULL;
		out->t = PV_STRING;
		out->s = ps->text + ps->text_len;
		ps->text_len += (size_t)n + 1;
		return q;
	case 't':
	case 'f':
		out->t = PV_BOOL;
		out->i = *p == 't';
		return q;
	case 'n':
		out->t = PV_NONE;
		return q;
	default:
		return pv_number(p, out->v.len, out) ? q : NULL;
	}
}

/*
 * The object at p: the members named in names[] into out[] (absent:
 * PV_NONE); an object or array among them is read at once by its walk[]
 * entry, when it has one.  Returns past the object, or NULL to decline:
 * a key with an escape, or a name twice (json-c keeps the last whole; a
 * walk has taken the first).
 */
static const char *
ps_object(struct push_scan *ps, const char *p, const char *end, const struct pname *names,
    size_t n, struct pv *out, const ps_walk *walk)
{
	const char *q, *k;
	unsigned seen = 0;
	size_t i, klen;

	for (i = 0; i < n; i++)
		out[i].t = PV_NONE;
	for (p = ps_space(p + 1, end); p < end && *p != '}'; p = ps_space(q, end)) {
		if (*p == ',')
			p = ps_space(p + 1, end);
		q = json_skip_string(p, end);
		k = p + 1;
		klen = q - p >= 2 ? (size_t)(q - p - 2) : 0;
		if (memchr(k, '\\', klen) != NULL)
			return NULL;
		p = ps_space(ps_space(q, end) + 1, end);   /* past the colon */
		for (i = 0; i < n && (klen != names[i].n || memcmp(k, names[i].s, klen) != 0); i++)
			;
		if (i == n) {
			q = json_skip_value(p, end);
			continue;
		}
		if (seen & (1u << i))
			return NULL;
		seen |= 1u << i;
		if (*p != '{' && *p != '[') {
			if ((q = pv_scalar(ps, p, end, &out[i])) == NULL)
				return NULL;
			continue;
		}
		out[i].t = *p == '{' ? PV_OBJECT : PV_ARRAY;
		out[i].s = NULL;
		q = walk != NULL && walk[i] != NULL ? walk[i](ps, p, end) : json_skip_value(p, end);
		if (q == NULL)
			return NULL;
		out[i].v.p = p;
		out[i].v.len = (size_t)(q - p);
	}
	return p < end ? p + 1 : NULL;
}

/* ps_object when the value at p is an object; else past it, unread. */
static const char *
ps_sub(struct push_scan *ps, const char *p, const char *end, const struct pname *names,
    size_t n, struct pv *out, const ps_walk *walk)
{
	return *p == '{' ? ps_object(ps, p, end, names, n, out, walk) : json_skip_value(p, end);
}

/* The next element of the array whose items go on at *pp: false at its end. */
static bool
ps_element(const char **pp, const char *end)
{
	const char *p = ps_space(*pp, end);

	if (p < end && *p == ',')
		p = ps_space(p + 1, end);
	*pp = p;
	return p < end && *p != ']';
}

static const char *
ps_player(struct push_scan *ps, const char *p, const char *end, struct sr_player_fields *pl)
{
	int i;

	pl->obj = *p == '{';
	for (i = 0; i < PL_N; i++)
		pl->f[i].t = PV_NONE;
	return ps_sub(ps, p, end, player_names, PL_N, pl->f, NULL);
}

static const char *
walk_heartbeat(struct push_scan *ps, const char *p, const char *end)
{
	return ps_sub(ps, p, end, interval_name, 1, &ps->m.interval, NULL);
}

static const char *
walk_meta(struct push_scan *ps, const char *p, const char *end)
{
	return ps_sub(ps, p, end, meta_names, M_N, ps->m.meta, NULL);
}

static const char *
walk_home(struct push_scan *ps, const char *p, const char *end)
{
	return ps_sub(ps, p, end, team_names, T_N, ps->m.team[0], NULL);
}

static const char *
walk_away(struct push_scan *ps, const char *p, const char *end)
{
	return ps_sub(ps, p, end, team_names, T_N, ps->m.team[1], NULL);
}

static const char *
walk_game(struct push_scan *ps, const char *p, const char *end)
{
	static const ps_walk walks[G_N] = { NULL, walk_home, walk_away };

	return ps_sub(ps, p, end, game_names, G_N, ps->m.game, walks);
}

static const char *
push_walk_period(struct push_scan *ps, const char *p, const char *end)
{
	return ps_sub(ps, p, end, period_names, PD_N, ps->m.event.period, NULL);
}

static const char *
walk_attribution(struct push_scan *ps, const char *p, const char *end)
{
	return ps_sub(ps, p, end, id_name, 1, &ps->m.event.attribution_id, NULL);
}

static const char *
walk_location(struct push_scan *ps, const char *p, const char *end)
{
	return ps_sub(ps, p, end, coord_names, 2, ps->m.event.coord, NULL);
}

static const char *
walk_players(struct push_scan *ps, const char *p, const char *end)
{
	struct sr_event_fields *f = &ps->m.event;
	int s = ps->side;

	if (*p != '[')
		return json_skip_value(p, end);
	f->nplayers[s] = 0;
	for (p++; ps_element(&p, end); f->nplayers[s]++)
		if (f->nplayers[s] >= SR_PLAYERS_MAX ||
		    (p = ps_player(ps, p, end, &f->oc[s][f->nplayers[s]])) == NULL)
			return NULL;
	return p < end ? p + 1 : NULL;
}

static const char *
walk_side(struct push_scan *ps, const char *p, const char *end, int s)
{
	static const ps_walk walks[1] = { walk_players };
	struct pv players;

	ps->side = s;
	return ps_sub(ps, p, end, players_name, 1, &players, walks);
}

static const char *
walk_side_home(struct push_scan *ps, const char *p, const char *end)
{
	return walk_side(ps, p, end, 0);
}

static const char *
walk_side_away(struct push_scan *ps, const char *p, const char *end)
{
	return walk_side(ps, p, end, 1);
}

/* event.on_court: only compared when it is byte for byte the one the
 * context kept (a complete value: the same bytes end where it ends). */
static const char *
walk_on_court(struct push_scan *ps, const char *p, const char *end)
{
	static const ps_walk walks[2] = { walk_side_home, walk_side_away };
	const struct sportradar_ctx *c = ps->c;
	struct pv side[2];

	if (*p == '{' && c->oc_len != 0 && (size_t)(end - p) >= c->oc_len &&
	    memcmp(p, c->oc_text, c->oc_len) == 0) {
		ps->m.event.oc_kept = true;
		return p + c->oc_len;
	}
	return ps_sub(ps, p, end, side_names, 2, side, walks);
}

/* qualifiers: strings, or objects with a qualifier (qualifiers_tree). */
static const char *
walk_qualifiers(struct push_scan *ps, const char *p, const char *end)
{
	struct pv name;

	if (*p != '[')
		return json_skip_value(p, end);
	for (p++; ps_element(&p, end);) {
		name.t = PV_NONE;
		if (*p == '"')
			p = pv_scalar(ps, p, end, &name);
		else
			p = ps_sub(ps, p, end, qualifier_name, 1, &name, NULL);
		if (p == NULL)
			return NULL;
		if (name.t == PV_STRING)
			ps->m.event.qualifiers |= qualifier_bit(name.s);
	}
	return p < end ? p + 1 : NULL;
}

static const char *
walk_stat_team(struct push_scan *ps, const char *p, const char *end)
{
	return ps_sub(ps, p, end, id_name, 1, &ps->m.event.stat[ps->m.event.nstats].team_id, NULL);
}

static const char *
walk_stat_player(struct push_scan *ps, const char *p, const char *end)
{
	return ps_player(ps, p, end, &ps->m.event.stat[ps->m.event.nstats].player);
}

static const char *
walk_statistics(struct push_scan *ps, const char *p, const char *end)
{
	static const ps_walk walks[ST_N] = { [ST_TEAM] = walk_stat_team,
		[ST_PLAYER] = walk_stat_player };
	struct sr_event_fields *f = &ps->m.event;
	struct sr_stat_fields *st;
	int i;

	if (*p != '[')
		return json_skip_value(p, end);
	for (p++; ps_element(&p, end); f->nstats++) {
		if (f->nstats >= SR_STATS_MAX)
			return NULL;
		st = &f->stat[f->nstats];
		st->team_id.t = PV_NONE;
		st->player.obj = false;
		for (i = 0; i < PL_N; i++)
			st->player.f[i].t = PV_NONE;
		for (i = 0; i < ST_N; i++)
			st->f[i].t = PV_NONE;
		if ((p = ps_sub(ps, p, end, stat_names, ST_N, st->f, walks)) == NULL)
			return NULL;
	}
	return p < end ? p + 1 : NULL;
}

static const char *
push_walk_event(struct push_scan *ps, const char *p, const char *end)
{
	static const ps_walk walks[E_N] = { [E_PERIOD] = push_walk_period,
		[E_ATTRIBUTION] = walk_attribution, [E_LOCATION] = walk_location,
		[E_ON_COURT] = walk_on_court, [E_QUALIFIERS] = walk_qualifiers,
		[E_STATISTICS] = walk_statistics };

	return ps_sub(ps, p, end, event_names, E_N, ps->m.event.f, walks);
}

static const char *
walk_payload(struct push_scan *ps, const char *p, const char *end)
{
	static const ps_walk walks[P_N] = { walk_game, push_walk_event };

	return ps_sub(ps, p, end, payload_names, P_N, ps->m.payload, walks);
}

static void
pv_none(struct pv *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		v[i].t = PV_NONE;
}

/* The text's one object, checked whole as ps_read needs it: its first
 * byte, or NULL to decline (not an object, a NUL, bad JSON). */
static const char *
ps_begin(struct push_scan *ps, const struct sportradar_ctx *c, const char *text, size_t len)
{
	size_t i = 0;

	while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
		i++;
	if (i == len || text[i] != '{' || memchr(text, '\0', len) != NULL ||
	    json_scan_check(text, len, PUSH_SCAN_DEPTH) != JSON_SCAN_OK)
		return NULL;
	ps->c = c;
	ps->text_len = 0;
	return text + i;
}

/* An event's fields before its walk: nothing read yet. */
static void
ps_event_none(struct sr_event_fields *f)
{
	pv_none(f->f, E_N);
	pv_none(f->period, PD_N);
	pv_none(&f->attribution_id, 1);
	pv_none(f->coord, 2);
	f->qualifiers = 0;
	f->nstats = 0;
	f->nplayers[0] = f->nplayers[1] = -1;
	f->stat_list = f->player_list[0] = f->player_list[1] = NULL;
	f->scanned = true;
	f->oc_kept = false;
}

/* Everything the line holds that the push path reads; false: decline. */
static bool
ps_read(struct push_scan *ps, const struct sportradar_ctx *c, const char *line, size_t len)
{
	static const ps_walk walks[R_N] = { walk_heartbeat, walk_payload, walk_meta, NULL };
	struct push_fields *m = &ps->m;
	const char *p = ps_begin(ps, c, line, len);

	if (p == NULL)
		return false;
	pv_none(m->payload, P_N);
	pv_none(m->meta, M_N);
	pv_none(m->game, G_N);
	pv_none(m->team[0], T_N);
	pv_none(m->team[1], T_N);
	pv_none(&m->interval, 1);
	ps_event_none(&m->event);
	return ps_object(ps, p, line + len, root_names, R_N, m->root, walks) != NULL;
}

/*
 * An event object of pbp.json, its text alone (sportradar_pbp_feed's),
 * read by the walker of a push line's event, declining where ps_read
 * would (walk_event then reads it with json-c).  Its members are a push
 * event's, and a few more that neither path reads (home_points,
 * attempt...); the period is the enclosing one.  true: read and walked.
 */
static bool
pbp_event_scan(struct pbp_walk *w, const char *text, size_t len, size_t j)
{
	struct push_scan ps;
	const char *p = ps_begin(&ps, w->c, text, len);

	if (p == NULL)
		return false;
	ps_event_none(&ps.m.event);
	if (push_walk_event(&ps, p, text + len) == NULL)
		return false;
	if (w->scanned != NULL)
		(*w->scanned)++;
	if (w->period.sequence != 0)
		walk_fields(w, &ps.m.event, j);
	return true;
}

int
sportradar_parse_push_scan(struct sportradar_ctx *c, const char *line, size_t len,
    struct sportradar_push_info *info)
{
	struct push_scan ps;
	struct sportradar_push_info dummy;

	if (info == NULL)
		info = &dummy;
	if (line == NULL || len == 0 || !ps_read(&ps, c, line, len))
		return -1;
	push_info_init(info);
	info->kind = push_apply(c, &ps.m, info);
	return 0;
}

enum sportradar_push_kind
sportradar_parse_push_tree(struct sportradar_ctx *c, const char *line, size_t len,
    struct sportradar_push_info *info)
{
	struct sportradar_push_info dummy;

	if (info == NULL)
		info = &dummy;
	push_info_init(info);
	info->kind = push_tree(c, line, len, info);
	return info->kind;
}

enum sportradar_push_kind
sportradar_parse_push(struct sportradar_ctx *c, const char *line, size_t len,
    struct sportradar_push_info *info)
{
	struct sportradar_push_info dummy;

	if (info == NULL)
		info = &dummy;
	if (sportradar_parse_push_scan(c, line, len, info) == 0)
		return info->kind;
	return sportradar_parse_push_tree(c, line, len, info);
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

int
sportradar_parse_recorded(struct sportradar_ctx *c, const char *channel,
    const char *data, size_t len)
{
	char path[512], *q;

	if (channel == NULL)
		return -1;
	if (strcmp(channel, "push") == 0)
		return sportradar_parse_push(c, data, len, NULL) == SR_PUSH_SKIPPED ? -1 : 0;
	if (strncmp(channel, "rest:", 5) != 0)
		return -1;
	cs_strlcpy(path, channel + 5, sizeof path);
	q = strchr(path, '?');
	if (q != NULL)
		*q = '\0';
	if (ends_with(path, "pbp.json"))
		return sportradar_parse_pbp(c, data, len) < 0 ? -1 : 0;
	if (ends_with(path, "summary.json"))
		return sportradar_parse_summary(c, data, len);
	return -1;
}

int
sportradar_rest_url(char *buf, size_t size, const char *base, const char *league,
    const char *access, const char *game_id, const char *doc)
{
	size_t n;
	int w;

	n = strlen(base);
	while (n > 0 && base[n - 1] == '/')
		n--;
	w = snprintf(buf, size, "%.*s/%s/%s/v8/en/games/%s/%s", (int)n, base,
	    league, access, game_id, doc);
	return w < 0 || (size_t)w >= size ? -1 : 0;
}

/* --- the replay entry point (providers/parser.h) --- */

static void *
parser_create(const struct cs_sink *sink)
{
	struct sportradar_ctx *c = malloc(sizeof *c);

	if (c != NULL)
		sportradar_ctx_init(c, sink, NULL);
	return c;
}

static void
parser_destroy(void *state)
{
	free(state);
}

static int
parser_message(void *state, const char *channel, const char *data, size_t len)
{
	return sportradar_parse_recorded(state, channel, data, len);
}

const struct provider_parser sportradar_parser = {
	.name = "sportradar",
	.create = parser_create,
	.destroy = parser_destroy,
	.message = parser_message,
};
