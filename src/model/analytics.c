/*
 * The coach's numbers (model/game.h, struct team_analytics and struct
 * game_flow): counted by the fold in derive.c, event by event, beside the
 * box score, so that an append and a full re-derive give the same figures.
 * The definitions are written once, in game.h; this file follows them.
 */
#include "config.h"

#include <assert.h>
#include <string.h>

#include "model/game_int.h"

#define OTHER(side) (1 - (side))

#define FAST_BREAK_TENTHS 60     /* first attempt within 6.0 s of the gain */
#define COURT_LENGTH      1128   /* inches */
#define COURT_MID_Y       300
#define LANE_DEPTH        228    /* 19 ft from the baseline */
#define LANE_HALF_PRO     96     /* 16 ft wide */
#define LANE_HALF_SCHOOL  72     /* 12 ft wide: NCAA, high school */

void
game_analytics_reset(struct game *g)
{
	struct analytics_state *a = &g->d.an;

	memset(a, 0, sizeof *a);
	a->streak_side = CS_SIDE_NONE;
	a->leader = CS_SIDE_NONE;
	a->flow.run.side = CS_SIDE_NONE;
	a->flow.since_timeout.side = CS_SIDE_NONE;
}

static struct flow_counts *
counts(struct game *g, int side)
{
	return &g->d.side[side].per[g->d.period - 1].flow;
}

void
game_analytics_clock(struct game *g, int elapsed)
{
	int home = g->d.side[CS_HOME].points, away = g->d.side[CS_AWAY].points;

	if (home != away && g->d.period > 0)
		g->d.side[home > away ? CS_HOME : CS_AWAY].per[g->d.period - 1]
		    .flow.leading_tenths += elapsed;
}

/* --- how a side came by the ball (ShotTracker) ---------------------------- */

static void
origin_clear(struct ball_origin *o)
{
	memset(o, 0, sizeof *o);
}

static void
origin_gain(struct ball_origin *o, int clock, bool from_turnover)
{
	origin_clear(o);
	o->gained = true;
	o->gain_clock = clock;
	o->from_turnover = from_turnover;
}

/* The first attempt after a gain decides whether it was a fast break. */
static void
origin_attempt(struct ball_origin *o, int clock)
{
	if (!o->gained || o->decided)
		return;
	o->decided = true;
	o->fast = clock >= 0 && o->gain_clock >= 0 &&
	    o->gain_clock - clock <= FAST_BREAK_TENTHS;
}

/* The paint: either lane, lines included; 12 ft wide in college and
 * high-school rule books, 16 ft elsewhere. */
static bool
in_paint(const struct game *g, const struct fold_rec *ev)
{
	const char *rules = g->rules.name != NULL ? g->rules.name : "";
	int half = strncmp(rules, "ncaa", 4) == 0 || strcmp(rules, "nfhs") == 0 ?
	    LANE_HALF_SCHOOL : LANE_HALF_PRO;
	int dy = ev->y - COURT_MID_Y;

	if (!(ev->has & FOLD_LOCATION) || dy < -half || dy > half)
		return false;
	return ev->x <= LANE_DEPTH || ev->x >= COURT_LENGTH - LANE_DEPTH;
}

/* The qualifier bits a made shot of `side` earns: Sportradar sends them;
 * for ShotTracker they come from the sequence. */
static unsigned
marks(const struct game *g, const struct fold_rec *ev, const struct fold_stat *st)
{
	const struct ball_origin *o = &g->d.an.origin[st->side];
	unsigned q;

	if (ev->provider != CS_PROVIDER_SHOTTRACKER)
		return ev->qualifiers;
	q = (o->fast ? CS_Q_FAST_BREAK : 0) |
	    (o->second_chance ? CS_Q_SECOND_CHANCE : 0) |
	    (o->from_turnover ? CS_Q_FROM_TURNOVER : 0);
	if (st->type == CS_STAT_FIELD_GOAL && !(st->bits & FOLD_THREE) && in_paint(g, ev))
		q |= CS_Q_PAINT;
	return q;
}

