/*
 * The simulator's game on ShotTracker's wire, exactly as
 * doc/shottracker-wire.md: the Live Data V2 frames (details, shots, marker
 * and possessions share one seq; stats and clock carry none) and the REST
 * documents (game event, roster, catch-up, lineups) as of a feed time.
 *
 * A play becomes one details item per actor; its identity is (actorId,
 * timestamp, baseStats).  When a play's next version arrives, the items
 * are compared with the last ones sent: a changed item is re-sent with
 * "corrected":true, a vanished one with "deleted":true, a new one plain.
 */
#include "config.h"

#include <math.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/event.h"
#include "sim/simgame_internal.h"
#include "util.h"

/* Stat abbreviations an item can carry, in the order they are written. */
enum st_key {
	K_FGA = 0, K_FG, K_FGA3, K_FG3, K_FTA, K_FT, K_PTS, K_REB, K_OREB, K_DREB,
	K_AST, K_STL, K_BLK, K_TO, K_LBTO, K_DBTO, K_PF, K_FD, K_TF, K_TEAM_REB,
	K_TEAM_TO, K_COUNT
};

static const char *const key_names[K_COUNT] = {
	"FGA", "FG", "FGA3", "FG3", "FTA", "FT", "PTS", "REB", "OFFENSIVE_REB",
	"DEFENSIVE_REB", "AST", "STL", "BLK", "TO", "LBTO", "DBTO", "PF", "FD", "TF",
	"TEAM_REB", "TEAM_TO",
};

/* Keys every player's and team's cumulative line always carries. */
#define K_ALWAYS (K_TO + 1)

#define ITEMS_MAX 8
#define HOOP_Y    12726   /* mm from centre court */

struct item {
	int side, player;            /* player -1: a team item */
	char actor[8];
	const char *base, *actual, *classification;
	int stats[K_COUNT];
	bool coords, shot;
	int remaining;               /* TIMEOUT items; -1 */
	char identity[48];           /* actorId:timestamp:baseStats */
};

/* --- small things --- */


static const char *
name_of(const struct sim_game *g, int side, int player)
{
	return player >= 0 ? g->team[side].players[player].full : g->team[side].name;
}

static const char *
actor_id(const struct sim_game *g, int side, int player)
{
	return player >= 0 ? g->team[side].players[player].st_id : g->team[side].st_id;
}

/* A stable uuid for an item, from its identity. */
static void
item_uuid(const struct sim_game *g, const char *identity, char out[SIM_UUID_LEN])
{
	uint64_t h1 = 0xcbf29ce484222325ULL ^ g->opt.seed, h2 = 0x84222325cbf29ce4ULL;
	const unsigned char *p;

	for (p = (const unsigned char *)identity; *p != '\0'; p++) {
		h1 = (h1 ^ *p) * 0x100000001b3ULL;
		h2 = (h2 ^ *p) * 0x100000001b3ULL + 0x9e3779b97f4a7c15ULL;
	}
	h1 = (h1 & ~0xf000ULL) | 0x4000ULL;
	h2 = (h2 & ~(3ULL << 62)) | (2ULL << 62);
	snprintf(out, SIM_UUID_LEN, "%08x-%04x-%04x-%04x-%012llx",
	    (unsigned)(h1 >> 32), (unsigned)((h1 >> 16) & 0xffff),
	    (unsigned)(h1 & 0xffff), (unsigned)(h2 >> 48),
	    (unsigned long long)(h2 & 0xffffffffffffULL));
}

/* Court inches -> ShotTracker mm (origin centre court, y along the length). */
static void
to_mm(int x, int y, int *px, int *py)
{
	*py = (int)lround((x - 564) * 25.4);
	*px = (int)lround((y - 300) * 25.4);
}

/* The hoop an item is measured from: the one attacked for shots, else the nearer. */
static int
hoop_y(const struct sim_game *g, const struct sim_play *p)
{
	if (p->kind != SIM_FIELD_GOAL && p->kind != SIM_HEAVE)
		return p->x >= 564 ? HOOP_Y : -HOOP_Y;
	return sim_basket(g, p->side >= 0 ? p->side : 0, p->period) ? HOOP_Y : -HOOP_Y;
}

static bool
shown(enum sim_kind kind)
{
	return kind != SIM_JUMPBALL && kind != SIM_VIOLATION;
}

static bool
is_marker(enum sim_kind kind)
{
	return kind == SIM_PERIOD_START || kind == SIM_PERIOD_END ||
	    kind == SIM_LINEUP || kind == SIM_GAME_END;
}

/* --- the items of a play --- */

static struct item *
item_new(struct item *it, int *n, const struct sim_game *g, const struct sim_event *e,
    int side, int player, const char *base, const char *actual, const char *cls)
{
	struct item *x;

	if (*n >= ITEMS_MAX)
		return NULL;
	x = &it[(*n)++];
	memset(x, 0, sizeof *x);
	x->side = side;
	x->player = player;
	x->base = base;
	x->actual = actual;
	x->classification = cls;
	x->remaining = -1;
	cs_strlcpy(x->actor, actor_id(g, side, player), sizeof x->actor);
	snprintf(x->identity, sizeof x->identity, "%s:%lld:%s", x->actor,
	    (long long)e->seq, base);
	return x;
}

/* An item that counts one statistic under one name (base and actual alike). */
static struct item *
item_counting(struct item *it, int *n, const struct sim_game *g,
    const struct sim_event *e, int side, int player, const char *name,
    const char *cls, enum st_key key)
{
	struct item *x = item_new(it, n, g, e, side, player, name, name, cls);

	if (x != NULL)
		x->stats[key] = 1;
	return x;
}

/* The statistics that make such an item of their own, whatever the play. */
static const struct lone_stat {
	const char *name, *classification;
	enum st_key key;
} lone_stats[] = {
	[SIM_S_AST] = { "AST", "ASSIST", K_AST },
	[SIM_S_STL] = { "STL", "STEAL", K_STL },
	[SIM_S_BLK] = { "BLK", "BLOCK", K_BLK },
	[SIM_S_FD] = { "FD", "FOUL_DRAWN", K_FD },
	[SIM_S_TECH] = { "TF", "TECHNICAL_FOUL", K_TF },
};

