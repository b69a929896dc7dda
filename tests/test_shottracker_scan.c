/*
 * The ShotTracker frame scanner against the json-c path (issue 20): every
 * frame is parsed twice, once as sent (the scanner reads a details, stats
 * or shots frame in the usual form) and once behind a leading space (which
 * no scanner takes: json-c builds the tree), and everything each way sent
 * to the sink is compared field by field: events, deletes, published
 * totals, clocks, games, warnings, the frame info and the return code.
 *
 * json_tokener_new_ex is wrapped (-Wl,--wrap, tests/tests.mk) to count the
 * trees built, so the test also shows which way each frame went: the usual
 * frames must go through the scanner, the odd ones may go either way but
 * must come out the same.  Frames: a whole simulated game of each format
 * (quarters with overtimes, halves), hand-made odd ones (wrong types, huge
 * numbers, control characters, unknown keys, escapes, duplicate keys) and
 * 20,000 deterministic mutations of real frames.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "providers/json_scan.h"
#include "providers/shottracker.h"
#include "sim/simgame.h"
#include "tap.h"
#include "util.h"

#define MAXR 16
#define FRAME_BYTES 8192
#define MUTATIONS 20000

__attribute__((format(printf, 1, 2)))
static void
diag(const char *fmt, ...)
{
	char line[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	tap_diag(line);
}

/* --- the trees json-c builds (tests/tests.mk wraps the call) --- */

json_tokener *__real_json_tokener_new_ex(int depth);
json_tokener *__wrap_json_tokener_new_ex(int depth);

static int trees;

json_tokener *
__wrap_json_tokener_new_ex(int depth)
{
	trees++;
	return __real_json_tokener_new_ex(depth);
}

/* --- what one parse sent to the sink --- */

struct rec {
	int nev, ndel, npub, nclock, ngame, nwarn, npos;
	struct cs_event ev[MAXR];
	char del[MAXR][CS_ID_MAX];
	struct cs_published_stats pub[MAXR];
	struct cs_clock clock[MAXR];
	struct cs_game_info game[MAXR];
	char warn[MAXR][256];
	struct cs_possession pos[MAXR];
	uint64_t sum;              /* of all but warnings, in order, past MAXR too */
};

/* Adds what was sent to r->sum. */
static void
r_sum(struct rec *r, int kind, const void *p, size_t len)
{
	r->sum = (r->sum ^ (uint64_t)kind) * 0x100000001b3u ^ cs_hash64(p, len);
}

static void
r_event(void *ctx, const struct cs_event *ev)
{
	struct rec *r = ctx;

	if (r->nev < MAXR)
		r->ev[r->nev] = *ev;
	r->nev++;
	r_sum(r, 1, ev, sizeof *ev);
}

static void
r_delete(void *ctx, const char *id)
{
	struct rec *r = ctx;

	if (r->ndel < MAXR)
		snprintf(r->del[r->ndel], CS_ID_MAX, "%s", id);
	r->ndel++;
	r_sum(r, 2, id, strlen(id));
}

static void
r_pub(void *ctx, const struct cs_published_stats *p)
{
	struct rec *r = ctx;

	if (r->npub < MAXR)
		r->pub[r->npub] = *p;
	r->npub++;
	r_sum(r, 3, p, sizeof *p);
}

static void
r_clock(void *ctx, const struct cs_clock *ck)
{
	struct rec *r = ctx;

	if (r->nclock < MAXR)
		r->clock[r->nclock] = *ck;
	r->nclock++;
}

static void
r_game(void *ctx, const struct cs_game_info *g)
{
	struct rec *r = ctx;

	if (r->ngame < MAXR)
		r->game[r->ngame] = *g;
	r->ngame++;
}

static void
r_warn(void *ctx, const char *m)
{
	struct rec *r = ctx;

	if (r->nwarn < MAXR)
		snprintf(r->warn[r->nwarn], sizeof r->warn[0], "%s", m);
	r->nwarn++;
}

static void
r_possession(void *ctx, const struct cs_possession *p)
{
	struct rec *r = ctx;

	if (r->npos < MAXR)
		r->pos[r->npos] = *p;
	r->npos++;
	r_sum(r, 4, p, sizeof *p);
}

/* Two parsers fed the same frames, one each way. */
struct pair {
	struct shottracker_ctx c[2];
	struct rec r[2];
};

static void
pair_init(struct pair *p, const char *game, const char *roster[2])
{
	struct cs_sink s;
	int i, k;

	memset(p, 0, sizeof *p);
	for (i = 0; i < 2; i++) {
		memset(&s, 0, sizeof s);
		s.ctx = &p->r[i];
		s.event = r_event;
		s.delete_event = r_delete;
		s.published = r_pub;
		s.clock = r_clock;
		s.game = r_game;
		s.warning = r_warn;
		s.possession = r_possession;
		shottracker_ctx_init(&p->c[i], &s, NULL);
		shottracker_parse_game(&p->c[i], game, strlen(game));
		for (k = 0; k < 2 && roster != NULL; k++)
			if (roster[k] != NULL)
				shottracker_parse_roster(&p->c[i], roster[k], strlen(roster[k]));
	}
}

static void
pair_free(struct pair *p)
{
	shottracker_ctx_free(&p->c[0]);
	shottracker_ctx_free(&p->c[1]);
}

/* Where the two ways differ, said in `why`; "" when they do not. */
static void
differ_events(const struct rec *a, const struct rec *b, char *why, size_t size)
{
	const struct cs_event *x, *y;
	int i, n = a->nev < MAXR ? a->nev : MAXR;

	for (i = 0; i < n && why[0] == '\0'; i++) {
		x = &a->ev[i];
		y = &b->ev[i];
		if (strcmp(x->id, y->id) != 0)
			snprintf(why, size, "event %d id %.60s / %.60s", i, x->id, y->id);
		else if (x->type != y->type || x->side != y->side || x->sequence != y->sequence ||
		    x->number != y->number || x->clock != y->clock || x->wall_ms != y->wall_ms)
			snprintf(why, size, "event %.60s: type %d/%d side %d/%d seq %lld/%lld "
			    "number %d/%d clock %d/%d", x->id, x->type, y->type, x->side, y->side,
			    (long long)x->sequence, (long long)y->sequence, x->number, y->number,
			    x->clock, y->clock);
		else if (memcmp(&x->period, &y->period, sizeof x->period) != 0)
			snprintf(why, size, "event %.60s: period %d / %d", x->id, x->period.sequence,
			    y->period.sequence);
		else if (strcmp(x->provider_type, y->provider_type) != 0 ||
		    strcmp(x->description, y->description) != 0)
			snprintf(why, size, "event %.60s: type '%.60s'/'%.60s' description '%.60s'/'%.60s'", x->id,
			    x->provider_type, y->provider_type, x->description, y->description);
		else if (x->has_location != y->has_location || x->x != y->x || x->y != y->y)
			snprintf(why, size, "event %.60s: location %d,%d / %d,%d", x->id, x->x, x->y,
			    y->x, y->y);
		else if (x->corrected != y->corrected || x->timeouts_remaining != y->timeouts_remaining)
			snprintf(why, size, "event %.60s: corrected %d/%d timeouts %d/%d", x->id,
			    x->corrected, y->corrected, x->timeouts_remaining, y->timeouts_remaining);
		else if (x->nstats != y->nstats ||
		    memcmp(x->stats, y->stats, sizeof x->stats) != 0)
			snprintf(why, size, "event %.60s: %d / %d statistics, or they differ", x->id,
			    x->nstats, y->nstats);
		else if (memcmp(x, y, sizeof *x) != 0)
			snprintf(why, size, "event %.60s: some other byte differs", x->id);
	}
}

/* Warnings alike: json-c's "truncated JSON (N bytes)" counts the space the
 * second way puts before the frame. */
static bool
warn_same(const char *a, const char *b)
{
	const char *t = "truncated JSON (", *x = strstr(a, t), *y = strstr(b, t);

	if (x != NULL && y != NULL && x - a == y - b)
		return strncmp(a, b, (size_t)(x - a)) == 0;
	return strcmp(a, b) == 0;
}

