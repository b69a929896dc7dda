/*
 * The simulator's game: plausible basketball, exact wire shapes, and a
 * ground truth that adds up.
 *
 * For 200 seeds (quarters, with a share of halves, forced overtime and
 * plain games) the truth at the end is checked against the generator's own
 * play list: points, line score, minutes, fouls and free throws, foul-outs,
 * possessions, overtime.  Both providers' truths must agree number for
 * number, the REST documents must agree with them, and replaying each live
 * stream as a client would (upsert by id, delete by id) must end where REST
 * ends.  A subset of seeds gets every stream line and frame parsed and its
 * keys checked, REST documents at several times, and mid-game truths.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "sim/simgame.h"
#include "sim/simgame_internal.h"
#include "tap.h"

/* Sanitized builds check memory, not basketball: fewer seeds keep them quick. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define CS_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define CS_SANITIZED 1
#endif
#endif
#ifdef CS_SANITIZED
#define SEEDS 50
#else
#define SEEDS 200
#endif

/* A check run many times: one TAP line, with the first failure as a diagnostic. */
struct check {
	const char *name;
	int runs, failures;
	char first[320];
};

enum {
	C_PARSE, C_POINTS, C_PERIODS, C_MINUTES, C_FT_TRIPS, C_FOULS, C_FOULOUT,
	C_POSSESSIONS, C_OVERTIME, C_PROVIDERS, C_REST_TOTALS, C_SR_REPLAY,
	C_ST_REPLAY, C_ST_STATS, C_SHOTS, C_SR_WIRE, C_ST_WIRE, C_ST_SEQ,
	C_REST_PARSE, C_REST_GROWS, C_MIDGAME, C_TIME_AT, C_COACH, C_QUALIFIERS,
	C_ST_END_LAST, C_COUNT
};

static struct check checks[C_COUNT] = {
	[C_PARSE] = { "truth JSON parses with the §5 keys" },
	[C_POINTS] = { "team points = made shots + made free throws of the play list = generator's score" },
	[C_PERIODS] = { "period points add up to the total" },
	[C_MINUTES] = { "each team's minutes add up to 5 x game length (truncation only)" },
	[C_FT_TRIPS] = { "every free throw belongs to a foul; shooting fouls give 1 (and-one), 2 or 3" },
	[C_FOULS] = { "personal fouls: players' = team total = PF statistics in the plays" },
	[C_FOULOUT] = { "nobody passes the foul limit; a fouled-out player does not play on" },
	[C_POSSESSIONS] = { "possessions per team in regulation: 90-110 (quarters), 70-95 (halves)" },
	[C_OVERTIME] = { "no tie at the end; overtime exactly when regulation (or an OT) ends tied; forced OT happens" },
	[C_PROVIDERS] = { "Sportradar and ShotTracker truths agree number for number" },
	[C_REST_TOTALS] = { "summary.json, catch-up gameTotals and stats agree with the truth" },
	[C_SR_REPLAY] = { "replaying the push stream (upsert/delete by id) ends at pbp.json" },
	[C_ST_REPLAY] = { "replaying details frames (by identity) ends at the catch-up and the truth" },
	[C_ST_STATS] = { "the last ShotTracker stats frame per player equals the stats resource" },
	[C_SHOTS] = { "shots lie on the court, threes only beyond the line, twos inside it" },
	[C_SR_WIRE] = { "every push line parses and has the §3/§4.2 keys" },
	[C_ST_WIRE] = { "every ShotTracker frame parses and has the wire keys" },
	[C_ST_SEQ] = { "ShotTracker seqs: 1, 2, 3... on details/shots/marker/possessions only" },
	[C_REST_PARSE] = { "REST documents at several times parse and have their keys" },
	[C_REST_GROWS] = { "REST documents grow monotonically over feed time" },
	[C_MIDGAME] = { "mid-game truths are consistent and agree across providers" },
	[C_TIME_AT] = { "sim_game_time_at is monotonic and inside the game" },
	[C_COACH] = { "coach's numbers: periods add up to the game, within the game's bounds" },
	[C_QUALIFIERS] = { "qualifiers: paint on made twos only, none on technical free throws" },
	[C_ST_END_LAST] = { "ShotTracker: nothing but clock frames after GAME_END (the client closes its socket there)" },
};

static uint64_t cur_seed;

__attribute__((format(printf, 3, 4)))
static bool
expect(int c, bool cond, const char *fmt, ...)
{
	va_list ap;
	char msg[256];

	checks[c].runs++;
	if (cond)
		return true;
	if (checks[c].failures++ == 0) {
		va_start(ap, fmt);
		vsnprintf(msg, sizeof msg, fmt, ap);
		va_end(ap);
		snprintf(checks[c].first, sizeof checks[c].first, "seed %llu: %s",
		    (unsigned long long)cur_seed, msg);
	}
	return false;
}

/* --- json helpers --- */

static struct json_object *
jpath(struct json_object *o, const char *path)
{
	char key[64];
	const char *dot;
	size_t n;

	while (o != NULL && *path != '\0') {
		dot = strchr(path, '.');
		n = dot != NULL ? (size_t)(dot - path) : strlen(path);
		if (n >= sizeof key)
			return NULL;
		memcpy(key, path, n);
		key[n] = '\0';
		if (!json_object_is_type(o, json_type_object) ||
		    !json_object_object_get_ex(o, key, &o))
			return NULL;
		path += n + (dot != NULL);
	}
	return o;
}

static bool
has(struct json_object *o, const char *path)
{
	return jpath(o, path) != NULL;
}

/* A key that may hold null. */
static bool
has_key(struct json_object *o, const char *key)
{
	return o != NULL && json_object_is_type(o, json_type_object) &&
	    json_object_object_get_ex(o, key, NULL);
}

static int
jint(struct json_object *o, const char *path)
{
	return json_object_get_int(jpath(o, path));
}

static const char *
jstr(struct json_object *o, const char *path)
{
	struct json_object *v = jpath(o, path);

	return v != NULL && json_object_is_type(v, json_type_string) ?
	    json_object_get_string(v) : "";
}

static size_t
jlen(struct json_object *o, const char *path)
{
	struct json_object *v = jpath(o, path);

	return v != NULL && json_object_is_type(v, json_type_array) ?
	    json_object_array_length(v) : 0;
}

static struct json_object *
jidx(struct json_object *o, const char *path, size_t i)
{
	struct json_object *v = jpath(o, path);

	return v != NULL && json_object_is_type(v, json_type_array) ?
	    json_object_array_get_idx(v, i) : NULL;
}

static struct json_object *
parse(const char *s)
{
	return s != NULL ? json_tokener_parse(s) : NULL;
}

/* --- the play list, as the test reads it --- */