static int
items_of(const struct sim_game *g, int ev, const struct sim_play *p, struct item *it)
{
	static const char *const fouls[] = { "PERSONAL_FOUL", "PERSONAL_FOUL",
	    "SHOOTING_FOUL", "OFFENSIVE_FOUL", "TECHNICAL_FOUL", "FLAGRANT_FOUL" };
	const struct sim_event *e = &g->events[ev];
	bool steal = false;
	struct item *x;
	int n = 0, i;

	if (p->kind == SIM_TIMEOUT && p->side >= 0) {
		x = item_new(it, &n, g, e, p->side, -1, "TIMEOUT", "TIMEOUT", "TIMEOUT");
		if (x != NULL)
			x->remaining = p->timeouts_left;
		return n;
	}
	for (i = 0; i < p->nstats; i++)
		steal = steal || p->stats[i].kind == SIM_S_STL;
	for (i = 0; i < p->nstats; i++) {
		const struct sim_stat *st = &p->stats[i];
		const struct lone_stat *lone;
		int side = st->side, who = st->player;

		if (side < 0 || side > 1)
			continue;
		switch (st->kind) {
		case SIM_S_FG:
			if (p->kind == SIM_HEAVE && !st->made) {
				x = item_new(it, &n, g, e, side, -1, "FG", "FGA3", "HEAVE_MISS");
				if (x == NULL)
					break;
				x->stats[K_FGA] = x->stats[K_FGA3] = 1;
				x->coords = p->has_loc;
				break;
			}
			x = item_new(it, &n, g, e, side, who, "FG",
			    st->three ? (st->made ? "FG3" : "FGA3") : (st->made ? "FG" : "FGA"),
			    st->three ? (st->made ? "THREE_POINT_MAKE" : "THREE_POINT_MISS") :
			    (st->made ? "TWO_POINT_MAKE" : "TWO_POINT_MISS"));
			if (x == NULL)
				break;
			x->stats[K_FGA] = 1;
			x->stats[K_FG] = st->made;
			x->stats[K_FGA3] = st->three;
			x->stats[K_FG3] = st->three && st->made;
			x->stats[K_PTS] = st->points;
			x->coords = p->has_loc;
			x->shot = who >= 0;
			break;
		case SIM_S_FT:
			x = item_new(it, &n, g, e, side, who, "FT", st->made ? "FT" : "FTA",
			    st->made ? "FREE_THROW_MAKE" : "FREE_THROW_MISS");
			if (x == NULL)
				break;
			x->stats[K_FTA] = 1;
			x->stats[K_FT] = st->made;
			x->stats[K_PTS] = st->points;
			break;
		case SIM_S_REB:
			if (who < 0)
				x = item_counting(it, &n, g, e, side, -1, "TEAM_REB",
				    "TEAM_REBOUND", K_TEAM_REB);
			else {
				x = item_new(it, &n, g, e, side, who, "REB",
				    st->offensive ? "OFFENSIVE_REB" : "DEFENSIVE_REB",
				    st->offensive ? "OFFENSIVE_REBOUND" : "DEFENSIVE_REBOUND");
				if (x != NULL)
					x->stats[K_REB] = 1;
			}
			if (x == NULL)
				break;
			x->stats[st->offensive ? K_OREB : K_DREB] = 1;
			x->coords = p->has_loc;
			break;
		case SIM_S_TOV:
			if (who < 0) {
				item_counting(it, &n, g, e, side, -1, "TEAM_TO", "TEAM_TURNOVER",
				    K_TEAM_TO);
				break;
			}
			x = item_new(it, &n, g, e, side, who, "TO", steal ? "LBTO" : "DBTO",
			    steal ? "LIVE_BALL_TURNOVER" : "DEAD_BALL_TURNOVER");
			if (x == NULL)
				break;
			x->stats[K_TO] = 1;
			x->stats[steal ? K_LBTO : K_DBTO] = 1;
			x->coords = p->has_loc;
			break;
		case SIM_S_PF:
			x = item_counting(it, &n, g, e, side, who, "PF",
			    fouls[p->foul < 6 ? p->foul : 0], K_PF);
			if (x != NULL)
				x->coords = p->has_loc;
			break;
		default:   /* attemptblocked, offensivefoul: in the items above */
			lone = st->kind < sizeof lone_stats / sizeof lone_stats[0] ?
			    &lone_stats[st->kind] : NULL;
			if (lone != NULL && lone->name != NULL)
				item_counting(it, &n, g, e, side, who, lone->name,
				    lone->classification, lone->key);
			break;
		}
	}
	return n;
}

static const struct sim_stat *
stat_of(const struct sim_play *p, enum sim_stat_kind kind)
{
	int i;

	for (i = 0; i < p->nstats; i++)
		if (p->stats[i].kind == kind)
			return &p->stats[i];
	return NULL;
}

static void
item_description(const struct sim_game *g, const struct sim_play *p,
    const struct item *x, char *buf, size_t size)
{
	const char *who = name_of(g, x->side, x->player);
	const struct sim_stat *a;
	char extra[80] = "";

	if (strcmp(x->base, "FG") == 0) {
		a = stat_of(p, SIM_S_AST);
		if (a != NULL && a->player >= 0)
			snprintf(extra, sizeof extra, " (%s assists)",
			    name_of(g, a->side, a->player));
		snprintf(buf, size, "%s %s a %s%s%s", who,
		    x->stats[K_FG] ? "makes" : "misses", x->stats[K_FGA3] ? "three" : "two",
		    p->kind == SIM_HEAVE ? " (heave)" : "", extra);
	} else if (strcmp(x->base, "FT") == 0) {
		snprintf(buf, size, "%s %s free throw %d of %d", who,
		    x->stats[K_FT] ? "makes" : "misses", p->ft_k, p->ft_n);
	} else if (strcmp(x->base, "TIMEOUT") == 0) {
		snprintf(buf, size, "%s timeout", who);
	} else {
		char lower[40];
		size_t i;

		for (i = 0; x->classification[i] != '\0' && i + 1 < sizeof lower; i++)
			lower[i] = x->classification[i] == '_' ? ' ' :
			    (char)(x->classification[i] >= 'A' && x->classification[i] <= 'Z' ?
			    x->classification[i] + 32 : x->classification[i]);
		lower[i] = '\0';
		snprintf(buf, size, "%s %s", who, lower);
	}
}

static void
stats_map(struct sim_buf *b, const int *stats, bool always)
{
	bool first = true;
	int k;

	sim_buf_puts(b, "{");
	for (k = 0; k < K_COUNT; k++) {
		if (stats[k] == 0 && !(always && k < K_ALWAYS))
			continue;
		sim_buf_printf(b, "%s\"%s\":%d", first ? "" : ",", key_names[k], stats[k]);
		first = false;
	}
	sim_buf_puts(b, "}");
}

/* An item without its corrected/deleted flags and closing brace. */
static char *
item_content(const struct sim_game *g, int ev, const struct sim_play *p,
    const struct item *x)
{
	const struct sim_event *e = &g->events[ev];
	char uuid[SIM_UUID_LEN], clock[16], period[8], desc[200];
	struct sim_buf b;
	int px, py, hy;

	item_uuid(g, x->identity, uuid);
	sim_game_clock(p->clock, clock, sizeof clock);
	sim_period_name(g, p->period, period, sizeof period);
	item_description(g, p, x, desc, sizeof desc);
	sim_buf_init(&b);
	sim_buf_printf(&b, "{\"type\":\"ACTUAL\",\"eventId\":\"%s\",\"timestamp\":%lld,"
	    "\"teamId\":\"%s\",\"sessionType\":\"GAME_ROUND\",\"sessionId\":\"%s\","
	    "\"gameId\":\"%s\",\"stats\":", uuid, (long long)e->seq,
	    g->team[x->side].st_id, g->st_session_id[p->period - 1], g->st_id);
	stats_map(&b, x->stats, false);
	sim_buf_printf(&b, ",\"gameClock\":\"%s\",", clock);
	if (p->shot_clock >= 0)
		sim_buf_printf(&b, "\"shotClock\":\"%d.%d\"", p->shot_clock / 10,
		    p->shot_clock % 10);
	else
		sim_buf_puts(&b, "\"shotClock\":null");
	sim_buf_printf(&b, ",\"period\":\"%s\",", period);
	if (x->coords && p->has_loc) {
		to_mm(p->x, p->y, &px, &py);
		hy = hoop_y(g, p);
		sim_buf_printf(&b, "\"playerX\":%d,\"playerY\":%d,\"playerZ\":0,"
		    "\"hoopToEventX\":%d,\"hoopToEventY\":%d,", px, py,
		    hy > 0 ? -px : px, hy > 0 ? -(py - hy) : py - hy);
	} else {
		sim_buf_puts(&b, "\"playerX\":null,\"playerY\":null,\"playerZ\":null,"
		    "\"hoopToEventX\":null,\"hoopToEventY\":null,");
	}
	sim_buf_printf(&b, "\"classification\":\"%s\",\"description\":",
	    x->classification);
	sim_buf_str(&b, desc);
	sim_buf_printf(&b, ",\"baseStats\":\"%s\",\"actualStats\":\"%s\","
	    "\"key\":{\"actorId\":\"%s\",\"timestamp\":%lld},\"act\":\"%s\",\"pid\":",
	    x->base, x->actual, x->actor, (long long)e->seq,
	    x->player >= 0 ? "PLAYER" : "TEAM");
	if (x->player >= 0)
		sim_buf_printf(&b, "\"%s\"", x->actor);
	else
		sim_buf_puts(&b, "null");
	if (x->remaining >= 0)
		sim_buf_printf(&b, ",\"remaining\":%d", x->remaining);
	return sim_buf_take(&b);
}