static void
differ(const struct pair *p, int rc0, int rc1, const struct shottracker_frame_info *i0,
    const struct shottracker_frame_info *i1, char *why, size_t size)
{
	const struct rec *a = &p->r[0], *b = &p->r[1];
	const struct shottracker_ctx *c = &p->c[0], *d = &p->c[1];
	int i;

	why[0] = '\0';
	if (rc0 != rc1)
		snprintf(why, size, "returns %d / %d", rc0, rc1);
	else if (a->nev != b->nev || a->ndel != b->ndel || a->npub != b->npub ||
	    a->nclock != b->nclock || a->ngame != b->ngame || a->nwarn != b->nwarn ||
	    a->npos != b->npos)
		snprintf(why, size, "sent ev %d/%d del %d/%d pub %d/%d clock %d/%d game %d/%d "
		    "warn %d/%d (%.60s / %.60s) possessions %d/%d", a->nev, b->nev, a->ndel, b->ndel,
		    a->npub, b->npub, a->nclock, b->nclock, a->ngame, b->ngame, a->nwarn, b->nwarn,
		    a->nwarn > 0 ? a->warn[0] : "", b->nwarn > 0 ? b->warn[0] : "", a->npos,
		    b->npos);
	else if (i0->frames != i1->frames || i0->source != i1->source ||
	    strcmp(i0->source_name, i1->source_name) != 0 || i0->has_seq != i1->has_seq ||
	    i0->seq != i1->seq || i0->min_seq != i1->min_seq || i0->stale != i1->stale ||
	    i0->game_end != i1->game_end)
		snprintf(why, size, "info: frames %d/%d source %d/%d '%.60s'/'%.60s' seq %d:%lld/%d:%lld "
		    "min %lld/%lld stale %d/%d", i0->frames, i1->frames, i0->source, i1->source,
		    i0->source_name, i1->source_name, i0->has_seq, (long long)i0->seq, i1->has_seq,
		    (long long)i1->seq, (long long)i0->min_seq, (long long)i1->min_seq, i0->stale,
		    i1->stale);
	if (why[0] != '\0')
		return;
	differ_events(a, b, why, size);
	for (i = 0; i < a->nwarn && i < MAXR && why[0] == '\0'; i++)
		if (!warn_same(a->warn[i], b->warn[i]))
			snprintf(why, size, "warning '%.60s' / '%.60s'", a->warn[i], b->warn[i]);
	for (i = 0; i < a->ndel && i < MAXR && why[0] == '\0'; i++)
		if (strcmp(a->del[i], b->del[i]) != 0)
			snprintf(why, size, "delete %.60s / %.60s", a->del[i], b->del[i]);
	for (i = 0; i < a->npub && i < MAXR && why[0] == '\0'; i++)
		if (memcmp(&a->pub[i], &b->pub[i], sizeof a->pub[i]) != 0)
			snprintf(why, size, "published line of %.60s/%.60s v%lld/%lld, or its values",
			    a->pub[i].player_id, b->pub[i].player_id, (long long)a->pub[i].version,
			    (long long)b->pub[i].version);
	for (i = 0; i < a->nclock && i < MAXR && why[0] == '\0'; i++)
		if (memcmp(&a->clock[i], &b->clock[i], sizeof a->clock[i]) != 0)
			snprintf(why, size, "clock %d / %d", a->clock[i].clock, b->clock[i].clock);
	for (i = 0; i < a->npos && i < MAXR && why[0] == '\0'; i++)
		if (memcmp(&a->pos[i], &b->pos[i], sizeof a->pos[i]) != 0)
			snprintf(why, size, "possession %.60s / %.60s: points %d/%d fga %d/%d shot "
			    "clock %d/%d passes %d/%d, or another field", a->pos[i].id, b->pos[i].id,
			    a->pos[i].points, b->pos[i].points, a->pos[i].fga, b->pos[i].fga,
			    a->pos[i].shot_clock, b->pos[i].shot_clock, a->pos[i].passes,
			    b->pos[i].passes);
	for (i = 0; i < a->ngame && i < MAXR && why[0] == '\0'; i++)
		if (memcmp(&a->game[i], &b->game[i], sizeof a->game[i]) != 0)
			snprintf(why, size, "game header %d", i);
	if (why[0] == '\0' && a->sum != b->sum)
		snprintf(why, size, "a record past the first %d of a kind differs", MAXR);
	if (why[0] == '\0' && (c->last_timestamp != d->last_timestamp ||
	    c->halves != d->halves || c->warnings != d->warnings || c->game_over != d->game_over ||
	    memcmp(&c->last_period, &d->last_period, sizeof c->last_period) != 0 ||
	    memcmp(&c->info, &d->info, sizeof c->info) != 0))
		snprintf(why, size, "parser state: last timestamp %lld/%lld halves %d/%d",
		    (long long)c->last_timestamp, (long long)d->last_timestamp, c->halves, d->halves);
}

/* One frame both ways: 1 when alike; *tree whether the first way (the
 * frame as sent) built a json-c tree.  `why` says how they differ. */
static int
both_ways(struct pair *p, const char *frame, size_t len, bool *tree, char *why, size_t size)
{
	static char spaced[FRAME_BYTES + 2];
	struct shottracker_frame_info i0, i1;
	int rc0, rc1, t;

	if (len > FRAME_BYTES) {
		snprintf(why, size, "test frame too long");
		return 0;
	}
	memset(p->r, 0, sizeof p->r);
	t = trees;
	rc0 = shottracker_parse_frame(&p->c[0], frame, len, &i0);
	*tree = trees != t;
	spaced[0] = ' ';
	memcpy(spaced + 1, frame, len);
	t = trees;
	rc1 = shottracker_parse_frame(&p->c[1], spaced, len + 1, &i1);
	if (trees == t) {
		snprintf(why, size, "the spaced frame did not go to json-c");
		return 0;
	}
	differ(p, rc0, rc1, &i0, &i1, why, size);
	return why[0] == '\0';
}

static bool
clock_source(const char *json)
{
	return strncmp(json, "{\"source\":\"clock\"", 17) == 0;
}

static bool
usual_source(const char *json)
{
	return strncmp(json, "{\"source\":\"details\"", 19) == 0 ||
	    strncmp(json, "{\"source\":\"stats\"", 17) == 0 ||
	    strncmp(json, "{\"source\":\"shots\"", 17) == 0 ||
	    strncmp(json, "{\"source\":\"possessions\"", 23) == 0;
}

/* --- a whole simulated game --- */

static void
test_game(const char *name, const struct sim_options *opt)
{
	struct sim_game *g = sim_game_generate(opt);
	const struct sim_msg *msgs;
	const char *roster[2];
	char *game, *ros[2], why[512] = "";
	struct pair p;
	size_t n, i, alike = 0, usual = 0, scanned = 0, bad = 0;
	bool tree;

	if (g == NULL) {
		ok(0, "%s: the simulator made a game", name);
		return;
	}
	game = sim_game_st_event(g, 0);
	ros[0] = sim_game_st_roster(g, CS_HOME);
	ros[1] = sim_game_st_roster(g, CS_AWAY);
	roster[0] = ros[0];
	roster[1] = ros[1];
	pair_init(&p, game, roster);
	n = sim_game_st_stream(g, &msgs);
	for (i = 0; i < n; i++) {
		if (both_ways(&p, msgs[i].json, strlen(msgs[i].json), &tree, why, sizeof why))
			alike++;
		else if (bad++ == 0)
			diag("%s frame %zu differs: %s: %.200s", name, i, why, msgs[i].json);
		if (usual_source(msgs[i].json) && strchr(msgs[i].json, '\\') == NULL) {
			usual++;
			scanned += !tree;
		}
	}
	is_int((int)alike, (int)n, "%s: all %zu frames alike both ways", name, n);
	ok(usual > 100 && scanned == usual, "%s: the %zu usual details, stats, shots and "
	    "possessions frames went through the scanner (%zu did)", name, usual, scanned);
	pair_free(&p);
	free(game);
	free(ros[0]);
	free(ros[1]);
	sim_game_free(&g);
}

/* --- hand-made odd frames --- */

#define GAME "{\"id\":\"g1\",\"home_team_id\":488,\"away_team_id\":\"399\"," \
	"\"game_type\":\"QUARTER\",\"status\":\"ACTIVE\",\"results\":[]}"

