/* courtside-sim's league night (see league.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sim/league.h"
#include "sim/sim_names.h"
#include "sim/simgame_internal.h"

struct sim_league {
	int n;
	struct sim_league_game g[SIM_LEAGUE_MAX];
	struct sim_msg *moved[SIM_LEAGUE_MAX][2];   /* owned shifted copies */
	struct sim_msg *sr_all;
	size_t sr_all_n;
};

/* Its messages, `by` ms later (a malloc'd copy; the JSON is the game's). */
static struct sim_msg *
moved_copy(const struct sim_msg *m, size_t n, int64_t by)
{
	struct sim_msg *c = calloc(n + 1, sizeof *c);
	size_t i;

	if (c == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		c[i] = m[i];
		c[i].at_ms += by;
	}
	return c;
}

static int
by_time(const void *a, const void *b)
{
	const struct sim_msg *x = a, *y = b;

	if (x->at_ms != y->at_ms)
		return x->at_ms < y->at_ms ? -1 : 1;
	/* equal times: game order, each game's in sending order */
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The league-wide push stream: every game's, merged by time; one game's
 * messages keep their order (equal times stay in sending order). */
static int
merge_sr(struct sim_league *l)
{
	size_t total = 0, k = 0, i;
	struct sim_msg *all;
	int j;

	for (j = 0; j < l->n; j++)
		total += l->g[j].sr_n;
	all = calloc(total + 1, sizeof *all);
	if (all == NULL)
		return -1;
	for (j = 0; j < l->n; j++)
		for (i = 0; i < l->g[j].sr_n; i++) {
			all[k] = l->g[j].sr[i];
			/* seq is unused on this stream: it orders the merge */
			all[k].seq = (int64_t)k;
			k++;
		}
	qsort(all, total, sizeof *all, by_time);
	l->sr_all = all;
	l->sr_all_n = total;
	return 0;
}

static int
add_game(struct sim_league *l, int i, struct sim_game *g,
    int (*st_describe)(const struct sim_msg *, size_t, struct sim_st_info *))
{
	struct sim_league_game *lg = &l->g[i];
	const struct sim_msg *st, *sr;

	lg->game = g;
	lg->tipoff_ms = (int64_t)i * SIM_LEAGUE_STAGGER_MS;
	lg->st_n = sim_game_st_stream(g, &st);
	lg->sr_n = sim_game_sr_stream(g, &sr);
	l->moved[i][0] = moved_copy(st, lg->st_n, lg->tipoff_ms);
	l->moved[i][1] = moved_copy(sr, lg->sr_n, lg->tipoff_ms);
	lg->st_info = calloc(lg->st_n + 1, sizeof *lg->st_info);
	if (l->moved[i][0] == NULL || l->moved[i][1] == NULL || lg->st_info == NULL)
		return -1;
	lg->st = l->moved[i][0];
	lg->sr = l->moved[i][1];
	return st_describe(st, lg->st_n, lg->st_info);
}

void
sim_league_night_teams(uint64_t seed, int i, int n, int teams[2])
{
	int perm[64], k, j, t, count = (int)sim_nteam_names;
	uint64_t x = seed * 0x9e3779b97f4a7c15ULL + 1;

	teams[0] = teams[1] = 0;
	if (n < 2 || i < 0 || 2 * i + 1 >= count || count > 64)
		return;
	for (k = 0; k < count; k++)
		perm[k] = k;
	for (k = count - 1; k > 0; k--) {   /* Fisher-Yates on a xorshift */
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		j = (int)(x % (uint64_t)(k + 1));
		t = perm[k];
		perm[k] = perm[j];
		perm[j] = t;
	}
	teams[0] = perm[2 * i] + 1;
	teams[1] = perm[2 * i + 1] + 1;
}

struct sim_league *
sim_league_new(struct sim_game *first, const struct sim_options *base, int n,
    int (*st_describe)(const struct sim_msg *, size_t, struct sim_st_info *))
{
	struct sim_league *l;
	struct sim_options o;
	struct sim_game *g;
	int i;

	if (n < 1 || n > SIM_LEAGUE_MAX || (l = calloc(1, sizeof *l)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		o = *base;
		o.seed = base->seed + (uint64_t)i;
		sim_league_night_teams(base->seed, i, n, o.night_teams);
		g = i == 0 ? first : sim_game_generate(&o);
		if (g == NULL) {
			sim_league_free(&l);
			return NULL;
		}
		l->n = i + 1;
		if (add_game(l, i, g, st_describe) < 0) {
			sim_league_free(&l);
			return NULL;
		}
	}
	if (merge_sr(l) < 0)
		sim_league_free(&l);
	return l;
}

void
sim_league_free(struct sim_league **lp)
{
	struct sim_league *l = *lp;
	int i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++) {
		if (i > 0)
			sim_game_free(&l->g[i].game);
		free(l->moved[i][0]);
		free(l->moved[i][1]);
		free(l->g[i].st_info);
	}
	free(l->sr_all);
	free(l);
	*lp = NULL;
}

int
sim_league_count(const struct sim_league *l)
{
	return l != NULL ? l->n : 0;
}

const struct sim_league_game *
sim_league_game(const struct sim_league *l, int i)
{
	return l != NULL && i >= 0 && i < l->n ? &l->g[i] : NULL;
}

int
sim_league_find(const struct sim_league *l, enum cs_provider p, const char *id)
{
	int i;

	for (i = 0; l != NULL && i < l->n; i++)
		if (strcmp(sim_game_id(l->g[i].game, p), id) == 0)
			return i;
	return -1;
}

size_t
sim_league_sr_all(const struct sim_league *l, const struct sim_msg **msgs)
{
	*msgs = l->sr_all;
	return l->sr_all_n;
}

/* ---- the schedules ---- */

static int64_t
tipoff_wall(const struct sim_league_clock *c, int64_t feed_ms)
{
	double speed = c->speed > 0 ? c->speed : 1.0;

	return c->wall_now_ms + (int64_t)((double)(feed_ms - c->feed_now) / speed);
}

/* Where game i stands now: its tally at its own feed time. */
static void
standing(const struct sim_league_game *lg, const struct sim_league_clock *c,
    struct sim_tally *t)
{
	struct sim_view v;

	memset(t, 0, sizeof *t);
	if (sim_view_at(lg->game, c->feed_now - lg->tipoff_ms, &v) < 0)
		return;
	sim_tally_view(lg->game, &v, CS_PROVIDER_SPORTRADAR, t);
	sim_view_free(&v);
}

static void
st_game(struct sim_buf *b, const struct sim_league_game *lg, int64_t tip,
    const struct sim_tally *t, bool first)
{
	const struct sim_game *g = lg->game;
	const char *status = t->over ? "FINAL" : t->started ? "ACTIVE" : "SCHEDULED";

	sim_buf_printf(b, "%s{\"event_id\":\"%s\",\"facility_name\":\"Sim Arena\","
	    "\"court_name\":\"main court\",\"tournament\":null,\"tipoff_at\":%lld,"
	    "\"gender\":\"MEN\",\"status\":\"%s\",\"type\":\"BASKETBALL\","
	    "\"home_team_id\":%s,\"home_team_name\":", first ? "" : ",",
	    g->st_id, (long long)tip, status, g->team[CS_HOME].st_id);
	sim_buf_str(b, g->team[CS_HOME].name);
	sim_buf_printf(b, ",\"away_team_id\":%s,\"away_team_name\":",
	    g->team[CS_AWAY].st_id);
	sim_buf_str(b, g->team[CS_AWAY].name);
	sim_buf_printf(b, ",\"officials_team_id\":0,\"reference_id\":\"%s\","
	    "\"fan_engagement_enabled\":false,\"source\":\"SHOTTRACKER\"}", g->reference);
}

char *
sim_league_st_schedule(const struct sim_league *l, const struct sim_league_clock *c,
    int64_t from_ms, int64_t to_ms, const char *team_id)
{
	struct sim_buf b;
	struct sim_tally t;
	const struct sim_league_game *lg;
	int64_t tip;
	bool first = true;
	int i;

	sim_buf_init(&b);
	sim_buf_puts(&b, "{\"games\":[");
	for (i = 0; i < l->n; i++) {
		lg = &l->g[i];
		tip = tipoff_wall(c, lg->tipoff_ms);
		if (tip < from_ms || tip >= to_ms)
			continue;
		if (team_id != NULL && strcmp(team_id, lg->game->team[0].st_id) != 0 &&
		    strcmp(team_id, lg->game->team[1].st_id) != 0)
			continue;
		standing(lg, c, &t);
		st_game(&b, lg, tip, &t, first);
		first = false;
	}
	sim_buf_puts(&b, "]}");
	return sim_buf_take(&b);
}

static void
sr_team(struct sim_buf *b, const char *key, const struct sim_team *tm)
{
	sim_buf_printf(b, ",\"%s\":{\"name\":", key);
	sim_buf_str(b, tm->name);
	sim_buf_printf(b, ",\"alias\":\"%s\",\"id\":\"%s\",\"sr_id\":\"sr:team:3%s\","
	    "\"reference\":\"%s\"}", tm->alias, tm->sr_id, tm->st_id, tm->reference);
}

static void
sr_game(struct sim_buf *b, const struct sim_league_game *lg, int64_t tip,
    const struct sim_tally *t, bool first)
{
	const struct sim_game *g = lg->game;
	char iso[32];
	time_t s = (time_t)(tip / 1000);
	struct tm tm;

	if (gmtime_r(&s, &tm) == NULL ||
	    strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%S+00:00", &tm) == 0)
		cs_strlcpy(iso, "1970-01-01T00:00:00+00:00", sizeof iso);
	sim_buf_printf(b, "%s{\"id\":\"%s\",\"status\":\"%s\",\"coverage\":\"full\","
	    "\"scheduled\":\"%s\",\"reference\":\"%s\",\"sr_id\":\"sr:match:%llu\"",
	    first ? "" : ",", g->sr_id,
	    t->over ? "closed" : t->started ? "inprogress" : "scheduled", iso,
	    g->reference, 40000000ULL + g->opt.seed % 10000000);
	if (t->started)
		sim_buf_printf(b, ",\"home_points\":%d,\"away_points\":%d",
		    t->team[CS_HOME].points, t->team[CS_AWAY].points);
	sim_buf_puts(b, ",\"venue\":{\"name\":\"Sim Arena\"}");
	sr_team(b, "home", &g->team[CS_HOME]);
	sr_team(b, "away", &g->team[CS_AWAY]);
	sim_buf_puts(b, "}");
}

char *
sim_league_sr_schedule(const struct sim_league *l, const struct sim_league_clock *c,
    int year, int month, int day)
{
	struct sim_buf b;
	struct sim_tally t;
	struct tm tm;
	time_t s;
	int64_t tip;
	bool first = true;
	int i;

	sim_buf_init(&b);
	sim_buf_printf(&b, "{\"date\":\"%04d-%02d-%02d\",\"league\":{\"alias\":\"SIM\","
	    "\"name\":\"Sim League\"},\"games\":[", year, month, day);
	for (i = 0; i < l->n; i++) {
		tip = tipoff_wall(c, l->g[i].tipoff_ms);
		s = (time_t)(tip / 1000);
		/* the league day is the simulator's local day */
		if (localtime_r(&s, &tm) == NULL || tm.tm_year + 1900 != year ||
		    tm.tm_mon + 1 != month || tm.tm_mday != day)
			continue;
		standing(&l->g[i], c, &t);
		sr_game(&b, &l->g[i], tip, &t, first);
		first = false;
	}
	sim_buf_puts(&b, "]}");
	return sim_buf_take(&b);
}