static char *
item_json(const char *content, bool corrected, bool deleted)
{
	struct sim_buf b;

	sim_buf_init(&b);
	sim_buf_puts(&b, content);
	sim_buf_printf(&b, ",\"corrected\":%s%s}", corrected ? "true" : "false",
	    deleted ? ",\"deleted\":true" : "");
	return sim_buf_take(&b);
}

/* A rough zone number (1-14; the real geometry is unpublished). */
static int
zone_of(int dx_mm, int dy_mm, bool three)
{
	double d = sqrt((double)dx_mm * dx_mm + (double)dy_mm * dy_mm);
	double a = atan2((double)dx_mm, (double)dy_mm) * 180.0 / M_PI;
	int dir = a < -54 ? 0 : a < -18 ? 1 : a <= 18 ? 2 : a <= 54 ? 3 : 4;

	if (d > 12000)
		return 14;
	if (three)
		return 9 + dir;
	if (d < 1220)
		return 1;
	if (d < 2440)
		return 2;
	return 3 + (dir + 1) / 2 + (dir > 2);
}

/* The compact shot of a field-goal item (shottracker-api.md §3.4). */
static char *
shot_json(const struct sim_game *g, const struct sim_play *p, const struct item *x,
    int64_t t, bool deleted)
{
	const struct sim_stat *a = stat_of(p, SIM_S_AST);
	char clock[16], period[8];
	struct sim_buf b;
	int px, py, hy, hsx, hsy, z, side = x->side, defender;

	to_mm(p->x, p->y, &px, &py);
	hy = hoop_y(g, p);
	hsx = hy > 0 ? -px : px;
	hsy = hy > 0 ? -(py - hy) : py - hy;
	z = zone_of(hsx, hsy, x->stats[K_FGA3] != 0);
	sim_game_clock(p->clock, clock, sizeof clock);
	sim_period_name(g, p->period, period, sizeof period);
	defender = p->five[!side][(p->clock / 10 + z) % SIM_FIVE];
	sim_buf_init(&b);
	sim_buf_printf(&b, "{\"label\":null,\"t\":%lld,\"pid\":\"%s\",\"tid\":\"%s\","
	    "\"sid\":\"%s\",\"sst\":\"GAME_ROUND\",\"gid\":\"%s\",\"st\":\"%s\","
	    "\"is3\":%s,\"pts\":%d,\"z\":%d,\"az\":%d,\"px\":%d,\"py\":%d,\"pz\":0,"
	    "\"hx\":0,\"hy\":%d,\"hz\":3048,\"hsx\":%d,\"hsy\":%d,\"s\":\"%s\","
	    "\"drb\":%d,\"dd\":null,\"fid\":null,\"hid\":null,\"gc\":\"%s\",",
	    (long long)t, x->actor, g->team[side].st_id, g->st_session_id[p->period - 1],
	    g->st_id, x->stats[K_FG] ? "MAKE" : "MISS", x->stats[K_FGA3] ? "true" : "false",
	    x->stats[K_FG] ? x->stats[K_PTS] : -1, z, z + (p->x % 9), px, py, hy, hsx, hsy,
	    deleted ? "DELETED" : "RECORDED", (p->clock / 10) % 4, clock);
	if (p->shot_clock >= 0)
		sim_buf_printf(&b, "\"sc\":\"%d.%d\",", p->shot_clock / 10, p->shot_clock % 10);
	else
		sim_buf_puts(&b, "\"sc\":null,");
	sim_buf_printf(&b, "\"prd\":\"%s\",\"attributes\":[%s],\"players\":[", period,
	    p->shot_type == 2 ? "\"DUNK\"" : "");
	if (a != NULL && a->player >= 0)
		sim_buf_printf(&b, "\"%s\"", g->team[a->side].players[a->player].st_id);
	sim_buf_printf(&b, "],\"d\":%.4f,\"shotDefenders\":[%s]}",
	    sqrt((double)(px * px) + (double)(py - hy) * (py - hy)) / 10.0,
	    g->team[!side].players[defender].st_id);
	return sim_buf_take(&b);
}

/* --- markers --- */

static char *
marker_json(const struct sim_game *g, const struct sim_play *p, const char *marker)
{
	char clock[16], period[8];
	struct sim_buf b;
	int i;

	sim_game_clock(p->clock, clock, sizeof clock);
	sim_period_name(g, p->period, period, sizeof period);
	sim_buf_init(&b);
	sim_buf_printf(&b, "{\"marker\":\"%s\",\"period\":\"%s\",\"gameClock\":\"%s\"",
	    marker, period, clock);
	if (p->kind == SIM_LINEUP) {
		sim_buf_printf(&b, ",\"teamId\":\"%s\",\"playerIds\":[",
		    g->team[p->side].st_id);
		for (i = 0; i < SIM_FIVE; i++)
			sim_buf_printf(&b, "%s\"%s\"", i ? "," : "",
			    g->team[p->side].players[p->five[p->side][i]].st_id);
		sim_buf_puts(&b, "]");
	}
	if (p->kind == SIM_TIMEOUT)
		sim_buf_printf(&b, ",\"teamId\":\"%s\",\"remaining\":%d",
		    g->team[p->side].st_id, p->timeouts_left);
	sim_buf_puts(&b, "}");
	return sim_buf_take(&b);
}

static const char *
marker_name(enum sim_kind kind)
{
	switch (kind) {
	case SIM_PERIOD_START: return "PERIOD_START";
	case SIM_PERIOD_END:   return "PERIOD_END";
	case SIM_LINEUP:       return "LINEUP";
	case SIM_GAME_END:     return "GAME_END";
	case SIM_TIMEOUT:      return "TIMEOUT";
	default:               return NULL;
	}
}

/* --- the stream --- */

/* A frame before its seq is known. */
struct frame {
	int64_t at_ms;
	int order;
	const char *source;
	bool sequenced;
	int64_t timestamp;
	char *data;
};