/* A details frame: the usual item with the members in `extra` in place of
 * those of the same name (a name alone, without a value, takes one out);
 * DUP_ITEM puts them in beside the usual ones.  POSS and DUP_POSS: the same
 * with a possessions frame.  Made by item_frame. */
#define ITEM(extra) "\x01" extra
#define DUP_ITEM(extra) "\x02" extra
#define POSS(extra) "\x03" extra
#define DUP_POSS(extra) "\x04" extra

static const char *const item_usual[] = {
	"\"type\":\"ACTUAL\"", "\"timestamp\":1742326212936", "\"teamId\":\"399\"",
	"\"stats\":{\"FGA\":1,\"FG\":1,\"PTS\":2}", "\"gameClock\":\"11:55.0\"",
	"\"period\":\"Q1\"", "\"playerX\":178", "\"playerY\":-11836",
	"\"classification\":\"TWO_POINT_MAKE\"", "\"description\":\"Wright makes a two\"",
	"\"baseStats\":\"FG\"", "\"key\":{\"actorId\":\"3485\",\"timestamp\":1742326212936}",
	"\"act\":\"PLAYER\"", "\"pid\":\"3485\"", "\"corrected\":false",
};

#define ITEM_USUAL_N (sizeof item_usual / sizeof item_usual[0])

static const char *const poss_usual[] = {
	"\"teamId\":\"399\"",
	"\"_locations\":\"https://api.shottracker.com/v1/data/sensors/locations?id=4f17&from=1&to=2\"",
	"\"start_timestamp\":1742326207936", "\"end_timestamp\":1742326212936",
	"\"start_game_clock\":\"12:00.0\"", "\"end_game_clock\":\"11:55.0\"", "\"period\":\"Q1\"",
	"\"player_ids\":[3485,7943,8914,6545,9359]",
	"\"opposing_player_ids\":[4341,9319,3891,7048,9874]",
	"\"stats\":[{\"timestamp\":1742326212936,\"game_clock\":\"11:55.0\",\"shot_clock\":\"19.0\","
	    "\"possession_type\":\"FGA\",\"details\":[\"FGA\",\"FG\"],\"player_id\":3485,"
	    "\"shot_attributes\":{\"shot_distance_cm\":90.5,\"x\":178,\"y\":-11836,\"z\":0,"
	    "\"zone\":3,\"advanced_zone\":7,\"is_3point\":false}}]",
	"\"possession_attributes\":{\"turnover\":0,\"passes\":3,\"half_court\":true,"
	    "\"paint_touch\":true,\"ball_reversals\":2,\"ball_screens\":1,"
	    "\"ball_screens_left_wing\":1,\"ball_screens_pick_n_roll\":1}",
};

/* The usual data of each kind of odd case, and the envelope before it. */
static const struct usual {
	const char *envelope;
	const char *const *members;
	size_t n;
} usuals[] = {
	{ "{\"source\":\"details\",\"seq\":6,\"timestamp\":1742326212936,\"data\":{",
	    item_usual, ITEM_USUAL_N },
	{ "{\"source\":\"possessions\",\"seq\":7,\"timestamp\":1742326212936,\"data\":{",
	    poss_usual, sizeof poss_usual / sizeof poss_usual[0] },
};

/* The name of the member at `m` (its quoted key) and its length. */
static size_t
member_key(const char *m)
{
	const char *q = strchr(m + 1, '"');

	return q != NULL ? (size_t)(q - m + 1) : 0;
}

/* The members of `extra` (",m1,m2"), split at the commas between them. */
static size_t
split_members(const char *extra, const char *start[], size_t len[], size_t max)
{
	const char *p = extra;
	size_t n = 0;
	int depth = 0;
	bool in_string = false;

	if (*p == ',')
		p++;
	start[0] = p;
	for (; *p != '\0' && n < max; p++) {
		if (in_string) {
			if (*p == '\\' && p[1] != '\0')
				p++;
			else if (*p == '"')
				in_string = false;
		} else if (*p == '"') {
			in_string = true;
		} else if (*p == '{' || *p == '[') {
			depth++;
		} else if (*p == '}' || *p == ']') {
			depth--;
		} else if (*p == ',' && depth == 0) {
			len[n] = (size_t)(p - start[n]);
			start[++n] = p + 1;
		}
	}
	if (n < max && p > start[n]) {
		len[n] = (size_t)(p - start[n]);
		n++;
	}
	return n;
}

static void
append(char *buf, size_t size, size_t *at, const char *s, size_t n)
{
	if (*at + n + 1 < size) {
		memcpy(buf + *at, s, n);
		*at += n;
		buf[*at] = '\0';
	}
}

/* The frame an odd case stands for, into buf. */
static const char *
item_frame(const char *spec, char *buf, size_t size)
{
	const struct usual *u;
	const char *start[16], *m;
	size_t len[16], n, i, k, at = 0, kl;
	bool replaced[16] = { false }, dup;

	if (spec[0] < '\x01' || spec[0] > '\x04')
		return spec;
	u = &usuals[(spec[0] - 1) / 2];
	dup = (spec[0] - 1) % 2 == 1;
	n = split_members(spec + 1, start, len, 16);
	buf[0] = '\0';
	append(buf, size, &at, u->envelope, strlen(u->envelope));
	for (i = 0; i < u->n; i++) {
		m = u->members[i];
		kl = member_key(m);
		for (k = 0; !dup && k < n; k++)
			if (member_key(start[k]) == kl && strncmp(start[k], m, kl) == 0)
				break;
		if (!dup && k < n) {
			replaced[k] = true;
			if (len[k] == kl)
				continue;   /* a name alone: taken out */
			m = start[k];
			kl = len[k];
		} else {
			kl = strlen(m);
		}
		if (buf[at - 1] != '{')
			append(buf, size, &at, ",", 1);
		append(buf, size, &at, m, kl);
	}
	for (k = 0; k < n; k++)
		if (!replaced[k] && len[k] > member_key(start[k])) {
			append(buf, size, &at, ",", 1);
			append(buf, size, &at, start[k], len[k]);
		}
	append(buf, size, &at, "}}", 2);
	return buf;
}

#define LINE(extra) "{\"source\":\"stats\",\"timestamp\":1742326212936,\"data\":{" \
	"\"team_id\":399,\"player_id\":3485,\"stats\":{\"FGA\":1,\"FG\":1,\"PTS\":2," \
	"\"REB\":0,\"TO\":0}" extra "}}"

#define TEN "abcdefghi "
#define HUNDRED TEN TEN TEN TEN TEN TEN TEN TEN TEN TEN

/* A frame, and whether the scanner must take it (1), must not (0), or
 * either (-1). */