/* --- scoring ------------------------------------------------------------- */

static int
event_clock(const struct game *g, const struct fold_rec *ev)
{
	return ev->clock >= 0 ? ev->clock : g->d.clock;
}

/* Points in a row: the game's streak carries across periods, a period's
 * counts only its own points. */
static void
streak(struct analytics_state *a, int side, int pts, struct flow_counts *c)
{
	if (a->streak_side != side) {
		a->streak_side = side;
		a->streak = a->period_streak = 0;
	}
	a->streak += pts;
	a->period_streak += pts;
	if (a->streak > a->most_unanswered[side])
		a->most_unanswered[side] = a->streak;
	if (a->period_streak > c->most_unanswered)
		c->most_unanswered = a->period_streak;
}

/* A field goal by the side not holding the run starts a new one; its
 * free throws count against the run. */
static void
run(struct game *g, const struct fold_rec *ev, int side, int pts, bool free_throw)
{
	struct game_flow *f = &g->d.an.flow;

	if (f->run.side == side) {
		f->run.points += pts;
		return;
	}
	if (f->run.side == OTHER(side) && free_throw) {
		f->run.against += pts;
		return;
	}
	f->run.side = side;
	f->run.points = pts;
	f->run.against = 0;
	f->run.since = fold_period(ev);
	f->run.since_clock = event_clock(g, ev);
}

static void
scored(struct game *g, const struct fold_rec *ev, const struct fold_stat *st,
    int player, int pts)
{
	struct analytics_state *a = &g->d.an;
	struct flow_counts *c = counts(g, st->side);
	bool free_throw = st->type == CS_STAT_FREE_THROW;
	unsigned q = marks(g, ev, st);

	c->pts += pts;
	if (player >= 0)
		g->d.side[st->side].per[g->d.period - 1].player_pts[player] += (int16_t)pts;
	if ((q & CS_Q_PAINT) && !free_throw)
		c->paint += pts;
	c->fast_break += q & CS_Q_FAST_BREAK ? pts : 0;
	c->second_chance += q & CS_Q_SECOND_CHANCE ? pts : 0;
	c->off_turnovers += q & CS_Q_FROM_TURNOVER ? pts : 0;
	streak(a, st->side, pts, c);
	run(g, ev, st->side, pts, free_throw);
	if (!free_throw) {
		a->flow.drought[st->side].scored = true;
		a->flow.drought[st->side].last = fold_period(ev);
		a->flow.drought[st->side].last_clock = event_clock(g, ev);
	}
}

/* --- the statistics ------------------------------------------------------ */

/* A unit's possessions: its team's, with the five on court (free throws:
 * the five at the foul, as for +/-). */
static void
unit_possession(struct game *g, int side, int x100, bool free_throw)
{
	const struct derived *d = &g->d;
	const struct lineup *five = free_throw && d->trip[side].active ?
	    &d->trip[side].five[side] : &d->side[side].five;

	if (five->known && five->unit >= 0)
		g->d.units[five->unit].poss_x100 += x100;
}

static void
attempt(struct game *g, const struct fold_rec *ev, const struct fold_stat *st,
    int player)
{
	struct flow_counts *c = counts(g, st->side);
	bool free_throw = st->type == CS_STAT_FREE_THROW;
	bool made = st->bits & FOLD_MADE, three = st->bits & FOLD_THREE;
	int pts = 0;

	if (free_throw) {
		c->fta++;
		c->ftm += made;
		if (made)
			pts = FOLD_POINTS(st) > 0 ? FOLD_POINTS(st) : 1;
	} else {
		c->fga++;
		c->fgm += made;
		c->tpm += made && three;
		if (made)
			pts = FOLD_POINTS(st) > 0 ? FOLD_POINTS(st) : three ? 3 : 2;
	}
	unit_possession(g, st->side, free_throw ? 44 : 100, free_throw);
	origin_attempt(&g->d.an.origin[st->side], ev->clock);
	if (pts > 0)
		scored(g, ev, st, player, pts);
	origin_clear(&g->d.an.origin[OTHER(st->side)]);
}