struct frames {
	struct frame *f;
	size_t n, cap;
	int order;
	bool failed;
};

static void
frame_add(struct frames *fs, int64_t at, const char *source, bool sequenced,
    int64_t timestamp, char *data)
{
	struct frame *nf;

	if (data == NULL || fs->failed) {
		free(data);
		fs->failed = true;
		return;
	}
	if (fs->n == fs->cap) {
		size_t cap = fs->cap ? fs->cap * 2 : 4096;

		nf = realloc(fs->f, cap * sizeof *nf);
		if (nf == NULL) {
			free(data);
			fs->failed = true;
			return;
		}
		fs->f = nf;
		fs->cap = cap;
	}
	nf = &fs->f[fs->n++];
	nf->at_ms = at;
	nf->order = fs->order++;
	nf->source = source;
	nf->sequenced = sequenced;
	nf->timestamp = timestamp;
	nf->data = data;
}

static int
cmp_frame(const void *a, const void *b)
{
	const struct frame *x = a, *y = b;

	if (x->at_ms != y->at_ms)
		return x->at_ms < y->at_ms ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* GAME_END goes out after every play, correction and possession (a
 * client takes it as the end of the feed and closes its socket); only
 * clock and stats frames may follow. */
static void
game_end_last(struct frames *fs)
{
	size_t i, end = fs->n;
	int64_t last = -1;

	for (i = 0; i < fs->n; i++) {
		const struct frame *f = &fs->f[i];

		if (strcmp(f->source, "marker") == 0 && strstr(f->data, "\"GAME_END\"") != NULL)
			end = i;
		else if (f->sequenced && f->at_ms > last)
			last = f->at_ms;
	}
	if (end == fs->n)
		return;
	if (fs->f[end].at_ms < last)
		fs->f[end].at_ms = last;
	fs->f[end].order = INT_MAX;
}

/* What the stream last sent for an event's items. */
struct sent_item {
	char identity[48];
	char *content;               /* as last sent */
	char *first;                 /* as first sent */
	struct item it;
	int version;                 /* the play version it was last sent from */
	bool live;                   /* not retracted */
};

struct ev_state {
	struct sent_item *items;
	int n;
};

/* Cumulative stats per actor: [side][player], player ROSTER_MAX = the team line. */
struct cumul {
	int v[2][SIM_ROSTER_MAX + 1][K_COUNT];
	bool changed[2][SIM_ROSTER_MAX + 1];
	const char *cls[2][SIM_ROSTER_MAX + 1];
	int64_t version;
};

/*
 * Add an item to a cumulative line (player, or the team's: every item of
 * the team, and team rebounds and turnovers also count as REB and TO there,
 * as the box score's team totals count them).
 */
static void
line_add(int line[K_COUNT], const struct item *x, int sign, bool team_line)
{
	int k;

	for (k = 0; k < K_COUNT; k++)
		line[k] += sign * x->stats[k];
	if (team_line) {
		line[K_REB] += sign * x->stats[K_TEAM_REB];
		line[K_TO] += sign * x->stats[K_TEAM_TO];
	}
}

static void
cumul_apply(struct cumul *c, const struct item *x, int sign, const char *cls)
{
	int slot = x->player >= 0 ? x->player : SIM_ROSTER_MAX;

	if (slot != SIM_ROSTER_MAX)
		line_add(c->v[x->side][slot], x, sign, false);
	line_add(c->v[x->side][SIM_ROSTER_MAX], x, sign, true);
	c->changed[x->side][slot] = true;
	c->changed[x->side][SIM_ROSTER_MAX] = true;
	c->cls[x->side][slot] = cls;
	c->cls[x->side][SIM_ROSTER_MAX] = cls;
}

static int
log_version(struct sim_game *g, int64_t at, int side, int player, int64_t version,
    size_t *cap)
{
	struct sim_stat_version *nv;

	if (g->nst_versions == *cap) {
		size_t ncap = *cap ? *cap * 2 : 1024;

		nv = realloc(g->st_versions, ncap * sizeof *nv);
		if (nv == NULL)
			return -1;
		g->st_versions = nv;
		*cap = ncap;
	}
	nv = &g->st_versions[g->nst_versions++];
	nv->at_ms = at;
	nv->version = version;
	nv->side = (int8_t)side;
	nv->player = (int8_t)player;
	return 0;
}

/* Stats frames for every actor whose cumulative line changed. */
static void
stats_frames(struct sim_game *g, struct frames *fs, struct cumul *c, int64_t at,
    int64_t ts, size_t *cap)
{
	int side, slot;
	struct sim_buf b;

	for (side = 0; side < 2; side++) {
		for (slot = 0; slot <= SIM_ROSTER_MAX; slot++) {
			bool team = slot == SIM_ROSTER_MAX;

			if (!c->changed[side][slot])
				continue;
			c->changed[side][slot] = false;
			c->version++;
			sim_buf_init(&b);
			sim_buf_printf(&b, "{\"occurred_at\":%lld,\"team_id\":%s,\"player_id\":",
			    (long long)ts, g->team[side].st_id);
			if (team)
				sim_buf_puts(&b, "null");
			else
				sim_buf_puts(&b, g->team[side].players[slot].st_id);
			sim_buf_puts(&b, ",\"stats\":");
			stats_map(&b, c->v[side][slot], true);
			sim_buf_puts(&b, ",\"classification\":");
			sim_buf_str(&b, c->cls[side][slot] ? c->cls[side][slot] : "");
			sim_buf_printf(&b, ",\"version\":%lld}", (long long)c->version);
			frame_add(fs, at, "stats", false, ts, sim_buf_take(&b));
			if (log_version(g, at, side, team ? -1 : slot, c->version, cap) < 0)
				fs->failed = true;
		}
	}
}

static struct sent_item *
sent_find(struct ev_state *es, const char *identity)
{
	int i;

	for (i = 0; i < es->n; i++)
		if (strcmp(es->items[i].identity, identity) == 0)
			return &es->items[i];
	return NULL;
}

static const char *
deleted_name(const char *cls)
{
	static const char *const names[] = {
		"DELETED_TWO_POINT_MAKE", "DELETED_TWO_POINT_MISS", "DELETED_THREE_POINT_MAKE",
		"DELETED_THREE_POINT_MISS", "DELETED_HEAVE_MISS", "DELETED_FREE_THROW_MAKE",
		"DELETED_FREE_THROW_MISS", "DELETED_OFFENSIVE_REBOUND",
		"DELETED_DEFENSIVE_REBOUND", "DELETED_TEAM_REBOUND", "DELETED_ASSIST",
		"DELETED_STEAL", "DELETED_BLOCK", "DELETED_LIVE_BALL_TURNOVER",
		"DELETED_DEAD_BALL_TURNOVER", "DELETED_TEAM_TURNOVER", "DELETED_PERSONAL_FOUL",
		"DELETED_SHOOTING_FOUL", "DELETED_OFFENSIVE_FOUL", "DELETED_FLAGRANT_FOUL",
		"DELETED_TECHNICAL_FOUL", "DELETED_FOUL_DRAWN", "DELETED_TIMEOUT",
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i] + 8, cls) == 0)
			return names[i];
	return "DELETED";
}