static const struct odd {
	const char *name;
	const char *json;
	int scanned;
} odd[] = {
	{ "usual details frame", ITEM(""), 1 },
	{ "usual stats frame", LINE(",\"version\":3"), 1 },
	{ "usual shots frame", "{\"source\":\"shots\",\"seq\":9,\"data\":{\"pid\":\"3485\"}}", 1 },
	/* wrong types */
	{ "details: teamId true", ITEM(",\"teamId\":true"), -1 },
	{ "details: pid an object", ITEM(",\"pid\":{\"a\":1}"), -1 },
	{ "details: pid a fraction", ITEM(",\"pid\":3485.5"), 0 },
	{ "details: timestamps as strings", ITEM(",\"key\":{\"actorId\":1,\"timestamp\":\" 1742326212937 \"}"), -1 },
	{ "details: timestamp string with junk", ITEM(",\"key\":{\"actorId\":1,\"timestamp\":\"17x\"}"), -1 },
	{ "details: playerX an exponent", ITEM(",\"playerX\":1e3"), 0 },
	{ "details: playerX a string", ITEM(",\"playerX\":\"178\""), -1 },
	{ "details: stats as strings", ITEM(",\"stats\":{\"FGA\":\"1\",\"FG\":\" 1\",\"FGA3\":\"1\"}"), -1 },
	{ "details: stats an array", ITEM(",\"stats\":[1,2]"), -1 },
	{ "details: stats a string", ITEM(",\"stats\":\"FG\""), -1 },
	{ "details: negative and zero counts", ITEM(",\"stats\":{\"FGA\":-1,\"FG\":0,\"REB\":1}"), -1 },
	{ "details: PTS out of range", ITEM(",\"stats\":{\"FGA\":1,\"FG\":1,\"PTS\":4}"), -1 },
	{ "details: counts as fractions", ITEM(",\"stats\":{\"FGA\":1.0,\"FG\":1.0}"), 0 },
	{ "details: classification a number", ITEM(",\"classification\":7"), -1 },
	{ "details: period a number", ITEM(",\"period\":1"), -1 },
	{ "details: deleted as a string", ITEM(",\"deleted\":\"TRUE\""), -1 },
	{ "details: deleted as a number", ITEM(",\"deleted\":1"), -1 },
	{ "details: deleted", ITEM(",\"deleted\":true"), 1 },
	{ "details: a DELETED_ classification", ITEM(",\"classification\":\"DELETED_TWO_POINT_MAKE\""), 1 },
	{ "details: corrected", ITEM(",\"corrected\":true"), 1 },
	{ "details: no key (the actor is pid)", ITEM(",\"key\""), 1 },
	{ "details: no key, no pid (the actor is the team)", ITEM(",\"key\",\"pid\""), 1 },
	{ "details: no playerY", ITEM(",\"playerY\""), 1 },
	{ "details: no stats", ITEM(",\"stats\""), 1 },
	{ "details: a rebound, a turnover, fouls", ITEM(",\"classification\":\"OFFENSIVE_FOUL\","
	    "\"baseStats\":\"PF\",\"stats\":{\"REB\":1,\"OFFENSIVE_REB\":1,\"TO\":1,"
	    "\"PF\":1,\"FD\":1,\"TF\":1,\"AST\":1,\"STL\":1,\"BLK\":1,\"FTA\":1,\"FT\":1}"), 1 },
	{ "details: a three with points", ITEM(",\"stats\":{\"FGA3\":1,\"FG\":1,\"PTS\":3}"), 1 },
	{ "details: a made shot, PTS a string", ITEM(",\"stats\":{\"FGA\":1,\"FG\":1,\"PTS\":\"3\"}"), 1 },
	{ "details: key a string", ITEM(",\"key\":\"3485\""), -1 },
	{ "details: key null", ITEM(",\"key\":null"), -1 },
	{ "details: a team item", ITEM(",\"act\":\"team\",\"stats\":{\"REB\":1,\"TEAM_REB\":1}"), -1 },
	{ "details: a missed heave", ITEM(",\"classification\":\"HEAVE_MISS\",\"stats\":{\"FGA\":1}"), -1 },
	{ "details: a timeout with remaining", ITEM(",\"classification\":\"TIMEOUT\",\"baseStats\":\"TIMEOUT\",\"remaining\":3"), -1 },
	{ "details: halves", ITEM(",\"period\":\"H2\""), -1 },
	{ "details: overtime 3", ITEM(",\"period\":\"OT3\""), -1 },
	{ "details: overtime 12", ITEM(",\"period\":\"OT12\""), -1 },
	{ "details: Q5", ITEM(",\"period\":\"Q5\""), -1 },
	{ "details: no period", "{\"source\":\"details\",\"data\":{\"key\":{\"actorId\":1,\"timestamp\":5},\"baseStats\":\"FG\"}}", -1 },
	{ "details: no actor", "{\"source\":\"details\",\"data\":{\"timestamp\":5,\"baseStats\":\"FG\",\"period\":\"Q1\"}}", -1 },
	{ "details: no timestamp", "{\"source\":\"details\",\"data\":{\"pid\":5,\"baseStats\":\"FG\",\"period\":\"Q1\"}}", -1 },
	{ "details: no baseStats", "{\"source\":\"details\",\"data\":{\"pid\":5,\"timestamp\":5,\"period\":\"Q1\"}}", -1 },
	{ "details: bad baseStats", ITEM(",\"baseStats\":\"F G\""), -1 },
	{ "details: long baseStats", ITEM(",\"baseStats\":\"ABCDEFGHIJKLMNOPQRSTUVWXYZ\""), -1 },
	{ "details: an id with a slash", ITEM(",\"key\":{\"actorId\":\"a/b\",\"timestamp\":5}"), -1 },
	{ "details: an id too long", ITEM(",\"pid\":\"0123456789012345678901234567890123456789012345678901234567890123456789\""), -1 },
	/* huge numbers */
	{ "details: a 20-digit timestamp", ITEM(",\"key\":{\"actorId\":1,\"timestamp\":99999999999999999999}"), 0 },
	{ "details: an 18-digit pid", ITEM(",\"pid\":123456789012345678"), -1 },
	{ "details: a negative number pid, the actor", ITEM(",\"pid\":-42,\"key\""), 1 },
	{ "details: pid 0, the actor", ITEM(",\"pid\":0,\"key\""), 1 },
	{ "details: pid -0", ITEM(",\"pid\":-0,\"key\""), 1 },
	{ "details: a 19-digit pid", ITEM(",\"pid\":1234567890123456789"), 0 },
	{ "details: a negative huge pid", ITEM(",\"pid\":-9223372036854775809"), 0 },
	{ "details: a huge count", ITEM(",\"stats\":{\"FG\":99999999999999999999999}"), 0 },
	{ "details: a huge string count", ITEM(",\"stats\":{\"FG\":\"99999999999999999999999\"}"), -1 },
	{ "details: timestamp past the limit", ITEM(",\"key\":{\"actorId\":1,\"timestamp\":9007199254740993}"), -1 },
	/* control characters and odd bytes */
	{ "details: control characters in the description", ITEM(",\"description\":\"a\x01" "b\tc\x7f" "d\x1b[2J\""), -1 },
	{ "details: control characters in an id", ITEM(",\"pid\":\"34\x02" "85\""), -1 },
	{ "details: invalid UTF-8", ITEM(",\"description\":\"caf\xc3 \xff\""), -1 },
	{ "details: a long description", ITEM(",\"description\":\"" "0123456789012345678901234567890123456789012345678901234567890123456789"
	    "0123456789012345678901234567890123456789012345678901234567890123456789"
	    "0123456789012345678901234567890123456789012345678901234567890123456789\""), -1 },
	{ "details: a description too long to copy", ITEM(",\"description\":\"" HUNDRED HUNDRED
	    HUNDRED HUNDRED HUNDRED HUNDRED HUNDRED HUNDRED "\""), 0 },
	/* unknown keys */
	{ "details: unknown keys", ITEM(",\"x\":{\"y\":[1,{\"z\":\"w\"}],\"teamId\":5},\"q\":[]"), 1 },
	{ "envelope: unknown keys", "{\"source\":\"shots\",\"foo\":[{\"data\":1}],\"data\":{}}", 1 },
	/* escapes */
	{ "details: an escaped quote", ITEM(",\"description\":\"a \\\"b\\\" c\""), 0 },
	{ "details: an escaped key", ITEM(",\"te\\u0061mId\":\"488\""), 0 },
	{ "details: an escaped NUL", ITEM(",\"description\":\"a\\u0000b\""), 0 },
	{ "details: a lone surrogate", ITEM(",\"description\":\"\\ud800\""), 0 },
	/* duplicate keys: json-c keeps the last */
	{ "details: teamId twice", DUP_ITEM(",\"teamId\":\"488\""), 0 },
	{ "details: stats twice", DUP_ITEM(",\"stats\":{\"REB\":1}"), 0 },
	{ "details: FG twice in stats", ITEM(",\"stats\":{\"FG\":1,\"FG\":0}"), 0 },
	{ "details: an unknown key twice", DUP_ITEM(",\"zz\":1,\"zz\":2"), 1 },
	{ "envelope: data twice", "{\"source\":\"stats\",\"data\":{},\"data\":{\"team_id\":399,\"stats\":{}}}", 0 },
	{ "envelope: source twice", "{\"source\":\"stats\",\"source\":\"clock\",\"data\":{\"team_id\":399,\"stats\":{}}}", 0 },
	{ "envelope: seq twice", "{\"source\":\"shots\",\"seq\":3,\"seq\":2,\"data\":{}}", 0 },
	/* the envelope */
	{ "envelope: seq null", "{\"source\":\"shots\",\"seq\":null,\"data\":{}}", 1 },
	{ "envelope: sequence for seq", "{\"source\":\"shots\",\"sequence\":4,\"data\":{}}", 0 },
	{ "envelope: seq null, sequence", "{\"source\":\"shots\",\"seq\":null,\"sequence\":4,\"data\":{}}", 0 },
	{ "envelope: seq negative", "{\"source\":\"shots\",\"seq\":-1,\"data\":{}}", 0 },
	{ "envelope: seq a string", "{\"source\":\"shots\",\"seq\":\"7\",\"data\":{}}", -1 },
	{ "envelope: seq a fraction", "{\"source\":\"shots\",\"seq\":7.0,\"data\":{}}", 0 },
	{ "envelope: data an array", "{\"source\":\"stats\",\"data\":[]}", 0 },
	{ "envelope: data null", "{\"source\":\"stats\",\"data\":null}", 0 },
	{ "envelope: no data", "{\"source\":\"details\",\"seq\":3}", 0 },
	{ "envelope: Stats in capitals", "{\"source\":\"Stats\",\"data\":{\"team_id\":399,\"stats\":{}}}", 0 },
	{ "envelope: spaces and newlines", "{\"source\":\"stats\" ,\n\"data\" : { \"team_id\" : 399 ,\n \"stats\" : { \"FG\" : 1 } } }\n", 1 },
	{ "envelope: truncated", "{\"source\":\"stats\",\"data\":{\"team_id\":399,\"stats\":{\"FG\":1}", 0 },
	{ "envelope: garbage after", "{\"source\":\"stats\",\"data\":{\"team_id\":399,\"stats\":{}}} x", 0 },
	{ "envelope: a comment", "{\"source\":\"stats\",/* c */\"data\":{\"team_id\":399,\"stats\":{}}}", 0 },
	{ "envelope: an array of frames", "[{\"source\":\"stats\",\"data\":{\"team_id\":399,\"stats\":{}}}]", 0 },
	/* clock ticks (the exact matcher, then the clock scanner) */
	{ "clock: the usual tick", "{\"source\":\"clock\",\"timestamp\":1742326207936,\"data\":{"
	    "\"period\":\"Q1\",\"gameClock\":\"12:00.0\",\"shotClock\":\"24.0\",\"running\":true}}", 1 },
	{ "clock: stopped, overtime, timestamp 0, a newline after",
	    "{\"source\":\"clock\",\"timestamp\":0,\"data\":{\"period\":\"OT2\","
	    "\"gameClock\":\"0:04.2\",\"shotClock\":\"\",\"running\":false}}\r\n", 1 },
	{ "clock: halves", "{\"source\":\"clock\",\"timestamp\":5,\"data\":{\"period\":\"H2\","
	    "\"gameClock\":\"19:59.0\",\"shotClock\":\"29.0\",\"running\":true}}", 1 },
	{ "clock: no shot clock", "{\"source\":\"clock\",\"timestamp\":5,\"data\":{\"period\":\"Q2\","
	    "\"gameClock\":\"1:00.0\",\"running\":true}}", 1 },
	{ "clock: keys in another order", "{\"source\":\"clock\",\"data\":{\"running\":true,"
	    "\"gameClock\":\"1:00.0\",\"period\":\"Q2\"},\"timestamp\":5}", 1 },
	{ "clock: a timestamp with a leading zero", "{\"source\":\"clock\",\"timestamp\":0123,"
	    "\"data\":{\"period\":\"Q1\",\"gameClock\":\"1:00.0\",\"shotClock\":\"4.0\","
	    "\"running\":true}}", -1 },
	{ "clock: a fraction timestamp", "{\"source\":\"clock\",\"timestamp\":5.5,\"data\":{"
	    "\"period\":\"Q1\",\"gameClock\":\"1:00.0\",\"shotClock\":\"4.0\",\"running\":true}}", 1 },
	{ "clock: an escape", "{\"source\":\"clock\",\"timestamp\":5,\"data\":{\"period\":\"Q\\u0031\","
	    "\"gameClock\":\"1:00.0\",\"shotClock\":\"4.0\",\"running\":true}}", 0 },
	{ "clock: running twice", "{\"source\":\"clock\",\"timestamp\":5,\"data\":{\"period\":\"Q1\","
	    "\"gameClock\":\"1:00.0\",\"shotClock\":\"4.0\",\"running\":true,\"running\":false}}", 0 },
	{ "clock: running a string", "{\"source\":\"clock\",\"timestamp\":5,\"data\":{\"period\":\"Q1\","
	    "\"gameClock\":\"1:00.0\",\"shotClock\":\"4.0\",\"running\":\"true\"}}", 0 },
	{ "clock: a bad game clock", "{\"source\":\"clock\",\"timestamp\":5,\"data\":{\"period\":\"Q1\","
	    "\"gameClock\":\"soon\",\"shotClock\":\"4.0\",\"running\":true}}", 0 },
	{ "clock: Q5", "{\"source\":\"clock\",\"timestamp\":5,\"data\":{\"period\":\"Q5\","
	    "\"gameClock\":\"1:00.0\",\"shotClock\":\"4.0\",\"running\":true}}", 0 },
	{ "clock: control characters", "{\"source\":\"clock\",\"timestamp\":5,\"data\":{\"period\":\"Q1\","
	    "\"gameClock\":\"1:0\x01" "0.0\",\"shotClock\":\"4\x7f.0\",\"running\":true}}", -1 },
	{ "clock: garbage after", "{\"source\":\"clock\",\"timestamp\":5,\"data\":{\"period\":\"Q1\","
	    "\"gameClock\":\"1:00.0\",\"shotClock\":\"4.0\",\"running\":true}}}", 0 },
	/* stats lines */
	{ "stats: teamId over team_id", LINE(",\"teamId\":\"488\""), 1 },
	{ "stats: teamId null", LINE(",\"teamId\":null"), 1 },
	{ "stats: a team not in the game", "{\"source\":\"stats\",\"data\":{\"team_id\":7,\"stats\":{}}}", 1 },
	{ "stats: no team", "{\"source\":\"stats\",\"data\":{\"stats\":{}}}", 1 },
	{ "stats: no stats", "{\"source\":\"stats\",\"data\":{\"team_id\":399}}", 1 },
	{ "stats: stats null", "{\"source\":\"stats\",\"data\":{\"team_id\":399,\"stats\":null}}", 1 },
	{ "stats: playerId over player_id", LINE(",\"playerId\":\"7\""), 1 },
	{ "stats: version as a string", LINE(",\"version\":\"12\""), 1 },
	{ "stats: version negative", LINE(",\"version\":-3"), 1 },
	{ "stats: version a fraction", LINE(",\"version\":3.5"), 0 },
	{ "stats: a value out of range", "{\"source\":\"stats\",\"data\":{\"team_id\":399,\"stats\":{\"PTS\":100001,\"FG\":-1}}}", 1 },
	{ "stats: a value as a bool", "{\"source\":\"stats\",\"data\":{\"team_id\":399,\"stats\":{\"PTS\":true}}}", 1 },
	/* possessions: what the walker reads as it is, and what it refuses or
	 * reads otherwise (strings for numbers, fractions), left to it */
	{ "possessions: the usual possession", POSS(""), 1 },
	{ "possessions: a team of neither side", POSS(",\"teamId\":\"7\""), 1 },
	{ "possessions: teamId a number", POSS(",\"teamId\":488"), 1 },
	{ "possessions: no teamId", POSS(",\"teamId\""), 0 },
	{ "possessions: teamId empty", POSS(",\"teamId\":\"\""), 0 },
	{ "possessions: teamId null", POSS(",\"teamId\":null"), 0 },
	{ "possessions: teamId with a slash", POSS(",\"teamId\":\"3/9\""), 0 },
	{ "possessions: teamId a fraction", POSS(",\"teamId\":399.0"), 0 },
	{ "possessions: a start timestamp as a string", POSS(",\"start_timestamp\":\"1742326207936\""), 0 },
	{ "possessions: a start timestamp a fraction", POSS(",\"start_timestamp\":1742326207936.0"), 0 },
	{ "possessions: a negative start timestamp", POSS(",\"start_timestamp\":-5"), 0 },
	{ "possessions: a start timestamp null", POSS(",\"start_timestamp\":null"), 1 },
	{ "possessions: no timestamps", POSS(",\"start_timestamp\",\"end_timestamp\""), 1 },
	{ "possessions: a 19-digit timestamp", POSS(",\"end_timestamp\":1234567890123456789"), 0 },
	{ "possessions: a bad clock", POSS(",\"end_game_clock\":\"soon\""), 0 },
	{ "possessions: a clock as a number", POSS(",\"end_game_clock\":7"), 0 },
	{ "possessions: no clocks", POSS(",\"start_game_clock\",\"end_game_clock\""), 1 },
	{ "possessions: a clock with spaces", POSS(",\"start_game_clock\":\" 12:00.0 \""), 1 },
	{ "possessions: period H2", POSS(",\"period\":\"H2\""), -1 },
	{ "possessions: period OT1", POSS(",\"period\":\"OT1\""), 1 },
	{ "possessions: period Q9", POSS(",\"period\":\"Q9\""), -1 },
	{ "possessions: a period too long to keep", POSS(",\"period\":\"QUARTER1\""), 0 },
	{ "possessions: a period a number", POSS(",\"period\":1"), 0 },
	{ "possessions: no period", POSS(",\"period\""), 1 },
	{ "possessions: control characters in the period", POSS(",\"period\":\"Q\x01" "1\""), -1 },
	{ "possessions: six on court", POSS(",\"player_ids\":[1,2,3,4,5,6]"), 0 },
	{ "possessions: a null on court", POSS(",\"player_ids\":[1,null,3]"), 0 },
	{ "possessions: ids as strings", POSS(",\"player_ids\":[\"3485\",\"7943\",\"x-1\"]"), 1 },
	{ "possessions: an id with a space", POSS(",\"opposing_player_ids\":[\"a b\"]"), 0 },
	{ "possessions: an empty id", POSS(",\"opposing_player_ids\":[\"\"]"), 0 },
	{ "possessions: an id a fraction", POSS(",\"player_ids\":[1.5]"), 0 },
	{ "possessions: negative and zero ids", POSS(",\"player_ids\":[-7,0,-0]"), 1 },
	{ "possessions: an id too long", POSS(",\"player_ids\":[\"0123456789012345678901234567890123456789012345678901234567890123456789\"]"), 0 },
	{ "possessions: the five not an array", POSS(",\"player_ids\":\"3485\""), 0 },
	{ "possessions: nobody on court", POSS(",\"player_ids\":[],\"opposing_player_ids\":null"), 1 },
	{ "possessions: no attributes", POSS(",\"possession_attributes\""), 1 },
	{ "possessions: attributes null", POSS(",\"possession_attributes\":null"), 1 },
	{ "possessions: attributes an array", POSS(",\"possession_attributes\":[]"), 0 },
	{ "possessions: negative passes", POSS(",\"possession_attributes\":{\"passes\":-1}"), 0 },
	{ "possessions: passes as a string", POSS(",\"possession_attributes\":{\"passes\":\"3\"}"), 0 },
	{ "possessions: passes past the limit", POSS(",\"possession_attributes\":{\"passes\":10001}"), 0 },
	{ "possessions: a turnover, every screen", POSS(",\"possession_attributes\":{\"turnover\":1,"
	    "\"ball_screens\":17,\"ball_screens_pick_n_pop\":1,\"ball_screens_pick_n_short_roll\":1,"
	    "\"ball_screens_screened_shot\":1,\"ball_screens_handoff\":1,\"ball_screens_drag\":1,"
	    "\"ball_screens_pop\":1,\"ball_screens_roll\":1,\"ball_screens_slip\":1,"
	    "\"ball_screens_short_roll\":1,\"ball_screens_reject\":1,\"ball_screens_re_screen\":1,"
	    "\"ball_screens_stay\":1,\"ball_screens_step_up\":1,\"ball_screens_snake\":1,"
	    "\"ball_screens_split\":1,\"ball_screens_other\":1,\"ball_screens_middle_wing\":2,"
	    "\"ball_screens_right_wing\":3,\"half_court\":false,\"paint_touch\":null}"), 1 },
	{ "possessions: half_court a string", POSS(",\"possession_attributes\":{\"half_court\":\"true\"}"), 0 },
	{ "possessions: half_court a number", POSS(",\"possession_attributes\":{\"half_court\":1}"), 0 },
	{ "possessions: passes twice", POSS(",\"possession_attributes\":{\"passes\":1,\"passes\":2}"), 0 },
	{ "possessions: period twice", DUP_POSS(",\"period\":\"Q2\""), 0 },
	{ "possessions: an unknown key twice", DUP_POSS(",\"zz\":1,\"zz\":[2]"), 1 },
	{ "possessions: a teams array", DUP_POSS(",\"teams\":[{}]"), 0 },
	{ "possessions: teams null", DUP_POSS(",\"teams\":null"), 1 },
	{ "possessions: no stats", POSS(",\"stats\""), 1 },
	{ "possessions: stats empty", POSS(",\"stats\":[]"), 1 },
	{ "possessions: stats an object", POSS(",\"stats\":{}"), 0 },
	{ "possessions: a null stat", POSS(",\"stats\":[null]"), 0 },
	{ "possessions: an empty stat", POSS(",\"stats\":[{}]"), 1 },
	{ "possessions: a made three, then free throws", POSS(",\"stats\":[{\"details\":[\"FGA3\",\"FG3\"],"
	    "\"shot_clock\":\"4.0\"},{\"details\":[\"FTA\",\"FT\",\"FT\"],\"player_id\":\"\"},"
	    "{\"details\":[\"FGA\"],\"shot_clock\":\"1.0\",\"player_id\":null}]"), 1 },
	{ "possessions: a missed shot, the last", POSS(",\"stats\":[{\"details\":[\"FGA\",\"FG\"],"
	    "\"shot_clock\":\"9.0\"},{\"details\":[\"FGA\"],\"shot_clock\":\"2.0\"}]"), 1 },
	{ "possessions: a word too long", POSS(",\"stats\":[{\"details\":[\"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456\"]}]"), 0 },
	{ "possessions: seventeen words", POSS(",\"stats\":[{\"details\":[\"a\",\"b\",\"c\",\"d\","
	    "\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\",\"l\",\"m\",\"n\",\"o\",\"p\",\"q\"]}]"), 0 },
	{ "possessions: a word a number", POSS(",\"stats\":[{\"details\":[3]}]"), 0 },
	{ "possessions: control characters in a word", POSS(",\"stats\":[{\"details\":[\"FG\x01" "3\"]}]"), -1 },
	{ "possessions: a stat's player a fraction", POSS(",\"stats\":[{\"player_id\":1.5}]"), 0 },
	{ "possessions: a stat's bad shot clock", POSS(",\"stats\":[{\"shot_clock\":\"x\"}]"), 0 },
	{ "possessions: a stat's timestamp negative", POSS(",\"stats\":[{\"timestamp\":-1}]"), 0 },
	{ "possessions: a stat's type too long", POSS(",\"stats\":[{\"possession_type\":\"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456\"}]"), 0 },
	{ "possessions: details twice in a stat", POSS(",\"stats\":[{\"details\":[],\"details\":[\"FG\"]}]"), 0 },
	{ "possessions: a shot distance with an exponent", POSS(",\"stats\":[{\"shot_attributes\":{\"shot_distance_cm\":9e2}}]"), 0 },
	{ "possessions: a shot distance as a string", POSS(",\"stats\":[{\"shot_attributes\":{\"shot_distance_cm\":\"90\"}}]"), 0 },
	{ "possessions: a shot distance too far", POSS(",\"stats\":[{\"shot_attributes\":{\"shot_distance_cm\":2000000000000}}]"), 0 },
	{ "possessions: a negative shot distance", POSS(",\"stats\":[{\"shot_attributes\":{\"shot_distance_cm\":-12.25}}]"), 1 },
	{ "possessions: a shot off the court", POSS(",\"stats\":[{\"shot_attributes\":{\"x\":100001}}]"), 0 },
	{ "possessions: a shot's zone too big", POSS(",\"stats\":[{\"shot_attributes\":{\"zone\":1001}}]"), 0 },
	{ "possessions: is_3point a string", POSS(",\"stats\":[{\"shot_attributes\":{\"is_3point\":\"no\"}}]"), 0 },
	{ "possessions: shot attributes an array", POSS(",\"stats\":[{\"shot_attributes\":[]}]"), 0 },
	{ "possessions: shot attributes null", POSS(",\"stats\":[{\"shot_attributes\":null}]"), 1 },
	{ "possessions: an escaped slash in the link", POSS(",\"_locations\":\"https:\\/\\/x\""), 0 },
	{ "possessions: a link a number", POSS(",\"_locations\":5"), 0 },
	{ "possessions: data an array", "{\"source\":\"possessions\",\"data\":[{\"teamId\":\"399\"}]}", 0 },
	{ "possessions: data a teams document", "{\"source\":\"possessions\",\"data\":{\"teams\":[{\"id\":\"399\","
	    "\"possessions\":[{\"start_timestamp\":5}]}]}}", 0 },
};