static void
rebound(struct game *g, const struct fold_rec *ev, const struct fold_stat *st,
    int player)
{
	struct ball_origin *o = &g->d.an.origin[st->side];
	struct flow_counts *c = counts(g, st->side);

	origin_clear(&g->d.an.origin[OTHER(st->side)]);
	if (st->bits & FOLD_OFFENSIVE) {
		if (player < 0)
			return;   /* a team rebound: out of bounds, or between free throws */
		c->oreb++;
		unit_possession(g, st->side, -100, false);
		o->second_chance = true;
		o->fast = false;
		return;
	}
	c->dreb += player >= 0;
	origin_gain(o, ev->clock, false);
}

static void
turnover(struct game *g, const struct fold_rec *ev, const struct fold_stat *st)
{
	counts(g, st->side)->tov++;
	unit_possession(g, st->side, 100, false);
	origin_clear(&g->d.an.origin[st->side]);
	origin_gain(&g->d.an.origin[OTHER(st->side)], ev->clock, true);
}

/* --- the game's flow ----------------------------------------------------- */

static void
timeout_mark(struct game *g, const struct fold_rec *ev)
{
	struct analytics_state *a = &g->d.an;
	int s;

	a->flow.since_timeout.side = ev->side;
	a->flow.since_timeout.period = fold_period(ev);
	a->flow.since_timeout.clock = event_clock(g, ev);
	for (s = 0; s < 2; s++) {
		const struct side_state *st = &g->d.side[s];

		a->at_timeout[s].points = st->points;
		a->at_timeout[s].fgm = st->totals.fgm;
		a->at_timeout[s].fga = st->totals.fga;
		a->at_timeout[s].tov = st->totals.tov;
		a->at_timeout[s].fouls = st->totals.pf;
	}
}

/* After a scoring play: leads, lead changes, ties. */
static void
leads(struct game *g, int home_before, int away_before)
{
	struct analytics_state *a = &g->d.an;
	int pts[2] = { g->d.side[CS_HOME].points, g->d.side[CS_AWAY].points };
	int s, leader;

	if (pts[CS_HOME] == home_before && pts[CS_AWAY] == away_before)
		return;
	for (s = 0; s < 2; s++)
		if (pts[s] - pts[OTHER(s)] > counts(g, s)->biggest_lead)
			counts(g, s)->biggest_lead = pts[s] - pts[OTHER(s)];
	if (pts[CS_HOME] == pts[CS_AWAY]) {
		a->flow.times_tied += pts[CS_HOME] > 0;
		return;
	}
	leader = pts[CS_HOME] > pts[CS_AWAY] ? CS_HOME : CS_AWAY;
	if (a->leader != CS_SIDE_NONE && a->leader != leader)
		a->flow.lead_changes++;
	a->leader = leader;
}

void
game_analytics_event(struct game *g, const struct fold_rec *ev, int home, int away)
{
	struct analytics_state *a = &g->d.an;
	int i;

	if (a->period != g->d.period) {
		a->period = g->d.period;
		a->period_streak = 0;
		origin_clear(&a->origin[CS_HOME]);
		origin_clear(&a->origin[CS_AWAY]);
	}
	for (i = 0; i < ev->nstats; i++) {
		const struct fold_stat *st = &ev->stats[i];

		if (st->side != CS_HOME && st->side != CS_AWAY)
			continue;
		if (st->type == CS_STAT_FIELD_GOAL || st->type == CS_STAT_FREE_THROW)
			attempt(g, ev, st, st->player);
		else if (st->type == CS_STAT_REBOUND)
			rebound(g, ev, st, st->player);
		else if (st->type == CS_STAT_TURNOVER)
			turnover(g, ev, st);
	}
	if (ev->type == CS_EV_TIMEOUT && ev->side != CS_SIDE_NONE)
		timeout_mark(g, ev);
	leads(g, home, away);
}