/* Send one version of an event's items, or retract them all (delete). */
static void
details_send(struct sim_game *g, struct frames *fs, struct cumul *c, struct ev_state *es,
    const struct sim_send *x, bool resend)
{
	const struct sim_event *e = &g->events[x->ev];
	const struct sim_play *p = x->version >= 0 ? &g->versions[x->version] : NULL;
	struct item it[ITEMS_MAX];
	bool *present;
	int n = p != NULL ? items_of(g, x->ev, p, it) : 0, i, j;
	struct sent_item *s, *grown;

	present = calloc((size_t)es->n + ITEMS_MAX + 1, sizeof *present);
	if (present == NULL) {
		fs->failed = true;
		return;
	}
	for (i = 0; i < n; i++) {
		char *content = item_content(g, x->ev, p, &it[i]);
		bool corrected;

		if (content == NULL) {
			fs->failed = true;
			break;
		}
		s = sent_find(es, it[i].identity);
		if (s != NULL && s->live && strcmp(s->content, content) == 0 && !resend) {
			present[s - es->items] = true;
			free(content);
			continue;
		}
		if (s == NULL) {
			grown = realloc(es->items, (size_t)(es->n + 1) * sizeof *grown);
			if (grown == NULL) {
				free(content);
				fs->failed = true;
				break;
			}
			es->items = grown;
			s = &es->items[es->n++];
			memset(s, 0, sizeof *s);
			cs_strlcpy(s->identity, it[i].identity, sizeof s->identity);
			s->first = strdup(content);
		} else if (s->live) {
			cumul_apply(c, &s->it, -1, it[i].classification);
		}
		corrected = s->first != NULL && strcmp(s->first, content) != 0;
		present[s - es->items] = true;
		free(s->content);
		s->content = content;
		s->it = it[i];
		s->version = x->version;
		s->live = true;
		cumul_apply(c, &it[i], 1, it[i].classification);
		frame_add(fs, x->at_ms, "details", true, e->seq,
		    item_json(content, corrected, false));
		if (it[i].shot)
			frame_add(fs, x->at_ms, "shots", true, e->seq,
			    shot_json(g, p, &it[i], e->seq, false));
	}
	/* what the new version no longer has is retracted */
	for (j = 0; j < es->n; j++) {
		s = &es->items[j];
		if (present[j] || !s->live)
			continue;
		s->live = false;
		cumul_apply(c, &s->it, -1, deleted_name(s->it.classification));
		frame_add(fs, x->at_ms, "details", true, e->seq,
		    item_json(s->content, s->first != NULL && strcmp(s->first, s->content) != 0,
		    true));
		if (s->it.shot && s->version >= 0)
			frame_add(fs, x->at_ms, "shots", true, e->seq,
			    shot_json(g, &g->versions[s->version], &s->it, e->seq, true));
	}
	free(present);
}

static char *
possession_json(const struct sim_game *g, const struct sim_possession *p)
{
	return sim_st_possession_json(g, p);
}

static char *
clock_json(const struct sim_game *g, int period, int clock, int shot_clock, bool running)
{
	char c[16], per[8];
	struct sim_buf b;

	sim_game_clock(clock, c, sizeof c);
	sim_period_name(g, period, per, sizeof per);
	sim_buf_init(&b);
	sim_buf_printf(&b, "{\"period\":\"%s\",\"gameClock\":\"%s\",\"shotClock\":\"%d.%d\","
	    "\"running\":%s}", per, c, shot_clock / 10, shot_clock % 10,
	    running ? "true" : "false");
	return sim_buf_take(&b);
}

/* Clock frames: at every start and stop, and once a feed-second while running. */
static void
clock_frames(const struct sim_game *g, struct frames *fs)
{
	size_t i;

	for (i = 0; i < g->nmarks; i++) {
		const struct sim_mark *m = &g->marks[i];
		int64_t t, until;
		int el;

		frame_add(fs, m->feed_ms, "clock", false, g->epoch_ms + m->feed_ms,
		    clock_json(g, m->period, m->clock, m->shot_clock, m->running));
		if (!m->running || i + 1 >= g->nmarks)
			continue;
		until = g->marks[i + 1].feed_ms;
		for (t = m->feed_ms + 1000; t < until; t += 1000) {
			el = (int)((t - m->feed_ms) / 100);
			frame_add(fs, t, "clock", false, g->epoch_ms + t,
			    clock_json(g, m->period, m->clock - el,
			    m->shot_clock > el ? m->shot_clock - el : 0, true));
		}
	}
}

static char *
simple_marker(const struct sim_game *g, const char *marker)
{
	struct sim_buf b;
	char clock[16];

	sim_game_clock(g->period_tenths, clock, sizeof clock);
	sim_buf_init(&b);
	if (strcmp(marker, "JERSEY_COLORS") == 0)
		sim_buf_printf(&b, "{\"marker\":\"JERSEY_COLORS\",\"homeColor\":\"%06X\","
		    "\"awayColor\":\"%06X\"}", (unsigned)g->team[0].color,
		    (unsigned)g->team[1].color);
	else
		sim_buf_printf(&b, "{\"marker\":\"%s\",\"period\":\"%s\",\"gameClock\":\"%s\"}",
		    marker, g->opt.halves ? "H1" : "Q1", clock);
	return sim_buf_take(&b);
}

