/*
 * The ground truth's coach's numbers: paint, fast-break, second-chance and
 * off-turnover points, bench points, leads, runs, time leading,
 * possessions, ratings and the four factors, per side and period, as
 * model/game.h defines them (struct team_analytics).  Counted here from
 * the simulator's own plays by its own code, so that the client's export
 * can be checked against it:
 *
 *  - Sportradar: the qualifiers the generator put on the plays (the wire
 *    carries them as pointsinthepaint, fastbreak, 2ndchance, fromturnover);
 *  - ShotTracker (no qualifiers on its wire): the shot's spot in the lane
 *    (19 ft deep from the baseline; 16 ft wide, 12 ft for NCAA halves) and
 *    the sequence: a side gains the ball on a defensive rebound or the
 *    other side's turnover (then "from a turnover"); its first shot or free
 *    throw within 6.0 s of the gain makes a fast break; a player's
 *    offensive rebound makes the rest of the trip "second chance" and ends
 *    the fast break; the other side shooting, rebounding or turning it
 *    over, or its own turnover, ends all of it, as does a new period.
 */
#include "config.h"

#include <string.h>

#include "sim/simgame_internal.h"

#define FAST_BREAK 60            /* tenths */
#define LANE_FROM_BASELINE 228   /* inches: 19 ft */

static struct sim_coach_counts *
now(struct sim_coach *c, int side)
{
	return &c->per[side][c->period - 1];
}

void
sim_coach_time(struct sim_coach *c, int period, int tenths, const int points[2])
{
	if (period < 1 || period > SIM_PERIODS_MAX || points[0] == points[1])
		return;
	c->per[points[0] > points[1] ? 0 : 1][period - 1].leading_tenths += tenths;
}

static bool
in_lane(const struct sim_game *g, const struct sim_play *p)
{
	int half_width = g->opt.halves ? 72 : 96;   /* 12 ft, 16 ft */

	if (!p->has_loc || p->y < 300 - half_width || p->y > 300 + half_width)
		return false;
	return p->x <= LANE_FROM_BASELINE || p->x >= 1128 - LANE_FROM_BASELINE;
}

/* The marks a made shot earns, as SIM_Q_* bits. */
static int
marks(const struct sim_game *g, const struct sim_coach *c, const struct sim_play *p,
    const struct sim_stat *st, enum cs_provider prov)
{
	const struct sim_ball *b = &c->ball[st->side];
	int q = 0;

	if (prov == CS_PROVIDER_SPORTRADAR)
		return p->qualifiers;
	if (b->fast)
		q |= SIM_Q_FASTBREAK;
	if (b->second_chance)
		q |= SIM_Q_2NDCHANCE;
	if (b->from_turnover)
		q |= SIM_Q_FROMTURNOVER;
	if (st->kind == SIM_S_FG && !st->three && in_lane(g, p))
		q |= SIM_Q_PAINT;
	return q;
}

static void
points(const struct sim_game *g, struct sim_coach *c, const struct sim_play *p,
    const struct sim_stat *st, enum cs_provider prov)
{
	struct sim_coach_counts *n = now(c, st->side);
	int q = marks(g, c, p, st, prov), pts = st->points;

	n->pts += pts;
	if (st->kind == SIM_S_FG && (q & SIM_Q_PAINT))
		n->paint += pts;
	if (q & SIM_Q_FASTBREAK)
		n->fast_break += pts;
	if (q & SIM_Q_2NDCHANCE)
		n->second_chance += pts;
	if (q & SIM_Q_FROMTURNOVER)
		n->off_turnovers += pts;
	if (st->player >= 0 && st->player < g->team[st->side].nplayers &&
	    !g->team[st->side].players[st->player].starter)
		n->bench += pts;
	if (c->streak_side != st->side) {
		c->streak_side = st->side;
		c->streak = c->period_streak = 0;
	}
	c->streak += pts;
	c->period_streak += pts;
	if (c->streak > c->most_unanswered[st->side])
		c->most_unanswered[st->side] = c->streak;
	if (c->period_streak > n->most_unanswered)
		n->most_unanswered = c->period_streak;
}

static void
shot(const struct sim_game *g, struct sim_coach *c, const struct sim_play *p,
    const struct sim_stat *st, enum cs_provider prov)
{
	struct sim_coach_counts *n = now(c, st->side);
	struct sim_ball *b = &c->ball[st->side];

	if (st->kind == SIM_S_FG) {
		n->fga++;
		n->fgm += st->made;
		n->tpm += st->made && st->three;
	} else {
		n->fta++;
		n->ftm += st->made;
	}
	if (b->gained && !b->decided) {
		b->decided = true;
		b->fast = b->gain_clock - p->clock <= FAST_BREAK;
	}
	if (st->points > 0)
		points(g, c, p, st, prov);
	memset(&c->ball[!st->side], 0, sizeof c->ball[0]);
}

static void
gain(struct sim_ball *b, int clock, bool from_turnover)
{
	memset(b, 0, sizeof *b);
	b->gained = true;
	b->gain_clock = clock;
	b->from_turnover = from_turnover;
}

static void
stat(const struct sim_game *g, struct sim_coach *c, const struct sim_play *p,
    const struct sim_stat *st, enum cs_provider prov)
{
	struct sim_coach_counts *n = now(c, st->side);

	switch (st->kind) {
	case SIM_S_FG:
	case SIM_S_FT:
		shot(g, c, p, st, prov);
		break;
	case SIM_S_REB:
		memset(&c->ball[!st->side], 0, sizeof c->ball[0]);
		if (!st->offensive) {
			n->dreb += st->player >= 0;
			gain(&c->ball[st->side], p->clock, false);
		} else if (st->player >= 0) {
			n->oreb++;
			c->ball[st->side].second_chance = true;
			c->ball[st->side].fast = false;
		}
		break;
	case SIM_S_TOV:
		n->tov++;
		memset(&c->ball[st->side], 0, sizeof c->ball[0]);
		gain(&c->ball[!st->side], p->clock, true);
		break;
	default:
		break;
	}
}