/* --- the views ----------------------------------------------------------- */

/* num / den rounded half away from zero; 0 when den is not positive. */
static int
rounded(long long num, long long den)
{
	if (den <= 0)
		return 0;
	if (num < 0)
		return -rounded(-num, den);
	return (int)((2 * num + den) / (2 * den));
}

static int
possessions_x100(const struct flow_counts *c)
{
	return 100 * c->fga + 44 * c->fta - 100 * c->oreb + 100 * c->tov;
}

static void
fill(struct team_analytics *t, const struct flow_counts *c, const struct flow_counts *opp)
{
	int opp_poss = possessions_x100(opp);

	t->points_in_paint = c->paint;
	t->fast_break_pts = c->fast_break;
	t->second_chance_pts = c->second_chance;
	t->points_off_turnovers = c->off_turnovers;
	t->biggest_lead = c->biggest_lead;
	t->most_unanswered = c->most_unanswered;
	t->time_leading = c->leading_tenths / 10;
	t->pts = c->pts, t->fgm = c->fgm, t->fga = c->fga, t->tpm = c->tpm;
	t->ftm = c->ftm, t->fta = c->fta, t->oreb = c->oreb, t->dreb = c->dreb;
	t->tov = c->tov;
	t->possessions_x100 = possessions_x100(c);
	t->offensive_rating_x10 = rounded(100000LL * c->pts, t->possessions_x100);
	t->defensive_rating_x10 = rounded(100000LL * opp->pts, opp_poss);
	t->effective_fg_pct_x10 = rounded(500LL * (2 * c->fgm + c->tpm), c->fga);
	t->true_shooting_pct_x10 = rounded(50000LL * c->pts, 100LL * c->fga + 44LL * c->fta);
	t->tov_pct_x10 = rounded(100000LL * c->tov, t->possessions_x100);
	t->oreb_pct_x10 = rounded(1000LL * c->oreb, (long long)c->oreb + opp->dreb);
	t->ft_rate_x1000 = rounded(1000LL * c->fta, c->fga);
}

static void
sum(struct flow_counts *game, const struct flow_counts *p)
{
	game->pts += p->pts, game->fgm += p->fgm, game->fga += p->fga;
	game->tpm += p->tpm, game->ftm += p->ftm, game->fta += p->fta;
	game->oreb += p->oreb, game->dreb += p->dreb, game->tov += p->tov;
	game->paint += p->paint, game->fast_break += p->fast_break;
	game->second_chance += p->second_chance, game->off_turnovers += p->off_turnovers;
	game->leading_tenths += p->leading_tenths;
	if (p->biggest_lead > game->biggest_lead)
		game->biggest_lead = p->biggest_lead;
}

static int
bench_points(const struct game *g, int side, int period)
{
	const struct roster *r = &g->roster[side];
	int i, pts = 0;

	for (i = 0; i < r->n; i++)
		if (!r->players[i].info.starter)
			pts += g->d.side[side].per[period].player_pts[i];
	return pts;
}

static void
finish_teams(struct game *g)
{
	const struct analytics_state *a = &g->d.an;
	struct flow_counts game[2];
	int s, p, bench[2] = { 0, 0 };

	memset(game, 0, sizeof game);
	/* periods filled before and no longer played (a correction) */
	for (p = g->d.nperiods; p < g->analytics_periods; p++)
		for (s = 0; s < 2; s++)
			memset(&g->analytics[s][p + 1], 0, sizeof g->analytics[s][p + 1]);
	g->analytics_periods = g->d.nperiods;
	for (p = 0; p < g->d.nperiods; p++) {
		for (s = 0; s < 2; s++) {
			struct team_analytics *t = &g->analytics[s][p + 1];
			const struct flow_counts *mine = &g->d.side[s].per[p].flow;

			fill(t, mine, &g->d.side[OTHER(s)].per[p].flow);
			t->bench_points = bench_points(g, s, p);
			bench[s] += t->bench_points;
			sum(&game[s], mine);
		}
	}
	for (s = 0; s < 2; s++) {
		game[s].most_unanswered = a->most_unanswered[s];
		fill(&g->analytics[s][0], &game[s], &game[OTHER(s)]);
		g->analytics[s][0].bench_points = bench[s];
	}
}