int
sim_render_shottracker(struct sim_game *g)
{
	struct frames fs;
	struct ev_state *es;
	struct cumul *c;
	size_t i, vcap = 0;
	int64_t seq = 0;
	bool started = false;
	int *last;
	int rc = 0;

	memset(&fs, 0, sizeof fs);
	es = calloc(g->nevents + 1, sizeof *es);
	last = calloc(g->nevents + 1, sizeof *last);
	c = calloc(1, sizeof *c);
	if (es == NULL || c == NULL || last == NULL) {
		free(es);
		free(c);
		free(last);
		return -1;
	}
	for (i = 0; i < g->nevents; i++)
		last[i] = -1;
	for (i = 0; i < g->nsends && !fs.failed; i++) {
		const struct sim_send *x = &g->sends[i];
		const struct sim_event *e = &g->events[x->ev];
		const struct sim_play *p = x->version >= 0 ? &g->versions[x->version] : NULL;
		enum sim_kind kind = (enum sim_kind)e->kind;
		bool resend = x->version >= 0 && x->version == last[x->ev];

		if (x->version >= 0)
			last[x->ev] = x->version;
		if (!shown(kind))
			continue;
		if (kind == SIM_PERIOD_START && !started) {
			frame_add(&fs, x->at_ms, "marker", true, g->epoch_ms + g->tipoff_ms,
			    simple_marker(g, "JERSEY_COLORS"));
			frame_add(&fs, x->at_ms, "marker", true, g->epoch_ms + g->tipoff_ms,
			    simple_marker(g, "GAME_START"));
			started = true;
		}
		if (is_marker(kind)) {
			if (p != NULL)
				frame_add(&fs, x->at_ms, "marker", true, e->seq,
				    marker_json(g, p, marker_name(kind)));
			continue;
		}
		details_send(g, &fs, c, &es[x->ev], x, resend);
		if (kind == SIM_TIMEOUT && p != NULL)
			frame_add(&fs, x->at_ms, "marker", true, e->seq,
			    marker_json(g, p, "TIMEOUT"));
		stats_frames(g, &fs, c, x->at_ms, e->seq, &vcap);
	}
	for (i = 0; i < g->nposs; i++)
		if (g->poss[i].end_ts > 0)
			frame_add(&fs, g->poss[i].send_ms, "possessions", true,
			    g->poss[i].end_ts, possession_json(g, &g->poss[i]));
	clock_frames(g, &fs);

	if (!fs.failed) {
		game_end_last(&fs);
		qsort(fs.f, fs.n, sizeof *fs.f, cmp_frame);
		g->st_msgs = calloc(fs.n + 1, sizeof *g->st_msgs);
		if (g->st_msgs == NULL)
			fs.failed = true;
	}
	for (i = 0; i < fs.n; i++) {
		struct frame *f = &fs.f[i];
		struct sim_buf b;

		if (!fs.failed) {
			sim_buf_init(&b);
			sim_buf_printf(&b, "{\"source\":\"%s\",", f->source);
			if (f->sequenced)
				sim_buf_printf(&b, "\"seq\":%lld,", (long long)++seq);
			sim_buf_printf(&b, "\"timestamp\":%lld,\"data\":", (long long)f->timestamp);
			sim_buf_puts(&b, f->data);
			sim_buf_puts(&b, "}");
			g->st_msgs[g->st_n].at_ms = f->at_ms;
			g->st_msgs[g->st_n].seq = f->sequenced ? seq : 0;
			g->st_msgs[g->st_n].json = sim_buf_take(&b);
			if (g->st_msgs[g->st_n].json == NULL)
				fs.failed = true;
			else
				g->st_n++;
		}
		free(f->data);
	}
	if (fs.failed)
		rc = -1;
	free(fs.f);
	for (i = 0; i < g->nevents; i++) {
		int k;

		for (k = 0; k < es[i].n; k++) {
			free(es[i].items[k].content);
			free(es[i].items[k].first);
		}
		free(es[i].items);
	}
	free(es);
	free(last);
	free(c);
	return rc;
}

size_t
sim_game_st_stream(const struct sim_game *g, const struct sim_msg **msgs)
{
	if (g == NULL) {
		if (msgs != NULL)
			*msgs = NULL;
		return 0;
	}
	if (msgs != NULL)
		*msgs = g->st_msgs;
	return g->st_n;
}

/* --- REST --- */

static int
find_event(const struct sim_game *g, enum sim_kind kind, int period)
{
	size_t i;

	for (i = 0; i < g->nevents; i++)
		if (g->events[i].kind == kind && g->events[i].period == period)
			return (int)i;
	return -1;
}

static const char *
status_of(const struct sim_tally *t)
{
	return t->over ? "COMPLETE" : t->started ? "ACTIVE" : "SCHEDULED";
}

/* One GAME_ROUND of the game event, if its period has started by `v`.  The
 * vendor's shape labels no period and lists the sensor-data windows. */
static bool
st_round(struct sim_buf *b, const struct sim_game *g, const struct sim_view *v,
    int period, bool first)
{
	const char *sid = g->st_session_id[period - 1];
	int ev = find_event(g, SIM_PERIOD_START, period);
	int end = find_event(g, SIM_PERIOD_END, period);
	bool ended = end >= 0 && v->cur[end] >= 0;
	char name[8];

	if (ev < 0 || v->cur[ev] < 0)
		return false;
	sim_buf_printf(b, "%s{\"id\":\"%s\",\"name\":null,\"type\":\"GAME_ROUND\",",
	    first ? "" : ",", sid);
	if (!g->opt.st_seed_shape)
		sim_buf_printf(b, "\"period\":\"%s\",",
		    sim_period_name(g, period, name, sizeof name));
	sim_buf_printf(b, "\"started_at\":%lld,\"ended_at\":", (long long)g->events[ev].seq);
	if (ended)
		sim_buf_printf(b, "%lld", (long long)g->events[end].seq);
	else
		sim_buf_puts(b, "null");
	sim_buf_printf(b, ",\"_stats\":\"https://api.shottracker.com/v1/data/stats/%s/stats\","
	    "\"_stats_details\":\"https://api.shottracker.com/v1/data/stats/%s/stats/details\","
	    "\"_shots\":\"https://api.shottracker.com/v1/data/stats/%s/shots\","
	    "\"_locations\":[", sid, sid, sid);
	if (g->opt.st_seed_shape && ended)
		sim_buf_printf(b, "\"https://api.shottracker.com/v1/data/sensors/locations"
		    "?id=%s&from=%lld&to=%lld\"", sid, (long long)g->events[ev].seq,
		    (long long)g->events[end].seq);
	sim_buf_printf(b, "],"
	    "\"_possessions\":\"https://api.shottracker.com/v1/data/stats/%s/possessions\","
	    "\"_possessions_summary\":\"https://api.shottracker.com/v1/data/stats/%s/possessions/summary\"}",
	    sid, sid);
	return true;
}

/* The feed time of the first event of `kind` seen by `v`, or -1. */
static int64_t
st_seen_at(const struct sim_game *g, const struct sim_view *v, enum sim_kind kind)
{
	size_t i;

	for (i = 0; i < g->nevents; i++)
		if (g->events[i].kind == kind && v->cur[i] >= 0)
			return g->events[i].seq;
	return -1;
}

static void
st_time_or_null(struct sim_buf *b, int64_t t)
{
	if (t >= 0)
		sim_buf_printf(b, "%lld", (long long)t);
	else
		sim_buf_puts(b, "null");
}

/*
 * After the rounds, the vendor's shape (seeds page 000, key for key): no
 * status, the game's own started_at/ended_at, the teams only under
 * game_attributes.
 */
static void
st_seed_tail(struct sim_buf *b, const struct sim_game *g, const struct sim_view *v,
    const struct sim_tally *t)
{
	sim_buf_puts(b, "],\"source\":\"SHOTTRACKER\",\"is_practice_event\":false,"
	    "\"is_game_event\":true,\"started_at\":");
	st_time_or_null(b, t->started ? st_seen_at(g, v, SIM_PERIOD_START) : -1);
	sim_buf_puts(b, ",\"ended_at\":");
	st_time_or_null(b, t->over ? st_seen_at(g, v, SIM_GAME_END) : -1);
	sim_buf_printf(b, ",\"game_type\":\"%s\","
	    "\"_self\":\"https://api.shottracker.com/v1/data/games/%s\","
	    "\"totals\":{\"_stats_details\":"
	    "\"https://api.shottracker.com/v1/data/stats/games/%s/stats/details\"},"
	    "\"reference_id\":\"%s\",\"game_attributes\":{\"home_team_id\":%s,"
	    "\"home_team_name\":", g->opt.halves ? "HALF" : "QUARTER", g->st_id, g->st_id,
	    g->sr_id, g->team[CS_HOME].st_id);
	sim_buf_str(b, g->team[CS_HOME].name);
	sim_buf_printf(b, ",\"away_team_id\":%s,\"away_team_name\":", g->team[CS_AWAY].st_id);
	sim_buf_str(b, g->team[CS_AWAY].name);
	sim_buf_puts(b, "}}");
}