/* A possession with n stats, or with a link of n bytes, into buf. */
static const char *
possession_of(char *buf, size_t size, int stats, size_t link)
{
	const char *part;
	size_t at = 0;
	int i;

	buf[0] = '\0';
	append(buf, size, &at, usuals[1].envelope, strlen(usuals[1].envelope));
	part = "\"teamId\":\"399\",\"_locations\":\"";
	append(buf, size, &at, part, strlen(part));
	for (; link > 0; link--)
		append(buf, size, &at, "x", 1);
	part = "\",\"stats\":[";
	append(buf, size, &at, part, strlen(part));
	for (i = 0; i < stats; i++) {
		part = i > 0 ? ",{\"details\":[\"FGA\"]}" : "{\"details\":[\"FGA\"]}";
		append(buf, size, &at, part, strlen(part));
	}
	append(buf, size, &at, "]}}", 3);
	return buf;
}

/* The caps on a possession's stats and on its link's length, at and past them. */
static void
test_long_possessions(void)
{
	static const struct {
		const char *name;
		int stats;
		size_t link;
		bool scanned;
	} cases[] = {
		{ "possessions: 64 stats", 64, 10, true },
		{ "possessions: 65 stats", 65, 10, false },
		{ "possessions: a link of 1023 bytes", 1, 1023, true },
		{ "possessions: a link of 1024 bytes", 1, 1024, false },
	};
	const char *roster[2] = { NULL, NULL }, *json;
	char why[512], frame[FRAME_BYTES];
	struct pair p;
	size_t i;
	bool tree;
	int alike;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		pair_init(&p, GAME, roster);
		json = possession_of(frame, sizeof frame, cases[i].stats, cases[i].link);
		alike = both_ways(&p, json, strlen(json), &tree, why, sizeof why);
		ok(alike && tree != cases[i].scanned && p.r[0].npos + p.r[0].nwarn == 1,
		    "%s: alike both ways, %s%s%s", cases[i].name, cases[i].scanned ? "scanned" :
		    "through json-c", alike ? "" : ": ", alike ? "" : why);
		pair_free(&p);
	}
}