void
sim_coach_play(const struct sim_game *g, struct sim_coach *c, const struct sim_play *p,
    enum cs_provider prov, const int before[2], const int after[2])
{
	int i, s, margin;

	if (p->period != c->period) {
		c->period = p->period;
		c->period_streak = 0;
		memset(c->ball, 0, sizeof c->ball);
	}
	for (i = 0; i < p->nstats; i++)
		if (p->stats[i].side == 0 || p->stats[i].side == 1)
			stat(g, c, p, &p->stats[i], prov);
	if (before[0] == after[0] && before[1] == after[1])
		return;
	for (s = 0; s < 2; s++) {
		margin = after[s] - after[!s];
		if (margin > now(c, s)->biggest_lead)
			now(c, s)->biggest_lead = margin;
	}
}

/* --- the export's "analytics" --- */

/* a / b rounded half up, as the export writes it; 0 without a denominator */
static long long
half_up(long long a, long long b)
{
	return b > 0 ? (2 * a + b) / (2 * b) : 0;
}

static void
figures_json(struct sim_buf *b, const struct sim_coach_counts *n,
    const struct sim_coach_counts *o, int most_unanswered)
{
	long long poss = 100LL * n->fga + 44LL * n->fta - 100LL * n->oreb + 100LL * n->tov;
	long long opp = 100LL * o->fga + 44LL * o->fta - 100LL * o->oreb + 100LL * o->tov;
	long long ortg = half_up(100LL * 100 * 10 * n->pts, poss);
	long long drtg = half_up(100LL * 100 * 10 * o->pts, opp);
	long long efg = half_up(10LL * 100 * (2 * n->fgm + n->tpm), 2LL * n->fga);
	long long ts = half_up(10LL * 100 * 100 * n->pts, 2 * (100LL * n->fga + 44LL * n->fta));
	long long tov = half_up(10LL * 100 * 100 * n->tov, poss);
	long long oreb = half_up(10LL * 100 * n->oreb, (long long)n->oreb + o->dreb);
	long long ftr = half_up(1000LL * n->fta, n->fga);

	sim_buf_printf(b, "\"points_in_paint\":%d,\"fast_break_pts\":%d,"
	    "\"second_chance_pts\":%d,\"points_off_turnovers\":%d,\"bench_points\":%d,"
	    "\"biggest_lead\":%d,\"most_unanswered\":%d,\"time_leading\":%d,",
	    n->paint, n->fast_break, n->second_chance, n->off_turnovers, n->bench,
	    n->biggest_lead, most_unanswered, n->leading_tenths / 10);
	sim_buf_printf(b, "\"possessions\":%s%lld.%02lld,", poss < 0 ? "-" : "",
	    (poss < 0 ? -poss : poss) / 100, (poss < 0 ? -poss : poss) % 100);
	sim_buf_printf(b, "\"offensive_rating\":%lld.%lld,\"defensive_rating\":%lld.%lld,"
	    "\"effective_fg_pct\":%lld.%lld,\"true_shooting_pct\":%lld.%lld,"
	    "\"tov_pct\":%lld.%lld,\"oreb_pct\":%lld.%lld,\"ft_rate\":%lld.%03lld",
	    ortg / 10, ortg % 10, drtg / 10, drtg % 10, efg / 10, efg % 10,
	    ts / 10, ts % 10, tov / 10, tov % 10, oreb / 10, oreb % 10,
	    ftr / 1000, ftr % 1000);
}

static void
add_counts(struct sim_coach_counts *sum, const struct sim_coach_counts *n)
{
	sum->pts += n->pts;
	sum->fgm += n->fgm;
	sum->fga += n->fga;
	sum->tpm += n->tpm;
	sum->ftm += n->ftm;
	sum->fta += n->fta;
	sum->oreb += n->oreb;
	sum->dreb += n->dreb;
	sum->tov += n->tov;
	sum->paint += n->paint;
	sum->fast_break += n->fast_break;
	sum->second_chance += n->second_chance;
	sum->off_turnovers += n->off_turnovers;
	sum->bench += n->bench;
	sum->leading_tenths += n->leading_tenths;
	if (n->biggest_lead > sum->biggest_lead)
		sum->biggest_lead = n->biggest_lead;
}

void
sim_coach_json(struct sim_buf *b, const struct sim_coach *c, int side, int nperiods)
{
	struct sim_coach_counts game[2];
	int s, i;

	memset(game, 0, sizeof game);
	for (s = 0; s < 2; s++)
		for (i = 0; i < SIM_PERIODS_MAX; i++)
			add_counts(&game[s], &c->per[s][i]);
	sim_buf_puts(b, ",\"analytics\":{");
	figures_json(b, &game[side], &game[!side], c->most_unanswered[side]);
	sim_buf_puts(b, ",\"periods\":[");
	for (i = 0; i < nperiods && i < SIM_PERIODS_MAX; i++) {
		sim_buf_printf(b, "%s{\"sequence\":%d,", i > 0 ? "," : "", i + 1);
		figures_json(b, &c->per[side][i], &c->per[!side][i],
		    c->per[side][i].most_unanswered);
		sim_buf_puts(b, "}");
	}
	sim_buf_puts(b, "]}");
}
