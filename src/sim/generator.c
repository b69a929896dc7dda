/*
 * The simulator's basketball: a seeded, deterministic game.
 *
 * Two fictional teams play possession by possession on a game clock; every
 * play is placed on feed time (game time plus dead time) and recorded as a
 * provider-neutral struct sim_play (simgame_internal.h).  The feed's own
 * habits are added here too: plays are sent a moment after they happen,
 * some are enriched in several versions, some deleted and re-entered, a few
 * re-sent late.  The renderers turn this record into wire formats; truth.c
 * counts it.
 *
 * The dice are our own xoshiro256** seeded by splitmix64, so a seed gives
 * the same game on every machine and every run.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/event.h"
#include "sim/sim_names.h"
#include "sim/simgame_internal.h"
#include "util.h"

/* --- the dice --- */

struct rng {
	uint64_t s[4];
};

static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void
rng_seed(struct rng *r, uint64_t seed)
{
	int i;

	for (i = 0; i < 4; i++)
		r->s[i] = splitmix64(&seed);
}

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t
rng_next(struct rng *r)
{
	uint64_t *s = r->s, result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

static double
rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

/* lo..hi inclusive */
static int
rng_int(struct rng *r, int lo, int hi)
{
	if (hi <= lo)
		return lo;
	return lo + (int)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

static bool
rng_chance(struct rng *r, double p)
{
	return rng_unit(r) < p;
}

static double
rng_normal(struct rng *r, double mean, double sd)
{
	double u = rng_unit(r), v = rng_unit(r);

	if (u < 1e-12)
		u = 1e-12;
	return mean + sd * sqrt(-2.0 * log(u)) * cos(2.0 * M_PI * v);
}

static int
rng_weighted(struct rng *r, const double *w, int n)
{
	double total = 0, x;
	int i;

	for (i = 0; i < n; i++)
		total += w[i] > 0 ? w[i] : 0;
	if (total <= 0)
		return rng_int(r, 0, n - 1);
	x = rng_unit(r) * total;
	for (i = 0; i < n; i++) {
		if (w[i] <= 0)
			continue;
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

/* A lowercase 8-4-4-4-12 version-4 uuid. */
static void
rng_uuid(struct rng *r, char out[SIM_UUID_LEN])
{
	uint64_t a = rng_next(r), b = rng_next(r);

	a = (a & ~0xf000ULL) | 0x4000ULL;
	b = (b & ~(3ULL << 62)) | (2ULL << 62);
	snprintf(out, SIM_UUID_LEN, "%08x-%04x-%04x-%04x-%012llx",
	    (unsigned)(a >> 32), (unsigned)((a >> 16) & 0xffff),
	    (unsigned)(a & 0xffff), (unsigned)(b >> 48),
	    (unsigned long long)(b & 0xffffffffffffULL));
}

static double
clampd(double x, double lo, double hi)
{
	return x < lo ? lo : x > hi ? hi : x;
}

/* --- the rules --- */

#define SHOT_ZONES 5
enum zone { Z_RIM = 0, Z_PAINT, Z_MID, Z_CORNER3, Z_ABOVE3 };

/* How a possession begins: it decides how long the offense takes. */
enum start { S_MADE = 0, S_LIVE, S_OREB, S_SIDEOUT, S_FASTBREAK };

enum steer { STEER_NONE = 0, STEER_TIE, STEER_NO_TIE };

struct pstate {
	int fouls, techs;
	double energy, stamina;
	int tenths;                  /* played, for the coach */
};

/* Everything the game flow changes: copied whole to replay a period. */
struct gstate {
	int period, clock, sc;       /* tenths */
	int64_t feed;                /* ms */
	bool running;
	int offense;
	enum start start;
	bool fresh;                  /* the possession has had no action yet */
	int five[2][SIM_FIVE];
	struct pstate ps[2][SIM_ROSTER_MAX];
	int team_fouls[2];
	int fouls_last2[2];          /* team fouls in the last 2:00 of the period */
	int timeouts_used[2][SIM_PERIODS_MAX + 1];   /* per period */
	int timeouts_late[2][SIM_PERIODS_MAX + 1];   /* ... in its last 3:00 */
	int score[2];
	int run_side, run_points;
	double hot[2];
	int tip_winner;
	int64_t last_seq, last_first_send;
	int number;
	int qual;                    /* the possession's qualifiers (2ndchance, fromturnover) */
	int ft_qual;                 /* those of the free throws being shot */
	int poss;                    /* open possession, -1 none */
	int reg_poss[2];
	int order;                   /* sends created */
	int nperiods;
};

struct gen {
	struct sim_game *g;
	struct rng rng;
	struct gstate st;
	double strength[2];
	bool corrections, oom;
	int shot_clock, oreb_clock;  /* tenths */
	enum steer steer;
	int reentries;               /* deleted-and-re-entered plays so far */
	int spurious;                /* entries deleted for good so far */
};

static int timeouts_left(const struct gen *s, int side);

/* Court: inches, 1128 x 600, baskets at (63, 300) and (1065, 300). */
#define BASKET_LEFT_X  63
#define BASKET_RIGHT_X 1065
#define CORNER_DX      107     /* where the 22 ft corner line meets the arc */
#define CORNER_DY      264     /* 22 ft */
#define ARC_R          285     /* 23.75 ft */

/* --- growing the record --- */

static bool
reserve(struct gen *s, void **p, size_t *cap, size_t need, size_t size)
{
	size_t ncap;
	void *np;

	if (s->oom)
		return false;
	if (need <= *cap)
		return true;
	ncap = *cap ? *cap * 2 : 256;
	while (ncap < need)
		ncap *= 2;
	np = realloc(*p, ncap * size);
	if (np == NULL) {
		s->oom = true;
		return false;
	}
	*p = np;
	*cap = ncap;
	return true;
}

static int
add_version(struct gen *s, const struct sim_play *p)
{
	struct sim_game *g = s->g;

	if (!reserve(s, (void **)&g->versions, &g->cap_versions,
	    g->nversions + 1, sizeof *g->versions))
		return -1;
	g->versions[g->nversions] = *p;
	return (int)g->nversions++;
}

static void
add_send(struct gen *s, int64_t at, int ev, int version)
{
	struct sim_game *g = s->g;
	struct sim_send *x;

	if (ev < 0 || !reserve(s, (void **)&g->sends, &g->cap_sends,
	    g->nsends + 1, sizeof *g->sends))
		return;
	x = &g->sends[g->nsends++];
	x->at_ms = at;
	x->ev = ev;
	x->version = version;
	x->order = s->st.order++;
}

static void
add_mark(struct gen *s, bool running)
{
	struct sim_game *g = s->g;
	struct sim_mark *m;

	if (!reserve(s, (void **)&g->marks, &g->cap_marks, g->nmarks + 1,
	    sizeof *g->marks))
		return;
	m = &g->marks[g->nmarks++];
	m->feed_ms = s->st.feed;
	m->period = s->st.period;
	m->clock = s->st.clock;
	m->shot_clock = s->st.sc;
	m->running = running;
}

/* --- rules that depend on the format --- */

int
sim_period_tenths(const struct sim_game *g, int period)
{
	return period <= g->regulation ? g->period_tenths : g->ot_tenths;
}

int
sim_basket(const struct sim_game *g, int side, int period)
{
	/* home attacks the right basket in the first half; they switch at half time */
	bool second_half = period > g->regulation / 2;

	return (side == CS_HOME) != second_half ? 1 : 0;
}

static bool
final_period(const struct gen *s)
{
	return s->st.period >= s->g->regulation;
}

/* The team foul that gives free throws on a non-shooting foul. */
static bool
penalty(const struct gen *s, int fouling_side)
{
	const struct sim_game *g = s->g;
	int fouls = s->st.team_fouls[fouling_side];

	if (g->opt.halves)
		return fouls >= 7;
	if (s->st.period > g->regulation)
		return fouls >= 4 || s->st.fouls_last2[fouling_side] >= 2;
	return fouls >= 5 || s->st.fouls_last2[fouling_side] >= 2;
}

/* Would the next foul by `fouling_side` give free throws? (the push header's bonus) */
static bool
bonus_next(const struct gen *s, int fouling_side)
{
	const struct sim_game *g = s->g;
	int fouls = s->st.team_fouls[fouling_side];

	if (g->opt.halves)
		return fouls >= 6;
	if (s->st.clock <= 1200 && s->st.fouls_last2[fouling_side] >= 1)
		return true;
	return fouls >= (s->st.period > g->regulation ? 3 : 4);
}

static void
count_team_foul(struct gen *s, int side, enum sim_foul f)
{
	/* the NBA counts neither a technical nor an offensive foul; the NCAA
	 * counts both (a player's technical) */
	if ((f == SIM_FOUL_TECHNICAL || f == SIM_FOUL_OFFENSIVE) && !s->g->opt.halves)
		return;
	s->st.team_fouls[side]++;
	if (s->st.clock <= 1200)
		s->st.fouls_last2[side]++;
}

/* --- plays and sends --- */

static struct sim_play
play_new(struct gen *s, enum sim_kind kind, int side)
{
	struct sim_play p;
	int t, i;

	memset(&p, 0, sizeof p);
	p.kind = (uint8_t)kind;
	p.side = (int8_t)side;
	p.possession = (int8_t)s->st.offense;
	p.period = (uint8_t)s->st.period;
	p.clock = s->st.clock;
	p.shot_clock = s->st.sc;
	p.timeouts_left = -1;
	p.jumper[0] = p.jumper[1] = p.gainer = -1;
	for (t = 0; t < 2; t++)
		for (i = 0; i < SIM_FIVE; i++)
			p.five[t][i] = (uint8_t)s->st.five[t][i];
	/* now and then the feed knows a player on court only by reference */
	if (kind != SIM_LINEUP && kind != SIM_PERIOD_END && rng_chance(&s->rng, 0.02))
		p.idless = (uint16_t)(1u << rng_int(&s->rng, 0, 9));
	return p;
}

static void
play_stat(struct sim_play *p, enum sim_stat_kind kind, int side, int player,
    bool made, bool three, bool offensive)
{
	struct sim_stat *st;

	if (p->nstats >= SIM_PLAY_STATS)
		return;
	st = &p->stats[p->nstats++];
	memset(st, 0, sizeof *st);
	st->kind = (uint8_t)kind;
	st->side = (int8_t)side;
	st->player = (int8_t)player;
	st->made = made;
	st->three = three;
	st->offensive = offensive;
	if (made && kind == SIM_S_FG)
		st->points = three ? 3 : 2;
	else if (made && kind == SIM_S_FT)
		st->points = 1;
}

static int
new_event(struct gen *s, const struct sim_play *p, int64_t seq)
{
	struct sim_game *g = s->g;
	struct sim_event *e;
	int side;

	if (!reserve(s, (void **)&g->events, &g->cap_events, g->nevents + 1,
	    sizeof *g->events))
		return -1;
	e = &g->events[g->nevents];
	memset(e, 0, sizeof *e);
	rng_uuid(&s->rng, e->sr_id);
	e->seq = seq;
	e->number = ++s->st.number;
	e->gen = (int)g->nevents;
	e->period = p->period;
	e->kind = p->kind;
	for (side = 0; side < 2; side++) {
		e->bonus[side] = bonus_next(s, !side);
		e->timeouts[side] = (int8_t)timeouts_left(s, side);
	}
	return (int)g->nevents++;
}

/* The play's place in the feed: about epoch ms, distinct for distinct plays. */
static int64_t
next_seq(struct gen *s)
{
	int64_t seq = s->g->epoch_ms + s->st.feed;

	if (seq < s->st.last_seq + 50)
		seq = s->st.last_seq + 50;
	s->st.last_seq = seq;
	return seq;
}

/* Plays first reach the wire a moment after they happen, in order. */
static int64_t
first_send_at(struct gen *s, int64_t seq)
{
	int64_t at = seq - s->g->epoch_ms + rng_int(&s->rng, 300, 1500);

	if (at <= s->st.last_first_send)
		at = s->st.last_first_send + 20;
	s->st.last_first_send = at;
	return at;
}

/* The first quick entry of a shot: the team only, no player, no assist. */
static struct sim_play
team_only(const struct sim_play *p)
{
	struct sim_play q = *p;
	int i, n = 0;

	for (i = 0; i < p->nstats; i++) {
		if (p->stats[i].kind != SIM_S_FG)
			continue;
		q.stats[n] = p->stats[i];
		q.stats[n].player = -1;
		n++;
	}
	q.nstats = (uint8_t)n;
	return q;
}

static struct sim_play
without_assist(const struct sim_play *p)
{
	struct sim_play q = *p;
	int i, n = 0;

	for (i = 0; i < p->nstats; i++)
		if (p->stats[i].kind != SIM_S_AST)
			q.stats[n++] = p->stats[i];
	q.nstats = (uint8_t)n;
	return q;
}

static bool
has_stat(const struct sim_play *p, enum sim_stat_kind kind)
{
	int i;

	for (i = 0; i < p->nstats; i++)
		if (p->stats[i].kind == kind)
			return true;
	return false;
}

#define SAME_SEQ 0x1   /* share the previous play's sequence (foul + its turnover) */

/*
 * Put a play on the record: a new event, its versions and their sends.
 * Shots and turnovers are sometimes sent as the feed's operators enrich
 * them: team only, then the shooter, then the assist; jump shot, then
 * layup; "Turnover", then "Bad Pass".
 */
static int
emit(struct gen *s, const struct sim_play *p, unsigned flags)
{
	struct sim_play v[3];
	int64_t seq, at;
	int ev, n = 0, i;
	double r;

	seq = (flags & SAME_SEQ) ? s->st.last_seq : next_seq(s);
	ev = new_event(s, p, seq);
	if (ev < 0)
		return -1;
	at = first_send_at(s, seq);
	r = s->corrections ? rng_unit(&s->rng) : 1.0;
	if (p->kind == SIM_FIELD_GOAL && r < 0.12) {
		v[n++] = team_only(p);
		if (has_stat(p, SIM_S_AST))
			v[n++] = without_assist(p);
	} else if (p->kind == SIM_FIELD_GOAL && has_stat(p, SIM_S_AST) && r < 0.22) {
		v[n++] = without_assist(p);
	} else if (p->kind == SIM_FIELD_GOAL && r < 0.34 &&
	    (p->shot_type == SIM_SHOT_LAYUP || p->shot_type == SIM_SHOT_DUNK)) {
		v[n] = *p;
		v[n].shot_type = SIM_SHOT_JUMP;
		n++;
	} else if (p->kind == SIM_TURNOVER && p->tov_type == SIM_TOV_BAD_PASS &&
	    r < 0.25) {
		v[n] = *p;
		v[n].tov_type = SIM_TOV_GENERIC;
		n++;
	}
	v[n++] = *p;
	for (i = 0; i < n; i++) {
		if (i > 0)
			at += rng_int(&s->rng, 2000, 6000);
		add_send(s, at, ev, add_version(s, &v[i]));
	}
	return ev;
}

/*
 * A play first entered wrongly: sent as `wrong`, later deleted (sometimes
 * twice) and re-entered under a new id as `right`.  Returns the re-entry's
 * send time, for a turnover that goes with it.
 */
static int64_t
emit_reentered(struct gen *s, const struct sim_play *wrong,
    const struct sim_play *right)
{
	int64_t seq = next_seq(s), at, del;
	int ev, ev_right;

	ev = new_event(s, wrong, seq);
	at = first_send_at(s, seq);
	add_send(s, at, ev, add_version(s, wrong));
	del = at + rng_int(&s->rng, 8000, 25000);
	add_send(s, del, ev, -1);
	if (rng_chance(&s->rng, 0.5))
		add_send(s, del + rng_int(&s->rng, 2000, 8000), ev, -1);
	/* the re-entry sorts where the play happened, under another id */
	ev_right = new_event(s, right, seq + 1);
	at = del + rng_int(&s->rng, 1000, 3000);
	add_send(s, at, ev_right, add_version(s, right));
	if (s->st.last_seq < seq + 1)
		s->st.last_seq = seq + 1;
	s->reentries++;
	return at;
}

/* An entry the feed takes back: sent, then deleted (sometimes twice). */
static void
emit_spurious(struct gen *s, const struct sim_play *p)
{
	int64_t seq = next_seq(s), at, del;
	int ev = new_event(s, p, seq);

	at = first_send_at(s, seq);
	add_send(s, at, ev, add_version(s, p));
	del = at + rng_int(&s->rng, 5000, 15000);
	add_send(s, del, ev, -1);
	if (rng_chance(&s->rng, 0.3))
		add_send(s, del + rng_int(&s->rng, 1000, 5000), ev, -1);
	s->spurious++;
}

/* --- the clock --- */

static void
energy(struct gen *s, int tenths)
{
	double secs = tenths / 10.0;
	int side, i, j;
	bool on;

	for (side = 0; side < 2; side++) {
		const struct sim_team *t = &s->g->team[side];

		for (i = 0; i < t->nplayers; i++) {
			struct pstate *ps = &s->st.ps[side][i];

			on = false;
			for (j = 0; j < SIM_FIVE; j++)
				on = on || s->st.five[side][j] == i;
			if (on) {
				ps->energy -= secs / (560.0 * ps->stamina);
				ps->tenths += tenths;
			} else {
				ps->energy += secs / 330.0;
			}
			ps->energy = clampd(ps->energy, 0, 1);
		}
	}
}

/* Let the game clock run `tenths` (whole seconds above the last minute). */
static void
clock_run(struct gen *s, int tenths)
{
	int to, el;

	if (tenths < 0)
		tenths = 0;
	if (!s->st.running) {
		add_mark(s, true);
		s->st.running = true;
	}
	to = s->st.clock - tenths;
	if (to >= 600)
		to = to / 10 * 10;
	if (to < 0)
		to = 0;
	el = s->st.clock - to;
	s->st.clock = to;
	s->st.sc -= el;
	if (s->st.sc < 0)
		s->st.sc = 0;
	s->st.feed += (int64_t)el * 100;
	energy(s, el);
}

static void
clock_stop(struct gen *s)
{
	if (!s->st.running)
		return;
	s->st.running = false;
	add_mark(s, false);
}

/* Dead time: the clock is stopped (free throws, timeouts, breaks). */
static void
dead(struct gen *s, int ms)
{
	clock_stop(s);
	s->st.feed += ms;
}

/* --- possessions --- */

static void
possession_close(struct gen *s)
{
	struct sim_possession *p;

	if (s->st.poss < 0)
		return;
	p = &s->g->poss[s->st.poss];
	p->end_clock = s->st.clock;
	p->end_ts = s->g->epoch_ms + s->st.feed;
	p->send_ms = s->st.feed + rng_int(&s->rng, 500, 2000);
	s->st.poss = -1;
}

static void
possession_open(struct gen *s, int side, enum start start)
{
	struct sim_game *g = s->g;
	struct sim_possession *p;
	int t, i;

	possession_close(s);
	s->st.offense = side;
	s->st.start = start;
	s->st.qual = 0;   /* fromturnover is added by the turnover that opened it */
	s->st.fresh = true;
	s->st.sc = s->shot_clock;
	if (s->st.period <= g->regulation)
		s->st.reg_poss[side]++;
	/* streaks: a team runs hot or cold for a while */
	s->st.hot[side] = 0.85 * s->st.hot[side] + rng_normal(&s->rng, 0, 0.35);
	if (!reserve(s, (void **)&g->poss, &g->cap_poss, g->nposs + 1, sizeof *g->poss))
		return;
	p = &g->poss[g->nposs];
	memset(p, 0, sizeof *p);
	p->side = side;
	p->period = s->st.period;
	p->shot_clock = -1;
	p->shooter = -1;
	p->fast = start == S_FASTBREAK;
	p->start_clock = s->st.clock;
	p->start_ts = g->epoch_ms + s->st.feed;
	for (t = 0; t < 2; t++)
		for (i = 0; i < SIM_FIVE; i++)
			p->five[t][i] = (uint8_t)s->st.five[t][i];
	s->st.poss = (int)g->nposs++;
	if (s->st.running)
		add_mark(s, true);   /* the shot clock resets while the game clock runs */
}

/* The open possession of `side`, or NULL: its shots, as score() credits. */
static struct sim_possession *
poss_of(struct gen *s, int side)
{
	if (s->st.poss < 0 || s->g->poss[s->st.poss].side != side)
		return NULL;
	return &s->g->poss[s->st.poss];
}

static void
poss_shot(struct gen *s, int side, int shooter, bool made, bool three, bool paint)
{
	struct sim_possession *p = poss_of(s, side);

	if (p == NULL)
		return;
	p->fga++;
	p->fgm += made;
	p->fg3a += three;
	p->fg3m += made && three;
	p->shot_clock = s->st.sc;
	p->last_made = made;
	p->last_three = three;
	p->paint_shot |= paint;
	p->shooter = (int8_t)shooter;
}

static void
poss_free_throw(struct gen *s, int side, int shooter, bool made)
{
	struct sim_possession *p = poss_of(s, side);

	if (p == NULL)
		return;
	p->fta++;
	p->ftm += made;
	if (p->shooter < 0)
		p->shooter = (int8_t)shooter;
}

static void
score(struct gen *s, int side, int points)
{
	s->st.score[side] += points;
	if (s->st.run_side == side) {
		s->st.run_points += points;
	} else {
		s->st.run_side = side;
		s->st.run_points = points;
	}
	if (s->st.poss >= 0 && s->g->poss[s->st.poss].side == side)
		s->g->poss[s->st.poss].points += points;
}

/* --- who --- */

static bool
on_court(const struct gen *s, int side, int player)
{
	int i;

	for (i = 0; i < SIM_FIVE; i++)
		if (s->st.five[side][i] == player)
			return true;
	return false;
}

enum role { R_SHOOT, R_REBOUND, R_PASS, R_STEAL, R_BLOCK, R_FOUL, R_FT };

static double
weight(const struct gen *s, int side, int player, enum role role)
{
	const struct sim_player *p = &s->g->team[side].players[player];
	double e = 0.6 + 0.4 * s->st.ps[side][player].energy;

	switch (role) {
	case R_SHOOT:   return p->usage * e;
	case R_REBOUND: return p->reb;
	case R_PASS:    return p->pass;
	case R_STEAL:   return p->steal;
	case R_BLOCK:   return p->block;
	case R_FOUL:    return p->pos == 'C' ? 1.4 : p->pos == 'F' ? 1.1 : 0.9;
	case R_FT:      return p->ft * p->ft * p->ft;
	}
	return 1;
}

/* A player of `side` on court for `role`, never `except`. */
static int
pick(struct gen *s, int side, enum role role, int except)
{
	double w[SIM_FIVE];
	int i;

	for (i = 0; i < SIM_FIVE; i++)
		w[i] = s->st.five[side][i] == except ? 0 :
		    weight(s, side, s->st.five[side][i], role);
	return s->st.five[side][rng_weighted(&s->rng, w, SIM_FIVE)];
}

static int
best_ft_shooter(const struct gen *s, int side)
{
	int i, best = s->st.five[side][0];

	for (i = 1; i < SIM_FIVE; i++)
		if (s->g->team[side].players[s->st.five[side][i]].ft >
		    s->g->team[side].players[best].ft)
			best = s->st.five[side][i];
	return best;
}

/* --- the coach: substitutions --- */

static int
foul_trouble_limit(const struct gen *s)
{
	const struct sim_game *g = s->g;
	int per = s->st.period;

	if (per > g->regulation || (per == g->regulation && s->st.clock < 3000))
		return g->foul_limit;
	if (g->opt.halves)
		return per == 1 ? 2 : 4;
	return per + 1;   /* 2 in Q1, 3 in Q2, 4 in Q3, 5 in Q4 */
}

static double
coach_value(const struct gen *s, int side, int player)
{
	const struct sim_player *p = &s->g->team[side].players[player];
	const struct pstate *ps = &s->st.ps[side][player];
	double v = p->prio * (0.3 + 0.7 * ps->energy);
	int margin = s->st.score[side] - s->st.score[!side];

	if (ps->fouls >= s->g->foul_limit)
		return -10;
	if (ps->fouls >= foul_trouble_limit(s))
		v -= 0.45;
	/* garbage time: rest the starters, play the deep bench */
	if (final_period(s) && s->st.clock < 4200 && abs(margin) >= 18)
		v += p->prio < 0.5 ? 0.6 : p->starter ? -0.5 : 0;
	return v;
}

static bool
compatible(const struct gen *s, int side, int out, int in)
{
	char a = s->g->team[side].players[out].pos;
	char b = s->g->team[side].players[in].pos;
	int i, guards = 0, bigs = 0;

	if (a == b)
		return true;
	for (i = 0; i < SIM_FIVE; i++) {
		int k = s->st.five[side][i] == out ? in : s->st.five[side][i];
		char pos = s->g->team[side].players[k].pos;

		guards += pos == 'G';
		bigs += pos == 'C';
	}
	return guards >= 2 && guards <= 3 && bigs <= 2;
}

static void emit_lineup(struct gen *s, int side);

/*
 * At a dead ball: swap tired or foul-troubled players for fresher ones.
 * `keep` stays on (the free-throw shooter).  Returns true when the five
 * changed (and a lineup play was sent).
 */
static bool
coach(struct gen *s, int side, int max_swaps, int keep, bool silent)
{
	const struct sim_team *t = &s->g->team[side];
	int swaps = 0, i, j, worst_i, best;
	double worst, bestv, v;
	bool forced;

	while (swaps < max_swaps) {
		worst_i = -1;
		worst = 1e9;
		for (i = 0; i < SIM_FIVE; i++) {
			if (s->st.five[side][i] == keep)
				continue;
			v = coach_value(s, side, s->st.five[side][i]);
			if (v < worst) {
				worst = v;
				worst_i = i;
			}
		}
		if (worst_i < 0)
			break;
		forced = worst <= -10;
		best = -1;
		bestv = -1e9;
		for (j = 0; j < t->nplayers; j++) {
			if (on_court(s, side, j) || s->st.ps[side][j].fouls >= s->g->foul_limit)
				continue;
			if (!forced && !compatible(s, side, s->st.five[side][worst_i], j))
				continue;
			v = coach_value(s, side, j);
			if (v > bestv) {
				bestv = v;
				best = j;
			}
		}
		if (best < 0 || (!forced && bestv < worst + 0.08))
			break;
		s->st.five[side][worst_i] = best;
		swaps++;
	}
	if (swaps > 0 && !silent)
		emit_lineup(s, side);
	return swaps > 0;
}

/* A dead ball: both coaches may substitute. */
static void
sub_window(struct gen *s, int keep_side, int keep)
{
	int side;

	for (side = 0; side < 2; side++) {
		bool fouled_out = false;
		int i;

		for (i = 0; i < SIM_FIVE; i++)
			fouled_out = fouled_out ||
			    s->st.ps[side][s->st.five[side][i]].fouls >= s->g->foul_limit;
		if (fouled_out || rng_chance(&s->rng, 0.7))
			coach(s, side, fouled_out ? 5 : 3, side == keep_side ? keep : -1,
			    false);
	}
}

static void
emit_lineup(struct gen *s, int side)
{
	struct sim_play p = play_new(s, SIM_LINEUP, side);

	emit(s, &p, 0);
	if (!s->st.running)
		s->st.feed += rng_int(&s->rng, 300, 1500);
}

/* --- timeouts --- */

int
sim_timeouts_left(const struct sim_game *g, const int *used, const int *late,
    int period, int clock)
{
	int reg = g->regulation, left, first = used[1], p;

	if (period > SIM_PERIODS_MAX)
		period = SIM_PERIODS_MAX;
	if (!g->opt.halves) {
		if (period > reg)
			return 2 - used[period];
		for (left = g->timeouts, p = 1; p <= period; p++)
			left -= used[p];
		if (period == reg) {
			if (left > 4 - used[reg])
				left = 4 - used[reg];
			if (clock <= SIM_LATE_TIMEOUT_TENTHS && left > 2 - late[reg])
				left = 2 - late[reg];
		}
		return left > 0 ? left : 0;
	}
	if (period <= 1)
		return g->timeouts - first > 0 ? g->timeouts - first : 0;
	left = g->timeouts - first < 3 ? g->timeouts - first : 3;
	left -= used[2];
	if (left < 0)
		left = 0;
	for (p = 3; p <= period; p++)
		left += 1 - used[p];
	return left > 0 ? left : 0;
}

static int
timeouts_left(const struct gen *s, int side)
{
	return sim_timeouts_left(s->g, s->st.timeouts_used[side],
	    s->st.timeouts_late[side], s->st.period, s->st.clock);
}

static void
timeout(struct gen *s, int side)
{
	struct sim_play p;

	clock_stop(s);
	s->st.timeouts_used[side][s->st.period]++;
	if (s->st.clock <= SIM_LATE_TIMEOUT_TENTHS)
		s->st.timeouts_late[side][s->st.period]++;
	p = play_new(s, SIM_TIMEOUT, side);
	p.timeouts_left = (int8_t)timeouts_left(s, side);
	emit(s, &p, 0);
	dead(s, rng_int(&s->rng, 60000, 90000));
	s->st.run_points = 0;
	sub_window(s, -1, -1);
}

/* A coach calls time-out: against a run, late in a close game, or now and then. */
static void
maybe_timeout(struct gen *s, int side)
{
	const struct sim_game *g = s->g;
	int left = timeouts_left(s, side);
	int margin = s->st.score[side] - s->st.score[!side];
	bool late = final_period(s) && s->st.clock < 1800;
	double p = 0.07;

	if (left <= 0)
		return;
	if (left <= 1 && !final_period(s))
		return;   /* keep one for the end */
	if (s->st.run_side == !side && s->st.run_points >= 8)
		p = 0.55;
	if (late && abs(margin) <= 6)
		p = 0.2;
	if (g->opt.halves)
		p *= 0.7;
	if (rng_chance(&s->rng, p))
		timeout(s, side);
}

/* --- fouls and free throws --- */

static void rebound(struct gen *s, bool after_ft);
static void place_near(struct gen *s, struct sim_play *p, int side, enum zone z);

/*
 * A foul by `fouler` (of side `fside`) on `drawer`.  Sometimes the feed
 * first charges the wrong player and fixes it with a delete and a re-entry.
 * Returns the send time of the re-entry, or 0.
 */
static int64_t
emit_foul(struct gen *s, int fside, int fouler, int drawer, enum sim_foul kind)
{
	struct sim_play p = play_new(s, SIM_FOUL, fside), wrong;
	int other, i;

	p.foul = (uint8_t)kind;
	if (kind == SIM_FOUL_OFFENSIVE)
		play_stat(&p, SIM_S_OFFENSIVE, fside, fouler, false, false, false);
	if (kind == SIM_FOUL_TECHNICAL) {
		play_stat(&p, SIM_S_TECH, fside, fouler, false, false, false);
	} else {
		play_stat(&p, SIM_S_PF, fside, fouler, false, false, false);
		play_stat(&p, SIM_S_FD, !fside, drawer, false, false, false);
	}
	if (kind != SIM_FOUL_TECHNICAL)
		place_near(s, &p, s->st.offense, rng_chance(&s->rng, 0.6) ? Z_RIM : Z_MID);
	if (s->corrections && s->reentries < 4 && kind == SIM_FOUL_OFFENSIVE &&
	    s->st.ps[!fside][drawer].fouls <= s->g->foul_limit - 2 &&
	    rng_chance(&s->rng, 0.25)) {
		/* first logged as a defensive foul on the player who drew the charge */
		wrong = play_new(s, SIM_FOUL, !fside);
		wrong.foul = SIM_FOUL_PERSONAL;
		wrong.idless = p.idless;
		play_stat(&wrong, SIM_S_PF, !fside, drawer, false, false, false);
		play_stat(&wrong, SIM_S_FD, fside, fouler, false, false, false);
		return emit_reentered(s, &wrong, &p);
	}
	if (s->corrections && s->reentries < 4 && kind == SIM_FOUL_PERSONAL &&
	    rng_chance(&s->rng, s->reentries == 0 && final_period(s) ? 0.5 : 0.05)) {
		/* first charged to a team-mate */
		other = -1;
		for (i = 0; i < SIM_FIVE; i++) {
			int k = s->st.five[fside][i];

			if (k != fouler && s->st.ps[fside][k].fouls <= s->g->foul_limit - 2)
				other = k;
		}
		if (other >= 0) {
			wrong = p;
			wrong.stats[0].player = (int8_t)other;
			return emit_reentered(s, &wrong, &p);
		}
	}
	emit(s, &p, 0);
	return 0;
}

/* Charge the foul in the generator's own account. */
static void
charge_foul(struct gen *s, int side, int player, enum sim_foul kind)
{
	if (kind == SIM_FOUL_TECHNICAL)
		s->st.ps[side][player].techs++;
	else
		s->st.ps[side][player].fouls++;
	count_team_foul(s, side, kind);
}

/* One free throw, k of n. */
static bool
one_free_throw(struct gen *s, int side, int shooter, int k, int n, enum sim_ft_type type)
{
	const struct sim_player *pl = &s->g->team[side].players[shooter];
	struct sim_play p;
	bool made;

	dead(s, rng_int(&s->rng, 7000, 13000));
	made = rng_chance(&s->rng, pl->ft);
	p = play_new(s, SIM_FREE_THROW, side);
	p.ft_k = (uint8_t)k;
	p.ft_n = (uint8_t)n;
	p.ft_type = (uint8_t)type;
	play_stat(&p, SIM_S_FT, side, shooter, made, false, false);
	/* the feed marks a trip's free throws as the possession they end
	 * (fastbreak, 2ndchance, fromturnover); a technical's belong to none */
	if (type != SIM_FT_TECHNICAL)
		p.qualifiers = (uint8_t)s->st.ft_qual;
	poss_free_throw(s, side, shooter, made);
	if (made)
		score(s, side, 1);
	emit(s, &p, 0);
	return made;
}

/* A missed free throw that is not the last: the ball is dead, and the
 * feed logs a team offensive rebound [deadball, team] before the next. */
static void
dead_ball_rebound(struct gen *s, int side)
{
	struct sim_play p = play_new(s, SIM_REBOUND, side);

	play_stat(&p, SIM_S_REB, side, -1, false, false, true);
	p.qualifiers = SIM_Q_DEADBALL | SIM_Q_TEAM;
	emit(s, &p, 0);
}

/*
 * Words with an official between two free throws: a technical on the
 * shooter, its free throw for the other team, then the trip goes on (its
 * points still belong to the fives at the first foul).
 */
static void
technical_between(struct gen *s, int side, int shooter)
{
	int other = !side;

	if (s->st.ps[side][shooter].techs > 0)
		return;
	charge_foul(s, side, shooter, SIM_FOUL_TECHNICAL);
	emit_foul(s, side, shooter, -1, SIM_FOUL_TECHNICAL);
	one_free_throw(s, other, best_ft_shooter(s, other), 1, 1, SIM_FT_TECHNICAL);
}

/*
 * `n` free throws by `shooter` of `side`.  After the last one the ball
 * goes to the other team on a make, is live on a miss, or stays with
 * `keep` (technical, flagrant) when keep >= 0.
 */
static void
free_throws(struct gen *s, int side, int shooter, int n, enum sim_ft_type type,
    int keep)
{
	bool made = false;
	int k;

	for (k = 1; k <= n; k++) {
		if (k > 1 && !made && rng_chance(&s->rng, 0.5))
			dead_ball_rebound(s, side);
		if (k > 1 && rng_chance(&s->rng, 0.03))
			maybe_timeout(s, !side);
		if (k > 1 && rng_chance(&s->rng, 0.15))
			sub_window(s, side, shooter);   /* before the last free throw */
		if (k > 1 && type == SIM_FT_REGULAR && rng_chance(&s->rng, 0.02))
			technical_between(s, side, shooter);
		made = one_free_throw(s, side, shooter, k, n, type);
	}
	if (keep >= 0) {
		if (keep != s->st.offense)
			possession_open(s, keep, S_SIDEOUT);
		s->st.start = S_SIDEOUT;
		return;
	}
	if (made) {
		dead(s, rng_int(&s->rng, 2000, 5000));
		possession_open(s, !side, S_MADE);
		return;
	}
	s->st.offense = side;   /* the shooting team missed: the ball is live */
	rebound(s, true);
}

/* --- the court --- */

static bool
is_three(int dx, int dy)
{
	double d = sqrt((double)dx * dx + (double)dy * dy);

	if (dx <= CORNER_DX)
		return abs(dy) >= CORNER_DY;
	return d >= ARC_R;
}

/*
 * A shot location for a zone: dx inches from the basket toward mid-court,
 * dy across.  Twos stay within 21 ft so they are twos under NCAA lines
 * too; threes are beyond the NBA line (23.75 ft arc, 22 ft corners).
 */
static void
shot_spot(struct gen *s, enum zone z, int *dx, int *dy)
{
	double d, a;
	int tries;

	for (tries = 0; tries < 100; tries++) {
		switch (z) {
		case Z_RIM:
			d = rng_unit(&s->rng) * 48;
			a = rng_normal(&s->rng, 0, 0.9);
			break;
		case Z_PAINT:
			d = 48 + rng_unit(&s->rng) * 84;
			a = rng_normal(&s->rng, 0, 0.7);
			break;
		case Z_MID:
			d = 132 + rng_unit(&s->rng) * 120;
			a = (rng_unit(&s->rng) * 2 - 1) * 1.45;
			break;
		case Z_CORNER3:
			*dx = rng_int(&s->rng, 0, CORNER_DX - 4);
			*dy = rng_int(&s->rng, CORNER_DY + 4, 292) *
			    (rng_chance(&s->rng, 0.5) ? 1 : -1);
			return;
		case Z_ABOVE3:
		default:
			d = ARC_R + 3 + fabs(rng_normal(&s->rng, 0, 22));
			a = (rng_unit(&s->rng) * 2 - 1) * 1.15;
			break;
		}
		a = clampd(a, -1.55, 1.55);
		*dx = (int)lround(d * cos(a));
		*dy = (int)lround(d * sin(a));
		if (*dx < -20 || abs(*dy) > 292)
			continue;
		if (z == Z_ABOVE3 ? is_three(*dx, *dy) :
		    !is_three(*dx, *dy) && *dx * *dx + *dy * *dy <= 252 * 252)
			return;
	}
	*dx = z == Z_ABOVE3 ? ARC_R + 12 : 24;
	*dy = 0;
}

static void
place(const struct gen *s, struct sim_play *p, int side, int dx, int dy)
{
	int basket = sim_basket(s->g, side, s->st.period);

	p->has_loc = true;
	if (basket == 0) {
		p->x = (int16_t)(BASKET_LEFT_X + dx);
		p->y = (int16_t)(300 + dy);
	} else {
		p->x = (int16_t)(BASKET_RIGHT_X - dx);
		p->y = (int16_t)(300 - dy);
	}
	if (p->x < 7)
		p->x = 7;
	if (p->x > 1121)
		p->x = 1121;
	if (p->y < 7)
		p->y = 7;
	if (p->y > 593)
		p->y = 593;
}

/* Somewhere near the ball, for fouls, turnovers and rebounds. */
static void
place_near(struct gen *s, struct sim_play *p, int side, enum zone z)
{
	int dx, dy;

	shot_spot(s, z, &dx, &dy);
	place(s, p, side, dx, dy);
}

/* --- the plays of a possession --- */

/* What the feed says of the possession's scoring now: 2ndchance and
 * fromturnover hold for the whole of it, fastbreak for the break itself
 * (an offensive rebound or a side-out ends that). */
static int
possession_qualifiers(const struct gen *s)
{
	return s->st.qual | (s->st.start == S_FASTBREAK ? SIM_Q_FASTBREAK : 0);
}

static void
rebound(struct gen *s, bool after_ft)
{
	int o = s->st.offense, d = !o, side, who;
	bool offensive, team;
	struct sim_play p;

	clock_run(s, after_ft ? rng_int(&s->rng, 0, 10) : rng_int(&s->rng, 5, 25));
	team = rng_chance(&s->rng, 0.05);
	offensive = rng_chance(&s->rng, team ? 0.4 : after_ft ? 0.13 : 0.24);
	side = offensive ? o : d;
	who = team ? -1 : pick(s, side, R_REBOUND, -1);
	p = play_new(s, SIM_REBOUND, side);
	play_stat(&p, SIM_S_REB, side, who, false, false, offensive);
	if (!team || rng_chance(&s->rng, 0.5))
		place_near(s, &p, o, rng_chance(&s->rng, 0.7) ? Z_RIM : Z_PAINT);
	emit(s, &p, 0);
	if (team) {
		/* out of bounds: a dead ball */
		dead(s, rng_int(&s->rng, 4000, 10000));
		sub_window(s, -1, -1);
		if (offensive) {
			s->st.start = S_SIDEOUT;
			if (s->st.sc < s->oreb_clock)
				s->st.sc = s->oreb_clock;
		} else {
			possession_open(s, d, S_SIDEOUT);
		}
		return;
	}
	if (offensive) {
		s->st.start = S_OREB;
		s->st.sc = s->oreb_clock;
		s->st.qual |= SIM_Q_2NDCHANCE;
		if (s->st.running)
			add_mark(s, true);
	} else {
		possession_open(s, d, rng_chance(&s->rng, 0.18) ? S_FASTBREAK : S_LIVE);
	}
}

static double
make_prob(const struct gen *s, int side, int shooter, enum zone z)
{
	static const double base[SHOT_ZONES] = { 0.62, 0.42, 0.405, 0.385, 0.35 };
	const struct sim_player *p = &s->g->team[side].players[shooter];
	double m = base[z] + p->skill + 0.025 * s->st.hot[side] +
	    0.012 * (s->strength[side] - s->strength[!side]);
	int margin = s->st.score[side] - s->st.score[!side];

	if (s->st.start == S_FASTBREAK && z == Z_RIM)
		m += 0.08;
	m -= 0.05 * (1 - s->st.ps[side][shooter].energy);
	/* force_overtime / no-tie replays: nudge the last minutes */
	if (s->steer != STEER_NONE && s->st.period == s->g->nperiods) {
		/* a tie to force: the leader cools off all period long, and
		 * hard in its last minutes */
		if (s->steer == STEER_TIE && s->st.clock < 1800)
			m += margin > 0 ? -0.25 : margin < 0 ? 0.25 : -0.15;
		else if (s->steer == STEER_TIE)
			m -= clampd(0.015 * margin, -0.25, 0.25);
		else if (s->st.clock < 1800 && margin == 0)
			m += 0.2;
	}
	return clampd(m, 0.02, 0.92);
}

static enum sim_shot_type
shot_type(struct gen *s, int side, int shooter, enum zone z, uint8_t *desc)
{
	char pos = s->g->team[side].players[shooter].pos;
	double r = rng_unit(&s->rng);

	*desc = 0;
	if (z == Z_RIM) {
		if (s->st.start == S_OREB && r < 0.2) {
			*desc = 1;   /* putback */
			return SIM_SHOT_TIP;
		}
		if (r < (pos == 'G' ? 0.12 : 0.35))
			return SIM_SHOT_DUNK;
		*desc = rng_chance(&s->rng, 0.5) ? 2 : 0;   /* driving */
		return SIM_SHOT_LAYUP;
	}
	if (z == Z_PAINT) {
		if (pos != 'G' && r < 0.35)
			return SIM_SHOT_HOOK;
		if (r < 0.6) {
			*desc = 3;   /* floating */
			return SIM_SHOT_JUMP;
		}
		return SIM_SHOT_LAYUP;
	}
	*desc = r < 0.3 ? 4 : r < 0.45 ? 5 : 0;   /* pullup, stepback */
	return SIM_SHOT_JUMP;
}

static enum zone
choose_zone(struct gen *s, int side, int shooter, int margin_needed)
{
	const struct sim_player *p = &s->g->team[side].players[shooter];
	double w[SHOT_ZONES];
	int i;

	for (i = 0; i < SHOT_ZONES; i++)
		w[i] = p->zone[i];
	if (s->st.start == S_OREB) {
		w[Z_RIM] *= 4;
		w[Z_PAINT] *= 2;
	}
	if (s->st.start == S_FASTBREAK) {
		w[Z_RIM] *= 5;
		w[Z_ABOVE3] *= 1.2;
	}
	if (margin_needed >= 3) {   /* down three late: shoot a three */
		w[Z_RIM] = w[Z_PAINT] = w[Z_MID] = 0.02;
		w[Z_CORNER3] += 0.2;
		w[Z_ABOVE3] += 0.5;
	}
	return (enum zone)rng_weighted(&s->rng, w, SHOT_ZONES);
}

/* A field-goal attempt (or a shooting foul on one).  `buzzer`: the last
 * shot of the period; a miss ends it without a rebound. */
static void
field_goal(struct gen *s, bool buzzer)
{
	static const double foul_p[SHOT_ZONES] = { 0.19, 0.12, 0.04, 0.012, 0.017 };
	static const double block_p[SHOT_ZONES] = { 0.14, 0.08, 0.04, 0.015, 0.015 };
	static const double assist_p[SHOT_ZONES] = { 0.52, 0.42, 0.5, 0.9, 0.8 };
	int o = s->st.offense, d = !o, shooter, assister = -1, blocker = -1, fouler;
	int dx, dy, need = 0, margin = s->st.score[d] - s->st.score[o];
	bool made, fouled, three;
	struct sim_play p;
	enum zone z;
	double mp;

	if (final_period(s) && s->st.clock < 600 && margin >= 3 && margin <= 5)
		need = 3;
	if (s->steer == STEER_TIE && s->st.clock < 1800 && margin == 3 &&
	    s->st.period == s->g->nperiods)
		need = 3;
	shooter = pick(s, o, R_SHOOT, -1);
	z = choose_zone(s, o, shooter, need);
	shot_spot(s, z, &dx, &dy);
	three = is_three(dx, dy);
	mp = make_prob(s, o, shooter, z);
	fouled = !buzzer && rng_chance(&s->rng, foul_p[z]);
	made = rng_chance(&s->rng, fouled ? mp * 0.45 : mp);
	if (!made && !fouled && rng_chance(&s->rng, block_p[z]))
		blocker = pick(s, d, R_BLOCK, -1);
	if (made && rng_chance(&s->rng, s->st.start == S_OREB ? 0.25 : assist_p[z]))
		assister = pick(s, o, R_PASS, shooter);

	if (!(fouled && !made)) {   /* a missed shot on a foul is no attempt */
		p = play_new(s, SIM_FIELD_GOAL, o);
		place(s, &p, o, dx, dy);
		p.shot_type = (uint8_t)shot_type(s, o, shooter, z, &p.shot_desc);
		p.qualifiers = (uint8_t)(possession_qualifiers(s) |
		    (made && z <= Z_PAINT && !three ? SIM_Q_PAINT : 0));
		if (assister >= 0)
			play_stat(&p, SIM_S_AST, o, assister, false, false, false);
		play_stat(&p, SIM_S_FG, o, shooter, made, three, false);
		if (blocker >= 0) {
			play_stat(&p, SIM_S_BLK, d, blocker, false, false, false);
			play_stat(&p, SIM_S_BLOCKED, o, shooter, false, false, false);
		}
		poss_shot(s, o, shooter, made, three, z <= Z_PAINT);
		if (made)
			score(s, o, three ? 3 : 2);
		emit(s, &p, 0);
	}
	s->st.fresh = false;
	if (fouled) {
		s->st.ft_qual = possession_qualifiers(s);
		clock_stop(s);
		fouler = pick(s, d, R_FOUL, -1);
		charge_foul(s, d, fouler, SIM_FOUL_SHOOTING);
		emit_foul(s, d, fouler, shooter, SIM_FOUL_SHOOTING);
		dead(s, rng_int(&s->rng, 5000, 12000));
		sub_window(s, o, shooter);
		maybe_timeout(s, d);
		free_throws(s, o, shooter, made ? 1 : three ? 3 : 2, SIM_FT_REGULAR, -1);
		return;
	}
	if (made) {
		possession_open(s, d, S_MADE);
		if (s->st.clock > 0)
			maybe_timeout(s, d);
		return;
	}
	if (buzzer) {
		clock_run(s, s->st.clock);
		return;
	}
	rebound(s, false);
}

/* A missed heave from beyond half court as the period ends. */
static void
heave(struct gen *s)
{
	int o = s->st.offense, shooter = pick(s, o, R_SHOOT, -1);
	int dx = rng_int(&s->rng, 560, 900), dy = rng_int(&s->rng, -180, 180);
	bool made = rng_chance(&s->rng, 0.02);
	struct sim_play p;

	p = play_new(s, made ? SIM_FIELD_GOAL : SIM_HEAVE, o);
	place(s, &p, o, dx, dy);
	p.shot_type = SIM_SHOT_JUMP;
	play_stat(&p, SIM_S_FG, o, shooter, made, true, false);
	poss_shot(s, o, shooter, made, true, false);
	if (made)
		score(s, o, 3);
	emit(s, &p, 0);
	s->st.fresh = false;
	clock_run(s, s->st.clock);
}

static void
turnover(struct gen *s)
{
	static const enum sim_tov_type dead_types[] = {
		SIM_TOV_TRAVELING, SIM_TOV_OUT_OF_BOUNDS, SIM_TOV_BAD_PASS,
		SIM_TOV_LOST_BALL, SIM_TOV_DOUBLE_DRIBBLE, SIM_TOV_THREE_SECONDS,
		SIM_TOV_TRAVELING, SIM_TOV_BAD_PASS,
	};
	int o = s->st.offense, d = !o, who, stealer, drawer;
	double r = rng_unit(&s->rng);
	struct sim_play p;
	int64_t at;

	s->st.fresh = false;
	if (poss_of(s, o) != NULL)
		poss_of(s, o)->turnover = true;
	if (r < 0.06 && s->st.sc < s->st.clock) {
		/* shot-clock violation: a team turnover */
		clock_run(s, s->st.sc);
		clock_stop(s);
		p = play_new(s, SIM_TURNOVER, o);
		p.tov_type = SIM_TOV_SHOT_CLOCK;
		play_stat(&p, SIM_S_TOV, o, -1, false, false, false);
		emit(s, &p, 0);
		dead(s, rng_int(&s->rng, 5000, 12000));
		sub_window(s, -1, -1);
		possession_open(s, d, S_SIDEOUT);
		s->st.qual |= SIM_Q_FROMTURNOVER;
		return;
	}
	who = pick(s, o, R_SHOOT, -1);
	if (r < 0.22) {
		/* offensive foul: a foul and its turnover, one sequence */
		clock_stop(s);
		drawer = pick(s, d, R_FOUL, -1);
		charge_foul(s, o, who, SIM_FOUL_OFFENSIVE);
		at = emit_foul(s, o, who, drawer, SIM_FOUL_OFFENSIVE);
		p = play_new(s, SIM_TURNOVER, o);
		p.tov_type = SIM_TOV_OFFENSIVE_FOUL;
		play_stat(&p, SIM_S_TOV, o, who, false, false, false);
		place_near(s, &p, o, Z_PAINT);
		if (at > 0) {
			int ev = new_event(s, &p, s->st.last_seq);

			add_send(s, at + rng_int(&s->rng, 100, 900), ev, add_version(s, &p));
		} else {
			emit(s, &p, SAME_SEQ);
		}
		dead(s, rng_int(&s->rng, 6000, 14000));
		sub_window(s, -1, -1);
		maybe_timeout(s, d);
		possession_open(s, d, S_SIDEOUT);
		s->st.qual |= SIM_Q_FROMTURNOVER;
		return;
	}
	p = play_new(s, SIM_TURNOVER, o);
	place_near(s, &p, o, rng_chance(&s->rng, 0.5) ? Z_MID : Z_ABOVE3);
	if (r < 0.70) {
		/* live ball: stolen */
		stealer = pick(s, d, R_STEAL, -1);
		p.tov_type = rng_chance(&s->rng, 0.6) ? SIM_TOV_BAD_PASS : SIM_TOV_LOST_BALL;
		play_stat(&p, SIM_S_TOV, o, who, false, false, false);
		play_stat(&p, SIM_S_STL, d, stealer, false, false, false);
		emit(s, &p, 0);
		possession_open(s, d, rng_chance(&s->rng, 0.45) ? S_FASTBREAK : S_LIVE);
		s->st.qual |= SIM_Q_FROMTURNOVER;
		return;
	}
	clock_stop(s);
	if (s->corrections && s->spurious < 2 && rng_chance(&s->rng, 0.1)) {
		/* the operator first logs a violation, then takes it back */
		struct sim_play v = play_new(s, SIM_VIOLATION, o);

		emit_spurious(s, &v);
	}
	p.tov_type = (uint8_t)dead_types[rng_int(&s->rng, 0,
	    (int)(sizeof dead_types / sizeof dead_types[0]) - 1)];
	play_stat(&p, SIM_S_TOV, o, who, false, false, false);
	emit(s, &p, 0);
	dead(s, rng_int(&s->rng, 5000, 12000));
	sub_window(s, -1, -1);
	maybe_timeout(s, o);
	possession_open(s, d, S_SIDEOUT);
	s->st.qual |= SIM_Q_FROMTURNOVER;
}

/* A non-shooting defensive foul: side out, or free throws in the penalty. */
static void
defensive_foul(struct gen *s, bool intentional)
{
	int o = s->st.offense, d = !o, fouler, drawer;

	clock_stop(s);
	s->st.fresh = false;
	fouler = pick(s, d, R_FOUL, -1);
	/* late-game fouls go after the bigs, the weaker free-throw shooters */
	drawer = intentional ? pick(s, o, R_REBOUND, -1) : pick(s, o, R_SHOOT, -1);
	charge_foul(s, d, fouler, SIM_FOUL_PERSONAL);
	emit_foul(s, d, fouler, drawer, SIM_FOUL_PERSONAL);
	dead(s, rng_int(&s->rng, 5000, 12000));
	if (penalty(s, d)) {
		s->st.ft_qual = possession_qualifiers(s);
		sub_window(s, o, drawer);
		free_throws(s, o, drawer, 2, SIM_FT_REGULAR, -1);
		return;
	}
	sub_window(s, -1, -1);
	maybe_timeout(s, o);
	s->st.start = S_SIDEOUT;
	if (s->st.sc < s->oreb_clock)
		s->st.sc = s->oreb_clock;
}

static void
technical(struct gen *s)
{
	int side = rng_chance(&s->rng, 0.6) ? !s->st.offense : s->st.offense;
	int who = pick(s, side, R_FOUL, -1), keep = s->st.offense;

	if (s->st.ps[side][who].techs > 0)
		return;
	clock_stop(s);
	charge_foul(s, side, who, SIM_FOUL_TECHNICAL);
	emit_foul(s, side, who, -1, SIM_FOUL_TECHNICAL);
	dead(s, rng_int(&s->rng, 8000, 20000));
	free_throws(s, !side, best_ft_shooter(s, !side), 1, SIM_FT_TECHNICAL, keep);
}

static void
flagrant(struct gen *s)
{
	int o = s->st.offense, d = !o, fouler = pick(s, d, R_FOUL, -1);
	int drawer = pick(s, o, R_SHOOT, -1);

	clock_stop(s);
	s->st.fresh = false;
	charge_foul(s, d, fouler, SIM_FOUL_FLAGRANT);
	emit_foul(s, d, fouler, drawer, SIM_FOUL_FLAGRANT);
	dead(s, rng_int(&s->rng, 40000, 90000));   /* the officials review it */
	s->st.ft_qual = possession_qualifiers(s);
	sub_window(s, o, drawer);
	free_throws(s, o, drawer, 2, SIM_FT_FLAGRANT, o);
	s->st.sc = s->shot_clock;
}

/*
 * A gentle hand on the pace: a team well behind its usual possessions for
 * the time played hurries a little, one well ahead slows down, so games
 * land near 100 possessions (80 for halves) like real ones.
 */
static double
pace(const struct gen *s)
{
	const struct sim_game *g = s->g;
	double played, expected, ahead;

	if (s->st.period > g->regulation)
		return 1;
	played = (double)(s->st.period - 1) * g->period_tenths +
	    (g->period_tenths - s->st.clock);
	expected = played / ((double)g->regulation * g->period_tenths) *
	    (g->opt.halves ? 80 : 100);
	ahead = (s->st.reg_poss[0] + s->st.reg_poss[1]) / 2.0 - expected;
	return clampd(1 + 0.03 * ahead, 0.8, 1.25);
}

/* How long the offense takes before the next action. */
static int
action_time(struct gen *s)
{
	double mean, sd;
	int t;

	switch (s->st.start) {
	case S_MADE:      mean = 140; sd = 45; break;
	case S_LIVE:      mean = 115; sd = 45; break;
	case S_OREB:      mean = 55;  sd = 35; break;
	case S_SIDEOUT:   mean = 85;  sd = 40; break;
	case S_FASTBREAK:
	default:          mean = 45;  sd = 15; break;
	}
	if (s->g->opt.halves)
		mean *= 1.05;
	mean *= pace(s);
	t = (int)lround(rng_normal(&s->rng, mean, sd));
	if (t < 15)
		t = 15;
	if (t > s->st.sc - 3)
		t = s->st.sc - 3 - rng_int(&s->rng, 0, 20);
	if (t < 10)
		t = 10;
	return t;
}

/* One action of the team with the ball. */
static void
action(struct gen *s)
{
	int o = s->st.offense, d = !o, t, margin = s->st.score[o] - s->st.score[d];
	double r;

	/* a fresh possession with seconds left: heave, or let it run out */
	if (s->st.fresh && s->st.start != S_OREB && s->st.clock <= 40) {
		if (s->st.clock >= 8 && rng_chance(&s->rng, 0.75)) {
			clock_run(s, s->st.clock - rng_int(&s->rng, 1, 4));
			heave(s);
		} else {
			clock_run(s, s->st.clock);
		}
		return;
	}
	/* late and behind: the defense fouls to stop the clock */
	if (final_period(s) && s->st.clock < 500 && margin >= 3 && margin <= 9 &&
	    s->steer == STEER_NONE && rng_chance(&s->rng, 0.6)) {
		clock_run(s, rng_int(&s->rng, 10, 40));
		if (s->st.clock > 0) {
			defensive_foul(s, true);
			return;
		}
	}
	t = action_time(s);
	if (t >= s->st.clock) {
		if (s->st.clock >= 15) {
			clock_run(s, s->st.clock - rng_int(&s->rng, 1, 9));
			field_goal(s, true);
		} else {
			clock_run(s, s->st.clock);
		}
		return;
	}
	clock_run(s, t);
	r = rng_unit(&s->rng);
	if (r < 0.115)
		turnover(s);
	else if (r < 0.115 + 0.085)
		defensive_foul(s, false);
	else if (r < 0.2 + 0.005)
		technical(s);
	else if (r < 0.205 + 0.0015)
		flagrant(s);
	else
		field_goal(s, false);
}

/* --- periods --- */

static void
jump_ball(struct gen *s)
{
	struct sim_play p;
	int jumper[2], side, winner;

	for (side = 0; side < 2; side++) {
		int i, best = s->st.five[side][0];

		for (i = 1; i < SIM_FIVE; i++)
			if (s->g->team[side].players[s->st.five[side][i]].reb >
			    s->g->team[side].players[best].reb)
				best = s->st.five[side][i];
		jumper[side] = best;
	}
	winner = rng_chance(&s->rng, 0.5) ? CS_HOME : CS_AWAY;
	s->st.offense = winner;
	p = play_new(s, SIM_JUMPBALL, winner);
	p.jumper[0] = (int8_t)jumper[0];
	p.jumper[1] = (int8_t)jumper[1];
	p.gainer = (int8_t)pick(s, winner, R_PASS, jumper[winner]);
	emit(s, &p, 0);
	if (s->st.period == 1)
		s->st.tip_winner = winner;
}

static void
period_break(struct gen *s, int period)
{
	const struct sim_game *g = s->g;
	int side, i, ms;
	double rest;

	if (period == g->regulation / 2) {
		ms = 120000;   /* half time, scaled down so demos keep moving */
		rest = 0.6;
	} else if (period < g->regulation) {
		ms = 130000;
		rest = 0.3;
	} else {
		ms = 100000;
		rest = 0.3;
	}
	dead(s, ms);
	for (side = 0; side < 2; side++)
		for (i = 0; i < g->team[side].nplayers; i++)
			s->st.ps[side][i].energy = clampd(s->st.ps[side][i].energy + rest, 0, 1);
}

static void
play_period(struct gen *s, int period)
{
	struct sim_game *g = s->g;
	struct sim_play p;
	int side, first, last;

	s->st.period = period;
	s->st.clock = sim_period_tenths(g, period);
	s->st.sc = s->shot_clock;
	if (!(g->opt.halves && period > g->regulation))
		s->st.team_fouls[0] = s->st.team_fouls[1] = 0;
	s->st.fouls_last2[0] = s->st.fouls_last2[1] = 0;
	s->st.qual = 0;
	g->nperiods = period;
	s->st.nperiods = period;

	p = play_new(s, SIM_PERIOD_START, -1);
	p.idless = 0;
	emit(s, &p, 0);
	s->st.feed += 1000;
	/* the five to start: the starters after half time, else the coach's call */
	for (side = 0; side < 2; side++) {
		if (period == 1 || period == g->regulation / 2 + 1) {
			int i, n = 0;

			for (i = 0; i < g->team[side].nplayers && n < SIM_FIVE; i++)
				if (g->team[side].players[i].starter &&
				    s->st.ps[side][i].fouls < g->foul_limit)
					s->st.five[side][n++] = i;
			for (i = 0; i < g->team[side].nplayers && n < SIM_FIVE; i++)
				if (!g->team[side].players[i].starter &&
				    s->st.ps[side][i].fouls < g->foul_limit)
					s->st.five[side][n++] = i;
		}
		coach(s, side, 5, -1, true);
	}
	for (side = 0; side < 2; side++)
		emit_lineup(s, side);

	if (period == 1 || period > g->regulation) {
		jump_ball(s);
		first = s->st.offense;
	} else if (g->opt.halves) {
		first = !s->st.tip_winner;
	} else {
		first = period == 4 ? s->st.tip_winner : !s->st.tip_winner;
	}
	s->st.poss = -1;
	possession_open(s, first, S_SIDEOUT);

	while (s->st.clock > 0 && !s->oom)
		action(s);

	clock_stop(s);
	last = s->st.poss;
	possession_close(s);
	s->st.feed += rng_int(&s->rng, 500, 1500);
	/* The period's last possession goes out before the period's end: after
	 * the game's, a client has closed its socket (GAME_END ends the feed). */
	if (last >= 0 && g->poss[last].send_ms >= s->st.feed)
		g->poss[last].send_ms = s->st.feed - 1;
	p = play_new(s, SIM_PERIOD_END, -1);
	p.clock = 0;
	p.idless = 0;
	emit(s, &p, 0);
}

/* What a replay of a period restores: the state and the record's lengths. */
struct snapshot {
	struct gstate st;
	size_t nversions, nevents, nsends, nmarks, nposs;
	int reentries, spurious;
};

static void
snap(const struct gen *s, struct snapshot *x)
{
	x->st = s->st;
	x->nversions = s->g->nversions;
	x->nevents = s->g->nevents;
	x->nsends = s->g->nsends;
	x->nmarks = s->g->nmarks;
	x->nposs = s->g->nposs;
	x->reentries = s->reentries;
	x->spurious = s->spurious;
}

static void
restore(struct gen *s, const struct snapshot *x)
{
	s->st = x->st;
	s->g->nversions = x->nversions;
	s->g->nevents = x->nevents;
	s->g->nsends = x->nsends;
	s->g->nmarks = x->nmarks;
	s->g->nposs = x->nposs;
	s->g->nperiods = x->st.nperiods;
	s->reentries = x->reentries;
	s->spurious = x->spurious;
}

/* The ids of periods 13 on, from a stream of their own, so that a seed's
 * game stays the game it was when the sim kept 12 periods. */
static void
period_ids_past_twelve(struct sim_game *g, uint64_t seed)
{
	struct rng r;
	int i;

	rng_seed(&r, seed ^ 0x6f76657274696d65ULL);   /* "overtime" */
	for (i = SIM_PERIODS_RNG; i < SIM_PERIODS_MAX; i++) {
		rng_uuid(&r, g->sr_period_id[i]);
		rng_uuid(&r, g->st_session_id[i]);
	}
}

/* How period `period` should end: tied for a forced overtime, untied for
 * the last one asked for (--overtimes), or as it comes. */
static enum steer
period_steer(const struct sim_game *g, int period)
{
	int last = g->regulation + g->opt.overtimes;

	if (g->opt.overtimes > 0 && last > SIM_PERIODS_MAX)
		last = SIM_PERIODS_MAX;
	if (g->opt.overtimes > 0 && period >= g->regulation)
		return period < last ? STEER_TIE : STEER_NO_TIE;
	if (period == g->regulation && g->opt.force_overtime)
		return STEER_TIE;
	if (period == SIM_PERIODS_MAX)
		return STEER_NO_TIE;
	return STEER_NONE;
}

static void
play_game(struct gen *s)
{
	struct sim_game *g = s->g;
	struct snapshot x;
	struct sim_play p;
	int period, attempt;
	bool tied;

	s->st.feed = 5000;   /* a few seconds of nothing before the tip */
	g->tipoff_ms = s->st.feed;
	for (period = 1; period <= SIM_PERIODS_MAX && !s->oom; period++) {
		s->steer = period_steer(g, period);
		snap(s, &x);
		for (attempt = 0; ; attempt++) {
			play_period(s, period);
			tied = s->st.score[0] == s->st.score[1];
			if (s->steer == STEER_NONE || attempt >= 400 || s->oom ||
			    (s->steer == STEER_TIE) == tied)
				break;
			restore(s, &x);
		}
		if (period < g->regulation) {
			period_break(s, period);
			continue;
		}
		if (s->st.score[0] != s->st.score[1])
			break;
		period_break(s, period);
	}
	s->st.feed += 1000;
	p = play_new(s, SIM_GAME_END, -1);
	p.idless = 0;
	p.clock = 0;
	emit(s, &p, 0);
	g->score[0] = s->st.score[0];
	g->score[1] = s->st.score[1];
	g->reg_possessions[0] = s->st.reg_poss[0];
	g->reg_possessions[1] = s->st.reg_poss[1];
}

/* --- teams --- */

static bool
name_taken(const struct sim_game *g, const char *full)
{
	int side, i;

	for (side = 0; side < 2; side++)
		for (i = 0; i < g->team[side].nplayers; i++)
			if (strcmp(g->team[side].players[i].full, full) == 0)
				return true;
	return false;
}

static bool
st_id_taken(const struct sim_game *g, const char *id)
{
	int side, i;

	for (side = 0; side < 2; side++)
		for (i = 0; i < g->team[side].nplayers; i++)
			if (strcmp(g->team[side].players[i].st_id, id) == 0)
				return true;
	return false;
}

static void
make_player(struct gen *s, struct sim_player *p, char pos, int depth)
{
	static const double zones[3][SHOT_ZONES] = {
		{ 0.22, 0.13, 0.15, 0.09, 0.41 },   /* guard */
		{ 0.28, 0.15, 0.15, 0.13, 0.29 },   /* forward */
		{ 0.55, 0.25, 0.09, 0.03, 0.08 },   /* center */
	};
	static const double prio[] = { 1.0, 1.0, 1.0, 1.0, 1.0, 0.84, 0.8, 0.76,
	    0.7, 0.62, 0.34, 0.3, 0.26, 0.22, 0.2 };
	int k = pos == 'G' ? 0 : pos == 'F' ? 1 : 2, i;
	double sum = 0;

	do {
		const char *suffix = rng_chance(&s->rng, 0.04) ? " Jr." : "";

		cs_strlcpy(p->first, sim_first_names[rng_int(&s->rng, 0,
		    (int)sim_nfirst_names - 1)], sizeof p->first);
		snprintf(p->last, sizeof p->last, "%s%s", sim_last_names[rng_int(&s->rng,
		    0, (int)sim_nlast_names - 1)], suffix);
		snprintf(p->full, sizeof p->full, "%s %s", p->first, p->last);
	} while (name_taken(s->g, p->full));
	do {
		snprintf(p->st_id, sizeof p->st_id, "%d", rng_int(&s->rng, 1000, 9999));
	} while (st_id_taken(s->g, p->st_id));
	rng_uuid(&s->rng, p->sr_id);
	snprintf(p->reference, sizeof p->reference, "%d", rng_int(&s->rng, 1626000, 1642999));
	p->pos = pos;
	p->starter = depth < SIM_FIVE;
	p->prio = prio[depth] + rng_normal(&s->rng, 0, 0.02);
	p->usage = (k == 0 ? 1.0 : k == 1 ? 0.9 : 0.8) *
	    clampd(rng_normal(&s->rng, 1, 0.15), 0.6, 1.5) * (depth < SIM_FIVE ? 1 : 0.85);
	p->skill = clampd(rng_normal(&s->rng, 0, 0.025), -0.06, 0.06);
	p->ft = clampd((k == 0 ? 0.82 : k == 1 ? 0.77 : 0.68) +
	    rng_normal(&s->rng, 0, 0.05), 0.5, 0.94);
	p->reb = (k == 0 ? 0.6 : k == 1 ? 1.0 : 1.7) * clampd(rng_normal(&s->rng, 1, 0.15), 0.5, 1.6);
	p->pass = (k == 0 ? 1.7 : k == 1 ? 0.9 : 0.6) * clampd(rng_normal(&s->rng, 1, 0.2), 0.4, 1.8);
	p->steal = k == 0 ? 1.3 : k == 1 ? 1.0 : 0.7;
	p->block = k == 0 ? 0.3 : k == 1 ? 0.9 : 2.4;
	for (i = 0; i < SHOT_ZONES; i++) {
		p->zone[i] = zones[k][i] * clampd(rng_normal(&s->rng, 1, 0.2), 0.3, 1.8);
		sum += p->zone[i];
	}
	for (i = 0; i < SHOT_ZONES; i++)
		p->zone[i] /= sum;
}

static void
make_jerseys(struct gen *s, struct sim_team *t)
{
	bool used[100];
	int i, n;

	memset(used, 0, sizeof used);
	for (i = 0; i < t->nplayers; i++) {
		if (i == 0 && rng_chance(&s->rng, 0.3)) {
			cs_strlcpy(t->players[i].jersey, "0", sizeof t->players[i].jersey);
			used[0] = true;
			continue;
		}
		if (i == 1 && rng_chance(&s->rng, 0.2)) {
			cs_strlcpy(t->players[i].jersey, "00", sizeof t->players[i].jersey);
			continue;
		}
		do {
			n = rng_chance(&s->rng, 0.8) ? rng_int(&s->rng, 1, 35) :
			    rng_int(&s->rng, 40, 99);
		} while (used[n]);
		used[n] = true;
		snprintf(t->players[i].jersey, sizeof t->players[i].jersey, "%d", n);
	}
}

static void
make_team(struct gen *s, int side, int name_index)
{
	static const char depth_pos[SIM_ROSTER_MAX] = {
		'G', 'G', 'F', 'F', 'C', 'G', 'F', 'C', 'G', 'F', 'C', 'G', 'F', 'G', 'C',
	};
	const struct sim_team_name *tn = &sim_team_names[name_index];
	struct sim_team *t = &s->g->team[side];
	struct sim_player tmp;
	int i, j, n = rng_int(&s->rng, 13, 15);

	cs_strlcpy(t->market, tn->market, sizeof t->market);
	cs_strlcpy(t->name, tn->name, sizeof t->name);
	cs_strlcpy(t->alias, tn->alias, sizeof t->alias);
	t->color = tn->color;
	rng_uuid(&s->rng, t->sr_id);
	snprintf(t->reference, sizeof t->reference, "16106127%02d", rng_int(&s->rng, 10, 99));
	do {
		snprintf(t->st_id, sizeof t->st_id, "%d", rng_int(&s->rng, 100, 999));
	} while (side == 1 && strcmp(t->st_id, s->g->team[0].st_id) == 0);
	if (s->g->opt.night_teams[0] > 0)   /* a night: one id per team, none shared */
		snprintf(t->st_id, sizeof t->st_id, "%u",
		    (unsigned)(100 + 27 * name_index) % 1000u);
	for (i = 0; i < n; i++) {
		t->nplayers = i;
		make_player(s, &t->players[i], depth_pos[i], i);
	}
	t->nplayers = n;
	/* one or two stars carry the offense */
	t->players[rng_int(&s->rng, 0, 2)].usage *= 1.6;
	if (rng_chance(&s->rng, 0.5))
		t->players[rng_int(&s->rng, 2, 4)].usage *= 1.3;
	for (i = 0; i < n; i++)
		t->players[i].prio += t->players[i].usage > 1.4 ? 0.05 : 0;
	/* a roster is not in depth-chart order */
	for (i = n - 1; i > 0; i--) {
		j = rng_int(&s->rng, 0, i);
		tmp = t->players[i];
		t->players[i] = t->players[j];
		t->players[j] = tmp;
	}
	make_jerseys(s, t);
}

/* --- finishing the record --- */

/* A few old events re-sent late, as real feeds do. */
static void
late_resends(struct gen *s)
{
	struct sim_game *g = s->g;
	size_t nsends = g->nsends, i;
	int k, n = rng_int(&s->rng, 4, 9), ev, version;
	int64_t first, at;
	bool deleted;

	for (k = 0; k < n && g->nevents > 0; k++) {
		ev = rng_int(&s->rng, 0, (int)g->nevents - 1);
		first = -1;
		deleted = false;
		for (i = 0; i < nsends; i++) {
			if (g->sends[i].ev != ev)
				continue;
			if (g->sends[i].version < 0)
				deleted = true;
			if (first < 0 || g->sends[i].at_ms < first)
				first = g->sends[i].at_ms;
		}
		if (deleted || first < 0 || g->events[ev].kind == SIM_GAME_END ||
		    g->events[ev].kind == SIM_PERIOD_START ||
		    g->events[ev].kind == SIM_PERIOD_END)
			continue;
		at = first + rng_int(&s->rng, 30000, 240000);
		version = -1;
		for (i = 0; i < nsends; i++) {
			if (g->sends[i].ev == ev && g->sends[i].at_ms <= at &&
			    (version < 0 || g->sends[i].at_ms >= g->sends[version].at_ms))
				version = (int)i;
		}
		if (version >= 0)
			add_send(s, at, ev, g->sends[version].version);
	}
}

static int
cmp_send(const void *a, const void *b)
{
	const struct sim_send *x = a, *y = b;

	if (x->at_ms != y->at_ms)
		return x->at_ms < y->at_ms ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* An event's place in the game: what the order of the play-by-play sorts on. */
struct place {
	int period;
	int64_t seq;
	int number, ev;
};

static int
cmp_place(const void *a, const void *b)
{
	const struct place *x = a, *y = b;

	if (x->period != y->period)
		return x->period < y->period ? -1 : 1;
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	if (x->number != y->number)
		return x->number < y->number ? -1 : 1;
	return x->ev < y->ev ? -1 : x->ev > y->ev;
}

static int
finish(struct gen *s)
{
	struct sim_game *g = s->g;
	struct place *places;
	size_t i;
	int *fill;

	if (s->corrections)
		late_resends(s);
	if (s->oom)
		return -1;
	qsort(g->sends, g->nsends, sizeof *g->sends, cmp_send);
	g->ev_sends = calloc(g->nsends + 1, sizeof *g->ev_sends);
	g->order = calloc(g->nevents + 1, sizeof *g->order);
	fill = calloc(g->nevents + 1, sizeof *fill);
	if (g->ev_sends == NULL || g->order == NULL || fill == NULL) {
		free(fill);
		return -1;
	}
	for (i = 0; i < g->nevents; i++)
		g->events[i].nsends = 0;
	for (i = 0; i < g->nsends; i++)
		g->events[g->sends[i].ev].nsends++;
	for (i = 0; i < g->nevents; i++)
		g->events[i].send0 = i == 0 ? 0 :
		    g->events[i - 1].send0 + g->events[i - 1].nsends;
	for (i = 0; i < g->nsends; i++) {
		int ev = g->sends[i].ev;

		g->ev_sends[g->events[ev].send0 + fill[ev]++] = (int)i;
	}
	free(fill);
	places = calloc(g->nevents + 1, sizeof *places);
	if (places == NULL)
		return -1;
	for (i = 0; i < g->nevents; i++) {
		places[i].period = g->events[i].period;
		places[i].seq = g->events[i].seq;
		places[i].number = g->events[i].number;
		places[i].ev = (int)i;
	}
	qsort(places, g->nevents, sizeof *places, cmp_place);
	for (i = 0; i < g->nevents; i++)
		g->order[i] = places[i].ev;
	free(places);
	g->end_ms = 0;
	for (i = 0; i < g->nsends; i++)
		if (g->sends[i].at_ms > g->end_ms)
			g->end_ms = g->sends[i].at_ms;
	for (i = 0; i < g->nposs; i++)
		if (g->poss[i].send_ms > g->end_ms)
			g->end_ms = g->poss[i].send_ms;
	return 0;
}

/* --- the public face --- */

struct sim_game *
sim_game_generate(const struct sim_options *opt)
{
	struct sim_game *g;
	struct gen *s;
	int a, b, side, i;

	if (opt == NULL)
		return NULL;
	g = calloc(1, sizeof *g);
	s = calloc(1, sizeof *s);
	if (g == NULL || s == NULL) {
		free(g);
		free(s);
		return NULL;
	}
	g->opt = *opt;
	s->g = g;
	rng_seed(&s->rng, opt->seed ^ 0x636f757274736964ULL);   /* "courtsid" */
	s->corrections = !opt->no_corrections;
	if (opt->halves) {
		g->regulation = 2;
		g->period_tenths = 12000;
		g->timeouts = 4;
		g->foul_limit = 5;
		s->shot_clock = 300;
		s->oreb_clock = 200;
	} else {
		g->regulation = 4;
		g->period_tenths = 7200;
		g->timeouts = 7;
		g->foul_limit = 6;
		s->shot_clock = 240;
		s->oreb_clock = 140;
	}
	g->ot_tenths = 3000;
	/* an evening in the first months of 2025, 19:30 UTC */
	g->epoch_ms = 1735689600000LL + (int64_t)(opt->seed % 150) * 86400000LL +
	    (19 * 60 + 30) * 60000LL;
	rng_uuid(&s->rng, g->sr_id);
	rng_uuid(&s->rng, g->st_id);
	rng_uuid(&s->rng, g->sr_season);
	snprintf(g->reference, sizeof g->reference, "00224%05d", rng_int(&s->rng, 1, 1230));
	for (i = 0; i < SIM_PERIODS_RNG; i++) {
		rng_uuid(&s->rng, g->sr_period_id[i]);
		rng_uuid(&s->rng, g->st_session_id[i]);
	}
	period_ids_past_twelve(g, opt->seed);
	a = rng_int(&s->rng, 0, (int)sim_nteam_names - 1);
	do {
		b = rng_int(&s->rng, 0, (int)sim_nteam_names - 1);
	} while (b == a);
	if (opt->night_teams[0] > 0 && opt->night_teams[1] > 0 &&
	    opt->night_teams[0] != opt->night_teams[1]) {
		/* drawn above all the same: the rest of the game does not move */
		a = opt->night_teams[0] - 1;
		b = opt->night_teams[1] - 1;
	}
	make_team(s, CS_HOME, a);
	make_team(s, CS_AWAY, b);
	for (side = 0; side < 2; side++) {
		s->strength[side] = rng_normal(&s->rng, side == CS_HOME ? 0.3 : 0, 1);
		for (i = 0; i < SIM_ROSTER_MAX; i++) {
			s->st.ps[side][i].energy = 1;
			s->st.ps[side][i].stamina = clampd(rng_normal(&s->rng,
			    g->team[side].players[i].starter ? 1.15 : 1.0, 0.12), 0.7, 1.5) *
			    (opt->halves && g->team[side].players[i].starter ? 1.5 : 1);
		}
	}
	s->st.poss = -1;
	s->st.run_side = -1;

	play_game(s);
	if (s->oom || finish(s) < 0 || sim_render_sportradar(g) < 0 ||
	    sim_render_shottracker(g) < 0) {
		free(s);
		sim_game_free(&g);
		return NULL;
	}
	free(s);
	return g;
}

static void
free_msgs(struct sim_msg *m, size_t n)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < n; i++)
		free((char *)(uintptr_t)m[i].json);
	free(m);
}

void
sim_game_free(struct sim_game **gp)
{
	struct sim_game *g;

	if (gp == NULL || *gp == NULL)
		return;
	g = *gp;
	free_msgs(g->sr_msgs, g->sr_n);
	free_msgs(g->st_msgs, g->st_n);
	free(g->versions);
	free(g->events);
	free(g->sends);
	free(g->ev_sends);
	free(g->order);
	free(g->marks);
	free(g->poss);
	free(g->st_versions);
	free(g);
	*gp = NULL;
}

const char *
sim_game_id(const struct sim_game *g, enum cs_provider p)
{
	if (g == NULL)
		return NULL;
	return p == CS_PROVIDER_SHOTTRACKER ? g->st_id : g->sr_id;
}

int64_t
sim_game_end_ms(const struct sim_game *g)
{
	return g != NULL ? g->end_ms : 0;
}

int64_t
sim_game_time_at(const struct sim_game *g, int period_sequence, int clock_tenths)
{
	size_t i;
	int64_t first = -1;

	if (g == NULL)
		return 0;
	if (period_sequence < 1)
		return 0;
	if (period_sequence > g->nperiods)
		return g->end_ms;
	for (i = 0; i < g->nmarks; i++) {
		const struct sim_mark *m = &g->marks[i];

		if (m->period != period_sequence)
			continue;
		if (first < 0)
			first = m->feed_ms;
		if (!m->running || i + 1 >= g->nmarks)
			continue;
		/* the clock runs from m to the next mark */
		if (clock_tenths <= m->clock && clock_tenths >= g->marks[i + 1].clock)
			return m->feed_ms + (int64_t)(m->clock - clock_tenths) * 100;
	}
	return first >= 0 ? first : g->end_ms;
}

/* --- helpers the renderers share --- */

const char *
sim_iso(const struct sim_game *g, int64_t feed_ms, char *buf, size_t size)
{
	time_t t = (time_t)((g->epoch_ms + feed_ms) / 1000);
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL || strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		cs_strlcpy(buf, "1970-01-01T00:00:00Z", size);
	return buf;
}

void
sim_game_clock(int tenths, char *buf, size_t size)
{
	if (tenths < 0)
		tenths = 0;
	snprintf(buf, size, "%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
}

const char *
sim_period_name(const struct sim_game *g, int period, char *buf, size_t size)
{
	if (period > g->regulation)
		snprintf(buf, size, "OT%d", period - g->regulation);
	else
		snprintf(buf, size, "%c%d", g->opt.halves ? 'H' : 'Q', period);
	return buf;
}