static void
test_odd(void)
{
	const char *roster[2] = { NULL, NULL }, *json;
	char why[512], frame[FRAME_BYTES];
	struct pair p;
	size_t i;
	bool tree;
	int alike;

	for (i = 0; i < sizeof odd / sizeof odd[0]; i++) {
		/* new parsers each time: the same play again would be stale */
		pair_init(&p, GAME, roster);
		json = item_frame(odd[i].json, frame, sizeof frame);
		alike = both_ways(&p, json, strlen(json), &tree, why, sizeof why);
		/* every frame but a shot sends something or warns: a compare of
		 * nothing with nothing proves nothing */
		if (alike && strstr(json, "\"shots\"") == NULL && p.r[0].nev + p.r[0].ndel +
		    p.r[0].npub + p.r[0].nwarn + p.r[0].nclock + p.r[0].npos == 0) {
			alike = 0;
			snprintf(why, sizeof why, "nothing sent either way");
		}
		pair_free(&p);
		if (!alike)
			diag("%s: %.300s", why, json);
		else if (odd[i].scanned >= 0 && tree == (odd[i].scanned == 1))
			diag("it went %s", tree ? "to json-c" : "through the scanner");
		ok(alike && (odd[i].scanned < 0 || tree != (odd[i].scanned == 1)),
		    "%s: alike both ways%s", odd[i].name, odd[i].scanned == 1 ? ", scanned" :
		    odd[i].scanned == 0 ? ", through json-c" : "");
	}
	/* A NUL inside (the length says where the frame ends). */
	pair_init(&p, GAME, roster);
	{
		static const char nul[] = "{\"source\":\"stats\",\"data\":{\"team_id\":399,"
		    "\"stats\":{\"FG\":1},\"x\":\"a\0b\"}}";

		alike = both_ways(&p, nul, sizeof nul - 1, &tree, why, sizeof why);
		ok(alike && tree, "a NUL inside a string: alike both ways, through json-c%s%s",
		    alike ? "" : ": ", alike ? "" : why);
	}
	pair_free(&p);
	/* A NUL in a clock tick's period. */
	pair_init(&p, GAME, roster);
	{
		static const char nul[] = "{\"source\":\"clock\",\"timestamp\":5,\"data\":{"
		    "\"period\":\"Q1\0x\",\"gameClock\":\"1:00.0\",\"shotClock\":\"4.0\","
		    "\"running\":true}}";

		alike = both_ways(&p, nul, sizeof nul - 1, &tree, why, sizeof why);
		ok(alike, "a NUL inside a clock tick's string: alike both ways%s%s",
		    alike ? "" : ": ", alike ? "" : why);
	}
	pair_free(&p);
	test_long_possessions();
}