char *
sim_game_st_event(const struct sim_game *g, int64_t at_ms)
{
	struct sim_view v;
	struct sim_tally t;
	struct sim_buf b;
	int period;
	char vs[64];
	bool first = true;

	if (g == NULL || sim_view_at(g, at_ms, &v) < 0)
		return NULL;
	sim_tally_view(g, &v, CS_PROVIDER_SHOTTRACKER, &t);
	sim_buf_init(&b);
	sim_buf_printf(&b, "{\"id\":\"%s\",\"name\":", g->st_id);
	/* the vendor's example names the home team first */
	snprintf(vs, sizeof vs, "%s vs %s", g->team[g->opt.st_seed_shape ? CS_HOME : CS_AWAY].name,
	    g->team[g->opt.st_seed_shape ? CS_AWAY : CS_HOME].name);
	sim_buf_str(&b, vs);
	if (g->opt.st_seed_shape)
		sim_buf_puts(&b, ",\"results\":[");
	else
		sim_buf_printf(&b, ",\"status\":\"%s\",\"game_type\":\"%s\",\"home_team_id\":%s,"
		    "\"away_team_id\":%s,\"tipoff_at\":%lld,\"results\":[", status_of(&t),
		    g->opt.halves ? "HALF" : "QUARTER", g->team[CS_HOME].st_id,
		    g->team[CS_AWAY].st_id, (long long)(g->epoch_ms + g->tipoff_ms));
	for (period = 1; period <= g->nperiods; period++)
		if (st_round(&b, g, &v, period, first))
			first = false;
	if (g->opt.st_seed_shape)
		st_seed_tail(&b, g, &v, &t);
	else
		sim_buf_puts(&b, "]}");
	sim_view_free(&v);
	return sim_buf_take(&b);
}

const char *
sim_game_st_team_id(const struct sim_game *g, int side)
{
	if (g == NULL || side < 0 || side > 1)
		return NULL;
	return g->team[side].st_id;
}

char *
sim_game_st_roster(const struct sim_game *g, int side)
{
	static const char *const positions[] = { "guard", "forward", "center" };
	const struct sim_team *t;
	struct sim_buf b;
	int i;

	if (g == NULL || side < 0 || side > 1)
		return NULL;
	t = &g->team[side];
	sim_buf_init(&b);
	sim_buf_printf(&b, "{\"id\":%s,\"name\":", t->st_id);
	sim_buf_str(&b, t->name);
	sim_buf_printf(&b, ",\"abbr\":\"%s\",\"city\":", t->alias);
	sim_buf_str(&b, t->market);
	sim_buf_printf(&b, ",\"color_rgb\":\"%06X\",\"gender\":\"MEN\","
	    "\"conference_name\":null,\"league_name\":\"%s\",\"sport\":\"BASKETBALL\","
	    "\"reference_id\":\"%s\",\"logo_image_link\":null,\"players\":[",
	    (unsigned)t->color, g->opt.halves ? "NCAA" : "NBA", t->reference);
	for (i = 0; i < t->nplayers; i++) {
		const struct sim_player *p = &t->players[i];
		int k = p->pos == 'G' ? 0 : p->pos == 'F' ? 1 : 2;

		sim_buf_printf(&b, "%s{\"id\":%s,\"first_name\":", i ? "," : "", p->st_id);
		sim_buf_str(&b, p->first);
		sim_buf_puts(&b, ",\"last_name\":");
		sim_buf_str(&b, p->last);
		sim_buf_puts(&b, ",\"display_name\":");
		sim_buf_str(&b, p->full);
		sim_buf_printf(&b, ",\"jersey_number\":%d,\"jersey_number_str\":\"%s\","
		    "\"position\":\"%s\",\"position_abbr\":\"%c\",\"is_starter\":%s,"
		    "\"is_active\":true,\"reference_id\":\"%s\",\"sensor\":%d}",
		    (int)strtol(p->jersey, NULL, 10), p->jersey, positions[k], p->pos,
		    p->starter ? "true" : "false", p->reference, 100600 + i + 20 * side);
	}
	sim_buf_puts(&b, "]}");
	return sim_buf_take(&b);
}

/* Was this item, as shown now, first sent differently (a revision)? */
static bool
revised(const struct sim_game *g, int ev, int64_t at_ms, const struct item *x,
    const char *content)
{
	const struct sim_event *e = &g->events[ev];
	struct item it[ITEMS_MAX];
	int k, n, i;

	for (k = 0; k < e->nsends; k++) {
		const struct sim_send *s = &g->sends[g->ev_sends[e->send0 + k]];

		if (s->at_ms > at_ms)
			break;
		if (s->version < 0)
			continue;
		n = items_of(g, ev, &g->versions[s->version], it);
		for (i = 0; i < n; i++) {
			char *first;
			bool differs;

			if (strcmp(it[i].identity, x->identity) != 0)
				continue;
			first = item_content(g, ev, &g->versions[s->version], &it[i]);
			differs = first == NULL || strcmp(first, content) != 0;
			free(first);
			return differs;
		}
	}
	return false;
}

static void
stats_resource(struct sim_buf *b, const struct sim_game *g, const struct sim_view *v)
{
	int sums[2][SIM_ROSTER_MAX + 1][K_COUNT];
	int64_t version[2][SIM_ROSTER_MAX + 1];
	struct item it[ITEMS_MAX];
	size_t k;
	int side, slot, n, i;
	bool first = true;

	memset(sums, 0, sizeof sums);
	memset(version, 0, sizeof version);
	for (k = 0; k < g->nevents; k++) {
		if (v->cur[k] < 0)
			continue;
		n = items_of(g, (int)k, &g->versions[v->cur[k]], it);
		for (i = 0; i < n; i++) {
			slot = it[i].player >= 0 ? it[i].player : SIM_ROSTER_MAX;
			if (slot != SIM_ROSTER_MAX)
				line_add(sums[it[i].side][slot], &it[i], 1, false);
			line_add(sums[it[i].side][SIM_ROSTER_MAX], &it[i], 1, true);
		}
	}
	for (k = 0; k < g->nst_versions && g->st_versions[k].at_ms <= v->at_ms; k++) {
		const struct sim_stat_version *sv = &g->st_versions[k];

		version[sv->side][sv->player >= 0 ? sv->player : SIM_ROSTER_MAX] = sv->version;
	}
	sim_buf_puts(b, "\"stats\":[");
	for (side = 0; side < 2; side++) {
		for (slot = 0; slot <= SIM_ROSTER_MAX; slot++) {
			if (slot < SIM_ROSTER_MAX && slot >= g->team[side].nplayers)
				continue;
			sim_buf_printf(b, "%s{\"teamId\":\"%s\",\"playerId\":", first ? "" : ",",
			    g->team[side].st_id);
			first = false;
			if (slot == SIM_ROSTER_MAX)
				sim_buf_puts(b, "null");
			else
				sim_buf_printf(b, "\"%s\"", g->team[side].players[slot].st_id);
			sim_buf_puts(b, ",\"stats\":");
			stats_map(b, sums[side][slot], true);
			sim_buf_printf(b, ",\"version\":%lld}", (long long)version[side][slot]);
		}
	}
	sim_buf_puts(b, "]");
}