static const struct sim_play *
shown(const struct sim_game *g, const struct sim_view *v, size_t k)
{
	int ev = g->order[k];

	return v->cur[ev] >= 0 ? &g->versions[v->cur[ev]] : NULL;
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

static int
game_seconds(const struct sim_game *g)
{
	int n = g->nperiods;

	return (n <= g->regulation ? n * g->period_tenths :
	    g->regulation * g->period_tenths + (n - g->regulation) * g->ot_tenths) / 10;
}

static const char *const line_keys[] = { "seconds", "fgm", "fga", "tpm", "tpa", "ftm",
    "fta", "oreb", "dreb", "reb", "ast", "stl", "blk", "tov", "pf", "pts", "plus_minus" };
#define NLINE (sizeof line_keys / sizeof line_keys[0])

static double
jnum(struct json_object *o, const char *path)
{
	return json_object_get_double(jpath(o, path));
}

/* The coach's figures that do not depend on qualifiers: the same for both
 * providers, for the game and each period. */
static bool
same_coach_numbers(struct json_object *ta, struct json_object *tb, char *why, size_t size)
{
	static const char *const keys[] = { "bench_points", "biggest_lead",
	    "most_unanswered", "time_leading", "possessions", "offensive_rating",
	    "defensive_rating", "effective_fg_pct", "true_shooting_pct", "tov_pct",
	    "oreb_pct", "ft_rate" };
	struct json_object *a = jpath(ta, "analytics"), *b = jpath(tb, "analytics");
	size_t k, i, n = jlen(a, "periods");

	for (i = 0; i <= n; i++) {
		struct json_object *x = i == 0 ? a : jidx(a, "periods", i - 1);
		struct json_object *y = i == 0 ? b : jidx(b, "periods", i - 1);

		for (k = 0; k < sizeof keys / sizeof keys[0]; k++)
			if (x == NULL || y == NULL || jnum(x, keys[k]) != jnum(y, keys[k])) {
				snprintf(why, size, "analytics period %zu %s %g vs %g", i,
				    keys[k], jnum(x, keys[k]), jnum(y, keys[k]));
				return false;
			}
	}
	return n == jlen(b, "periods");
}

/* Compare two truths (different providers) on every number. */
static bool
same_numbers(struct json_object *a, struct json_object *b, char *why, size_t size)
{
	static const char *const team_keys[] = { "points", "team_rebounds",
	    "team_turnovers", "team_fouls_period", "timeouts_left" };
	size_t s, i, k;

	if (jint(a, "game.lead_changes") != jint(b, "game.lead_changes") ||
	    jint(a, "game.times_tied") != jint(b, "game.times_tied")) {
		snprintf(why, size, "lead changes or times tied");
		return false;
	}
	for (s = 0; s < 2; s++) {
		struct json_object *ta = jidx(a, "teams", s), *tb = jidx(b, "teams", s);

		if (!same_coach_numbers(ta, tb, why, size))
			return false;

		for (k = 0; k < sizeof team_keys / sizeof team_keys[0]; k++)
			if (jint(ta, team_keys[k]) != jint(tb, team_keys[k])) {
				snprintf(why, size, "team %zu %s %d vs %d", s, team_keys[k],
				    jint(ta, team_keys[k]), jint(tb, team_keys[k]));
				return false;
			}
		for (k = 1; k < NLINE - 1; k++) {
			char path[32];

			snprintf(path, sizeof path, "totals.%s", line_keys[k]);
			if (jint(ta, path) != jint(tb, path)) {
				snprintf(why, size, "team %zu %s", s, path);
				return false;
			}
		}
		if (jlen(ta, "players") != jlen(tb, "players"))
			return false;
		for (i = 0; i < jlen(ta, "players"); i++) {
			struct json_object *pa = jidx(ta, "players", i), *pb = jidx(tb, "players", i);

			if (strcmp(jstr(pa, "name"), jstr(pb, "name")) != 0)
				return false;
			for (k = 0; k < NLINE; k++)
				if (jint(pa, line_keys[k]) != jint(pb, line_keys[k])) {
					snprintf(why, size, "%s %s %d vs %d", jstr(pa, "name"),
					    line_keys[k], jint(pa, line_keys[k]), jint(pb, line_keys[k]));
					return false;
				}
		}
	}
	return true;
}

/* --- the coach's numbers --- */

/* Over every quarters game: per team, the qualifier-made figures (index 0-3:
 * paint, fast break, second chance, off turnovers), Sportradar's and
 * ShotTracker's, and free throws carrying a possession's qualifiers. */
static long coach_sum[2][4];
static int coach_teams, ft_with_qualifiers;

static void
check_coach_team(const struct sim_game *g, struct json_object *team, int prov)
{
	static const char *const counted[] = { "points_in_paint", "fast_break_pts",
	    "second_chance_pts", "points_off_turnovers", "bench_points", "time_leading" };
	struct json_object *a = jpath(team, "analytics");
	size_t k, i;
	int sum;

	for (k = 0; k < sizeof counted / sizeof counted[0]; k++) {
		sum = 0;
		for (i = 0; i < jlen(a, "periods"); i++)
			sum += jint(jidx(a, "periods", i), counted[k]);
		/* time leading: whole seconds per period, tenths summed for the game */
		expect(C_COACH, k == 5 ? sum <= jint(a, counted[k]) &&
		    sum + (int)jlen(a, "periods") >= jint(a, counted[k]) :
		    sum == jint(a, counted[k]), "%s: periods %d, game %d", counted[k], sum,
		    jint(a, counted[k]));
	}
	expect(C_COACH, jint(a, "points_in_paint") <= jint(team, "points") &&
	    jint(a, "bench_points") <= jint(team, "points") &&
	    jint(a, "time_leading") <= game_seconds(g) &&
	    jint(a, "most_unanswered") <= jint(team, "points") &&
	    jnum(a, "possessions") > 0 && (int)jlen(a, "periods") == g->nperiods,
	    "figures out of bounds: paint %d bench %d of %d", jint(a, "points_in_paint"),
	    jint(a, "bench_points"), jint(team, "points"));
	if (g->opt.halves)
		return;
	for (k = 0; k < 4; k++)
		coach_sum[prov][k] += jint(a, counted[k]);
	coach_teams += prov == 0;
}

static void
check_qualifiers(const struct sim_game *g, const struct sim_view *v)
{
	size_t i;
	int k;

	for (i = 0; i < g->nevents; i++) {
		const struct sim_play *p = shown(g, v, i);
		const struct sim_stat *fg, *ft;

		if (p == NULL)
			continue;
		fg = stat_of(p, SIM_S_FG);
		ft = stat_of(p, SIM_S_FT);
		if (p->qualifiers & SIM_Q_PAINT)
			expect(C_QUALIFIERS, fg != NULL && fg->made && !fg->three,
			    "paint on a play that is no made two");
		if (ft != NULL && p->ft_type == SIM_FT_TECHNICAL)
			expect(C_QUALIFIERS, p->qualifiers == 0, "a technical free throw qualified");
		k = SIM_Q_2NDCHANCE | SIM_Q_FASTBREAK | SIM_Q_FROMTURNOVER;
		ft_with_qualifiers += ft != NULL && ft->made && (p->qualifiers & k);
	}
}

/* --- the truth at the end --- */

static void
check_truth_keys(struct json_object *t, enum cs_provider p, const struct sim_game *g)
{
	struct json_object *team, *pl;
	bool ok_keys = t != NULL && has(t, "game.provider") && has(t, "game.id") &&
	    has(t, "game.status") && has(t, "game.period.type") &&
	    has(t, "game.period.number") && has(t, "game.period.sequence") &&
	    has(t, "game.clock") && jlen(t, "teams") == 2;
	size_t s, k;

	if (!expect(C_PARSE, ok_keys, "game keys"))
		return;
	expect(C_PARSE, strcmp(jstr(t, "game.provider"), p == CS_PROVIDER_SPORTRADAR ?
	    "sportradar" : "shottracker") == 0, "provider");
	expect(C_PARSE, strcmp(jstr(t, "game.id"), sim_game_id(g, p)) == 0, "game id");
	for (s = 0; s < 2; s++) {
		team = jidx(t, "teams", s);
		expect(C_PARSE, strcmp(jstr(team, "side"), s ? "away" : "home") == 0, "side");
		expect(C_PARSE, has(team, "id") && has(team, "name") && has(team, "alias") &&
		    has(team, "points") && has(team, "periods") && has(team, "totals.pts") &&
		    has(team, "team_rebounds") && has(team, "team_turnovers") &&
		    has(team, "team_fouls_period") && has(team, "timeouts_left"), "team keys");
		expect(C_PARSE, strcmp(jstr(team, "id"), p == CS_PROVIDER_SPORTRADAR ?
		    g->team[s].sr_id : g->team[s].st_id) == 0, "team id");
		expect(C_PARSE, (int)jlen(team, "players") == g->team[s].nplayers, "roster");
		for (k = 0; k < jlen(team, "players"); k++) {
			pl = jidx(team, "players", k);
			expect(C_PARSE, has(pl, "id") && has(pl, "name") && has(pl, "jersey") &&
			    has(pl, "starter") && has(pl, "on_court") && has(pl, "plus_minus") &&
			    has(pl, "seconds"), "player keys");
			/* starters first */
			if (k > 0)
				expect(C_PARSE, json_object_get_boolean(jpath(pl, "starter")) <=
				    json_object_get_boolean(jpath(jidx(team, "players", k - 1),
				    "starter")), "starters first");
		}
	}
}

/* How often the trips the free-throw +/- rule must survive were played. */
static int dead_ball_rebounds_seen, technicals_between_seen;

/* The free-throw trips and foul counts, from the play list. */
static void
check_fouls(const struct sim_game *g, const struct sim_view *v, struct json_object *t)
{
	int pf_seen[2][SIM_ROSTER_MAX], trip_n = 0, trip_k = 0, trip_side = -1;
	int trip_player = -1, trip_foul = 0, fouls[2][SIM_ROSTER_MAX], fta = 0;
	/* a technical between two free throws: its own one-shot trip, then
	 * the interrupted one goes on */
	int saved[5] = { 0, 0, -1, -1, 0 };
	bool interrupted = false;
	bool out[2][SIM_ROSTER_MAX];
	const struct sim_play *last_fg = NULL;
	size_t k;
	int s, i;

	memset(pf_seen, 0, sizeof pf_seen);
	memset(fouls, 0, sizeof fouls);
	memset(out, 0, sizeof out);
	for (k = 0; k < g->nevents; k++) {
		const struct sim_play *p = shown(g, v, k);
		const struct sim_stat *pf, *fd, *ft;

		if (p == NULL)
			continue;
		if (p->kind == SIM_FIELD_GOAL || p->kind == SIM_HEAVE || p->kind == SIM_FREE_THROW ||
		    p->kind == SIM_REBOUND || p->kind == SIM_JUMPBALL)
			for (s = 0; s < 2; s++)
				for (i = 0; i < SIM_FIVE; i++)
					expect(C_FOULOUT, !out[s][p->five[s][i]],
					    "%s plays on after fouling out",
					    g->team[s].players[p->five[s][i]].full);
		switch (p->kind) {
		case SIM_FOUL:
			if (trip_k > 1 && trip_k <= trip_n && p->foul == SIM_FOUL_TECHNICAL &&
			    !interrupted) {
				saved[0] = trip_n, saved[1] = trip_k, saved[2] = trip_side;
				saved[3] = trip_player, saved[4] = trip_foul;
				interrupted = true;
				technicals_between_seen++;
			} else {
				expect(C_FT_TRIPS, trip_k == 0 || trip_k > trip_n,
				    "a foul in the middle of a free-throw trip");
			}
			pf = stat_of(p, SIM_S_PF);
			fd = stat_of(p, SIM_S_FD);
			trip_foul = p->foul;
			trip_n = 0;
			trip_k = 1;
			trip_side = p->side >= 0 ? !p->side : -1;
			trip_player = fd != NULL ? fd->player : -1;
			if (pf != NULL) {
				pf_seen[pf->side][pf->player]++;
				if (++fouls[pf->side][pf->player] >= g->foul_limit)
					out[pf->side][pf->player] = true;
			}
			break;
		case SIM_FREE_THROW:
			ft = stat_of(p, SIM_S_FT);
			fta++;
			if (!expect(C_FT_TRIPS, trip_k >= 1 && ft != NULL,
			    "free throw %d of %d without a foul", p->ft_k, p->ft_n))
				break;
			if (trip_k == 1) {
				trip_n = p->ft_n;
				if (trip_foul == SIM_FOUL_SHOOTING)
					expect(C_FT_TRIPS, trip_n >= 1 && trip_n <= 3 &&
					    (trip_n != 1 || (last_fg != NULL &&
					    stat_of(last_fg, SIM_S_FG)->made &&
					    last_fg->clock == p->clock)),
					    "shooting foul gives %d free throws", trip_n);
				else if (trip_foul == SIM_FOUL_TECHNICAL)
					expect(C_FT_TRIPS, trip_n == 1, "technical gives %d", trip_n);
				else
					expect(C_FT_TRIPS, trip_n == 2, "%d free throws on foul %d",
					    trip_n, trip_foul);
			}
			expect(C_FT_TRIPS, p->ft_k == trip_k && p->ft_n == trip_n,
			    "free throw %d of %d, expected %d of %d", p->ft_k, p->ft_n,
			    trip_k, trip_n);
			expect(C_FT_TRIPS, ft->side == trip_side &&
			    (trip_foul == SIM_FOUL_TECHNICAL || ft->player == trip_player),
			    "the wrong shooter");
			trip_k++;
			if (interrupted && trip_k > trip_n) {
				trip_n = saved[0], trip_k = saved[1], trip_side = saved[2];
				trip_player = saved[3], trip_foul = saved[4];
				interrupted = false;
			}
			break;
		case SIM_REBOUND:
			/* a missed free throw that is not the last: a dead ball */
			if ((p->qualifiers & SIM_Q_DEADBALL) && trip_k > 1 && trip_k <= trip_n) {
				expect(C_FT_TRIPS, stat_of(p, SIM_S_REB) != NULL &&
				    stat_of(p, SIM_S_REB)->player < 0 && p->side == trip_side,
				    "a dead-ball rebound is the shooting team's");
				dead_ball_rebounds_seen++;
				break;
			}
			/* FALLTHROUGH */
		case SIM_FIELD_GOAL:
		case SIM_HEAVE:
		case SIM_TURNOVER:
		case SIM_JUMPBALL:
		case SIM_PERIOD_END:
			if (trip_k == 1 && trip_foul == SIM_FOUL_SHOOTING)
				expect(C_FT_TRIPS, false, "a shooting foul without free throws");
			if (trip_k > 1)
				expect(C_FT_TRIPS, trip_k > trip_n, "a trip cut short");
			trip_k = 0;
			if (p->kind == SIM_FIELD_GOAL)
				last_fg = p;
			break;
		default:
			break;
		}
	}
	for (s = 0; s < 2; s++) {
		struct json_object *team = jidx(t, "teams", (size_t)s);
		int sum = 0, sum_fta = 0;

		for (i = 0; i < g->team[s].nplayers; i++) {
			struct json_object *pl = NULL;
			size_t k2;

			for (k2 = 0; k2 < jlen(team, "players"); k2++)
				if (strcmp(jstr(jidx(team, "players", k2), "id"),
				    g->team[s].players[i].sr_id) == 0)
					pl = jidx(team, "players", k2);
			expect(C_FOULS, pl != NULL && jint(pl, "pf") == pf_seen[s][i],
			    "%s pf", g->team[s].players[i].full);
			expect(C_FOULOUT, pl != NULL && jint(pl, "pf") <= g->foul_limit,
			    "%s has %d fouls", g->team[s].players[i].full, jint(pl, "pf"));
			sum += pl != NULL ? jint(pl, "pf") : 0;
			sum_fta += pl != NULL ? jint(pl, "fta") : 0;
		}
		expect(C_FOULS, sum == jint(team, "totals.pf"), "team pf %d vs %d", sum,
		    jint(team, "totals.pf"));
		expect(C_FT_TRIPS, sum_fta == jint(team, "totals.fta"), "team fta");
	}
	expect(C_FT_TRIPS, fta == jint(jidx(t, "teams", 0), "totals.fta") +
	    jint(jidx(t, "teams", 1), "totals.fta"), "free throws in plays vs truth");
}

static void
check_shots(const struct sim_game *g, const struct sim_view *v, int made[3], int att[3])
{
	size_t k;

	for (k = 0; k < g->nevents; k++) {
		const struct sim_play *p = shown(g, v, k);
		const struct sim_stat *fg;
		int bx, dx, dy;
		double d;
		bool three;

		if (p == NULL || (p->kind != SIM_FIELD_GOAL && p->kind != SIM_HEAVE))
			continue;
		fg = stat_of(p, SIM_S_FG);
		if (!expect(C_SHOTS, fg != NULL && p->has_loc, "a shot without location"))
			continue;
		expect(C_SHOTS, p->x >= 0 && p->x <= 1128 && p->y >= 0 && p->y <= 600,
		    "off the court (%d,%d)", p->x, p->y);
		bx = sim_basket(g, p->side, p->period) ? 1065 : 63;
		dx = abs(p->x - bx);
		dy = p->y - 300;
		d = sqrt((double)dx * dx + (double)dy * dy);
		if (bx == 63 && p->x < 63)
			dx = -dx;
		if (bx == 1065 && p->x > 1065)
			dx = -dx;
		three = dx <= 107 ? abs(dy) >= 264 : d >= 285;
		expect(C_SHOTS, three == fg->three, "a %s from (%d,%d), %.1f ft",
		    fg->three ? "three" : "two", p->x, p->y, d / 12);
		if (p->kind == SIM_HEAVE)
			continue;
		/* zones for the make rates: rim < 4 ft, threes, the rest */
		{
			int z = fg->three ? 2 : d < 48 ? 0 : 1;

			att[z]++;
			made[z] += fg->made;
		}
	}
}

/* Replay the push stream as a client: upsert by id, delete by id. */
static void
check_sr_replay(const struct sim_game *g, struct json_object *pbp)
{
	const struct sim_msg *m;
	size_t n = sim_game_sr_stream(g, &m), i, k, np, shown_n = 0;
	struct json_object **state = calloc(g->nevents + 1, sizeof *state);
	char **ids = calloc(g->nevents + 1, sizeof *ids);
	size_t nids = 0;
	bool all = true;

	if (state == NULL || ids == NULL)
		abort();
	for (i = 0; i < n; i++) {
		struct json_object *o = parse(m[i].json), *ev;
		const char *id;

		if (o == NULL)
			continue;
		ev = jpath(o, "payload.event");
		id = jstr(ev, "id");
		for (k = 0; k < nids && strcmp(ids[k], id) != 0; k++)
			continue;
		if (k == nids) {
			if (nids >= g->nevents) {
				json_object_put(o);
				continue;
			}
			ids[nids++] = strdup(id);
		}
		if (state[k] != NULL)
			json_object_put(state[k]);
		state[k] = NULL;
		if (strcmp(jstr(o, "metadata.operation"), "delete") != 0) {
			state[k] = ev;
			json_object_get(ev);
		}
		json_object_put(o);
	}
	/* every event in pbp.json is in the replayed state with the same type,
	 * and nothing else is */
	np = jlen(pbp, "periods");
	for (i = 0; i < np; i++) {
		struct json_object *per = jidx(pbp, "periods", i);

		for (k = 0; k < jlen(per, "events"); k++) {
			struct json_object *e = jidx(per, "events", k);
			size_t j;

			for (j = 0; j < nids && strcmp(ids[j], jstr(e, "id")) != 0; j++)
				continue;
			all = all && j < nids && state[j] != NULL &&
			    strcmp(jstr(state[j], "event_type"), jstr(e, "event_type")) == 0 &&
			    strcmp(jstr(state[j], "updated"), jstr(e, "updated")) == 0;
			shown_n++;
		}
	}
	for (k = 0; k < nids; k++)
		if (state[k] != NULL)
			shown_n--;
	expect(C_SR_REPLAY, all && shown_n == 0, "replayed stream differs from pbp.json");
	for (k = 0; k < nids; k++) {
		if (state[k] != NULL)
			json_object_put(state[k]);
		free(ids[k]);
	}
	free(state);
	free(ids);
}

/* Replay details frames by identity and the stats frames by version. */
static void
check_st_replay(const struct sim_game *g, struct json_object *catchup,
    struct json_object *truth)
{
	const struct sim_msg *m;
	size_t n = sim_game_st_stream(g, &m), i, k, cap = 4096, nitems = 0;
	struct it {
		char id[64];
		char team[8];
		int pts;
		bool live;
	} *items = calloc(cap, sizeof *items);
	struct last {
		char player[8];
		long long version;
		int pts;
	} last[2 * SIM_ROSTER_MAX + 2];
	size_t nlast = 0;
	int pts[2] = { 0, 0 }, live = 0;

	if (items == NULL)
		abort();
	for (i = 0; i < n; i++) {
		struct json_object *o, *d;
		char id[64];

		/* only details and stats matter here; skip the clock's chatter cheaply */
		if (strncmp(m[i].json, "{\"source\":\"details\"", 19) != 0 &&
		    strncmp(m[i].json, "{\"source\":\"stats\"", 17) != 0)
			continue;
		o = parse(m[i].json);
		if (o == NULL)
			continue;
		d = jpath(o, "data");
		if (strcmp(jstr(o, "source"), "details") == 0) {
			snprintf(id, sizeof id, "%s:%lld:%s", jstr(d, "key.actorId"),
			    (long long)json_object_get_int64(jpath(d, "key.timestamp")),
			    jstr(d, "baseStats"));
			for (k = 0; k < nitems && strcmp(items[k].id, id) != 0; k++)
				continue;
			if (k == nitems && nitems < cap)
				snprintf(items[nitems++].id, sizeof items[0].id, "%s", id);
			if (k < nitems) {
				items[k].live = !json_object_get_boolean(jpath(d, "deleted"));
				items[k].pts = jint(d, "stats.PTS");
				snprintf(items[k].team, sizeof items[k].team, "%s", jstr(d, "teamId"));
			}
		} else if (strcmp(jstr(o, "source"), "stats") == 0 &&
		    jpath(d, "player_id") != NULL) {
			char pid[8];

			snprintf(pid, sizeof pid, "%d", jint(d, "player_id"));
			for (k = 0; k < nlast && strcmp(last[k].player, pid) != 0; k++)
				continue;
			if (k == nlast && nlast < sizeof last / sizeof last[0]) {
				snprintf(last[nlast].player, sizeof last[0].player, "%s", pid);
				last[nlast++].version = -1;
			}
			if (k < nlast) {
				expect(C_ST_STATS, json_object_get_int64(jpath(d, "version")) >
				    last[k].version, "stats versions go down");
				last[k].version = json_object_get_int64(jpath(d, "version"));
				last[k].pts = jint(d, "stats.PTS");
			}
		}
		json_object_put(o);
	}
	for (k = 0; k < nitems; k++) {
		if (!items[k].live)
			continue;
		live++;
		pts[strcmp(items[k].team, g->team[0].st_id) == 0 ? 0 : 1] += items[k].pts;
	}
	expect(C_ST_REPLAY, live == (int)jlen(catchup, "details"),
	    "%d live items replayed, catch-up has %zu", live, jlen(catchup, "details"));
	expect(C_ST_REPLAY, pts[0] == jint(jidx(truth, "teams", 0), "points") &&
	    pts[1] == jint(jidx(truth, "teams", 1), "points"),
	    "replayed points %d-%d", pts[0], pts[1]);
	/* the stats frames end where the stats resource is */
	for (i = 0; i < jlen(catchup, "stats"); i++) {
		struct json_object *e = jidx(catchup, "stats", i);

		if (jpath(e, "playerId") == NULL)
			continue;
		for (k = 0; k < nlast && strcmp(last[k].player, jstr(e, "playerId")) != 0; k++)
			continue;
		if (k == nlast) {
			expect(C_ST_STATS, json_object_get_int64(jpath(e, "version")) == 0,
			    "a version without frames");
			continue;
		}
		expect(C_ST_STATS, last[k].version == json_object_get_int64(jpath(e, "version")) &&
		    last[k].pts == jint(e, "stats.PTS"), "player %s: frame v%lld %d pts, "
		    "resource v%lld %d pts", last[k].player, last[k].version, last[k].pts,
		    (long long)json_object_get_int64(jpath(e, "version")), jint(e, "stats.PTS"));
	}
	free(items);
}

/* The REST documents at the end against the truth. */
static void
check_rest_totals(const struct sim_game *g, struct json_object *truth_sr,
    struct json_object *truth_st, struct json_object *summary, struct json_object *catchup)
{
	static const char *const st_keys[][2] = { { "pts", "PTS" }, { "fgm", "FG" },
	    { "fga", "FGA" }, { "tpm", "FG3" }, { "tpa", "FGA3" }, { "ftm", "FT" },
	    { "fta", "FTA" }, { "ast", "AST" }, { "stl", "STL" }, { "blk", "BLK" },
	    { "pf", "PF" } };
	size_t s, i, k, j;

	for (s = 0; s < 2; s++) {
		struct json_object *ts = jidx(truth_sr, "teams", s), *tt = jidx(truth_st, "teams", s);
		const char *side = s ? "away" : "home";
		char path[64];

		snprintf(path, sizeof path, "%s.points", side);
		expect(C_REST_TOTALS, jint(summary, path) == jint(ts, "points"), "summary points");
		snprintf(path, sizeof path, "gameTotals.%sTeamScore.value", s ? "away" : "home");
		expect(C_REST_TOTALS, jint(catchup, path) == jint(tt, "points"), "gameTotals");
		snprintf(path, sizeof path, "%s.statistics.rebounds", side);
		expect(C_REST_TOTALS, jint(summary, path) == jint(ts, "totals.reb"), "summary reb");
		snprintf(path, sizeof path, "%s.players", side);
		for (i = 0; i < jlen(summary, path); i++) {
			struct json_object *sp = jidx(summary, path, i), *tp = NULL;

			for (k = 0; k < jlen(ts, "players"); k++)
				if (strcmp(jstr(jidx(ts, "players", k), "id"), jstr(sp, "id")) == 0)
					tp = jidx(ts, "players", k);
			expect(C_REST_TOTALS, tp != NULL &&
			    jint(sp, "statistics.points") == jint(tp, "pts") &&
			    jint(sp, "statistics.pls_min") == jint(tp, "plus_minus") &&
			    json_object_get_boolean(jpath(sp, "starter")) ==
			    json_object_get_boolean(jpath(tp, "starter")), "summary player");
		}
		/* ShotTracker's published stats are item sums: an independent count */
		for (i = 0; i < jlen(catchup, "stats"); i++) {
			struct json_object *e = jidx(catchup, "stats", i), *tp = NULL;

			if (strcmp(jstr(e, "teamId"), g->team[s].st_id) != 0)
				continue;
			if (jpath(e, "playerId") == NULL) {
				expect(C_REST_TOTALS, jint(e, "stats.PTS") == jint(tt, "points") &&
				    jint(e, "stats.REB") == jint(tt, "totals.reb") &&
				    jint(e, "stats.TO") == jint(tt, "totals.tov") &&
				    jint(e, "stats.FGA") == jint(tt, "totals.fga") &&
				    jint(e, "stats.AST") == jint(tt, "totals.ast"),
				    "team line PTS %d REB %d TO %d vs truth %d %d %d",
				    jint(e, "stats.PTS"), jint(e, "stats.REB"), jint(e, "stats.TO"),
				    jint(tt, "points"), jint(tt, "totals.reb"), jint(tt, "totals.tov"));
				continue;
			}
			for (k = 0; k < jlen(tt, "players"); k++)
				if (strcmp(jstr(jidx(tt, "players", k), "id"), jstr(e, "playerId")) == 0)
					tp = jidx(tt, "players", k);
			if (!expect(C_REST_TOTALS, tp != NULL, "stats player unknown"))
				continue;
			for (j = 0; j < sizeof st_keys / sizeof st_keys[0]; j++) {
				char key[32];

				snprintf(key, sizeof key, "stats.%s", st_keys[j][1]);
				expect(C_REST_TOTALS, jint(e, key) == jint(tp, st_keys[j][0]),
				    "%s %s %d vs truth %d", jstr(tp, "name"), st_keys[j][1],
				    jint(e, key), jint(tp, st_keys[j][0]));
			}
		}
	}
}

static void
check_end(const struct sim_game *g, bool forced, bool replay)
{
	struct sim_view v;
	struct json_object *tsr, *tst, *summary, *pbp, *catchup;
	char *s_sr, *s_st, *s, why[200];
	int side, sum, k, pts[2] = { 0, 0 }, reg[2] = { 0, 0 }, cum[2] = { 0, 0 };
	size_t i;

	s_sr = sim_game_truth_json(g, CS_PROVIDER_SPORTRADAR, SIM_END);
	s_st = sim_game_truth_json(g, CS_PROVIDER_SHOTTRACKER, SIM_END);
	tsr = parse(s_sr);
	tst = parse(s_st);
	check_truth_keys(tsr, CS_PROVIDER_SPORTRADAR, g);
	check_truth_keys(tst, CS_PROVIDER_SHOTTRACKER, g);
	free(s_sr);
	free(s_st);
	if (tsr == NULL || tst == NULL || sim_view_at(g, SIM_END, &v) < 0) {
		json_object_put(tsr);
		json_object_put(tst);
		return;
	}
	expect(C_PARSE, strcmp(jstr(tsr, "game.status"), "closed") == 0, "status %s",
	    jstr(tsr, "game.status"));
	expect(C_PARSE, strcmp(jstr(tsr, "game.clock"), "0:00.0") == 0, "clock %s",
	    jstr(tsr, "game.clock"));

	/* points from the play list: made field goals 2 or 3, made free throws 1 */
	for (i = 0; i < g->nevents; i++) {
		const struct sim_play *p = shown(g, &v, i);

		for (k = 0; p != NULL && k < p->nstats; k++) {
			const struct sim_stat *st = &p->stats[k];

			if (st->kind == SIM_S_FG && st->made)
				pts[st->side] += st->three ? 3 : 2;
			if (st->kind == SIM_S_FT && st->made)
				pts[st->side] += 1;
		}
	}
	for (side = 0; side < 2; side++) {
		struct json_object *team = jidx(tsr, "teams", (size_t)side);

		expect(C_POINTS, jint(team, "points") == pts[side] &&
		    pts[side] == g->score[side] && jint(team, "totals.pts") == pts[side],
		    "truth %d, plays %d, generator %d", jint(team, "points"), pts[side],
		    g->score[side]);
		sum = 0;
		for (i = 0; i < jlen(team, "periods"); i++) {
			int pp = jint(jidx(team, "periods", i), "points");

			sum += pp;
			if ((int)i < g->regulation)
				reg[side] += pp;
		}
		expect(C_PERIODS, sum == jint(team, "points") &&
		    (int)jlen(team, "periods") == g->nperiods, "periods sum %d", sum);
		sum = 0;
		for (i = 0; i < jlen(team, "players"); i++)
			sum += jint(jidx(team, "players", i), "seconds");
		expect(C_MINUTES, sum <= 5 * game_seconds(g) &&
		    sum >= 5 * game_seconds(g) - g->team[side].nplayers,
		    "%d s played, game %d s", sum, game_seconds(g));
		expect(C_POSSESSIONS, g->opt.halves ?
		    g->reg_possessions[side] >= 70 && g->reg_possessions[side] <= 95 :
		    g->reg_possessions[side] >= 90 && g->reg_possessions[side] <= 110,
		    "%d possessions", g->reg_possessions[side]);
	}
	expect(C_OVERTIME, pts[0] != pts[1], "tied at the end");
	expect(C_OVERTIME, !forced || g->nperiods > g->regulation, "no forced overtime");
	expect(C_OVERTIME, (g->nperiods > g->regulation) == (reg[0] == reg[1]),
	    "regulation %d-%d, %d periods", reg[0], reg[1], g->nperiods);
	for (i = 0; i < (size_t)g->nperiods; i++) {
		cum[0] += jint(jidx(jidx(tsr, "teams", 0), "periods", i), "points");
		cum[1] += jint(jidx(jidx(tsr, "teams", 1), "periods", i), "points");
		if ((int)i + 1 >= g->regulation && (int)i + 1 < g->nperiods)
			expect(C_OVERTIME, cum[0] == cum[1], "period %zu ended %d-%d", i + 1,
			    cum[0], cum[1]);
	}

	check_fouls(g, &v, tsr);
	for (side = 0; side < 2; side++) {
		check_coach_team(g, jidx(tsr, "teams", (size_t)side), 0);
		check_coach_team(g, jidx(tst, "teams", (size_t)side), 1);
	}
	check_qualifiers(g, &v);
	why[0] = '\0';
	expect(C_PROVIDERS, same_numbers(tsr, tst, why, sizeof why), "%s", why);

	s = sim_game_sr_summary(g, SIM_END);
	summary = parse(s);
	free(s);
	/* pbp.json and the details are big; they are read for the replays only */
	s = sim_game_st_catchup(g, replay ? "stats,details" : "stats", SIM_END);
	catchup = parse(s);
	free(s);
	s = replay ? sim_game_sr_pbp(g, SIM_END) : strdup("{}");
	pbp = parse(s);
	free(s);
	if (expect(C_REST_TOTALS, summary != NULL && catchup != NULL && pbp != NULL,
	    "REST at the end does not parse")) {
		check_rest_totals(g, tsr, tst, summary, catchup);
		if (replay) {
			check_sr_replay(g, pbp);
			check_st_replay(g, catchup, tst);
		}
	}
	json_object_put(summary);
	json_object_put(catchup);
	json_object_put(pbp);
	sim_view_free(&v);
	json_object_put(tsr);
	json_object_put(tst);
}

/* --- the wire, line by line --- */

static void
check_sr_wire(const struct sim_game *g)
{
	const struct sim_msg *m;
	size_t n = sim_game_sr_stream(g, &m), i, k, j;
	int64_t prev = -1;
	int deletes = 0, heaves = 0, teamonly = 0, idless = 0;

	expect(C_SR_WIRE, n > 300, "only %zu push lines", n);
	for (i = 0; i < n; i++) {
		struct json_object *o = parse(m[i].json), *ev, *stats;
		const char *type;
		bool del;

		expect(C_SR_WIRE, m[i].at_ms >= prev && m[i].seq == 0 &&
		    strchr(m[i].json, '\n') == NULL, "line %zu order/newline", i);
		prev = m[i].at_ms;
		if (!expect(C_SR_WIRE, o != NULL, "line %zu does not parse", i))
			continue;
		ev = jpath(o, "payload.event");
		type = jstr(ev, "event_type");
		del = strcmp(jstr(o, "metadata.operation"), "delete") == 0;
		expect(C_SR_WIRE, has(o, "payload.game.id") && has(o, "payload.game.status") &&
		    has(o, "payload.game.home.points") && has(o, "payload.game.away.points") &&
		    has(o, "payload.game.home.bonus") &&
		    has(o, "payload.game.away.remaining_timeouts") &&
		    strcmp(jstr(o, "locale"), "en") == 0 &&
		    strcmp(jstr(o, "metadata.version"), "v7") == 0 &&
		    strncmp(jstr(o, "metadata.match"), "sd:match:", 9) == 0 &&
		    strcmp(jstr(o, "metadata.event_type"), type) == 0 &&
		    has(ev, "id") && *type != '\0', "line %zu header keys", i);
		if (del) {
			deletes++;
			expect(C_SR_WIRE, has(ev, "deleted") && !has(ev, "sequence") &&
			    !has(ev, "period") && !has(ev, "on_court") && !has(ev, "statistics") &&
			    !has(o, "metadata.team") && !has(o, "metadata.players") &&
			    strcmp(jstr(o, "metadata.event_category"), "") == 0,
			    "delete line %zu shape", i);
			json_object_put(o);
			continue;
		}
		expect(C_SR_WIRE, strcmp(jstr(o, "metadata.operation"), "update") == 0 &&
		    has(ev, "number") && has(ev, "sequence") &&
		    json_object_get_int64(jpath(ev, "sequence")) > 1000000000000LL &&
		    has(ev, "clock") && has(ev, "clock_decimal") && has(ev, "created") &&
		    has(ev, "updated") && has(ev, "wall_clock") && has(ev, "description") &&
		    has(ev, "home_points") && has(ev, "away_points") && has(ev, "period.id") &&
		    has(ev, "period.number") && has(ev, "period.sequence") &&
		    has(ev, "period.type") && has(o, "metadata.event_category"),
		    "line %zu (%s) event keys", i, type);
		if (strcmp(type, "endperiod") == 0) {
			expect(C_SR_WIRE, !has(ev, "on_court") && !has(ev, "attribution"),
			    "endperiod %zu carries too much", i);
		} else {
			bool fives = jlen(ev, "on_court.home.players") == 5 &&
			    jlen(ev, "on_court.away.players") == 5;
			const char *players = jstr(o, "metadata.players");

			expect(C_SR_WIRE, fives && has(ev, "attribution.team_basket") &&
			    has(o, "metadata.team"), "line %zu (%s) on_court/attribution", i, type);
			for (k = 0; k < 2 && fives; k++)
				for (j = 0; j < 5; j++) {
					struct json_object *p = jidx(ev, k ? "on_court.away.players" :
					    "on_court.home.players", j);

					expect(C_SR_WIRE, has(p, "full_name") && has(p, "jersey_number") &&
					    has(p, "reference"), "on_court player keys");
					idless += !has(p, "id");
				}
			expect(C_SR_WIRE, strncmp(players, "sd:player:", 10) == 0 &&
			    strlen(players) > 10 * 10, "metadata.players");
		}
		heaves += strcmp(type, "heave") == 0;
		if (strcmp(type, "freethrowmade") == 0 || strcmp(type, "freethrowmiss") == 0)
			expect(C_SR_WIRE, has(ev, "attempt"), "free throw without attempt");
		if (strcmp(type, "teamtimeout") == 0)
			expect(C_SR_WIRE, jint(ev, "duration") == 60, "timeout duration");
		if (strcmp(type, "turnover") == 0)
			expect(C_SR_WIRE, has(ev, "turnover_type"), "turnover_type");
		stats = jpath(ev, "statistics");
		for (k = 0; stats != NULL && k < json_object_array_length(stats); k++) {
			struct json_object *st = json_object_array_get_idx(stats, k);
			struct json_object *made = jpath(st, "made");
			const char *stype = jstr(st, "type");

			expect(C_SR_WIRE, has(st, "team.id") && has(st, "team.name") &&
			    *stype != '\0', "statistic keys");
			expect(C_SR_WIRE, made == NULL || json_object_get_boolean(made),
			    "made:false on the wire");
			expect(C_SR_WIRE, !has(st, "three_point_shot") ||
			    json_object_get_boolean(jpath(st, "three_point_shot")),
			    "three_point_shot:false on the wire");
			expect(C_SR_WIRE, (made != NULL) == has(st, "points") ||
			    (strcmp(stype, "fieldgoal") != 0 && strcmp(stype, "freethrow") != 0),
			    "points without made (or made without points)");
			if (strcmp(stype, "fieldgoal") == 0) {
				expect(C_SR_WIRE, has(ev, "location.coord_x") &&
				    has(ev, "location.action_area") && has(st, "shot_type") &&
				    has(st, "shot_distance"), "field goal without location");
				teamonly += !has(st, "player");
			}
			if (has(st, "player"))
				expect(C_SR_WIRE, has(st, "player.id") && has(st, "player.full_name"),
				    "statistic player keys");
		}
		json_object_put(o);
	}
	if (!g->opt.no_corrections)
		expect(C_SR_WIRE, deletes > 0 && teamonly > 0, "no deletes (%d) or first-pass "
		    "entries (%d) in a game with corrections", deletes, teamonly);
	else
		expect(C_SR_WIRE, deletes == 0 && teamonly == 0, "corrections in a plain game");
	(void)heaves;
	(void)idless;
}

static void
check_st_wire(const struct sim_game *g)
{
	static const char *const seq_sources[] = { "details", "shots", "marker", "possessions" };
	const struct sim_msg *m;
	size_t n = sim_game_st_stream(g, &m), i;
	long long seq = 0;
	int64_t prev = -1;
	int markers[8] = { 0 }, corrected = 0, deleted = 0;

	for (i = 0; i < n; i++) {
		struct json_object *o = parse(m[i].json), *d;
		const char *src;
		bool sequenced = false;
		size_t k;

		expect(C_ST_WIRE, m[i].at_ms >= prev, "frame %zu out of time order", i);
		prev = m[i].at_ms;
		if (!expect(C_ST_WIRE, o != NULL, "frame %zu does not parse", i))
			continue;
		src = jstr(o, "source");
		d = jpath(o, "data");
		for (k = 0; k < 4; k++)
			sequenced = sequenced || strcmp(src, seq_sources[k]) == 0;
		expect(C_ST_WIRE, d != NULL && has(o, "timestamp") && (sequenced ||
		    strcmp(src, "clock") == 0 || strcmp(src, "stats") == 0),
		    "frame %zu (%s) envelope", i, src);
		if (sequenced) {
			long long s = (long long)json_object_get_int64(jpath(o, "seq"));

			expect(C_ST_SEQ, s == seq + 1 && m[i].seq == s, "seq %lld after %lld", s, seq);
			seq = s;
		} else {
			expect(C_ST_SEQ, !has(o, "seq") && m[i].seq == 0, "a seq on %s", src);
		}
		if (strcmp(src, "details") == 0) {
			expect(C_ST_WIRE, has(d, "key.actorId") && has(d, "key.timestamp") &&
			    has(d, "baseStats") && has(d, "actualStats") &&
			    has(d, "classification") && has(d, "stats") && has(d, "corrected") &&
			    has(d, "teamId") && has(d, "gameClock") && has(d, "period") &&
			    has(d, "act") && has_key(d, "pid") && has(d, "eventId") &&
			    strcmp(jstr(d, "gameId"), g->st_id) == 0 &&
			    json_object_get_int64(jpath(d, "timestamp")) ==
			    json_object_get_int64(jpath(d, "key.timestamp")),
			    "details frame %zu keys", i);
			if (strcmp(jstr(d, "baseStats"), "FG") == 0 &&
			    strcmp(jstr(d, "classification"), "HEAVE_MISS") != 0)
				expect(C_ST_WIRE, json_object_is_type(jpath(d, "playerX"), json_type_int) &&
				    json_object_is_type(jpath(d, "hoopToEventY"), json_type_int),
				    "a field goal without coordinates");
			corrected += json_object_get_boolean(jpath(d, "corrected"));
			deleted += json_object_get_boolean(jpath(d, "deleted"));
		} else if (strcmp(src, "clock") == 0) {
			expect(C_ST_WIRE, has(d, "period") && has(d, "gameClock") &&
			    has(d, "shotClock") && has(d, "running"), "clock frame keys");
		} else if (strcmp(src, "marker") == 0) {
			static const char *const names[] = { "GAME_START", "PERIOD_START",
			    "PERIOD_END", "LINEUP", "TIMEOUT", "JERSEY_COLORS", "GAME_END" };
			const char *mk = jstr(d, "marker");

			for (k = 0; k < 7 && strcmp(mk, names[k]) != 0; k++)
				continue;
			expect(C_ST_WIRE, k < 7, "marker %s", mk);
			if (k < 7)
				markers[k]++;
			if (k == 3)
				expect(C_ST_WIRE, jlen(d, "playerIds") == 5 && has(d, "teamId"),
				    "LINEUP marker keys");
			if (k == 4)
				expect(C_ST_WIRE, has(d, "remaining") && has(d, "teamId"),
				    "TIMEOUT marker keys");
		} else if (strcmp(src, "stats") == 0) {
			expect(C_ST_WIRE, has(d, "occurred_at") && has(d, "team_id") &&
			    has_key(d, "player_id") && has(d, "stats.PTS") &&
			    has(d, "classification") && has(d, "version"), "stats frame keys");
		} else if (strcmp(src, "shots") == 0) {
			expect(C_ST_WIRE, has(d, "pid") && has(d, "t") && has(d, "st") &&
			    has(d, "is3") && has(d, "px") && has(d, "s"), "shots frame keys");
		} else if (strcmp(src, "possessions") == 0) {
			expect(C_ST_WIRE, has(d, "teamId") && jlen(d, "player_ids") == 5,
			    "possessions frame keys");
		}
		json_object_put(o);
	}
	expect(C_ST_WIRE, markers[0] == 1 && markers[1] == g->nperiods &&
	    markers[2] == g->nperiods && markers[3] >= 2 * g->nperiods &&
	    markers[5] == 1 && markers[6] == 1, "marker counts");
	if (!g->opt.no_corrections)
		expect(C_ST_WIRE, corrected + deleted > 0, "no revisions or retractions");
}

/* REST at several times: parses, keys, and growth. */
static void
check_rest_over_time(const struct sim_game *g)
{
	int64_t end = sim_game_end_ms(g), at;
	int step, prev_pbp = -1, prev_pts = -1, prev_results = -1, prev_lineups = -1;
	int prev_poss = -1, prev_st = -1;

	for (step = 0; step <= 8; step++) {
		struct json_object *pbp, *sum, *ev, *cu, *lu, *lt, *tsr, *tst;
		char *s, why[200];
		int nev = 0, pts, seconds[2] = { 0, 0 }, elapsed;
		size_t i, k;

		at = step == 8 ? SIM_END : end / 8 * step;
		s = sim_game_sr_pbp(g, at);
		pbp = parse(s);
		free(s);
		s = sim_game_sr_summary(g, at);
		sum = parse(s);
		free(s);
		s = sim_game_st_event(g, at);
		ev = parse(s);
		free(s);
		s = sim_game_st_catchup(g, "shots,details,shots,possessions,stats", at);
		cu = parse(s);
		free(s);
		s = sim_game_st_lineups(g, -1, at);
		lu = parse(s);
		free(s);
		s = sim_game_st_lineups(g, g->epoch_ms + (step == 8 ? end : at), at);
		lt = parse(s);
		free(s);
		s = sim_game_truth_json(g, CS_PROVIDER_SPORTRADAR, at);
		tsr = parse(s);
		free(s);
		s = sim_game_truth_json(g, CS_PROVIDER_SHOTTRACKER, at);
		tst = parse(s);
		free(s);
		if (expect(C_REST_PARSE, pbp && sum && ev && cu && lu && lt && tsr && tst,
		    "a document at %lld ms does not parse", (long long)at)) {
			expect(C_REST_PARSE, has(pbp, "id") && has(pbp, "status") &&
			    has(pbp, "home.points") && has(pbp, "away.alias") &&
			    has(pbp, "periods") && has(pbp, "deleted_events") &&
			    has(sum, "home.players") && has(sum, "away.scoring") &&
			    has(ev, "results") && has(ev, "game_type") && has(ev, "home_team_id") &&
			    has(cu, "details") && has(cu, "shots") && has(cu, "stats") &&
			    has(cu, "possessions") && has(cu, "gameTotals.periodTotals") &&
			    has(lu, "lineups") && jlen(lt, "lineups") <= 2, "REST keys at %lld",
			    (long long)at);
			for (i = 0; i < jlen(pbp, "periods"); i++)
				nev += (int)jlen(jidx(pbp, "periods", i), "events");
			nev += (int)jlen(pbp, "deleted_events");
			pts = jint(pbp, "home.points") + jint(pbp, "away.points");
			expect(C_REST_GROWS, nev >= prev_pbp && pts >= prev_pts &&
			    (int)jlen(ev, "results") >= prev_results &&
			    (int)jlen(lu, "lineups") >= prev_lineups &&
			    (int)jlen(cu, "possessions") >= prev_poss &&
			    jint(cu, "gameTotals.homeTeamScore.value") +
			    jint(cu, "gameTotals.awayTeamScore.value") >= prev_st,
			    "shrank at %lld ms", (long long)at);
			prev_pbp = nev;
			prev_pts = pts;
			prev_results = (int)jlen(ev, "results");
			prev_lineups = (int)jlen(lu, "lineups");
			prev_poss = (int)jlen(cu, "possessions");
			prev_st = jint(cu, "gameTotals.homeTeamScore.value") +
			    jint(cu, "gameTotals.awayTeamScore.value");
			expect(C_REST_PARSE, strcmp(jstr(pbp, "status"), jstr(tsr, "game.status")) == 0,
			    "pbp status %s, truth %s", jstr(pbp, "status"), jstr(tsr, "game.status"));

			/* the mid-game truth adds up and agrees across providers */
			why[0] = '\0';
			expect(C_MIDGAME, same_numbers(tsr, tst, why, sizeof why), "at %lld: %s",
			    (long long)at, why);
			elapsed = 0;
			{
				int per = jint(tsr, "game.period.sequence");
				const char *c = jstr(tsr, "game.clock");
				int mm = 0, ss = 0, tt = 0;

				if (sscanf(c, "%d:%d.%d", &mm, &ss, &tt) == 3 &&
				    strcmp(jstr(tsr, "game.status"), "scheduled") != 0) {
					for (k = 1; (int)k < per; k++)
						elapsed += sim_period_tenths(g, (int)k);
					elapsed += sim_period_tenths(g, per) - (mm * 600 + ss * 10 + tt);
				}
			}
			for (k = 0; k < 2; k++) {
				struct json_object *team = jidx(tsr, "teams", k);
				int psum = 0;

				for (i = 0; i < jlen(team, "periods"); i++)
					psum += jint(jidx(team, "periods", i), "points");
				for (i = 0; i < jlen(team, "players"); i++)
					seconds[k] += jint(jidx(team, "players", i), "seconds");
				expect(C_MIDGAME, psum == jint(team, "points") &&
				    jint(team, "totals.pts") == jint(team, "points"),
				    "periods at %lld", (long long)at);
				expect(C_MIDGAME, seconds[k] <= 5 * (elapsed / 10) + 5 &&
				    seconds[k] >= 5 * elapsed / 10 - g->team[k].nplayers - 5,
				    "at %lld: %d s on court after %d s", (long long)at, seconds[k],
				    elapsed / 10);
			}
		}
		json_object_put(pbp);
		json_object_put(sum);
		json_object_put(ev);
		json_object_put(cu);
		json_object_put(lu);
		json_object_put(lt);
		json_object_put(tsr);
		json_object_put(tst);
	}
	expect(C_REST_PARSE, sim_game_st_catchup(g, "stats,bogus", SIM_END) == NULL &&
	    sim_game_st_catchup(g, "", SIM_END) == NULL, "bad resources accepted");
}

static void
check_time_at(const struct sim_game *g)
{
	int64_t prev = -1, t;
	int per, c;

	for (per = 1; per <= g->nperiods; per++) {
		int len = sim_period_tenths(g, per);

		for (c = len; c >= 0; c -= len / 12) {
			t = sim_game_time_at(g, per, c);
			expect(C_TIME_AT, t >= prev && t <= sim_game_end_ms(g),
			    "time_at(%d, %d) = %lld after %lld", per, c, (long long)t,
			    (long long)prev);
			prev = t;
		}
	}
}

static bool
same_game(const struct sim_game *a, const struct sim_game *b)
{
	const struct sim_msg *ma, *mb;
	size_t na, nb, i;
	char *x, *y;
	bool same;

	na = sim_game_sr_stream(a, &ma);
	nb = sim_game_sr_stream(b, &mb);
	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (ma[i].at_ms != mb[i].at_ms || strcmp(ma[i].json, mb[i].json) != 0)
			return false;
	na = sim_game_st_stream(a, &ma);
	nb = sim_game_st_stream(b, &mb);
	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (ma[i].at_ms != mb[i].at_ms || ma[i].seq != mb[i].seq ||
		    strcmp(ma[i].json, mb[i].json) != 0)
			return false;
	x = sim_game_truth_json(a, CS_PROVIDER_SPORTRADAR, SIM_END);
	y = sim_game_truth_json(b, CS_PROVIDER_SPORTRADAR, SIM_END);
	same = x != NULL && y != NULL && strcmp(x, y) == 0;
	free(x);
	free(y);
	x = sim_game_st_catchup(a, "stats,details", sim_game_end_ms(a) / 2);
	y = sim_game_st_catchup(b, "stats,details", sim_game_end_ms(b) / 2);
	same = same && x != NULL && y != NULL && strcmp(x, y) == 0;
	free(x);
	free(y);
	return same;
}

/* Plausible shares per team and game (NBA teams: paint ~50, fast break
 * ~14, second chance ~14, off turnovers ~17). */
static void
coach_shares(void)
{
	static const char *const names[4] = { "paint", "fast break", "second chance",
	    "off turnovers" };
	static const int lo[4] = { 35, 6, 7, 10 }, hi[4] = { 60, 22, 18, 24 };
	int prov, k;
	long avg;

	for (prov = 0; prov < 2; prov++) {
		for (k = 0; k < 4; k++) {
			avg = coach_teams > 0 ? coach_sum[prov][k] / coach_teams : -1;
			ok(avg >= lo[k] && avg <= hi[k], "%s: %s points %ld a team and game "
			    "(plausible: %d-%d)", prov ? "ShotTracker" : "Sportradar", names[k],
			    avg, lo[k], hi[k]);
		}
	}
	ok(ft_with_qualifiers > coach_teams, "made free throws carry their possession's "
	    "qualifiers (%d)", ft_with_qualifiers);
}

/* GAME_END ends a ShotTracker client's socket: every possession and play
 * must be on the wire before it. */
static void
check_st_end_last(const struct sim_game *g)
{
	const struct sim_msg *m;
	size_t n = sim_game_st_stream(g, &m), i, end = n;

	for (i = 0; i < n; i++)
		if (strstr(m[i].json, "\"GAME_END\"") != NULL) {
			end = i;
			break;
		}
	if (!expect(C_ST_END_LAST, end < n, "no GAME_END marker"))
		return;
	for (i = end + 1; i < n; i++)
		if (!expect(C_ST_END_LAST, strncmp(m[i].json, "{\"source\":\"clock\"", 19) == 0 ||
		    strncmp(m[i].json, "{\"source\":\"stats\"", 19) == 0,
		    "after GAME_END: %.60s", m[i].json))
			return;
}

int
main(void)
{
	struct sim_options o;
	struct sim_game *g, *g2;
	int made[3] = { 0, 0, 0 }, att[3] = { 0, 0, 0 }, generated = 0, halves = 0;
	int ots = 0, heaves = 0, close = 0, c;
	uint64_t seed;
	size_t i;

	for (seed = 1; seed <= SEEDS; seed++) {
		struct sim_view v;

		cur_seed = seed;
		memset(&o, 0, sizeof o);
		o.seed = seed;
		o.halves = seed % 5 == 3;
		o.force_overtime = seed % 10 == 7 || seed % 20 == 13;
		o.no_corrections = seed % 10 == 9;
		g = sim_game_generate(&o);
		if (!expect(C_PARSE, g != NULL, "no game"))
			continue;
		generated++;
		halves += o.halves;
		ots += g->nperiods > g->regulation;
		close += abs(g->score[0] - g->score[1]) <= 5;
		/* the stream replays parse every line: half the seeds are enough */
		check_end(g, o.force_overtime, seed % 2 == 1 || o.halves || o.force_overtime);
		if (sim_view_at(g, SIM_END, &v) == 0) {
			check_shots(g, &v, made, att);
			for (i = 0; i < g->nevents; i++)
				heaves += v.cur[i] >= 0 && g->versions[v.cur[i]].kind == SIM_HEAVE;
			sim_view_free(&v);
		}
		check_time_at(g);
		check_st_end_last(g);
		if (seed % 10 == 1 || seed % 20 == 7 || seed % 40 == 13) {
			check_sr_wire(g);
			check_st_wire(g);
			check_rest_over_time(g);
		}
		if (seed <= 4 || seed == 13 || seed == 17) {
			g2 = sim_game_generate(&o);
			ok(g2 != NULL && same_game(g, g2),
			    "seed %llu%s%s: the same seed gives byte-identical streams and truth",
			    (unsigned long long)seed, o.halves ? " (halves)" : "",
			    o.force_overtime ? " (forced OT)" : "");
			sim_game_free(&g2);
		}
		sim_game_free(&g);
	}
	is_int(generated, SEEDS, "every seed generates a game");
	ok(dead_ball_rebounds_seen > SEEDS && technicals_between_seen > 0,
	    "trips with a dead-ball rebound (%d) and a technical (%d) between two free throws",
	    dead_ball_rebounds_seen, technicals_between_seen);
	ok(halves > 0 && ots > SEEDS / 10, "a share of halves (%d) and overtimes (%d)",
	    halves, ots);
	ok(close > SEEDS / 10, "close games happen: %d of %d within 5 points", close, SEEDS);
	ok(heaves > SEEDS / 5, "missed heaves at period ends: %d in %d games", heaves, SEEDS);
	ok(att[0] > 0 && made[0] * 100 / att[0] >= 52 && made[0] * 100 / att[0] <= 68,
	    "make rate at the rim %d%% (about 60%%)", att[0] ? made[0] * 100 / att[0] : 0);
	ok(att[1] > 0 && made[1] * 100 / att[1] >= 34 && made[1] * 100 / att[1] <= 46,
	    "make rate for other twos %d%% (about 40%%)", att[1] ? made[1] * 100 / att[1] : 0);
	ok(att[2] > 0 && made[2] * 100 / att[2] >= 31 && made[2] * 100 / att[2] <= 39,
	    "make rate for threes %d%% (about 35%%)", att[2] ? made[2] * 100 / att[2] : 0);
	coach_shares();
	for (c = 0; c < C_COUNT; c++) {
		ok(checks[c].runs > 0 && checks[c].failures == 0, "%s (%d checks)",
		    checks[c].name, checks[c].runs);
		if (checks[c].failures > 0) {
			char msg[400];

			snprintf(msg, sizeof msg, "%d failures; first: %s", checks[c].failures,
			    checks[c].first);
			tap_diag(msg);
		}
	}
	return tap_done();
}