/* --- mutations of real frames --- */

static uint64_t rng = 0x2026;

static unsigned
next_rand(unsigned n)
{
	return tap_rand(&rng, n);
}

/* One mutation of `src` into dst: a byte changed, a snippet put in, or a
 * run of bytes taken out.  Its length. */
static size_t
mutate(const char *src, char *dst, size_t size)
{
	static const char bytes[] = "{}[]\",:0123456789-.eE \t\n\\u/tfnlx\x01\x7f\xc3\xff";
	static const char *const snippets[] = {
		"\"teamId\":488,", "\"pid\":null,", "\"x\":1e5,", "\"FG\":2,", "\"FGA\":\"1\",",
		"\"seq\":3,", "\"data\":{},", "\"stats\":{\"REB\":1},", "\"period\":\"H1\",",
		"\"deleted\":true,", "\"timestamp\":\"12\",", "\"key\":{},", "1.5", "null",
		"99999999999999999999", "-", "\"\\u0041\"", "\"corrected\":true,",
		"\"classification\":\"DELETED_X\",", "\"playerX\":-20001,", "\"act\":\"TEAM\",",
	};
	size_t len = strlen(src), at = next_rand((unsigned)len), n, k;
	const char *s;

	if (len + 64 >= size)
		len = size - 64;
	switch (next_rand(3)) {
	case 0:
		memcpy(dst, src, len);
		dst[at] = bytes[next_rand(sizeof bytes - 1)];
		return len;
	case 1:
		s = snippets[next_rand(sizeof snippets / sizeof snippets[0])];
		n = strlen(s);
		memcpy(dst, src, at);
		memcpy(dst + at, s, n);
		memcpy(dst + at + n, src + at, len - at);
		return len + n;
	default:
		k = 1 + next_rand(8);
		if (at + k > len)
			k = len - at;
		memcpy(dst, src, at);
		memcpy(dst + at, src + at + k, len - at - k);
		return len - k;
	}
}