static void
details_resource(struct sim_buf *b, const struct sim_game *g, const struct sim_view *v,
    bool details, bool shots)
{
	struct item it[ITEMS_MAX];
	size_t k;
	int n, i;
	bool first = true;

	sim_buf_puts(b, details ? "\"details\":[" : "\"shots\":[");
	for (k = 0; k < g->nevents; k++) {
		int ev = g->order[k];
		const struct sim_play *p;

		if (v->cur[ev] < 0)
			continue;
		p = &g->versions[v->cur[ev]];
		if (!shown((enum sim_kind)p->kind) || is_marker((enum sim_kind)p->kind))
			continue;
		n = items_of(g, ev, p, it);
		for (i = 0; i < n; i++) {
			char *content, *json;

			if (shots && !details) {
				if (!it[i].shot)
					continue;
				json = shot_json(g, p, &it[i], g->events[ev].seq, false);
			} else {
				content = item_content(g, ev, p, &it[i]);
				if (content == NULL) {
					b->failed = true;
					return;
				}
				json = item_json(content, revised(g, ev, v->at_ms, &it[i], content),
				    false);
				free(content);
			}
			if (json == NULL) {
				b->failed = true;
				return;
			}
			sim_buf_puts(b, first ? "" : ",");
			sim_buf_puts(b, json);
			free(json);
			first = false;
		}
	}
	sim_buf_puts(b, "]");
}

static void
possessions_resource(struct sim_buf *b, const struct sim_game *g, int64_t at_ms)
{
	size_t i;
	bool first = true;

	sim_buf_puts(b, "\"possessions\":[");
	for (i = 0; i < g->nposs; i++) {
		char *json;

		if (g->poss[i].end_ts == 0 || g->poss[i].send_ms > at_ms)
			continue;
		json = possession_json(g, &g->poss[i]);
		if (json == NULL) {
			b->failed = true;
			return;
		}
		sim_buf_puts(b, first ? "" : ",");
		sim_buf_puts(b, json);
		free(json);
		first = false;
	}
	sim_buf_puts(b, "]");
}

static void
game_totals(struct sim_buf *b, const struct sim_game *g, const struct sim_tally *t)
{
	char clock[16], period[8];
	int i;

	sim_game_clock(t->clock, clock, sizeof clock);
	sim_buf_printf(b, "\"gameTotals\":{\"awayTeamScore\":{\"teamId\":\"%s\",\"value\":%d},"
	    "\"homeTeamScore\":{\"teamId\":\"%s\",\"value\":%d},\"period\":\"%s\","
	    "\"gameClock\":\"%s\",\"status\":\"%s\",\"periodTotals\":[",
	    g->team[CS_AWAY].st_id, t->team[CS_AWAY].points, g->team[CS_HOME].st_id,
	    t->team[CS_HOME].points, sim_period_name(g, t->period, period, sizeof period),
	    clock, status_of(t));
	for (i = 1; i <= t->period && t->started; i++)
		sim_buf_printf(b, "%s{\"awayTeamScore\":{\"teamId\":\"%s\",\"value\":%d},"
		    "\"homeTeamScore\":{\"teamId\":\"%s\",\"value\":%d},\"period\":\"%s\","
		    "\"sessionId\":\"%s\"}", i > 1 ? "," : "", g->team[CS_AWAY].st_id,
		    t->team[CS_AWAY].period_points[i - 1], g->team[CS_HOME].st_id,
		    t->team[CS_HOME].period_points[i - 1],
		    sim_period_name(g, i, period, sizeof period), g->st_session_id[i - 1]);
	sim_buf_puts(b, "]}");
}

char *
sim_game_st_catchup(const struct sim_game *g, const char *resources, int64_t at_ms)
{
	static const char *const names[] = { "stats", "details", "shots", "possessions" };
	int want[4], nwant = 0, i, r;
	const char *p = resources, *comma;
	struct sim_view v;
	struct sim_tally t;
	struct sim_buf b;
	size_t len;

	if (g == NULL || resources == NULL || *resources == '\0')
		return NULL;
	/* a comma list of known names; a repeated name counts once */
	while (*p != '\0') {
		comma = strchr(p, ',');
		len = comma != NULL ? (size_t)(comma - p) : strlen(p);
		for (r = 0; r < 4; r++)
			if (strlen(names[r]) == len && strncmp(p, names[r], len) == 0)
				break;
		if (r == 4)
			return NULL;
		for (i = 0; i < nwant && want[i] != r; i++)
			continue;
		if (i == nwant)
			want[nwant++] = r;
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	if (nwant == 0 || sim_view_at(g, at_ms, &v) < 0)
		return NULL;
	sim_tally_view(g, &v, CS_PROVIDER_SHOTTRACKER, &t);
	sim_buf_init(&b);
	sim_buf_puts(&b, "{");
	for (i = 0; i < nwant; i++) {
		switch (want[i]) {
		case 0: stats_resource(&b, g, &v); break;
		case 1: details_resource(&b, g, &v, true, false); break;
		case 2: details_resource(&b, g, &v, false, true); break;
		default: possessions_resource(&b, g, at_ms); break;
		}
		sim_buf_puts(&b, ",");
	}
	game_totals(&b, g, &t);
	sim_buf_puts(&b, "}");
	sim_view_free(&v);
	return sim_buf_take(&b);
}

static void
lineup_entry(struct sim_buf *b, const struct sim_game *g, const struct sim_view *v,
    int ev, bool *first)
{
	const struct sim_play *q = &g->versions[v->cur[ev]];
	char clock[16], period[8];
	int i;

	sim_game_clock(q->clock, clock, sizeof clock);
	sim_buf_printf(b, "%s{\"teamId\":\"%s\",\"playerIds\":[", *first ? "" : ",",
	    g->team[q->side].st_id);
	for (i = 0; i < SIM_FIVE; i++)
		sim_buf_printf(b, "%s\"%s\"", i ? "," : "",
		    g->team[q->side].players[q->five[q->side][i]].st_id);
	sim_buf_printf(b, "],\"timestamp\":%lld,\"period\":\"%s\",\"gameClock\":\"%s\"}",
	    (long long)g->events[ev].seq,
	    sim_period_name(g, q->period, period, sizeof period), clock);
	*first = false;
}

char *
sim_game_st_lineups(const struct sim_game *g, int64_t timestamp_ms, int64_t at_ms)
{
	struct sim_view v;
	struct sim_buf b;
	int in_force[2] = { -1, -1 }, side, ev;
	bool first = true;
	size_t k;

	if (g == NULL || sim_view_at(g, at_ms, &v) < 0)
		return NULL;
	sim_buf_init(&b);
	sim_buf_puts(&b, "{\"lineups\":[");
	for (k = 0; k < g->nevents; k++) {
		ev = g->order[k];
		if (v.cur[ev] < 0 || g->events[ev].kind != SIM_LINEUP)
			continue;
		if (timestamp_ms < 0)
			lineup_entry(&b, g, &v, ev, &first);       /* the whole history */
		else if (g->events[ev].seq <= timestamp_ms)
			in_force[g->versions[v.cur[ev]].side] = ev;
	}
	for (side = 0; side < 2 && timestamp_ms >= 0; side++)
		if (in_force[side] >= 0)
			lineup_entry(&b, g, &v, in_force[side], &first);
	sim_buf_puts(&b, "]}");
	sim_view_free(&v);
	return sim_buf_take(&b);
}