/* Game time from the tip to `clock` in period `p`, by the rule profile. */
static long
game_time(const struct game *g, const struct cs_period *p, int clock)
{
	long t = 0;
	int seq;

	for (seq = 1; seq < p->sequence; seq++)
		t += game_rules_period_tenths(&g->rules, seq,
		    seq > g->rules.periods ? CS_PERIOD_OVERTIME : CS_PERIOD_QUARTER);
	return t + game_rules_period_tenths(&g->rules, p->sequence, p->type) -
	    (clock >= 0 ? clock : 0);
}

static void
finish_flow(struct game *g)
{
	const struct analytics_state *a = &g->d.an;
	struct game_flow *f = &g->flow;
	struct cs_period now;
	int clock, s;
	long t;

	*f = a->flow;
	now = game_now(g, &clock);
	if (f->run.side != CS_SIDE_NONE) {
		t = game_time(g, &now, clock) -
		    game_time(g, &f->run.since, f->run.since_clock);
		f->run.tenths = t > 0 ? (int)t : 0;
		f->run.live = f->run.points - f->run.against >= GAME_RUN_LIVE_MARGIN;
	}
	for (s = 0; s < 2; s++) {
		const struct side_state *st = &g->d.side[s];

		t = game_time(g, &now, clock);
		if (f->drought[s].scored)
			t -= game_time(g, &f->drought[s].last, f->drought[s].last_clock);
		f->drought[s].tenths = t > 0 ? (int)t : 0;
		f->since_timeout.points[s] = st->points - a->at_timeout[s].points;
		f->since_timeout.fgm[s] = st->totals.fgm - a->at_timeout[s].fgm;
		f->since_timeout.fga[s] = st->totals.fga - a->at_timeout[s].fga;
		f->since_timeout.tov[s] = st->totals.tov - a->at_timeout[s].tov;
		f->since_timeout.fouls[s] = st->totals.pf - a->at_timeout[s].fouls;
	}
}

void
game_analytics_finish(struct game *g)
{
	size_t i;

	finish_teams(g);
	finish_flow(g);
	for (i = 0; i < g->d.nunits; i++) {
		struct unit *u = &g->d.units[i].u;

		u->possessions_x100 = g->d.units[i].poss_x100;
		u->net_rating_x10 = rounded(100000LL * (u->points_for - u->points_against),
		    u->possessions_x100);
	}
}

/* --- the public views (model/game.h) ------------------------------------- */

const struct team_analytics *
game_analytics(struct game *g, int side, int period_seq)
{
	if ((side != CS_HOME && side != CS_AWAY) || period_seq < 0 ||
	    period_seq > CS_PERIODS_MAX)
		return NULL;
	game_derive_refresh(g);
	return &g->analytics[side][period_seq];
}

const struct game_flow *
game_flow(struct game *g)
{
	game_derive_refresh(g);
	return &g->flow;
}

/* The same, read from a fresh model (the panes' const pointer). */
const struct team_analytics *
game_view_analytics(const struct game *g, int side, int period_seq)
{
	if ((side != CS_HOME && side != CS_AWAY) || period_seq < 0 ||
	    period_seq > CS_PERIODS_MAX)
		return NULL;
	assert(game_fresh(g));
	return &g->analytics[side][period_seq];
}

const struct game_flow *
game_view_flow(const struct game *g)
{
	assert(game_fresh(g));
	return &g->flow;
}