static void
test_mutations(void)
{
	struct sim_options opt = { .seed = 77, .overtimes = 1 };
	struct sim_game *g = sim_game_generate(&opt);
	const struct sim_msg *msgs;
	const char *roster[2];
	char *game, *ros[2], why[512], frame[FRAME_BYTES];
	size_t n, i, len, alike = 0, scanned = 0, nusual = 0;
	size_t *usual;
	struct pair p;
	bool tree;

	if (g == NULL) {
		ok(0, "mutations: the simulator made a game");
		return;
	}
	game = sim_game_st_event(g, 0);
	ros[0] = sim_game_st_roster(g, CS_HOME);
	ros[1] = sim_game_st_roster(g, CS_AWAY);
	roster[0] = ros[0];
	roster[1] = ros[1];
	pair_init(&p, game, roster);
	n = sim_game_st_stream(g, &msgs);
	usual = calloc(n, sizeof *usual);
	for (i = 0; usual != NULL && i < n; i++)
		if ((usual_source(msgs[i].json) || clock_source(msgs[i].json)) &&
		    strlen(msgs[i].json) + 64 < sizeof frame)
			usual[nusual++] = i;
	for (i = 0; nusual > 0 && i < MUTATIONS; i++) {
		len = mutate(msgs[usual[next_rand((unsigned)nusual)]].json, frame, sizeof frame);
		if (both_ways(&p, frame, len, &tree, why, sizeof why))
			alike++;
		else if (i - alike == 1)
			diag("mutation %zu differs: %s: %.*s", i, why, (int)(len < 300 ? len : 300),
			    frame);
		scanned += !tree;
	}
	is_int((int)alike, MUTATIONS, "%d mutations of real frames: alike both ways", MUTATIONS);
	ok(scanned > MUTATIONS / 8, "and many went through the scanner (%zu)", scanned);
	free(usual);
	pair_free(&p);
	free(game);
	free(ros[0]);
	free(ros[1]);
	sim_game_free(&g);
}

/* --- the catch-up, element by element --- */

/* `doc` with a member whose key holds an escape, "z\u0030":0 (a key
 * nobody reads), first in every object: no element is plain then, and
 * each is read by its tree.  malloc'd. */
static char *
escaped_everywhere(const char *doc)
{
	static const char extra[] = "\"z\\u0030\":0";
	size_t n = strlen(doc), at = 0, i, objects = 0;
	bool in_string = false;
	char *out;

	for (i = 0; i < n; i++)
		objects += doc[i] == '{';
	if ((out = malloc(n + objects * sizeof extra + 1)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		out[at++] = doc[i];
		if (in_string) {
			if (doc[i] == '\\' && i + 1 < n)
				out[at++] = doc[++i];
			else if (doc[i] == '"')
				in_string = false;
		} else if (doc[i] == '"') {
			in_string = true;
		} else if (doc[i] == '{') {
			memcpy(out + at, extra, sizeof extra - 1);
			at += sizeof extra - 1;
			if (i + 1 < n && doc[i + 1] != '}')
				out[at++] = ',';
		}
	}
	out[at] = '\0';
	return out;
}

/* A catch-up document both ways: as sent (its elements through the
 * scanners) and escaped everywhere (each through its tree). */
static void
catchup_both_ways(const char *what, const struct sim_game *g, const char *resources,
    int64_t at_ms)
{
	const char *roster[2];
	char *game, *ros[2], *doc, *escaped, why[512];
	struct shottracker_frame_info i0, i1;
	struct pair p;
	int rc0, rc1, t, plain_trees, escaped_trees;

	game = sim_game_st_event(g, 0);
	ros[0] = sim_game_st_roster(g, CS_HOME);
	ros[1] = sim_game_st_roster(g, CS_AWAY);
	roster[0] = ros[0];
	roster[1] = ros[1];
	doc = sim_game_st_catchup(g, resources, at_ms);
	escaped = doc != NULL ? escaped_everywhere(doc) : NULL;
	if (game == NULL || doc == NULL || escaped == NULL) {
		ok(0, "%s: a catch-up document", what);
		goto out;
	}
	pair_init(&p, game, roster);
	memset(p.r, 0, sizeof p.r);
	t = trees;
	rc0 = shottracker_parse_catchup(&p.c[0], doc, strlen(doc));
	plain_trees = trees - t;
	t = trees;
	rc1 = shottracker_parse_catchup(&p.c[1], escaped, strlen(escaped));
	escaped_trees = trees - t;
	memset(&i0, 0, sizeof i0);
	memset(&i1, 0, sizeof i1);
	differ(&p, rc0, rc1, &i0, &i1, why, sizeof why);
	ok(why[0] == '\0' && p.r[0].nev + p.r[0].npub + p.r[0].npos > 20,
	    "%s: alike both ways (%d events, %d deletes, %d lines, %d possessions, %d "
	    "warnings)%s%s", what, p.r[0].nev, p.r[0].ndel, p.r[0].npub, p.r[0].npos,
	    p.r[0].nwarn, why[0] != '\0' ? ": " : "", why);
	ok(plain_trees <= 1 && escaped_trees > 20, "%s: its elements went through the "
	    "scanners (%d trees; escaped, %d)", what, plain_trees, escaped_trees);
	pair_free(&p);
out:
	free(game);
	free(ros[0]);
	free(ros[1]);
	free(doc);
	free(escaped);
}

static void
test_catchup(void)
{
	struct sim_options quarters = { .seed = 2026, .overtimes = 1 };
	struct sim_options halves = { .seed = 31, .halves = true, .force_overtime = true };
	struct sim_game *g[2] = { sim_game_generate(&quarters), sim_game_generate(&halves) };
	const char *name[2] = { "seed 2026, quarters", "seed 31, halves" };
	char what[96];
	int i;

	for (i = 0; i < 2; i++) {
		if (g[i] == NULL) {
			ok(0, "%s: the simulator made a game", name[i]);
			continue;
		}
		snprintf(what, sizeof what, "%s: plays at 10 minutes", name[i]);
		catchup_both_ways(what, g[i], "details,stats,shots", 600000);
		snprintf(what, sizeof what, "%s: plays at the end", name[i]);
		catchup_both_ways(what, g[i], "details,stats,shots", sim_game_end_ms(g[i]));
		snprintf(what, sizeof what, "%s: possessions at the end", name[i]);
		catchup_both_ways(what, g[i], "possessions", sim_game_end_ms(g[i]));
		sim_game_free(&g[i]);
	}
}

/* --- json_next_member_plain against json_next_member --- */

/* The members of the object `v` and of every object in it, both ways:
 * the number that differ. */
static int
plain_walk(const char *p, size_t len, int depth)
{
	struct json_iter a, b;
	struct json_span ka, va, kb, vb;
	bool more_a, more_b;
	int bad = 0;

	if (depth > 8 || len == 0 || p[0] != '{' || !json_iter_begin(&a, p, len) ||
	    !json_iter_begin(&b, p, len))
		return 0;
	for (;;) {
		more_a = json_next_member(&a, &ka, &va);
		more_b = json_next_member_plain(&b, &kb, &vb);
		if (more_a != more_b)
			return bad + 1;
		if (!more_a)
			return bad;
		if (ka.len != kb.len || memcmp(ka.p, kb.p, ka.len) != 0 || va.p != vb.p ||
		    va.len != vb.len)
			bad++;
		else
			bad += plain_walk(va.p, va.len, depth + 1);
	}
}

static void
test_plain_iterator(void)
{
	struct sim_options opt = { .seed = 2026 };
	struct sim_game *g = sim_game_generate(&opt);
	const struct sim_msg *msgs;
	size_t n, i, walked = 0;
	int bad = 0;

	n = g != NULL ? sim_game_st_stream(g, &msgs) : 0;
	for (i = 0; i < n; i++) {
		if (strchr(msgs[i].json, '\\') != NULL ||
		    json_scan_check(msgs[i].json, strlen(msgs[i].json), 24) != JSON_SCAN_OK)
			continue;
		bad += plain_walk(msgs[i].json, strlen(msgs[i].json), 0);
		walked++;
	}
	bad += plain_walk("{ \"a\" : \"x\" , \"b\":{\"c\":[1,{\"d\":\"}\"}],\"e\":-1.5e3} ,\"f\":null }",
	    60, 0);
	ok(walked > 1000 && bad == 0, "json_next_member_plain finds the members json_next_member "
	    "does, at every depth, in %zu frames (%d differ)", walked, bad);
	sim_game_free(&g);
}

int
main(void)
{
	struct sim_options quarters = { .seed = 2026, .overtimes = 2 };
	struct sim_options halves = { .seed = 31, .halves = true, .force_overtime = true };
	struct sim_options plain = { .seed = 5, .no_corrections = true };

	test_game("seed 2026, quarters, two overtimes, corrections", &quarters);
	test_game("seed 31, halves, overtime", &halves);
	test_game("seed 5, no corrections", &plain);
	test_odd();
	test_mutations();
	test_catchup();
	test_plain_iterator();
	return tap_done();
}
